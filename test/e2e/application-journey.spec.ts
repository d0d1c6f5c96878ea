/**
 * The whole journey of an online application in two browsers, the "done when": a new citizen signs
 * up (the verification mail read from a real SMTP server), finds the birth-certificate service in the
 * catalog, applies with uploads and gets the submission mail; the demo processor of Disdukcapil Badung
 * claims this very application and returns it for correction of the family card; the citizen gets that
 * mail, reads the officer's reason, uploads a new family card and resubmits; the processor issues the
 * generated certificate and completes the application; the citizen gets the completion mail, downloads the
 * certificate from their application page and the public verification page confirms it; the public
 * tracking page shows it completed without the citizen's name. Every page is audited with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { formatCode } from '../../src/modules/applications/tracking-number.js';
import { follow, pathInMail, signIn, useE2E, visit } from '../support/browser.js';

// The worker runs in the app's process, so the citizen's notifications reach the SMTP server.
const e2e = useE2E({ smtp: true, demo: true, worker: true });

const PROCESSOR = 'pemroses.adminduk@badung.satupintu.test';
const PASSWORD = 'sepeda tua di bawah pohon kamboja';
const NAME = 'Ni Kadek Journey Pratiwi';
const CHILD = 'I Made Journey Putra';
const MAIL_WAIT = 30_000;
const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => page.locator('.govuk-notification-banner').textContent();
const mailTo = (address: string, subject: (s: string) => boolean) =>
  e2e.smtp.waitForMail((m) => m.to.includes(address) && subject(m.subject), MAIL_WAIT);

/** Uploads a PDF through a requirement's own form (labelled with the requirement's name) and comes back to `landing`. */
async function upload(page: Page, landing: string, requirement: string, fileName: string, button: string) {
  const form = main(page).locator('form', { has: page.getByLabel(requirement, { exact: true }) });
  await form.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF(fileName) });
  await follow(page, () => form.getByRole('button', { name: button }).click(), landing);
  expect(await main(page).textContent()).toContain(fileName);
}

/** Opens an action's folded form on the case page and posts it with its button. */
async function act(page: Page, landing: string, summary: string, button: string, fill: () => Promise<void> = async () => {}) {
  await main(page).locator('summary', { hasText: summary }).click();
  await fill();
  await follow(page, () => main(page).getByRole('button', { name: button, exact: true }).click(), landing);
}

describe('An online application from sign-up to a verified output', () => {
  it('a new citizen applies, corrects what the officer returned, and downloads the completed certificate that verifies', async () => {
    const email = `journey.${Date.now()}@contoh.id`;
    const citizen = await e2e.newPage();
    const processor = await e2e.newPage();

    // 1. Sign-up, the verification mail, sign-in.
    await visit(citizen, '/daftar');
    await citizen.getByLabel('Nama lengkap').fill(NAME);
    await citizen.getByLabel('Alamat email').fill(email);
    await citizen.getByLabel('Kata sandi').fill(PASSWORD);
    await follow(citizen, () => citizen.getByRole('button', { name: 'Buat akun' }).click(), '/daftar/periksa-email');
    const verification = await mailTo(email, (s) => s === 'Verifikasi email akun Satupintu Anda');
    await visit(citizen, pathInMail(verification, '/akun/verifikasi/'));
    expect(await citizen.locator('h1').textContent()).toBe('Email Anda sudah terverifikasi');
    await signIn(citizen, email, PASSWORD, '/akun');

    // 2. The catalog, the service, the form, the uploads, check and submit.
    await visit(citizen, '/layanan');
    const search = main(citizen).getByRole('search').first();
    await search.getByRole('searchbox').fill('akta kelahiran');
    await follow(citizen, () => search.getByRole('button').click(), '/layanan');
    const result = main(citizen).locator('.sp-result', { hasText: 'Badung' }).filter({ hasText: 'Penerbitan Akta Kelahiran' }).first();
    const servicePath = (await result.getByRole('link', { name: 'Penerbitan Akta Kelahiran' }).getAttribute('href'))!;
    await follow(citizen, () => result.getByRole('link', { name: 'Penerbitan Akta Kelahiran' }).click(), servicePath);
    await follow(citizen, () => main(citizen).getByRole('button', { name: 'Ajukan permohonan online' }).click(), `${servicePath}/ajukan`);
    const opened = citizen.waitForURL(/\/permohonan\/[0-9a-f-]{36}$/, { waitUntil: 'load' });
    await main(citizen).getByRole('button', { name: 'Ajukan permohonan online' }).click();
    await opened;
    const draftPath = new URL(citizen.url()).pathname;
    await follow(citizen, () => citizen.reload(), draftPath);

    await citizen.getByLabel(/^NIK pelapor/).fill('5103 0145 0790 0001');
    await citizen.getByLabel(/^Nama anak/).fill(CHILD);
    await citizen.getByLabel(/^Tanggal lahir anak/).fill('2026-11-20');
    await citizen.getByLabel(/^Nomor telepon/).fill('0812 3456 7890');
    await follow(citizen, () => main(citizen).getByRole('button', { name: 'Simpan data' }).click(), draftPath);
    expect(await flash(citizen)).toContain('Data permohonan disimpan.');
    await upload(citizen, draftPath, 'Surat keterangan kelahiran', 'surat-lahir.pdf', 'Unggah');
    await upload(citizen, draftPath, 'Kartu Keluarga', 'kartu-keluarga-buram.pdf', 'Unggah');
    await upload(citizen, draftPath, 'Formulir pelaporan pencatatan sipil di dalam wilayah NKRI (F-2.01)', 'formulir.pdf', 'Unggah');
    await follow(citizen, () => main(citizen).getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click(), `${draftPath}/kirim`);
    expect(await main(citizen).textContent()).toContain(CHILD);
    await follow(citizen, () => main(citizen).getByRole('button', { name: 'Setuju dan ajukan' }).click(), `${draftPath}/tanda-terima`);
    const shown = (await main(citizen).locator('.govuk-panel__body strong').textContent())!;
    expect(shown).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const number = shown.replace('-', '');

    // 3. The submission mail.
    const received = await mailTo(email, (s) => s.startsWith(`Permohonan ${shown} diterima — `));
    expect(received.subject).toContain('Penerbitan Akta Kelahiran');
    expect(received.text).toContain(`Halo ${NAME}`);

    // 4. The processor finds this application, claims it and returns the family card for correction.
    await signIn(processor, PROCESSOR, DEMO_PASSWORD, '/admin');
    await follow(
      processor,
      () => processor.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan masuk' }).click(),
      '/admin/permohonan',
    );
    const row = main(processor).locator('tr', { hasText: shown });
    expect(await row.textContent()).toContain('Baru masuk');
    const casePath = (await row.getByRole('link').first().getAttribute('href'))!;
    await follow(processor, () => row.getByRole('link').first().click(), casePath);
    expect(await main(processor).textContent()).toContain(NAME);
    await act(processor, casePath, 'Ambil permohonan ini', 'Ambil permohonan ini');
    expect(await flash(processor)).toContain('ditugaskan kepada Anda');
    const reason = 'Kartu Keluarga tidak terbaca. Unggah pindaian yang lebih jelas.';
    await act(processor, casePath, 'Kembalikan untuk perbaikan', 'Kembalikan kepada pemohon', async () => {
      await processor.getByLabel('Pesan kepada pemohon').fill('Mohon perbaiki berkas berikut.');
      await processor.getByLabel('Alasan perbaikan untuk Kartu Keluarga (opsional)').fill(reason);
    });
    expect(await flash(processor)).toContain('dikembalikan kepada pemohon untuk perbaikan');

    // 5. The correction mail; the citizen reads the reason, uploads a new family card and resubmits.
    const correction = await mailTo(email, (s) => s === `Perbaikan diperlukan untuk permohonan ${shown}`);
    expect(correction.text).toContain(reason);
    await visit(citizen, draftPath);
    expect(await main(citizen).locator('.govuk-tag').first().textContent()).toBe('Menunggu perbaikan Anda');
    expect(await main(citizen).textContent()).toContain(`Kartu Keluarga: ${reason}`);
    await follow(citizen, () => main(citizen).getByRole('link', { name: 'Perbaiki permohonan' }).click(), `${draftPath}/perbaikan`);
    expect(await main(citizen).textContent()).toContain(`Alasan petugas: ${reason}`);
    await upload(citizen, `${draftPath}/perbaikan`, 'Kartu Keluarga', 'kartu-keluarga-jelas.pdf', 'Ganti berkas');
    await follow(citizen, () => main(citizen).getByRole('button', { name: 'Kirim perbaikan' }).click(), draftPath);
    expect(await flash(citizen)).toContain('Perbaikan dikirim.');

    // 6. The processor issues the generated certificate and completes the application.
    await visit(processor, casePath);
    expect(await main(processor).textContent()).toContain('kartu-keluarga-jelas.pdf');
    await act(processor, casePath, 'Terbitkan produk', 'Terbitkan');
    expect(await flash(processor)).toMatch(/Produk diterbitkan dengan kode verifikasi [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await act(processor, casePath, 'Selesaikan permohonan', 'Selesaikan', () =>
      processor.getByLabel('Saya yakin. Tindakan ini tidak dapat dibatalkan.').last().check(),
    );
    expect(await main(processor).locator('h1').textContent()).toContain('Selesai');

    // 7. The completion mail; the output on the citizen's page, downloaded and verified; public tracking.
    await mailTo(email, (s) => s === `Permohonan ${shown} selesai`);
    await visit(citizen, draftPath);
    expect(await main(citizen).textContent()).toContain('Selesai — produk layanan dapat diunduh di bawah ini.');
    const unitName = (await main(citizen).locator('.govuk-caption-l').textContent())!;
    const outputs = main(citizen).getByRole('table');
    const product = (await outputs.locator('tbody th').first().textContent())!;
    expect(product).toMatch(/akta kelahiran/i);
    const codeLink = outputs.getByRole('link', { name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ });
    const code = (await codeLink.textContent())!.replace(/-/g, '');

    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      outputs.getByRole('link', { name: `Unduh ${product}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = Buffer.concat(await (await download.createReadStream()).toArray());
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await follow(citizen, () => codeLink.click(), `/verifikasi/${code}`);
    expect(await citizen.getByRole('heading', { level: 1 }).textContent()).toBe('Dokumen asli');
    const verified = (await main(citizen).textContent())!;
    expect(verified).toContain(unitName);
    expect(verified).toContain('Badung');
    expect(verified).toContain(product);
    expect(verified).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
    expect(verified).not.toContain(NAME);

    const visitor = await e2e.newPage();
    await visit(visitor, `/lacak?nomor=${number}`);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(`Permohonan ${formatCode(number)}`);
    const text = (await main(visitor).textContent())!;
    expect(text).toContain('Selesai');
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(CHILD);
  });
});
