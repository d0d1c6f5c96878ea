/**
 * Public tracking and verification in the browser, without signing in: a visitor mistypes a tracking
 * number and is told it was not found, corrects it and reads where the application stands; then checks a
 * printed verification code and compares the file they were given. Every page is audited with axe.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApplyFixture, FILES, submittedApplication } from '../../src/modules/applications/applications.test-support.js';
import { issuedOutput } from '../../src/modules/applications/track.test-support.js';
import { formatCode } from '../../src/modules/applications/tracking-number.js';
import { follow, useE2E, visit } from '../support/browser.js';

const e2e = useE2E();
const main = (page: Page) => page.getByRole('main');

describe('Tracking and verification', () => {
  it('a visitor tracks an application by its number, then verifies its output and compares the file', async () => {
    const fx = await buildApplyFixture(e2e.database.db);
    const app = await submittedApplication(fx);
    const number = app.trackingNumber!;
    const page = await e2e.newPage();

    await visit(page, '/lacak');
    // One character wrong: the check character catches it.
    const typo = `${number.slice(0, 9)}${number[9] === '0' ? '1' : '0'}`;
    await page.getByLabel('Nomor registrasi').fill(typo);
    await follow(page, () => page.getByRole('button', { name: 'Lacak' }).click(), '/lacak');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('tidak ditemukan');

    await page.getByLabel('Nomor registrasi').fill(formatCode(number).toLowerCase());
    await follow(page, () => page.getByRole('button', { name: 'Lacak' }).first().click(), '/lacak');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Permohonan ${formatCode(number)}`);
    const text = (await main(page).textContent())!;
    expect(text).toContain('Penerbitan Akta Kelahiran');
    expect(text).toContain('Diajukan');
    expect(text).toContain('Permohonan diajukan');
    expect(text).not.toContain('Ni Wayan Sari');

    const pdf = Buffer.from(`${FILES.pdf.toString('latin1')}% akta e2e\n`, 'latin1');
    const code = await issuedOutput(e2e.database.db, app.id, pdf);

    await visit(page, '/verifikasi');
    await page.getByLabel('Kode verifikasi').fill(formatCode(code));
    await follow(page, () => page.getByRole('button', { name: 'Periksa' }).click(), `/verifikasi/${code}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dokumen asli');
    expect(await main(page).textContent()).toContain('Bidang Pelayanan Pencatatan Sipil');

    const file = join(mkdtempSync(join(tmpdir(), 'satupintu-e2e-')), 'akta.pdf');
    writeFileSync(file, pdf);
    await page.getByLabel('Berkas dokumen').setInputFiles(file);
    await follow(page, () => page.getByRole('button', { name: 'Bandingkan' }).click(), `/verifikasi/${code}`);
    expect(await main(page).textContent()).toContain('Isi berkas sama persis dengan dokumen yang diterbitkan.');
  });
});
