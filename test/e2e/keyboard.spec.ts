import { describe, expect, it } from 'vitest';
import { useE2E, visit } from '../support/browser.js';

const e2e = useE2E();

describe('Keyboard use', () => {
  it('offers the skip link as the first focusable element, shows it on focus, and moves focus to main', async () => {
    const page = await e2e.newPage();
    await visit(page, '/');

    const firstFocusable = await page.evaluate(() => {
      const candidates = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
      );
      const first = Array.from(candidates).find((el) => !el.hasAttribute('disabled'));
      return first ? first.outerHTML : null;
    });
    expect(firstFocusable).toContain('govuk-skip-link');

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { className: el.className, text: el.textContent, href: el.getAttribute('href'), width: box.width, height: box.height };
    });
    expect(focused).toMatchObject({ className: 'govuk-skip-link', text: 'Langsung ke konten utama', href: '#main-content' });
    // Visually hidden until focused; then a real, visible target.
    expect(focused.width).toBeGreaterThan(100);
    expect(focused.height).toBeGreaterThan(20);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

    // The next Tab continues inside main, not back at the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });
});
