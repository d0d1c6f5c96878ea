/**
 * The service pledge in the browser: the demo agency admin of Disdukcapil Badung finds the unit's pledge
 * (published by the demo seed), writes the next one from it, is told about a blank promise, previews and
 * publishes it; a visitor then reads it on the unit's public page with its posters. Every page is audited
 * with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { audit, follow, signIn, useE2E, visit } from '../support/browser.js';

const e2e = useE2E({ demo: true });

const ADMIN = 'admin.disdukcapil@badung.satupintu.test';
const UNIT = 'Bidang Pelayanan Pendaftaran Penduduk';
const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => page.locator('.govuk-notification-banner__heading').textContent();

describe('Maklumat Pelayanan', () => {
  it('the agency admin writes the unit’s next pledge from the one in force and publishes it; visitors read it on the unit page', async () => {
    const page = await e2e.newPage();
    await signIn(page, ADMIN, DEMO_PASSWORD, '/admin');
    await follow(
      page,
      () => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Maklumat Pelayanan' }).click(),
      '/admin/maklumat',
    );
    const row = main(page).locator('tr', { hasText: UNIT });
    expect(await row.textContent()).toContain('Terbit');
    const unitPath = (await row.getByRole('link', { name: `Kelola ${UNIT}` }).getAttribute('href'))!;
    await follow(page, () => row.getByRole('link', { name: `Kelola ${UNIT}` }).click(), unitPath);
    expect(await main(page).locator('table').textContent()).toContain('Diganti');

    await follow(page, () => main(page).getByRole('button', { name: 'Susun maklumat baru' }).click(), `${unitPath}/baru`);
    expect(await page.getByLabel('Nama kepala unit').inputValue()).toBe('I Made Sutama Wijaya, S.Sos., M.Si.');
    await page.getByLabel(/^Janji 3/).fill('');
    await page.getByLabel('Tanggal penandatanganan').fill('2027-01-04');
    await page.getByLabel('Penutup (opsional)').fill('Demikian maklumat ini kami buat untuk dilaksanakan.');
    // The blank promise is refused, with what was typed kept.
    await follow(page, () => page.getByRole('button', { name: 'Simpan draf' }).click(), unitPath);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Wajib diisi.');
    expect(await page.getByLabel('Tanggal penandatanganan').inputValue()).toBe('2027-01-04');
    await page.getByLabel(/^Janji 3/).fill('Bersedia menerima sanksi dan memberikan kompensasi apabila pelayanan tidak sesuai standar.');
    const saved = page.waitForURL(/\/admin\/maklumat\/[0-9a-f-]{36}$/, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await saved;
    await audit(page);
    const previewPath = new URL(page.url()).pathname;
    expect(await flash(page)).toContain(`Draf Maklumat Pelayanan ${UNIT} disimpan.`);
    expect(await main(page).textContent()).toContain('Demikian maklumat ini kami buat untuk dilaksanakan.');

    await follow(page, () => main(page).getByRole('button', { name: 'Terbitkan' }).click(), `${previewPath}/terbitkan`);
    await follow(page, () => page.getByRole('button', { name: 'Ya, terbitkan' }).click(), unitPath);
    expect(await flash(page)).toContain(`Maklumat Pelayanan ${UNIT} diterbitkan.`);

    const visitor = await e2e.newPage();
    await visit(visitor, unitPath.replace('/admin/maklumat', ''));
    const pledge = main(visitor).locator('section', { has: visitor.getByRole('heading', { name: 'Maklumat Pelayanan' }) });
    expect(await pledge.textContent()).toContain(
      'Bersedia menerima sanksi dan memberikan kompensasi apabila pelayanan tidak sesuai standar.',
    );
    expect(await pledge.textContent()).toContain('Mangupura, 4 Januari 2027');
    const poster = await visitor.request.get((await pledge.getByRole('link', { name: 'poster A3 (PDF)' }).getAttribute('href'))!);
    expect(poster.status()).toBe(200);
    expect(poster.headers()['content-type']).toBe('application/pdf');
  });
});
