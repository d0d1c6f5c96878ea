import { describe, expect, it } from 'vitest';
import { audit, useE2E, visit } from '../support/browser.js';

const e2e = useE2E();

describe('Choosing the language', () => {
  it('switches to English from the header link, marks the page lang="en", and keeps English on the next page', async () => {
    const page = await e2e.newPage();
    await visit(page, '/');
    expect(await page.getAttribute('html', 'lang')).toBe('id');

    const languages = page.getByRole('navigation', { name: 'Bahasa' });
    const english = languages.getByRole('link', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await english.getAttribute('hreflang')).toBe('en');
    await Promise.all([page.waitForURL('**/?lang=en'), english.click()]);
    await audit(page);

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Public services through one door');
    expect(
      await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'English' }).getAttribute('aria-current'),
    ).toBe('true');

    // The next page is linked without ?lang: the choice rides on the lang cookie.
    await Promise.all([
      page.waitForURL('**/aksesibilitas'),
      page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Accessibility' }).click(),
    ]);
    await audit(page);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Accessibility statement');
    expect(await page.getByRole('link', { name: 'Accessibility', exact: true }).first().getAttribute('aria-current')).toBe('page');
  });

  it('switches back to Indonesian the same way', async () => {
    const page = await e2e.newPage();
    await visit(page, '/aksesibilitas?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await Promise.all([
      page.waitForURL('**/aksesibilitas?lang=id'),
      page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Bahasa Indonesia' }).click(),
    ]);
    await audit(page);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.locator('h1').textContent()).toBe('Pernyataan aksesibilitas');

    await visit(page, '/');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.locator('h1').textContent()).toBe('Layanan publik dalam satu pintu');
  });

  it('gives a browser that asks for English the English page without any choice made', async () => {
    const page = await e2e.newPage({ locale: 'en-GB' });
    await visit(page, '/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Public services through one door');
  });
});
