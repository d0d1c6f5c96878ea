import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.js';
import { loadConfig } from '../../platform/config.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { createFileStore } from '../../platform/files/store.js';
import type { DemoSeed } from '../../platform/module.js';
import { findAccountNamesByEmail, permissionsOf } from '../identity/index.js';
import { findIdsByCode } from '../organizations/index.js';
import { tablesOf, type ApplicationRow, type ApplicationsContext } from './applications.core.js';
import * as Apply from './apply.js';
import { issueOutput } from './output.js';
import * as P from './process.js';

/**
 * Demo cases in Disdukcapil Badung's inbox, made through the use cases with their clocks set in the past,
 * as the demo citizen and the unit's demo processor would have made them: two just submitted, one in
 * process, one waiting for the citizen's correction, one completed with its birth certificate issued, and
 * one overdue. A second run finds them (by their submit keys) and makes nothing.
 */
const SERVICE_SLUG = 'akta-kelahiran-badung';
const KEY = 'demo-proses-';
const CITIZEN = 'warga@satupintu.test';
const PROCESSOR = 'pemroses.adminduk@badung.satupintu.test';
const PDF = Buffer.from('%PDF-1.4\n% Berkas contoh Satupintu\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DAY = 86_400_000;

/** The day `days` before now, at 10.00 WITA (02.00 UTC), when the unit is open. */
const daysAgo = (days: number, hour = 2) => {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
};

type Case = 'submitted' | 'in_process' | 'awaiting' | 'completed' | 'overdue';
const CASES: { key: string; child: string; state: Case; days: number }[] = [
  { key: 'baru-1', child: 'I Putu Agus Pratama', state: 'submitted', days: 0 },
  { key: 'baru-2', child: 'Ni Kadek Ayu Lestari', state: 'submitted', days: 0 },
  { key: 'proses', child: 'I Made Bagus Wirawan', state: 'in_process', days: 1 },
  { key: 'perbaikan', child: 'Ni Komang Sri Dewi', state: 'awaiting', days: 3 },
  { key: 'selesai', child: 'I Ketut Arya Saputra', state: 'completed', days: 20 },
  { key: 'terlambat', child: 'Ni Luh Gede Permata', state: 'overdue', days: 12 },
];

export const seedProcessing: DemoSeed = async ({ database, progress }) => {
  const db = database.db;
  const t = tablesOf(db);
  const done = await t.selectFrom('applications.application').select('id').where('submitKey', 'like', `${KEY}%`).executeTakeFirst();
  const service = await sql<{ id: string }>`select id from standards.service_directory where slug = ${SERVICE_SLUG}`.execute(db);
  const accounts = await findAccountNamesByEmail(db, [CITIZEN, PROCESSOR]);
  const { unitId } = await findIdsByCode(db, { agency: 'DISDUKCAPIL-BDG', unit: 'ADMINDUK' });
  const citizenRow = accounts.find((a) => a.email === CITIZEN);
  const processorRow = accounts.find((a) => a.email === PROCESSOR);
  if (done || !service.rows[0] || !citizenRow || !processorRow || !unitId) return { logins: [], created: 0 };

  const config = loadConfig();
  const keys = new KeyRing(config);
  const files = createFileStore(config);
  const citizen: Actor = { kind: 'citizen', id: citizenRow.id, name: citizenRow.name, sessionId: 'seed' };
  const processor: Actor = {
    kind: 'staff',
    id: processorRow.id,
    name: processorRow.name,
    sessionId: 'seed',
    grants: [{ role: 'processor', scope: { kind: 'unit', id: unitId }, permissions: permissionsOf('processor') }],
  };
  const ctx = (actor: Actor, at: Date): ApplicationsContext => ({ db, actor, keys, files, now: () => at });
  const publicUrl = config.publicUrl;

  let created = 0;
  for (const [i, c] of CASES.entries()) {
    progress(i, CASES.length, c.key);
    const filed = daysAgo(c.days, c.days === 0 ? new Date().getUTCHours() : 2);
    const later = (hours: number) => new Date(filed.getTime() + hours * 3_600_000);
    const as = ctx(citizen, filed);
    let app: ApplicationRow = await Apply.startApplication(as, service.rows[0].id);
    app = await Apply.saveAnswers(as, app.id, app.version, {
      nik: '5103014507900001',
      nama_anak: c.child,
      tanggal_lahir: new Date(filed.getTime() - 7 * DAY).toISOString().slice(0, 10),
      telepon: '0812 3456 7890',
    });
    for (const requirement of ['surat_kelahiran', 'kk', 'formulir']) {
      await Apply.uploadDocument(as, app.id, requirement, PDF, `${requirement}.pdf`);
    }
    app = await Apply.submit(as, app.id, `${KEY}${c.key}`);
    created++;
    if (c.state === 'submitted') continue;
    app = await P.claim(ctx(processor, later(1)), app.id, app.version);
    if (c.state === 'awaiting') {
      await P.requestCorrection(ctx(processor, later(2)), app.id, app.version, {
        items: [{ key: 'formulir', note: 'Formulir F-2.01 belum ditandatangani dua orang saksi.' }],
        message: 'Mohon unggah ulang formulir pelaporan yang sudah ditandatangani saksi.',
      });
    }
    if (c.state === 'completed') {
      app = await P.checkRequirements(ctx(processor, later(2)), app.id, app.version, [
        { key: 'surat_kelahiran', outcome: 'ok' },
        { key: 'kk', outcome: 'ok' },
        { key: 'formulir', outcome: 'ok' },
      ]);
      app = await P.advanceStep(ctx(processor, later(3)), app.id, app.version);
      const { application } = await issueOutput(
        ctx(processor, later(4)),
        app.id,
        app.version,
        { productName: 'Kutipan Akta Kelahiran', source: { generate: true } },
        { publicUrl },
      );
      await P.complete(ctx(processor, later(5)), application.id, application.version);
    }
  }
  progress(CASES.length, CASES.length);
  return { logins: [], created };
};
