/**
 * The unit's inbox in the browser: the demo processor of Disdukcapil Badung opens the inbox from the menu,
 * takes a newly submitted birth-certificate application and returns it to the citizen for correction; then
 * takes another, issues the certificate generated from the unit's template (the service is free, so there
 * is no payment to record) and completes it after confirming. Every page is audited with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { audit, follow, signIn, useE2E } from '../support/browser.js';

const e2e = useE2E({ demo: true });

const PROCESSOR = 'pemroses.adminduk@badung.satupintu.test';
const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => page.locator('.govuk-notification-banner').textContent();

/** From a case, back to the inbox and into its first newly submitted birth-certificate application; returns its address. */
async function openNew(page: Page): Promise<string> {
  await follow(page, () => page.getByRole('link', { name: 'Kembali ke permohonan masuk' }).click(), '/admin/permohonan');
  const row = main(page).locator('tr', { hasText: 'Baru masuk' }).filter({ hasText: 'Penerbitan Akta Kelahiran' }).first();
  const href = (await row.getByRole('link').first().getAttribute('href'))!;
  await follow(page, () => row.getByRole('link').first().click(), href);
  return href;
}

/** Opens an action's folded form and posts it with its button. */
async function act(page: Page, landing: string, summary: string, button: string, fill: () => Promise<void> = async () => {}) {
  await main(page).locator('summary', { hasText: summary }).click();
  await fill();
  await follow(page, () => main(page).getByRole('button', { name: button, exact: true }).click(), landing);
}

describe('Processing applications', () => {
  it('a processor claims and returns one application for correction, and issues and completes another', async () => {
    const page = await e2e.newPage();
    await signIn(page, PROCESSOR, DEMO_PASSWORD, '/admin');
    await follow(
      page,
      () => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan masuk' }).click(),
      '/admin/permohonan',
    );
    expect(await main(page).textContent()).toContain('Baru masuk');

    const pick = main(page).locator('tr', { hasText: 'Baru masuk' }).filter({ hasText: 'Penerbitan Akta Kelahiran' }).first();
    const first = (await pick.getByRole('link').first().getAttribute('href'))!;
    await follow(page, () => pick.getByRole('link').first().click(), first);
    expect(await main(page).textContent()).toContain('Penerbitan Akta Kelahiran');
    await act(page, first, 'Ambil permohonan ini', 'Ambil permohonan ini');
    expect(await flash(page)).toContain('ditugaskan kepada Anda');

    // A correction without any reason is refused (the form comes back at its own address), keeping the message typed.
    await act(page, `${first}/perbaikan`, 'Kembalikan untuk perbaikan', 'Kembalikan kepada pemohon', () =>
      page.getByLabel('Pesan kepada pemohon').fill('Mohon lengkapi berkas berikut.'),
    );
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Tuliskan alasan perbaikan');
    expect(await page.getByLabel('Pesan kepada pemohon').inputValue()).toBe('Mohon lengkapi berkas berikut.');
    await page
      .getByLabel('Alasan perbaikan untuk Kartu Keluarga (opsional)')
      .fill('Kartu Keluarga tidak terbaca. Unggah pindaian yang lebih jelas.');
    await follow(page, () => main(page).getByRole('button', { name: 'Kembalikan kepada pemohon', exact: true }).click(), first);
    expect(await flash(page)).toContain('dikembalikan kepada pemohon untuk perbaikan');
    expect(await main(page).textContent()).toContain('Jam berhenti sementara menunggu perbaikan dari pemohon.');

    const second = await openNew(page);
    expect(second).not.toBe(first);
    await act(page, second, 'Ambil permohonan ini', 'Ambil permohonan ini');
    await act(page, second, 'Terbitkan produk', 'Terbitkan');
    expect(await flash(page)).toMatch(/Produk diterbitkan dengan kode verifikasi [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await act(page, second, 'Selesaikan permohonan', 'Selesaikan', () =>
      page.getByLabel('Saya yakin. Tindakan ini tidak dapat dibatalkan.').last().check(),
    );
    expect(await flash(page)).toContain('selesai');
    expect(await main(page).locator('h1').textContent()).toContain('Selesai');
    await audit(page);
  });
});
