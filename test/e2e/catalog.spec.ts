/**
 * The public catalog in Debian's Chromium: a citizen searches in Indonesian (with an abbreviation and a
 * typo), opens a service page and its print view. Every document the browser loads is audited with axe
 * and must leave the console clean, so a Content-Security-Policy refusal of the page's JSON-LD would fail here.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../src/modules/standards/catalog.test-support.js';
import { audit, useE2E, visit } from '../support/browser.js';

const e2e = useE2E({ env: { PUBLIC_URL: 'https://satupintu.example' } });

beforeAll(async () => {
  await seedCatalog(e2e.database.db);
});

const newPage = (options: Parameters<typeof e2e.newPage>[0] = {}) => e2e.newPage(options);

/** Types a query into the search box, submits the GET form and audits the results page. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('form[role="search"] input[name="q"]').fill(query);
  await Promise.all([
    page.waitForURL(/\/layanan\?/, { waitUntil: 'load' }),
    page.locator('form[role="search"] button[type="submit"]').click(),
  ]);
  await audit(page);
  return page.locator('.sp-result__title a').allTextContents();
}

describe('The public catalog', () => {
  it('finds services by what citizens type: "akta kelahiran", "ktp", "e-ktp" and the typo "akta kelahran"', async () => {
    const page = await newPage();
    await visit(page, '/layanan');
    expect(await page.locator('h1').textContent()).toBe('Cari layanan');
    expect((await search(page, 'akta kelahiran'))[0]).toBe('Penerbitan Akta Kelahiran');
    expect(new URL(page.url()).searchParams.get('q')).toBe('akta kelahiran');
    expect((await search(page, 'ktp'))[0]).toBe('Perekaman dan Pencetakan Kartu Tanda Penduduk Elektronik');
    expect((await search(page, 'e-ktp'))[0]).toBe('Perekaman dan Pencetakan Kartu Tanda Penduduk Elektronik');
    expect((await search(page, 'akta kelahran'))[0]).toBe('Penerbitan Akta Kelahiran');
  });

  it('narrows the results with the filter form, which works as a plain GET form', async () => {
    const page = await newPage();
    await visit(page, '/layanan?q=akta');
    await page.locator('.sp-catalog-filters summary').click();
    await page.locator('select[name="wilayah"]').selectOption('73');
    await Promise.all([
      page.waitForURL(/wilayah=73/, { waitUntil: 'load' }),
      page.getByRole('button', { name: 'Terapkan saringan' }).click(),
    ]);
    await audit(page);
    expect(await page.locator('.sp-result__title a').allTextContents()).toEqual(['Penerbitan Akta Kelahiran']);
    expect(await page.locator('.sp-result').textContent()).toContain('Kota Makassar');
  });

  it('opens a service page: checklist, cost, time, place and hours, steps as a list and a drawing, complaints, JSON-LD allowed by the CSP', async () => {
    const page = await newPage();
    await visit(page, '/layanan?q=akta+kelahiran');
    await Promise.all([
      page.waitForURL('**/layanan/penerbitan-akta-kelahiran', { waitUntil: 'load' }),
      page.locator('.sp-result__title a', { hasText: 'Penerbitan Akta Kelahiran' }).first().click(),
    ]);
    // audit() fails on any console error, which is where Chromium reports a CSP refusal.
    await audit(page);
    expect(await page.locator('h1').textContent()).toBe('Penerbitan Akta Kelahiran');
    await expect.poll(() => page.locator('#persyaratan-judul').textContent()).toBe('Yang perlu dibawa');
    expect(await page.locator('.sp-checklist__item').count()).toBe(5);
    expect(await page.locator('#tempat-judul ~ * .sp-hours, .sp-location .sp-hours').first().textContent()).toContain('WITA');
    expect(await page.locator('ol.sp-steps > li').count()).toBe(5);
    expect(await page.getByRole('img', { name: 'Bagan alur layanan' }).count()).toBe(1);
    const jsonLd = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
        (s) => JSON.parse(s.textContent ?? '') as Record<string, unknown>,
      ),
    );
    expect(jsonLd).toHaveLength(1);
    expect(jsonLd[0]).toMatchObject({ '@type': 'GovernmentService', name: 'Penerbitan Akta Kelahiran' });
    // Chromium reports every CSP violation as an event; the data block raised none.
    const violations = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          document.addEventListener('securitypolicyviolation', () => count++);
          const copy = document.createElement('script');
          copy.type = 'application/ld+json';
          copy.textContent = '{"@type":"GovernmentService"}';
          document.head.append(copy);
          setTimeout(() => resolve(count), 200);
        }),
    );
    expect(violations).toBe(0);
  });

  it('fits a 360 px phone without scrolling sideways', async () => {
    const page = await newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await visit(page, '/layanan/persetujuan-bangunan-gedung');
    const widths = await page.evaluate(() => ({
      viewport: document.documentElement.clientWidth,
      document: document.documentElement.scrollWidth,
    }));
    const sticking = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`),
    );
    expect(sticking).toEqual([]);
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
  });

  it('prints: the print view hides the site header and shows the checklist and a QR code to the page', async () => {
    const page = await newPage();
    await visit(page, '/layanan/penerbitan-akta-kelahiran');
    await Promise.all([page.waitForURL('**/cetak', { waitUntil: 'load' }), page.getByRole('link', { name: 'Versi cetak' }).click()]);
    await audit(page);
    expect(
      await page.getByRole('img', { name: /^Kode QR menuju https:\/\/satupintu\.example\/layanan\/penerbitan-akta-kelahiran$/ }).count(),
    ).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sp-header').isVisible()).toBe(false);
    expect(await page.locator('.sp-print__screen-only').isVisible()).toBe(false);
    expect(await page.locator('.sp-checklist__item').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers an unknown service with a 404 page that offers a search', async () => {
    const page = await newPage();
    await visit(page, '/layanan/tidak-ada', { status: 404 });
    expect(await page.locator('h1').textContent()).toBe('Layanan tidak ditemukan');
  });

  it('shows a mall with its hours and the services at each booth, and a unit with its services', async () => {
    const page = await newPage();
    await visit(page, '/layanan/penerbitan-akta-kelahiran');
    await Promise.all([page.waitForURL('**/mpp/**', { waitUntil: 'load' }), page.locator('.sp-location a').first().click()]);
    await audit(page);
    expect(await page.locator('h1').textContent()).toBe('Mal Pelayanan Publik Kabupaten Badung');
    await Promise.all([
      page.waitForURL('**/unit/**', { waitUntil: 'load' }),
      page.getByRole('link', { name: /Dikelola oleh Pelayanan Terpadu/ }).click(),
    ]);
    await audit(page);
    expect(await page.locator('h1').textContent()).toBe('Pelayanan Terpadu Satu Pintu');
  });
});
