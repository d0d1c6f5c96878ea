import { describe, expect, it } from 'vitest';
import { audit, useE2E, visit } from '../support/browser.js';

const e2e = useE2E();

describe('The accessibility feedback form without JavaScript', () => {
  it('shows the GOV.UK error summary linking to each wrong field, keeps every typed value, then thanks on a corrected post', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await visit(page, '/aksesibilitas');
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);

    const kind = page.getByLabel('Jenis masukan');
    const pageUrl = page.getByLabel('Halaman yang bermasalah (opsional)');
    const message = page.getByLabel('Apa yang terjadi?');
    const email = page.getByLabel('Email untuk balasan (opsional)');

    await kind.selectOption('content');
    await pageUrl.fill('https://satupintu.example.id/layanan/izin-usaha');
    await message.fill('Pendek');
    await email.fill('bukan-email');
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Kirim laporan' }).click(),
    ]);
    expect(bad.status()).toBe(422);
    await audit(page);

    expect(await page.title()).toMatch(/^Kesalahan: Pernyataan aksesibilitas/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('.govuk-error-summary__title').textContent()).toBe('Ada masalah');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    expect(links).toEqual([
      { href: '#f-message', text: 'Minimal 10 karakter.' },
      { href: '#f-contactEmail', text: 'Masukkan alamat email yang valid, misalnya nama@contoh.id.' },
    ]);
    // Each link points at a field that exists, is marked invalid, and is described by its error message.
    for (const { href } of links) {
      const field = page.locator(href!);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain(`${href!.slice(1)}-error`);
      expect(await page.locator(`${href!}-error`).textContent()).toContain('Kesalahan:');
    }

    // Nothing the visitor typed is lost.
    expect(await kind.inputValue()).toBe('content');
    expect(await pageUrl.inputValue()).toBe('https://satupintu.example.id/layanan/izin-usaha');
    expect(await message.inputValue()).toBe('Pendek');
    expect(await email.inputValue()).toBe('bukan-email');

    // Following a summary link lands on the field (native fragment navigation, no script involved).
    await summary.getByRole('link', { name: 'Minimal 10 karakter.' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-message');

    await message.fill('Tombol "Kirim" tidak dapat dijangkau dengan papan ketik.');
    await email.fill('warga@contoh.id');
    const [good] = await Promise.all([
      page.waitForURL((url) => url.pathname === '/aksesibilitas', { waitUntil: 'load' }),
      page.getByRole('button', { name: 'Kirim laporan' }).click(),
    ]);
    void good;
    await audit(page);
    const banner = page.locator('.govuk-notification-banner--success');
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.locator('.govuk-notification-banner__title').textContent()).toBe('Berhasil');
    expect(await banner.locator('.govuk-notification-banner__heading').textContent()).toBe('Terima kasih. Laporan Anda sudah kami terima.');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    // Post/redirect/get: a fresh, empty form.
    expect(await message.inputValue()).toBe('');

    // The flash is shown once.
    await page.reload();
    await audit(page);
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);
  });
});
