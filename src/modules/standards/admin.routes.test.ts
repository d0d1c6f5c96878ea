import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, escapeHtml, expectFormWithErrors, getPage, type Cookies } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { staffAt } from '../../../test/support/tenants.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { seedCatalog, type CatalogFixture } from './catalog.test-support.js';
import type { ComponentKey, DraftContent } from './standards.content.js';

type Response = Awaited<ReturnType<App['inject']>>;
type Fields = Record<string, string | string[]>;

/** Text of a page without tags, entities decoded, spaces collapsed: what a person reads. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

/** Every component filled in through its editor, as a browser posts it; the rows are numbered as the form offers them. */
const FILLED: Record<ComponentKey, Fields> = {
  requirements: {
    'requirements.0.key': '',
    'requirements.0.name': 'KTP-el pemohon',
    'requirements.0.kind': 'document',
    'requirements.0.mandatory': 'on',
    'requirements.0.fileTypes': ['application/pdf', 'image/jpeg'],
    'requirements.0.fileTypesOther': 'image/heic',
    'requirements.0.maxSizeKb': '2.048',
    'requirements.1.key': '',
    'requirements.1.name': 'NIK pemohon',
    'requirements.1.kind': 'data',
    'requirements.1.mandatory': 'on',
    'requirements.1.fieldType': 'nik',
    'requirements.1.profileField': 'nik',
    'requirements.2.key': '',
    'requirements.2.name': '',
    'requirements.2.kind': 'document',
  },
  procedure: {
    'procedure.0.order': '2',
    'procedure.0.title': 'Petugas loket memeriksa berkas',
    'procedure.0.actor': 'counter_officer',
    'procedure.0.durationValue': '30',
    'procedure.0.durationUnit': 'minutes',
    'procedure.1.order': '1',
    'procedure.1.title': 'Pemohon mengajukan permohonan',
    'procedure.1.actor': 'citizen',
    'procedure.1.durationUnit': '',
    'procedure.2.order': '3',
    'procedure.2.title': '',
  },
  timeLimit: { 'timeLimit.value': '3', 'timeLimit.unit': 'working_days', 'timeLimit.pausesWhileWaiting': 'on', 'timeLimit.notes': '' },
  fee: {
    'fee.free': 'false',
    'fee.legalBasis': '',
    'fee.items.0.name': 'Biaya cetak',
    'fee.items.0.amount': 'Rp 150.000',
    'fee.items.0.legalBasis': 'Perda Kabupaten Badung 3/2023',
    'fee.items.1.name': '',
    'fee.notes': '',
  },
  products: { 'products.0.name': 'Kutipan akta kelahiran', 'products.0.description': '', 'products.1.name': '' },
  complaints: {
    'complaints.channels.0.kind': 'email',
    'complaints.channels.0.contact': 'pengaduan@disdukcapil.badungkab.go.id',
    'complaints.channels.1.kind': '',
    'complaints.channels.1.contact': '',
    'complaints.responseDays': '5',
    'complaints.notes': '',
  },
  legalBasis: { 'legalBasis.0.title': 'Undang-Undang tentang Pelayanan Publik', 'legalBasis.0.number': '25', 'legalBasis.0.year': '2009' },
  facilities: { facilities: 'Ruang tunggu, kursi roda, toilet ramah disabilitas.' },
  staffCompetence: { staffCompetence: 'Menguasai aplikasi kependudukan.' },
  internalSupervision: { internalSupervision: 'Atasan langsung dan Inspektorat.' },
  staffCount: { 'staffCount.count': '6', 'staffCount.notes': '' },
  serviceGuarantee: { serviceGuarantee: 'Layanan diberikan sesuai standar ini.' },
  securityGuarantee: { securityGuarantee: 'Data pribadi pemohon dijaga kerahasiaannya.' },
  performanceEvaluation: { performanceEvaluation: 'Dievaluasi setiap tahun.' },
};

const SERVICE: Fields = {
  code: 'akta-lahir',
  name: 'Penerbitan Akta Kelahiran Baru',
  summary: 'Akta kelahiran untuk bayi yang baru lahir di Kabupaten Badung.',
  keywords: 'akte lahir',
  category: 'civil_registration',
  kind: 'non_licensing',
  audiences: ['citizen'],
  channels: 'both',
  lifeEvents: ['birth'],
};

eachDatabase('standards admin screens', (db) => {
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  let app: App;
  let fixture: CatalogFixture;
  let filesDir: string;

  beforeEach(async () => {
    fixture = await seedCatalog(db().db, []);
    actors.unit = staffAt({ kind: 'unit', id: fixture.unitIds.DUKCAPIL }, ['standards.manage'], 'I Made Sudarsana');
    actors.other = staffAt({ kind: 'agency', id: fixture.agencyIds.DUKCAPIL_MKS }, ['standards.manage'], 'Staf Makassar');
    filesDir = mkdtempSync(join(tmpdir(), 'satupintu-admin-files-'));
    app = await buildTestApp(db(), { FILES_DIR: filesDir, RATE_LIMIT_MAX: '100000' }, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  const get = (url: string, who = 'unit', lang = 'id') =>
    app.inject({ url, headers: { 'x-test-actor': who, accept: 'text/html', 'accept-language': lang } });

  /** Opens `url` as a browser would, then posts `fields` to `action` (the page's own form by default) with its token. */
  async function submit(url: string, fields: Fields, options: { action?: string; who?: string; keepVersion?: boolean } = {}) {
    const { who = 'unit' } = options;
    const opened = await getPage(app, url, { headers: { 'x-test-actor': who } });
    expect(opened.response.statusCode, opened.html.slice(0, 300)).toBe(200);
    const version = /name="version" value="(\d*)"/.exec(opened.html)?.[1];
    return post(
      options.action ?? url.replace(/\/(baru|ubah)$/, '').replace(/\?.*$/, ''),
      { ...(version ? { version } : {}), ...fields },
      opened,
      who,
    );
  }

  function post(action: string, fields: Fields, from: { token: string; cookies: Cookies }, who = 'unit') {
    const body = new URLSearchParams({ _csrf: from.token });
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return app.inject({
      method: 'POST',
      url: action,
      headers: {
        'x-test-actor': who,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookieHeader(from.cookies),
      },
      payload: body.toString(),
    });
  }

  const location = (response: Response) => {
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
    return String(response.headers.location);
  };
  const idIn = (path: string) => /([0-9a-f-]{36})$/.exec(path)![1]!;

  const content = async (versionId: string) =>
    (
      await sql<{
        content: DraftContent;
        status: string;
        version: number;
      }>`select content, status, version from standards.standard_version where id = ${versionId}`.execute(db().db)
    ).rows[0]!;

  async function createService(fields: Fields = SERVICE) {
    const response = await submit('/admin/layanan/baru', {
      serviceUnitId: fixture.unitIds.DUKCAPIL,
      'locations.0.mallId': fixture.mallId,
      'locations.0.boothId': fixture.boothIds['G-DUKCAPIL']!,
      'locations.1.mallId': '',
      ...fields,
    });
    return idIn(location(response));
  }

  async function draft(serviceId: string) {
    const opened = await getPage(app, `/admin/layanan/${serviceId}`, { headers: { 'x-test-actor': 'unit' } });
    return idIn(location(await post(`/admin/layanan/${serviceId}/draf`, {}, opened)));
  }

  const editor = (versionId: string, component: ComponentKey) => `/admin/layanan/versi/${versionId}/komponen/${component}`;

  async function fillAll(versionId: string, overrides: Partial<Record<ComponentKey, Fields>> = {}) {
    for (const [component, fields] of Object.entries({ ...FILLED, ...overrides }) as [ComponentKey, Fields][]) {
      expect(location(await submit(editor(versionId, component), fields))).toBe(`/admin/layanan/versi/${versionId}`);
    }
  }

  /** Takes a lifecycle step through its confirmation page. */
  const step = async (versionId: string, slug: string, fields: Fields = {}) => submit(`/admin/layanan/versi/${versionId}/${slug}`, fields);

  it('lists only the services in scope, and adds one through the form, keeping what was typed when refused', async () => {
    const list = await get('/admin/layanan');
    expect(list.statusCode).toBe(200);
    expect(text(list.body)).toContain('0 layanan');
    expect(list.body).toContain('href="/admin/layanan/baru"');

    const form = await get('/admin/layanan/baru');
    expect(form.statusCode).toBe(200);
    // Only the staff member's own unit, its mall and its booth are offered.
    expect(form.body).toContain(fixture.unitIds.DUKCAPIL);
    expect(form.body).not.toContain(fixture.unitIds.PTSP);
    expect(form.body).toContain(fixture.boothIds['G-DUKCAPIL']!);
    expect(form.body).not.toContain(fixture.boothIds['G-PTSP']!);

    const refused = await submit('/admin/layanan/baru', { ...SERVICE, serviceUnitId: fixture.unitIds.DUKCAPIL, name: '', audiences: [] });
    expectFormWithErrors(refused, 422);
    expect(refused.body).toContain('href="#f-name"');
    expect(refused.body).toContain('href="#f-audiences"');
    expect(refused.body).toContain(escapeHtml(String(SERVICE.summary)));

    const serviceId = await createService();
    const page = await get(`/admin/layanan/${serviceId}`);
    expect(page.statusCode).toBe(200);
    const shown = text(page.body);
    expect(shown).toContain('Penerbitan Akta Kelahiran Baru');
    expect(shown).toContain('AKTA-LAHIR');
    expect(shown).toContain('Mal Pelayanan Publik Kabupaten Badung – Gerai Disdukcapil');
    expect(shown).toContain('Belum ada versi standar pelayanan.');

    expect(text((await get('/admin/layanan')).body)).toContain('Penerbitan Akta Kelahiran Baru');
    expect(text((await get('/admin/layanan', 'other')).body)).not.toContain('Penerbitan Akta Kelahiran Baru');
  });

  it('saves each component through its editor, numbering steps by their order and keys from names', async () => {
    const versionId = await draft(await createService());
    const empty = await get(`/admin/layanan/versi/${versionId}`);
    expect(text(empty.body)).toContain('0 dari 5');
    expect(text(empty.body)).toContain('Belum ada komponen yang diisi.');

    await fillAll(versionId);
    const saved = await content(versionId);
    expect(saved.content.requirements).toEqual([
      {
        key: 'ktp_el_pemohon',
        name: 'KTP-el pemohon',
        kind: 'document',
        mandatory: true,
        fileTypes: ['application/pdf', 'image/jpeg', 'image/heic'],
        maxSizeKb: 2048,
        reusable: false,
      },
      {
        key: 'nik_pemohon',
        name: 'NIK pemohon',
        kind: 'data',
        mandatory: true,
        fileTypes: [],
        fieldType: 'nik',
        profileField: 'nik',
        reusable: false,
      },
    ]);
    expect(saved.content.procedure!.map((s) => s.title)).toEqual(['Pemohon mengajukan permohonan', 'Petugas loket memeriksa berkas']);
    expect(saved.content.procedure![1]!.duration).toEqual({ value: 30, unit: 'minutes' });
    expect(saved.content.fee).toEqual({
      free: false,
      items: [{ name: 'Biaya cetak', amount: 150000, legalBasis: 'Perda Kabupaten Badung 3/2023' }],
    });
    expect(saved.content.timeLimit).toEqual({ value: 3, unit: 'working_days', pausesWhileWaiting: true });
    expect(saved.content.staffCount).toEqual({ count: 6 });
    expect(saved.content.legalBasis).toEqual([{ title: 'Undang-Undang tentang Pelayanan Publik', number: '25', year: 2009 }]);

    const check = await get(`/admin/layanan/versi/${versionId}`);
    const shown = text(check.body);
    expect(shown).toContain('2 dari 5');
    expect(shown).toContain('Penyampaian pelayanan');
    expect(shown).toContain('Pengelolaan pelayanan');
    expect(shown).toContain('Biaya cetak: Rp 150.000');
    expect(shown).toContain('3 hari kerja');
    expect(check.body).toContain(`href="${editor(versionId, 'fee')}"`);
    expect(check.body).toMatch(/<svg[^>]*role="img"/);

    // The editor opens with the saved rows, then blank ones; a saved requirement keeps its key.
    const reopened = await get(editor(versionId, 'requirements'));
    expect(reopened.body).toContain('name="requirements.0.key" value="ktp_el_pemohon"');
    expect(reopened.body).toContain('name="requirements.3.name"');
    expect(reopened.body).toContain('value="image/heic"');
  });

  it('refuses a component with the errors on the right row inputs and keeps what was typed', async () => {
    const versionId = await draft(await createService());
    const cases: { component: ComponentKey; fields: Fields; inputs: string[]; kept: string[] }[] = [
      {
        component: 'timeLimit',
        fields: { ...FILLED.timeLimit, 'timeLimit.value': '0' },
        inputs: ['f-timeLimit-value'],
        kept: ['value="0"'],
      },
      {
        component: 'fee',
        fields: { ...FILLED.fee, 'fee.items.1.name': 'Biaya materai', 'fee.items.1.legalBasis': 'UU 10/2020' },
        inputs: ['f-fee-items-1-amount'],
        kept: ['value="Biaya materai"', 'value="Rp 150.000"'],
      },
      {
        component: 'requirements',
        fields: { ...FILLED.requirements, 'requirements.1.name': '', 'requirements.0.fileTypesOther': 'bogus' },
        inputs: ['f-requirements-1-name', 'f-requirements-0-fileTypesOther'],
        kept: ['value="bogus"', 'value="KTP-el pemohon"'],
      },
      {
        component: 'procedure',
        fields: { ...FILLED.procedure, 'procedure.1.durationValue': 'dua' },
        inputs: ['f-procedure-1-durationValue'],
        kept: ['value="dua"'],
      },
    ];
    for (const { component, fields, inputs, kept } of cases) {
      const refused = await submit(editor(versionId, component), fields);
      expectFormWithErrors(refused, 422);
      for (const input of inputs) {
        expect(refused.body, `${component}: ${input}`).toContain(`href="#${input}"`);
        expect(refused.body).toContain(`id="${input}"`);
        expect(refused.body).toContain(`id="${input}-error"`);
      }
      for (const value of kept) expect(refused.body, `${component} keeps ${value}`).toContain(value);
    }
    // The summary says which row and which input.
    const requirement = await submit(editor(versionId, 'requirements'), { ...FILLED.requirements, 'requirements.1.name': '' });
    expect(text(requirement.body)).toContain('Persyaratan 2, nama: Wajib diisi.');
    expect((await content(versionId)).content).toEqual({});
  });

  it('keeps what was typed when someone else saved first, says so, and saves on the second try', async () => {
    const versionId = await draft(await createService());
    const mine = await getPage(app, editor(versionId, 'products'), { headers: { 'x-test-actor': 'unit' } });
    const read = /name="version" value="(\d+)"/.exec(mine.html)![1]!;
    // A colleague saves another component in between.
    await fillAll(versionId, {});
    const current = (await content(versionId)).version;

    const refused = await post(editor(versionId, 'products'), { version: read, 'products.0.name': 'Akta kelahiran elektronik' }, mine);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Orang lain sudah menyimpan versi ini lebih dulu.');
    expect(refused.body).toContain(`href="/admin/layanan/versi/${versionId}"`);
    expect(refused.body).toContain('value="Akta kelahiran elektronik"');
    expect(refused.body).toContain(`name="version" value="${current}"`);
    expect((await content(versionId)).content.products).toEqual([{ name: 'Kutipan akta kelahiran' }]);

    const again = await post(
      editor(versionId, 'products'),
      { version: String(current), 'products.0.name': 'Akta kelahiran elektronik' },
      mine,
    );
    expect(location(again)).toBe(`/admin/layanan/versi/${versionId}`);
    expect((await content(versionId)).content.products).toEqual([{ name: 'Akta kelahiran elektronik' }]);
  });

  it('takes a version through review, consultation, adoption with its decree and publication; the public page changes at once', async () => {
    const serviceId = await createService();
    const v1 = await draft(serviceId);
    await fillAll(v1);
    expect(location(await step(v1, 'ajukan', { note: 'Mohon ditinjau.' }))).toBe(`/admin/layanan/versi/${v1}`);
    expect((await content(v1)).status).toBe('review');

    // Public consultation, with a comment from the public to moderate.
    const closes = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(location(await step(v1, 'konsultasi', { closesAt: closes }))).toBe(`/admin/layanan/versi/${v1}`);
    await sql`insert into standards.consultation_comment (version_id, author_name, component, body)
      values (${v1}, 'Wayan Sukarta', 'fee', 'Biaya cetak sebaiknya dihapus.')`.execute(db().db);
    const running = await get(`/admin/layanan/versi/${v1}`);
    expect(running.body).not.toContain(`/admin/layanan/versi/${v1}/tetapkan`);
    const comments = await get(`/admin/layanan/versi/${v1}/komentar`);
    expect(text(comments.body)).toContain('Biaya cetak sebaiknya dihapus.');
    const commentId = /action="\/admin\/layanan\/komentar\/([0-9a-f-]{36})"/.exec(comments.body)![1]!;
    const opened = await getPage(app, `/admin/layanan/versi/${v1}/komentar`, { headers: { 'x-test-actor': 'unit' } });
    const moderated = await post(
      `/admin/layanan/komentar/${commentId}`,
      { decision: 'approve', response: 'Biaya cetak diatur Perda.' },
      opened,
    );
    expect(location(moderated)).toBe(`/admin/layanan/versi/${v1}/komentar`);
    expect(text((await get(`/admin/layanan/versi/${v1}/komentar`)).body)).toContain('Biaya cetak diatur Perda.');
    // The comment period ends.
    await sql`update standards.standard_version set consultation_closes_at = now() - interval '1 minute' where id = ${v1}`.execute(db().db);

    // Adoption: a decree that is not a PDF is refused on the file input, with the typed fields kept.
    const ratifyPage = await getPage(app, `/admin/layanan/versi/${v1}/tetapkan`, { headers: { 'x-test-actor': 'unit' } });
    expect(ratifyPage.html).toContain('enctype="multipart/form-data"');
    const version = /name="version" value="(\d+)"/.exec(ratifyPage.html)![1]!;
    const decree = {
      version,
      decreeNumber: '188.45/321/HK/2026',
      decreeDate: new Date().toISOString().slice(0, 10),
      signatory: 'Kepala Dinas',
    };
    const notPdf = await multipart(
      `/admin/layanan/versi/${v1}/tetapkan`,
      decree,
      { name: 'sk.pdf', content: Buffer.from('bukan pdf') },
      ratifyPage,
    );
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.body).toContain('href="#f-decreeFile"');
    expect(notPdf.body).toContain('value="188.45/321/HK/2026"');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect(location(await multipart(`/admin/layanan/versi/${v1}/tetapkan`, decree, { name: 'sk.pdf', content: pdf }, ratifyPage))).toBe(
      `/admin/layanan/versi/${v1}`,
    );
    const ratified = await get(`/admin/layanan/versi/${v1}`);
    expect(text(ratified.body)).toContain('188.45/321/HK/2026');
    expect(text(ratified.body)).toContain('4 dari 5');
    expect(ratified.body).toContain(`href="/api/v1/standards/versions/${v1}/decree"`);
    const download = await get(`/api/v1/standards/versions/${v1}/decree`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');

    const slug = (await sql<{ slug: string }>`select slug from standards.service where id = ${serviceId}`.execute(db().db)).rows[0]!.slug;
    expect((await get(`/layanan/${slug}`)).statusCode).toBe(404);
    expect(location(await step(v1, 'terbitkan', { effectiveDate: decree.decreeDate }))).toBe(`/admin/layanan/versi/${v1}`);
    const published = text((await get(`/layanan/${slug}`)).body);
    expect(published).toContain('Penerbitan Akta Kelahiran Baru');
    expect(published).toContain('Rp 150.000');

    // A new version from the published one makes the service free; publishing it changes the public page at once.
    const v2 = await draft(serviceId);
    expect((await content(v2)).content.fee).toEqual((await content(v1)).content.fee);
    await submit(editor(v2, 'fee'), { 'fee.free': 'true', 'fee.legalBasis': 'UU 24/2013 Pasal 79A' });
    await step(v2, 'ajukan');
    const { version: _read, ...v2decree } = { ...decree, decreeNumber: '188.45/400/HK/2026' };
    expect(location(await step(v2, 'tetapkan', v2decree))).toBe(`/admin/layanan/versi/${v2}`);
    await step(v2, 'terbitkan', { effectiveDate: decree.decreeDate });
    const republished = text((await get(`/layanan/${slug}`)).body);
    expect(republished).toContain('Gratis');
    expect(republished).not.toContain('Rp 150.000');
    expect((await content(v1)).status).toBe('superseded');

    // The comparison names the component and the item; the history says who did what.
    const diff = await get(`/admin/layanan/${serviceId}/bandingkan?dari=${v1}&ke=${v2}`);
    expect(diff.statusCode).toBe(200);
    const diffText = text(diff.body);
    expect(diffText).toContain('Perbedaan versi 1 dan versi 2');
    expect(diffText).toContain('4. Biaya/tarif Diubah');
    expect(diffText).toContain('1 komponen berbeda.');
    const history = text((await get(`/admin/layanan/${serviceId}/riwayat`)).body);
    for (const words of ['Diterbitkan', 'Ditetapkan', 'Konsultasi publik dibuka', 'I Made Sudarsana', '188.45/321/HK/2026']) {
      expect(history).toContain(words);
    }

    // The published version can be reviewed, which the completeness panel counts.
    await step(v2, 'tinjau', { note: 'Dibahas dalam forum konsultasi publik.' });
    expect(text((await get(`/admin/layanan/versi/${v2}`)).body)).toContain('Tinjauan berikutnya paling lambat');
  });

  it("changes a service's details and places, refusing a stale form, and returns or withdraws a version with its reason", async () => {
    const serviceId = await createService();
    const opened = await getPage(app, `/admin/layanan/${serviceId}/ubah`, { headers: { 'x-test-actor': 'unit' } });
    expect(opened.html).toContain(`value="${fixture.boothIds['G-DUKCAPIL']!}" selected`);
    const fields = (name: string) => ({
      ...SERVICE,
      name,
      'locations.0.mallId': fixture.mallId,
      'locations.0.boothId': fixture.boothIds['G-DUKCAPIL']!,
      'locations.0.remove': 'on',
      version: /name="version" value="(\d+)"/.exec(opened.html)![1]!,
    });
    expect(location(await post(`/admin/layanan/${serviceId}`, fields('Akta Kelahiran Anak'), opened))).toBe(`/admin/layanan/${serviceId}`);
    const page = text((await get(`/admin/layanan/${serviceId}`)).body);
    expect(page).toContain('Akta Kelahiran Anak');
    expect(page).not.toContain('Gerai Disdukcapil');
    // The same form again: someone (this very form) saved in between.
    const stale = await post(`/admin/layanan/${serviceId}`, fields('Akta Kelahiran Lama'), opened);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Akta Kelahiran Lama"');

    const versionId = await draft(serviceId);
    await fillAll(versionId);
    await step(versionId, 'ajukan');
    const noNote = await step(versionId, 'kembalikan', { note: '' });
    expectFormWithErrors(noNote, 422);
    expect(noNote.body).toContain('href="#f-note"');
    expect(location(await step(versionId, 'kembalikan', { note: 'Lengkapi dasar hukum.' }))).toBe(`/admin/layanan/versi/${versionId}`);
    expect((await content(versionId)).status).toBe('draft');
    expect(location(await step(versionId, 'tarik', { reason: 'Layanan digabung dengan akta anak.' }))).toBe(
      `/admin/layanan/versi/${versionId}`,
    );
    const withdrawn = text((await get(`/admin/layanan/versi/${versionId}`)).body);
    expect(withdrawn).toContain('Ditarik');
    expect(withdrawn).toContain('Layanan digabung dengan akta anak.');
    const history = text((await get(`/admin/layanan/${serviceId}/riwayat`)).body);
    expect(history).toContain('Dikembalikan ke draf');
    expect(history).toContain('Lengkapi dasar hukum.');
    // A new draft can start once the withdrawn one is out of the way.
    expect(await draft(serviceId)).not.toBe(versionId);
  });

  it('shows nothing of another agency: its staff get 404 on the service, its versions, editors, steps and comments', async () => {
    const serviceId = await createService();
    const versionId = await draft(serviceId);
    await sql`update standards.standard_version set status = 'consultation', consultation_opens_at = now(), consultation_closes_at = now() + interval '1 day' where id = ${versionId}`.execute(
      db().db,
    );
    const comment = await sql<{ id: string }>`insert into standards.consultation_comment (version_id, author_name, body)
      values (${versionId}, 'Warga', 'Tanggapan warga.') returning id`.execute(db().db);
    const paths = [
      `/admin/layanan/${serviceId}`,
      `/admin/layanan/${serviceId}/ubah`,
      `/admin/layanan/${serviceId}/riwayat`,
      `/admin/layanan/versi/${versionId}`,
      editor(versionId, 'requirements'),
      `/admin/layanan/versi/${versionId}/tarik`,
      `/admin/layanan/versi/${versionId}/komentar`,
    ];
    for (const path of paths) {
      const response = await get(path, 'other');
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain('Penerbitan Akta Kelahiran Baru');
    }
    const opened = await getPage(app, '/admin/layanan', { headers: { 'x-test-actor': 'other' } });
    const before = await content(versionId);
    for (const [action, fields] of [
      [editor(versionId, 'products'), { version: '1', 'products.0.name': 'Disusupkan' }],
      [`/admin/layanan/versi/${versionId}/tarik`, { version: '1', reason: 'Disusupkan' }],
      [`/admin/layanan/komentar/${comment.rows[0]!.id}`, { decision: 'reject', response: 'Disusupkan' }],
      ['/admin/layanan', { ...SERVICE, serviceUnitId: fixture.unitIds.DUKCAPIL, code: 'SUSUP' }],
    ] as const) {
      const response = await post(action, fields, opened, 'other');
      expect(response.statusCode, action).toBe(404);
    }
    expect(await content(versionId)).toEqual(before);
    expect((await sql<{ n: number }>`select count(*)::int as n from standards.service`.execute(db().db)).rows[0]!.n).toBe(1);
  });

  it('speaks English when asked', async () => {
    const versionId = await draft(await createService());
    const page = text((await get(`/admin/layanan/versi/${versionId}`, 'unit', 'en')).body);
    expect(page).toContain('Service standard, version 1');
    expect(page).toContain('Service delivery');
    expect(page).toContain('Not filled in');
    const form = text((await get(editor(versionId, 'requirements'), 'unit', 'en')).body);
    expect(form).toContain('Name of the requirement');
  });

  /** A multipart post as a browser sends the ratify form: the token on the action, the fields, then the file. */
  function multipart(
    action: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer },
    from: { token: string; cookies: Cookies },
  ) {
    const boundary = '----satupintu-test-boundary';
    const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="decreeFile"; filename="${file.name}"\r\ncontent-type: application/pdf\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return app.inject({
      method: 'POST',
      url: `${action}?_csrf=${encodeURIComponent(from.token)}`,
      headers: {
        'x-test-actor': 'unit',
        accept: 'text/html',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: cookieHeader(from.cookies),
      },
      payload: Buffer.concat(parts),
    });
  }
});
