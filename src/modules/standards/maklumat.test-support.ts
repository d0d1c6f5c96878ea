/** Shared by the pledge's tests: two agencies with a unit each, a mall, and staff at every kind of scope. */
import type { Actor, Scope } from '../../platform/access/access.js';
import type { Db } from '../../platform/db/database.js';
import { createAgency, createMall, createServiceUnit, importRegions, ORGANIZATIONS_MANAGE } from '../organizations/index.js';
import type { MaklumatBody } from './maklumat.schemas.js';
import { standardWording, STANDARDS_MANAGE } from './maklumat.service.js';

export function staffAt(scope: Scope, name = 'Petugas Standar'): Actor {
  return {
    kind: 'staff',
    id: '22222222-2222-4222-8222-222222222222',
    name,
    sessionId: 'session-maklumat',
    grants: [{ role: 'standards-admin', scope, permissions: new Set([STANDARDS_MANAGE, ORGANIZATIONS_MANAGE]) }],
  };
}

export const PLATFORM = staffAt({ kind: 'platform' }, 'Admin Platform');

/** Disdukcapil Badung with its unit, BRI with its Kuta branch, and MPP Badung, built through the real services. */
export async function buildPledgeUnits(db: Db) {
  await importRegions(
    { db },
    [
      { code: '51', name: 'BALI', parentCode: null },
      { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
    ],
    { sourceVersion: 'maklumat-test@1' },
  );
  const ctx = { db, actor: PLATFORM };
  const dukcapil = await createAgency(ctx, { code: 'DISDUKCAPIL-BDG', name: 'Disdukcapil Kabupaten Badung', kind: 'regency_government' });
  const bri = await createAgency(ctx, { code: 'BRI', name: 'Bank Rakyat Indonesia', kind: 'bumn' });
  const adminduk = await createServiceUnit(ctx, {
    agencyId: dukcapil.id,
    code: 'ADMINDUK',
    name: 'Bidang Pelayanan Pendaftaran Penduduk',
    regionCode: '51.03',
  });
  const kuta = await createServiceUnit(ctx, { agencyId: bri.id, code: 'KC-KUTA', name: 'BRI Kantor Cabang Kuta', regionCode: '51.03' });
  const mall = await createMall(ctx, { regionCode: '51.03', code: 'MPP-BADUNG', name: 'MPP Badung', address: 'Jl. Raya Sempidi, Mengwi' });
  return {
    dukcapil,
    bri,
    adminduk,
    kuta,
    mall,
    staff: {
      platform: PLATFORM,
      dukcapil: staffAt({ kind: 'agency', id: dukcapil.id }, 'Petugas Disdukcapil'),
      adminduk: staffAt({ kind: 'unit', id: adminduk.id }, 'Petugas Adminduk'),
      bri: staffAt({ kind: 'agency', id: bri.id }, 'Petugas BRI'),
      mall: staffAt({ kind: 'mall', id: mall.id }, 'Pengelola MPP'),
    },
  };
}

/** A complete pledge of the Adminduk unit; `overrides` replace fields. */
export function pledgeBody(overrides: Partial<MaklumatBody> = {}): MaklumatBody {
  return {
    ...standardWording('Bidang Pelayanan Pendaftaran Penduduk'),
    signatoryName: 'I Made Sutama Wijaya, S.Sos., M.Si.',
    signatoryTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
    signedAt: '2026-01-05',
    place: 'Mangupura',
    ...overrides,
  };
}
