/**
 * Applying in the browser: the demo citizen finds the birth-certificate service in the catalog, is sent to
 * sign in and back to the start page, fills in the form generated from the standard, uploads the
 * documents, checks and submits, and reads the receipt with its tracking number and QR code; the
 * application is then on "Permohonan saya". Every page is audited with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { follow, signIn, useE2E, visit } from '../support/browser.js';

const e2e = useE2E({ demo: true });

const CITIZEN = 'warga@satupintu.test';
const SLUG = 'akta-kelahiran-badung';
const PDF = Buffer.from('%PDF-1.4\n% Berkas uji\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const main = (page: Page) => page.getByRole('main');

/** Uploads a PDF through the requirement's own form and comes back to the draft. */
async function upload(page: Page, draftPath: string, requirement: string, fileName: string) {
  const form = main(page).locator('form', { has: page.getByLabel(requirement, { exact: true }) });
  await form.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
  await follow(page, () => form.getByRole('button', { name: 'Unggah' }).click(), draftPath);
  expect(await main(page).textContent()).toContain(fileName);
}

describe('applying online', () => {
  it('a citizen applies for a birth certificate with uploads and gets a receipt with a tracking number', async () => {
    const page = await e2e.newPage();
    await visit(page, `/layanan/${SLUG}`);
    await follow(page, () => main(page).getByRole('button', { name: 'Ajukan permohonan online' }).click(), '/masuk');
    await signIn(page, CITIZEN, DEMO_PASSWORD, `/layanan/${SLUG}/ajukan`);

    const opened = page.waitForURL(/\/permohonan\/[0-9a-f-]{36}$/, { waitUntil: 'load' });
    await main(page).getByRole('button', { name: 'Ajukan permohonan online' }).click();
    await opened;
    const draftPath = new URL(page.url()).pathname;
    await follow(page, () => page.reload(), draftPath);

    // A mistyped NIK is refused on its field, with what was typed kept.
    await page.getByLabel(/^NIK pelapor/).fill('1234');
    await page.getByLabel(/^Nama anak/).fill('I Putu Agus Pratama');
    await follow(page, () => main(page).getByRole('button', { name: 'Simpan data' }).click(), draftPath);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('16 angka');
    expect(await page.getByLabel(/^Nama anak/).inputValue()).toBe('I Putu Agus Pratama');
    await page.getByLabel(/^NIK pelapor/).fill('5103 0145 0790 0001');
    await page.getByLabel(/^Tanggal lahir anak/).fill('2026-11-20');
    await page.getByLabel(/^Nomor telepon/).fill('0812 3456 7890');
    await follow(page, () => main(page).getByRole('button', { name: 'Simpan data' }).click(), draftPath);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Data permohonan disimpan.');

    await upload(page, draftPath, 'Surat keterangan kelahiran', 'surat-lahir.pdf');
    await upload(page, draftPath, 'Kartu Keluarga', 'kartu-keluarga.pdf');
    await upload(page, draftPath, 'Formulir pelaporan pencatatan sipil di dalam wilayah NKRI (F-2.01)', 'formulir.pdf');

    await follow(page, () => main(page).getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click(), `${draftPath}/kirim`);
    expect(await main(page).textContent()).toContain('I Putu Agus Pratama');
    await follow(page, () => main(page).getByRole('button', { name: 'Setuju dan ajukan' }).click(), `${draftPath}/tanda-terima`);
    const number = await main(page).locator('.govuk-panel__body strong').textContent();
    expect(number).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await main(page).textContent()).toContain('Penerbitan Akta Kelahiran');
    expect(
      await main(page)
        .getByRole('img', { name: /Kode QR/ })
        .count(),
    ).toBe(1);
    const pdf = await page.request.get(`${draftPath}/tanda-terima.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await visit(page, '/permohonan');
    expect(await main(page).textContent()).toContain(number!);
  });
});
