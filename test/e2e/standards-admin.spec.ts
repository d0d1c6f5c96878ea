/**
 * The unit admin of the demo (Disdukcapil Badung, unit ADMINDUK) writes version 2 of the birth certificate's
 * standard in Debian's Chromium: drafts it from the published version, changes the time limit through its
 * editor (one refusal first), submits it, opens a public consultation and answers a comment, adopts it with
 * the signed decree as a PDF, and publishes it; the public service page says the new time at once. Every
 * page the browser loads is audited with axe.
 */
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { addConsultationComment } from '../../src/modules/standards/index.js';
import { audit, follow, signIn, useE2E, visit } from '../support/browser.js';

const e2e = useE2E({ demo: true });

const ADMIN = 'admin.adminduk@badung.satupintu.test';
const SERVICE = { name: 'Penerbitan Akta Kelahiran', slug: 'akta-kelahiran-badung' };
const PUBLIC_PAGE = `/layanan/${SERVICE.slug}`;
/** A minimal, well-formed PDF: the file store checks the content, not the name. */
const DECREE_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => page.locator('.govuk-notification-banner__heading').textContent();
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('A unit admin publishes a new version of a service standard', () => {
  it('drafts, consults, adopts and publishes version 2, and the public page changes at once', async () => {
    const citizen = await e2e.newPage();
    await visit(citizen, PUBLIC_PAGE);
    expect(await main(citizen).textContent()).toContain('Paling lama 1 hari kerja');

    const page = await e2e.newPage();
    await visit(page, '/admin/layanan');
    await signIn(page, ADMIN, DEMO_PASSWORD, '/admin/layanan');
    expect(await page.locator('h1').textContent()).toBe('Layanan dan standar pelayanan');
    const servicePath = await followTo(page, () => main(page).getByRole('link', { name: SERVICE.name, exact: true }).click(), SERVICE_PATH);

    // A new draft starts from the published version.
    const versionPath = await followTo(page, () => main(page).getByRole('button', { name: 'Buat draf baru' }).click(), VERSION_PATH);
    expect(await flash(page)).toBe('Draf versi 2 dibuat.');
    expect(await page.locator('h1').textContent()).toBe('Standar pelayanan versi 2');

    // The time limit, refused once (0 days), then saved.
    await follow(
      page,
      () => main(page).getByRole('link', { name: 'Ubah 3. Jangka waktu pelayanan' }).click(),
      `${versionPath}/komponen/timeLimit`,
    );
    await page.getByLabel('Lama penyelesaian').fill('0');
    await follow(page, () => main(page).getByRole('button', { name: 'Simpan' }).click(), `${versionPath}/komponen/timeLimit`);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Minimal 1.');
    expect(await page.getByLabel('Lama penyelesaian').inputValue()).toBe('0');
    await page.getByLabel('Lama penyelesaian').fill('2');
    await follow(page, () => main(page).getByRole('button', { name: 'Simpan' }).click(), versionPath);
    expect(await flash(page)).toBe('3. Jangka waktu pelayanan tersimpan.');
    expect(await main(page).textContent()).toContain('2 hari kerja');

    await takeStep(page, versionPath, 'Ajukan untuk ditinjau', 'Ajukan', async () => {
      await page.getByLabel('Catatan untuk peninjau').fill('Jangka waktu disesuaikan dengan beban kerja.');
    });
    expect(await flash(page)).toBe('Versi 2 diajukan untuk ditinjau.');

    await takeStep(page, versionPath, 'Buka konsultasi publik', 'Buka konsultasi', async () => {
      await page.getByLabel('Konsultasi ditutup pada').fill(isoDay(14));
    });
    expect(await flash(page)).toBe('Konsultasi publik versi 2 dibuka.');

    // A citizen comments; the admin approves the comment with an answer.
    const versionId = versionPath.split('/').pop()!;
    await addConsultationComment({ db: e2e.database.db, actor: { kind: 'anonymous' } }, versionId, {
      authorName: 'Ni Kadek Sari',
      body: 'Dua hari kerja masih wajar asalkan bisa dipantau di akun.',
      component: 'timeLimit',
    });
    await visit(page, versionPath);
    await follow(
      page,
      () =>
        main(page)
          .getByRole('link', { name: /Moderasi tanggapan/ })
          .click(),
      `${versionPath}/komentar`,
    );
    await page.getByLabel('Jawaban').fill('Terima kasih; status permohonan dapat dipantau di akun Satupintu.');
    await follow(
      page,
      () => main(page).getByRole('button', { name: 'Setujui tanggapan Ni Kadek Sari' }).click(),
      `${versionPath}/komentar`,
    );
    expect(await flash(page)).toBe('Tanggapan Ni Kadek Sari dimoderasi.');

    // The comment period ends (two weeks pass).
    await sql`update standards.standard_version set consultation_closes_at = now() - interval '1 minute' where id = ${versionId}`.execute(
      e2e.database.db,
    );
    await takeStep(page, versionPath, 'Tetapkan', 'Tetapkan', async () => {
      await page.getByLabel('Nomor keputusan').fill('400.12/212/DISDUKCAPIL/2026');
      await page.getByLabel('Tanggal keputusan').fill(isoDay(0));
      await page.getByLabel('Ditandatangani oleh').fill('Kepala Dinas Kependudukan dan Pencatatan Sipil');
      await page
        .getByLabel('Berkas keputusan (PDF) (opsional)')
        .setInputFiles({ name: 'sk-akta-kelahiran.pdf', mimeType: 'application/pdf', buffer: DECREE_PDF });
    });
    expect(await flash(page)).toBe('Versi 2 ditetapkan.');
    expect(await main(page).textContent()).toContain('400.12/212/DISDUKCAPIL/2026');

    // The public still sees version 1 until the new one is published.
    await visit(citizen, PUBLIC_PAGE);
    expect(await main(citizen).textContent()).toContain('Paling lama 1 hari kerja');

    await takeStep(page, versionPath, 'Terbitkan', 'Terbitkan sekarang', async () => {
      await page.getByLabel('Berlaku mulai').fill(isoDay(0));
    });
    expect(await flash(page)).toBe('Versi 2 terbit.');

    await visit(citizen, PUBLIC_PAGE);
    expect(await main(citizen).textContent()).toContain('Paling lama 2 hari kerja');

    // The service page lists both versions, and the comparison names what changed.
    await visit(page, servicePath);
    const versions = await main(page).locator('table').first().textContent();
    expect(versions).toContain('Terbit');
    expect(versions).toContain('Digantikan');
    await follow(page, () => main(page).getByRole('button', { name: 'Bandingkan' }).click(), `${servicePath}/bandingkan`);
    expect(await main(page).textContent()).toContain('3. Jangka waktu pelayanan');
  });
});

/** Opens a step's confirmation page from the version page, fills it and confirms, back to the version page. */
async function takeStep(page: Page, versionPath: string, link: string, confirm: string, fill: () => Promise<void>) {
  if (new URL(page.url()).pathname !== versionPath) await visit(page, versionPath);
  await followTo(page, () => main(page).getByRole('button', { name: link, exact: true }).click(), new RegExp(`^${versionPath}/[a-z]+$`));
  await fill();
  await follow(page, () => main(page).getByRole('button', { name: confirm, exact: true }).click(), versionPath);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SERVICE_PATH = new RegExp(`^/admin/layanan/${UUID}$`);
const VERSION_PATH = new RegExp(`^/admin/layanan/versi/${UUID}$`);

/** Like `follow`, for a page whose address is not known beforehand (a new record's id); returns its path. */
async function followTo(page: Page, act: () => Promise<unknown>, path: RegExp): Promise<string> {
  const arrived = page.waitForURL((url) => path.test(url.pathname), { waitUntil: 'load' });
  await act();
  await arrived;
  await audit(page);
  return new URL(page.url()).pathname;
}
