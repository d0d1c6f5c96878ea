import { describe, expect, it } from 'vitest';
import { useE2E, visit } from '../support/browser.js';

const e2e = useE2E();

describe('Other public pages', () => {
  it('the API documentation page passes axe and lists the feedback operations', async () => {
    const page = await e2e.newPage();
    await visit(page, '/api/docs');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.locator('h1').textContent()).toBe('Dokumentasi API');
    const operations = await page.locator('.sp-api-op h2').allTextContents();
    expect(operations).toEqual(expect.arrayContaining(['post /api/v1/feedback', 'get /api/v1/feedback/stats']));
  });

  it('a page that does not exist answers 404 with a friendly page that passes axe', async () => {
    const page = await e2e.newPage();
    await visit(page, '/tidak-ada-halaman-ini', { status: 404 });
    expect(await page.locator('h1').textContent()).toBe('Maaf, permintaan ini tidak dapat diproses');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('404');
    expect(await page.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href')).toBe('/');
  });

  it('every public page fits a 360×640 phone screen without horizontal scrolling', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    for (const path of ['/', '/aksesibilitas', '/api/docs', '/tidak-ada-halaman-ini']) {
      await visit(page, path, { status: path.startsWith('/tidak') ? 404 : 200 });
      const widths = await page.evaluate(() => ({
        viewport: document.documentElement.clientWidth,
        document: document.documentElement.scrollWidth,
      }));
      expect(widths.document, `${path} is ${widths.document}px wide on a ${widths.viewport}px screen`).toBeLessThanOrEqual(widths.viewport);
    }
  });
});
