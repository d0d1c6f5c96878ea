import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.js';
import { loadConfig } from '../../platform/config.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { createFileStore } from '../../platform/files/store.js';
import type { DemoSeed } from '../../platform/module.js';
import { findAccountNamesByEmail } from '../identity/index.js';
import { tablesOf, type Answers, type ApplicationsContext } from './applications.core.js';
import * as Apply from './apply.js';
import type { ApplicationForm, DataField } from './form.js';

/**
 * The demo citizen's own applications on Disdukcapil Badung's online services, made through the applying
 * use cases: a family-card draft half filled in, and a death certificate and a moving-out letter
 * submitted with their documents. A second run finds them (by their submit keys and the draft) and
 * makes nothing.
 */
const CITIZEN = 'warga@satupintu.test';
const DRAFT = 'kartu-keluarga-badung';
const SUBMITTED = ['akta-kematian-badung', 'surat-pindah-skpwni-badung'];
const KEY = 'demo-ajukan-';

const SAMPLE: Record<DataField['type'], (f: DataField) => string> = {
  text: () => 'I Nyoman Suarta',
  number: () => '1',
  date: () => '2026-11-20',
  nik: () => '5103014507900001',
  email: () => CITIZEN,
  phone: () => '+6281234567890',
  address: () => 'Jl. Raya Sempidi No. 5, Mengwi, Badung',
  choice: (f) => f.choices[0] ?? '',
};

/** Sample files each allowed type is recognised by (the store checks content). */
const FILES: Record<string, Buffer> = {
  'application/pdf': Buffer.from(
    '%PDF-1.4\n% Berkas contoh Satupintu\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  'image/jpeg': Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
    Buffer.alloc(64, 0x20),
    Buffer.from([0xff, 0xd9]),
  ]),
};

const sampleAnswers = (form: ApplicationForm, mandatoryOnly: boolean): Answers =>
  Object.fromEntries(form.data.filter((f) => f.mandatory || !mandatoryOnly).map((f) => [f.key, SAMPLE[f.type](f)]));

export const seedApplying: DemoSeed = async ({ database, progress }) => {
  const db = database.db;
  const [row] = await findAccountNamesByEmail(db, [CITIZEN]);
  const services = await sql<{
    id: string;
    slug: string;
  }>`select id, slug from standards.service_directory where slug in (${sql.join([DRAFT, ...SUBMITTED])})`.execute(db);
  if (!row) return { logins: [], created: 0 };
  const config = loadConfig();
  const citizen: Actor = { kind: 'citizen', id: row.id, name: row.name, sessionId: 'seed' };
  const ctx: ApplicationsContext = { db, actor: citizen, keys: new KeyRing(config), files: createFileStore(config) };
  const idOf = (slug: string) => services.rows.find((s) => s.slug === slug)?.id;

  let created = 0;
  for (const [i, slug] of SUBMITTED.entries()) {
    progress(i, SUBMITTED.length + 1, slug);
    const serviceId = idOf(slug);
    const done = await tablesOf(db)
      .selectFrom('applications.application')
      .select('id')
      .where('submitKey', '=', `${KEY}${slug}`)
      .executeTakeFirst();
    if (!serviceId || done) continue;
    let app = await Apply.startApplication(ctx, serviceId);
    const { form } = await Apply.formOf(db, app);
    app = await Apply.saveAnswers(ctx, app.id, app.version, sampleAnswers(form, false));
    for (const doc of form.documents.filter((d) => d.mandatory)) {
      const type = doc.fileTypes.find((t) => FILES[t]);
      if (type) await Apply.uploadDocument(ctx, app.id, doc.key, FILES[type]!, `${doc.key}.${type === 'image/jpeg' ? 'jpg' : 'pdf'}`);
    }
    await Apply.submit(ctx, app.id, `${KEY}${slug}`);
    created += 1;
  }
  const draftService = idOf(DRAFT);
  if (draftService) {
    progress(SUBMITTED.length, SUBMITTED.length + 1, DRAFT);
    const existing = await tablesOf(db)
      .selectFrom('applications.application')
      .select('id')
      .where('applicantAccountId', '=', row.id)
      .where('serviceId', '=', draftService)
      .executeTakeFirst();
    if (!existing) {
      const app = await Apply.startApplication(ctx, draftService);
      const { form } = await Apply.formOf(db, app);
      await Apply.saveAnswers(ctx, app.id, app.version, sampleAnswers(form, true));
      created += 1;
    }
  }
  return { logins: [], created };
};
