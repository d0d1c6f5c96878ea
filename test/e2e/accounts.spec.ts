/**
 * A citizen's account in the browser: sign-up with the verification mail read from a real SMTP server,
 * sign-in, sign-out, a forgotten password, English, and the account pages by keyboard alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createVerifiedAccount } from '../../src/modules/identity/index.js';
import { audit, follow, pathInMail, signIn, useE2E, visit } from '../support/browser.js';

// The demo seed brings the Kemendagri regions that a NIK's first six digits are checked against.
const e2e = useE2E({ smtp: true, demo: true });

const PASSWORD = 'kopi tubruk di teras rumah nenek';

const mailTo = (address: string, subject: string) => e2e.smtp.waitForMail((m) => m.to.includes(address) && m.subject === subject, 10_000);

async function citizen(email: string, name: string) {
  await createVerifiedAccount(e2e.database.db, { kind: 'citizen', email, name, password: PASSWORD });
}

describe('Signing up', () => {
  it.each([
    { javaScript: 'enabled', email: 'ayu@contoh.id', name: 'Ni Made Ayu' },
    { javaScript: 'disabled', email: 'tanpa.js@contoh.id', name: 'Nyoman Tanpa Skrip' },
  ])(
    'with JavaScript $javaScript: signs up, opens the mailed verification link, signs in and sees the account page',
    async ({ javaScript, email, name }) => {
      const page = await e2e.newPage({ javaScriptEnabled: javaScript === 'enabled' });
      if (javaScript === 'enabled') {
        await visit(page, '/');
        await follow(page, () => page.getByRole('banner').getByRole('link', { name: 'Masuk' }).click(), '/masuk');
        await follow(page, () => page.getByRole('link', { name: 'Belum punya akun? Buat akun' }).click(), '/daftar');
      } else {
        await visit(page, '/daftar');
        expect(await page.locator('script').count()).toBe(0);
      }

      await page.getByLabel('Nama lengkap').fill(name);
      await page.getByLabel('Alamat email').fill(email);
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await follow(page, () => page.getByRole('button', { name: 'Buat akun' }).click(), '/daftar/periksa-email');
      expect(await page.locator('h1').textContent()).toBe('Periksa email Anda');

      const mail = await mailTo(email, 'Verifikasi email akun Satupintu Anda');
      expect(mail.text).toContain(`Halo ${name}`);
      await visit(page, pathInMail(mail, '/akun/verifikasi/'));
      expect(await page.locator('h1').textContent()).toBe('Email Anda sudah terverifikasi');

      await follow(page, () => page.getByRole('main').getByRole('link', { name: 'Masuk' }).click(), '/masuk');
      await signIn(page, email, PASSWORD, '/akun');
      expect(await page.locator('h1').textContent()).toBe('Akun Anda');
      const profile = page.locator('main dl.govuk-summary-list');
      expect(await profile.textContent()).toContain(name);
      expect(await profile.textContent()).toContain(`${email} (terverifikasi)`);
      expect(await page.getByRole('main').textContent()).toContain('Belum ada petugas yang membuka data Anda.');
      // The header names who is signed in, linking to this page.
      expect(
        await page
          .getByRole('banner')
          .getByRole('link', { name: `Akun Anda: ${name}` })
          .getAttribute('href'),
      ).toBe('/akun');
    },
  );

  it('refuses a weak password with the GOV.UK error summary, keeps what was typed but the password, then accepts a strong one', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await visit(page, '/daftar');
    const name = page.getByLabel('Nama lengkap');
    const email = page.getByLabel('Alamat email');
    const password = page.getByLabel('Kata sandi');
    await name.fill('Orang Baru');
    await email.fill('baru@contoh.id');
    await password.fill('rahasia123');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Buat akun' }).click(),
    ]);
    expect(refused.status()).toBe(422);
    await audit(page);

    expect(await page.title()).toMatch(/^Kesalahan: Buat akun/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('.govuk-error-summary__title').textContent()).toBe('Ada masalah');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#f-password']);
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect((await password.getAttribute('aria-describedby'))?.split(' ')).toContain('f-password-error');
    const fieldError = await page.locator('#f-password-error').textContent();
    expect(fieldError).toContain('Kesalahan:');
    expect(fieldError).toContain(await summary.locator('a').textContent());

    expect(await name.inputValue()).toBe('Orang Baru');
    expect(await email.inputValue()).toBe('baru@contoh.id');
    expect(await password.inputValue()).toBe('');

    await summary.locator('a[href="#f-password"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-password');
    await password.fill(PASSWORD);
    await follow(page, () => page.getByRole('button', { name: 'Buat akun' }).click(), '/daftar/periksa-email');
    await mailTo('baru@contoh.id', 'Verifikasi email akun Satupintu Anda');
  });
});

describe('Signing in and out', () => {
  it('signs out with the header button, after which the account page asks to sign in again and returns there', async () => {
    await citizen('keluar@contoh.id', 'Made Keluar');
    const page = await e2e.newPage();
    await signIn(page, 'keluar@contoh.id', PASSWORD, '/akun');

    await follow(page, () => page.getByRole('banner').getByRole('button', { name: 'Keluar' }).click(), '/');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('Anda sudah keluar.');
    expect(await page.getByRole('banner').getByRole('button', { name: 'Keluar' }).count()).toBe(0);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Masuk' }).count()).toBe(1);

    await page.goto('/akun', { waitUntil: 'load' });
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/masuk?next=%2Fakun');
    await audit(page);
    await signIn(page, 'keluar@contoh.id', PASSWORD, '/akun');
  });

  it('sets a new password through the mailed reset link; the old password and a second use of the link are refused', async () => {
    await citizen('lupa@contoh.id', 'Ketut Pelupa');
    const page = await e2e.newPage();
    await visit(page, '/masuk');
    await follow(page, () => page.getByRole('link', { name: 'Lupa kata sandi?' }).click(), '/akun/lupa-sandi');
    await page.getByLabel('Email atau nomor HP').fill('lupa@contoh.id');
    await follow(page, () => page.getByRole('button', { name: 'Kirim tautan' }).click(), '/masuk');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain('Jika akun itu ada');

    const mail = await mailTo('lupa@contoh.id', 'Buat kata sandi baru untuk akun Satupintu Anda');
    const link = pathInMail(mail, '/akun/atur-ulang/');
    await visit(page, link);
    expect(await page.locator('h1').textContent()).toBe('Buat kata sandi baru');
    const fresh = 'sepeda ontel merah melaju pelan';
    await page.getByLabel('Kata sandi baru').fill(fresh);
    await follow(page, () => page.getByRole('button', { name: 'Simpan kata sandi' }).click(), '/masuk');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('Kata sandi baru tersimpan');

    await page.getByLabel('Email atau nomor HP').fill('lupa@contoh.id');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    const [wrong] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Masuk' }).click(),
    ]);
    expect(wrong.status()).toBe(401);
    await audit(page);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Email/nomor HP atau kata sandi salah');

    await signIn(page, 'lupa@contoh.id', fresh, '/akun');
    await visit(page, link, { status: 410 });
    expect(await page.getByRole('main').textContent()).toContain('Tautan ini sudah pernah dipakai.');
  });

  it('switches the sign-in page to English with the language links and stays in English on the account page', async () => {
    await citizen('english@contoh.id', 'Wayan English');
    const page = await e2e.newPage();
    await visit(page, '/masuk');
    await Promise.all([
      page.waitForURL('**/masuk?lang=en'),
      page.getByRole('navigation', { name: 'Bahasa' }).getByRole('link', { name: 'English' }).click(),
    ]);
    await audit(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect(await page.getByLabel('Email or mobile number').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Forgotten your password?' }).count()).toBe(1);

    await signIn(page, 'english@contoh.id', PASSWORD, '/akun');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Your account');
    expect(await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).count()).toBe(1);
  });
});

describe('Keyboard use on the account pages', () => {
  /** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
  async function tabTo(page: Page, selector: string, limit = 40): Promise<number> {
    for (let presses = 1; presses <= limit; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    }
    throw new Error(`${selector} was not reached in ${limit} presses of Tab`);
  }

  /** GOV.UK's focus state: the yellow focus colour behind the focused control. */
  const focusColour = (page: Page) => page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);

  it('reaches the header sign-out button early, shows focus on it, and signs out with Enter', async () => {
    await citizen('papan.ketik@contoh.id', 'Putu Papan');
    const page = await e2e.newPage();
    await signIn(page, 'papan.ketik@contoh.id', PASSWORD, '/akun');

    // Skip link, brand, the account link, then the sign-out button.
    expect(await tabTo(page, '.sp-header__button')).toBeLessThanOrEqual(4);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keluar');
    expect(await focusColour(page)).toBe('rgb(255, 221, 0)');
    await follow(page, () => page.keyboard.press('Enter'), '/');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('Anda sudah keluar.');
  });

  it('ends another session, edits the profile, changes the password and signs out everywhere with the keyboard alone', async () => {
    await citizen('keyboard@contoh.id', 'Komang Keyboard');
    // A second device, so the sessions table offers "Akhiri" for it.
    const other = await e2e.newPage();
    await signIn(other, 'keyboard@contoh.id', PASSWORD, '/akun');
    const page = await e2e.newPage();
    await signIn(page, 'keyboard@contoh.id', PASSWORD, '/akun');

    await tabTo(page, 'main button[type="submit"]:not(.govuk-button--warning)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Akhiri');
    await follow(page, () => page.keyboard.press('Space'), '/akun');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('Sesi diakhiri.');
    expect(await page.locator('main button', { hasText: 'Akhiri' }).count()).toBe(0);

    await tabTo(page, 'main a[href="/akun/profil"]');
    await follow(page, () => page.keyboard.press('Enter'), '/akun/profil');
    await tabTo(page, '#f-name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Komang Papan Ketik');
    await tabTo(page, '#f-nik');
    await page.keyboard.type('5103024506900002');
    await tabTo(page, 'main form[action="/akun/profil"] button[type="submit"]');
    expect(await focusColour(page)).toBe('rgb(255, 221, 0)');
    await follow(page, () => page.keyboard.press('Enter'), '/akun');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('Profil tersimpan.');
    expect(await page.locator('main dl').textContent()).toContain('Komang Papan Ketik');
    expect(await page.locator('main dl').textContent()).toContain('5103**********02');

    await tabTo(page, 'main a[href="/akun/sandi"]');
    await follow(page, () => page.keyboard.press('Enter'), '/akun/sandi');
    await tabTo(page, '#f-currentPassword');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type('layang layang putus di sawah');
    await tabTo(page, 'main form[action="/akun/sandi"] button[type="submit"]');
    await follow(page, () => page.keyboard.press('Space'), '/akun');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain('Kata sandi baru tersimpan');

    await tabTo(page, 'main button.govuk-button--warning');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keluar dari semua perangkat');
    await follow(page, () => page.keyboard.press('Enter'), '/');
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe(
      'Anda sudah keluar dari semua perangkat (1 sesi).',
    );
  });
});
