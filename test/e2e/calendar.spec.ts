/**
 * The working-day calendar in the browser: a visitor reads the 2026 holidays; the platform admin adds a
 * 2027 holiday (told about a blank English name, with what was typed kept) and withdraws it with a reason;
 * the unit admin of Adminduk Badung records a local closure for the unit. Every page is audited with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { follow, signIn, useE2E, visit } from '../support/browser.js';

const e2e = useE2E({ demo: true });

const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => page.locator('.govuk-notification-banner__heading').textContent();

describe('Working-day calendar', () => {
  it('shows the national days to visitors, and lets the platform admin and a unit admin keep their days', async () => {
    const visitor = await e2e.newPage();
    await visit(visitor, '/kalender?tahun=2026');
    const nyepi = main(visitor).locator('tr', { hasText: 'Hari Suci Nyepi Tahun Baru Saka 1948' });
    expect(await nyepi.textContent()).toContain('Libur nasional');
    expect(await main(visitor).locator('tr', { hasText: 'Cuti bersama Idulfitri 1447 H' }).count()).toBe(3);

    const admin = await e2e.newPage();
    await signIn(admin, 'admin@satupintu.test', DEMO_PASSWORD, '/admin');
    await follow(
      admin,
      () => admin.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kalender kerja' }).click(),
      '/admin/kalender',
    );
    await admin.getByLabel('Tanggal').fill('2027-01-01');
    await admin.getByLabel('Nama (bahasa Indonesia)').fill('Tahun Baru 2027 Masehi');
    await admin.getByLabel('Dasar hukum (nomor SKB)').fill('SKB 1/2026, 1/2026, 1/2026');
    await follow(admin, () => admin.getByRole('button', { name: 'Tambah', exact: true }).click(), '/admin/kalender/tambah');
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Minimal 2 karakter.');
    expect(await admin.getByLabel('Dasar hukum (nomor SKB)').inputValue()).toBe('SKB 1/2026, 1/2026, 1/2026');
    await admin.getByLabel('Nama (bahasa Inggris)').fill("New Year's Day 2027");
    await follow(admin, () => admin.getByRole('button', { name: 'Tambah', exact: true }).click(), '/admin/kalender');
    expect(await flash(admin)).toContain('Perubahan kalender disimpan.');
    const row = main(admin).locator('tr', { hasText: 'Tahun Baru 2027 Masehi' });
    await follow(admin, () => row.getByRole('link', { name: 'Tarik Tahun Baru 2027 Masehi' }).click(), '/admin/kalender/tarik');
    await admin.getByLabel('Alasan penarikan').fill('Dicatat keliru sebelum SKB 2027 terbit');
    await follow(admin, () => admin.getByRole('button', { name: 'Tarik hari ini' }).click(), '/admin/kalender');
    expect(await flash(admin)).toContain('Tahun Baru 2027 Masehi ditarik.');
    expect(await main(admin).locator('tr', { hasText: 'Tahun Baru 2027 Masehi' }).textContent()).toContain(
      'Ditarik: Dicatat keliru sebelum SKB 2027 terbit',
    );

    const unitAdmin = await e2e.newPage();
    await signIn(unitAdmin, 'admin.adminduk@badung.satupintu.test', DEMO_PASSWORD, '/admin');
    await visit(unitAdmin, '/admin/kalender');
    expect(await main(unitAdmin).getByRole('button', { name: 'Tambah' }).count()).toBe(0);
    const link = main(unitAdmin).getByRole('link', { name: 'Bidang Pelayanan Pendaftaran Penduduk' });
    const unitPath = (await link.getAttribute('href'))!;
    await follow(unitAdmin, () => link.click(), unitPath);
    expect(await main(unitAdmin).textContent()).toContain('Zona waktu: WITA.');
    await unitAdmin.getByLabel('Tanggal').fill('2026-05-04');
    await unitAdmin.getByLabel('Alasan').fill('Pemadaman listrik terjadwal');
    await follow(unitAdmin, () => unitAdmin.getByRole('button', { name: 'Tambah hari lokal' }).click(), unitPath);
    expect(await flash(unitAdmin)).toContain('Perubahan kalender disimpan.');
    expect(await main(unitAdmin).locator('tr', { hasText: 'Pemadaman listrik terjadwal' }).textContent()).toContain('Tutup');
  });
});
