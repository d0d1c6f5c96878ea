import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useE2E, visit } from '../support/browser.js';

const e2e = useE2E();

/** Bytes on the wire for one GET with the given Accept-Encoding (body only, as sent, not decoded). */
function wireSize(url: string, encoding: string): Promise<{ bytes: number; encoding: string; status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': encoding, 'accept-language': 'id' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity'), status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('The home page', () => {
  it('greets an Indonesian visitor in Indonesian (html lang="id") and passes axe', async () => {
    const page = await e2e.newPage();
    await visit(page, '/');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.locator('h1').textContent()).toBe('Layanan publik dalam satu pintu');
    expect(await page.title()).toMatch(/^Beranda – /);
  });

  it('fits a 360×640 phone screen without horizontal scrolling', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await visit(page, '/');
    const widths = await page.evaluate(() => ({
      viewport: document.documentElement.clientWidth,
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(widths.viewport).toBe(360);
    expect(widths.document, `document is ${widths.document}px wide on a ${widths.viewport}px screen`).toBeLessThanOrEqual(widths.viewport);
    expect(widths.body).toBeLessThanOrEqual(widths.viewport);
    // Nothing may stick out to the right either (overflow hidden on an ancestor would mask a scrollbar).
    const sticking = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`),
    );
    expect(sticking).toEqual([]);
  });

  it('is small on the wire: HTML and CSS, compressed (printed as a note)', async () => {
    const page = await e2e.newPage();
    await visit(page, '/');
    const cssHref = await page.getAttribute('link[rel="stylesheet"]', 'href');
    expect(cssHref).toMatch(/^\/assets\/satupintu-[0-9a-f]{10}\.css$/);
    const html = `${e2e.baseUrl}/`;
    const css = `${e2e.baseUrl}${cssHref}`;
    const sizes = {
      html: { identity: await wireSize(html, 'identity'), gzip: await wireSize(html, 'gzip'), br: await wireSize(html, 'br') },
      css: { identity: await wireSize(css, 'identity'), gzip: await wireSize(css, 'gzip'), br: await wireSize(css, 'br') },
    };
    for (const kind of ['html', 'css'] as const) {
      expect(sizes[kind].gzip.encoding).toBe('gzip');
      expect(sizes[kind].br.encoding).toBe('br');
    }
    // What Chromium itself fetched for this page (Resource Timing; encodedBodySize is the compressed body).
    const browser = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        html: nav.encodedBodySize,
        others: resources.map((r) => ({ name: new URL(r.name).pathname, encoded: r.encodedBodySize })),
      };
    });
    const brTotal = sizes.html.br.bytes + sizes.css.br.bytes;
    const gzipTotal = sizes.html.gzip.bytes + sizes.css.gzip.bytes;
    console.log(
      [
        'Note: home page transfer size (response bodies on the wire)',
        `  HTML  ${kb(sizes.html.identity.bytes)} raw, ${kb(sizes.html.gzip.bytes)} gzip, ${kb(sizes.html.br.bytes)} brotli`,
        `  CSS   ${kb(sizes.css.identity.bytes)} raw, ${kb(sizes.css.gzip.bytes)} gzip, ${kb(sizes.css.br.bytes)} brotli`,
        `  HTML + CSS: ${kb(gzipTotal)} gzip, ${kb(brTotal)} brotli`,
        `  Chromium fetched: document ${kb(browser.html)}, ${browser.others.map((r) => `${r.name} ${kb(r.encoded)}`).join(', ')}`,
      ].join('\n'),
    );
    // A loose guard against a regression that ships a whole framework to a phone on a slow network.
    expect(gzipTotal).toBeLessThan(100 * 1024);
  });
});
