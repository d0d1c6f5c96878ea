import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertAllAudited, audit, useE2E, visit } from '../support/browser.js';

const e2e = useE2E();

// A page with known serious and critical failures: an image without text, a field without a label,
// and grey-on-white text far below the 4.5:1 contrast ratio.
const BROKEN = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Rusak</title></head>
<body><main><h1>Rusak</h1><img src="/assets/logo.svg"><form><input name="q"></form>
<p style="color:#ccc;background:#fff">Teks pucat</p></main></body></html>`;

async function serveBroken(page: Page) {
  await page.route('**/rusak', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BROKEN }));
}

describe('The browser test harness itself', () => {
  it('fails a page with serious accessibility violations, naming each rule and element', async () => {
    const page = await e2e.newPage();
    await serveBroken(page);
    const error = (await visit(page, '/rusak').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/axe found \d+ serious or critical WCAG A\/AA violation/);
    expect(error.message).toContain('[critical] image-alt');
    expect(error.message).toContain('[critical] label');
    expect(error.message).toContain('[serious] color-contrast');
    expect(error.message).toContain('at img');
  });

  it('audits pages in a context with JavaScript disabled just as thoroughly', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await serveBroken(page);
    const error = (await visit(page, '/rusak').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('[critical] image-alt');
    expect(error.message).toContain('[serious] color-contrast');
  });

  it('refuses a test that lands on a page without auditing it', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    expect(() => assertAllAudited(page)).toThrow(/loaded but not audited:\n {2}- GET \/ → 200/);
    await audit(page);
    expect(() => assertAllAudited(page)).not.toThrow();
  });
});
