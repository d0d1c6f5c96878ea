import type { DemoLogin, DemoSeed } from '../../platform/module.js';
import { findIdsByCode } from '../organizations/index.js';
import type { Role } from './identity.roles.js';
import { createVerifiedAccount, type GrantTarget } from './identity.service.js';

/**
 * One demo account per role, placed in the demo tree (MPP Kabupaten Badung, Disdukcapil Badung), plus a
 * citizen. The password is printed by `npm start`; demo accounts have no second factor, which the demo
 * does not require (STAFF_TOTP_REQUIRED is on only in production).
 */
export const DEMO_PASSWORD = 'pelayanan-prima-2026';

export const seedIdentityDemo: DemoSeed = async ({ database, progress }) => {
  const db = database.db;
  const { agencyId, unitId, mallId } = await findIdsByCode(db, { agency: 'DISDUKCAPIL-BDG', unit: 'ADMINDUK', mall: 'MPP-BADUNG' });
  if (!agencyId || !unitId || !mallId) {
    throw new Error('identity demo needs the organizations demo (DISDUKCAPIL-BDG, ADMINDUK, MPP-BADUNG)');
  }
  const staff: { role: Role; email: string; name: string; grant: GrantTarget }[] = [
    {
      role: 'platform_admin',
      email: 'admin@satupintu.test',
      name: 'Ratna Sari Dewi',
      grant: { role: 'platform_admin', scopeKind: 'platform' },
    },
    {
      role: 'mall_manager',
      email: 'pengelola.mpp@badung.satupintu.test',
      name: 'I Gede Suarjana',
      grant: { role: 'mall_manager', scopeKind: 'mall', scopeId: mallId },
    },
    {
      role: 'agency_admin',
      email: 'admin.disdukcapil@badung.satupintu.test',
      name: 'Ni Luh Putu Ariani',
      grant: { role: 'agency_admin', scopeKind: 'agency', scopeId: agencyId },
    },
    {
      role: 'unit_admin',
      email: 'admin.adminduk@badung.satupintu.test',
      name: 'I Made Sudarsana',
      grant: { role: 'unit_admin', scopeKind: 'unit', scopeId: unitId },
    },
    {
      role: 'counter_officer',
      email: 'loket.adminduk@badung.satupintu.test',
      name: 'Kadek Ayu Lestari',
      grant: { role: 'counter_officer', scopeKind: 'unit', scopeId: unitId },
    },
    {
      role: 'processor',
      email: 'pemroses.adminduk@badung.satupintu.test',
      name: 'Komang Wiradana',
      grant: { role: 'processor', scopeKind: 'unit', scopeId: unitId },
    },
    {
      role: 'complaint_handler',
      email: 'pengaduan.disdukcapil@badung.satupintu.test',
      name: 'Putu Eka Pratiwi',
      grant: { role: 'complaint_handler', scopeKind: 'agency', scopeId: agencyId },
    },
    {
      role: 'evaluator',
      email: 'evaluator@menpan.satupintu.test',
      name: 'Dr. Hendra Gunawan',
      grant: { role: 'evaluator', scopeKind: 'platform' },
    },
    { role: 'auditor', email: 'auditor@satupintu.test', name: 'Siti Rahmawati', grant: { role: 'auditor', scopeKind: 'platform' } },
  ];
  const logins: DemoLogin[] = [];
  let created = 0;
  const total = staff.length + 1;
  for (const [i, s] of staff.entries()) {
    const result = await createVerifiedAccount(db, {
      kind: 'staff',
      email: s.email,
      name: s.name,
      password: DEMO_PASSWORD,
      grants: [s.grant],
    });
    if (result.created) created++;
    logins.push({ role: s.role, email: s.email, password: DEMO_PASSWORD });
    progress(i + 1, total, 'identity');
  }
  const citizen = await createVerifiedAccount(db, {
    kind: 'citizen',
    email: 'warga@satupintu.test',
    name: 'Wayan Sukarta',
    password: DEMO_PASSWORD,
  });
  if (citizen.created) created++;
  logins.push({ role: 'citizen', email: 'warga@satupintu.test', password: DEMO_PASSWORD });
  progress(total, total, 'identity');
  return { logins, created };
};
