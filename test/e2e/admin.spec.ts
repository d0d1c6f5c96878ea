/**
 * Staff in the browser with two-factor sign-in required: the platform admin enrols TOTP, builds an agency
 * and a service unit, invites a counter officer who joins through the mailed link; the officer opens a
 * citizen's record for a stated purpose, and the citizen sees who did, where and why. The tests run in
 * order and hand each other the signed-in browser state.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createVerifiedAccount } from '../../src/modules/identity/index.js';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.seed.js';
import { audit, follow, pathInMail, signIn, useE2E, visit } from '../support/browser.js';

const e2e = useE2E({ smtp: true, demo: true, env: { STAFF_TOTP_REQUIRED: 'true' } });

const PASSWORD = 'kopi tubruk di teras rumah nenek';
const ADMIN = { email: 'admin.e2e@satupintu.test', name: 'Admin Uji Platform' };
const AGENCY = { code: 'DISKOMINFO-BDG', name: 'Dinas Komunikasi dan Informatika Kabupaten Badung' };
const UNIT = { code: 'PPID', name: 'Layanan Informasi Publik Badung' };
const OFFICER = { email: 'loket.ppid@badung.satupintu.test', invitedAs: 'Petugas PPID', name: 'Kadek Loket Informasi' };
const CITIZEN = { email: 'warga.nik@contoh.id', name: 'Wayan Punya NIK', nik: '5103024506900001', masked: '5103**********01' };
const PURPOSE = 'Pelayanan permohonan informasi di loket 1';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;
/** Signed-in browser state (the session cookie) handed from one test to the next. */
const signedIn: { admin?: StorageState; officer?: StorageState } = {};
const as = (who: keyof typeof signedIn): BrowserContextOptions => {
  const storageState = signedIn[who];
  if (!storageState) throw new Error(`the ${who} was not signed in by an earlier test, which must have failed`);
  return { storageState };
};

const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => page.locator('.govuk-notification-banner__heading').textContent();

/**
 * Signs in a staff member who has no second factor yet: the enrolment page shows a QR code and the key,
 * the code computed from that key is accepted, and ten recovery codes are shown once. Returns the key.
 */
async function signInAndEnrol(page: Page, email: string, password: string): Promise<string> {
  await signIn(page, email, password, '/masuk/aktifkan-2fa');
  expect(await page.locator('h1').textContent()).toBe('Aktifkan verifikasi dua langkah');
  expect(await page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).count()).toBe(1);
  const secret = (await page.locator('code.sp-secret').textContent())!.replace(/ /g, '');
  await page.getByLabel('Kode', { exact: true }).fill(currentTotp(secret));
  await follow(page, () => page.getByRole('button', { name: 'Aktifkan' }).click(), '/masuk/aktifkan-2fa');
  expect(await page.locator('h1').textContent()).toBe('Simpan kode pemulihan Anda');
  const codes = await page.locator('ul.sp-codes code').allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await follow(page, () => page.getByRole('link', { name: 'Saya sudah menyimpannya, lanjutkan' }).click(), '/admin');
  expect(await page.locator('h1').textContent()).toBe('Beranda staf');
  return secret;
}

describe('Staff administration with two-factor sign-in', () => {
  it('the platform admin signs in, enrols an authenticator and lands on the staff home', async () => {
    await createVerifiedAccount(e2e.database.db, {
      kind: 'staff',
      email: ADMIN.email,
      name: ADMIN.name,
      password: PASSWORD,
      grants: [{ role: 'platform_admin', scopeKind: 'platform' }],
    });
    const page = await e2e.newPage();
    await signInAndEnrol(page, ADMIN.email, PASSWORD);
    expect(await main(page).textContent()).toContain('Admin platform — Seluruh platform');
    // Until the second factor is done the session opens nothing; afterwards the staff pages do.
    await follow(
      page,
      () => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Staf', exact: true }).click(),
      '/admin/staf',
    );
    expect(await main(page).textContent()).toContain(ADMIN.name);
    signedIn.admin = await page.context().storageState();
  });

  it('the admin creates an agency and a service unit through the organization pages', async () => {
    const page = await e2e.newPage(as('admin'));
    await visit(page, '/admin/organisasi/instansi/baru');
    await page.locator('[name="name"]').fill(AGENCY.name);
    await page.locator('[name="code"]').fill(AGENCY.code);
    await page.locator('[name="kind"]').selectOption('regency_government');
    await page.locator('[name="regionCode"]').fill('51.03');
    await follow(page, () => main(page).locator('button[type="submit"]').click(), '/admin/organisasi/instansi');
    expect(await flash(page)).toContain(AGENCY.name);
    expect(await main(page).locator('table').textContent()).toContain(AGENCY.code);

    await visit(page, '/admin/organisasi/unit-layanan/baru');
    await page.locator('[name="agencyId"]').selectOption({ label: AGENCY.name });
    await page.locator('[name="name"]').fill(UNIT.name);
    await page.locator('[name="code"]').fill(UNIT.code);
    await page.locator('[name="regionCode"]').fill('51.03.02');
    await follow(page, () => main(page).locator('button[type="submit"]').click(), '/admin/organisasi/unit-layanan');
    expect(await flash(page)).toContain(UNIT.name);
    expect(await main(page).locator('table').textContent()).toContain(UNIT.code);
  });

  it('the admin invites a counter officer at the new unit; the invitation is mailed', async () => {
    const page = await e2e.newPage(as('admin'));
    await visit(page, '/admin/staf');
    await follow(page, () => main(page).getByRole('link', { name: 'Undang staf' }).click(), '/admin/staf/undang');
    await page.getByLabel('Nama lengkap').fill(OFFICER.invitedAs);
    await page.getByLabel('Alamat email').fill(OFFICER.email);
    await page.getByLabel('Peran').selectOption({ label: 'Petugas loket' });
    await page.getByLabel('Ditugaskan di').selectOption({ label: `Unit pelayanan: ${UNIT.name}` });
    await follow(page, () => page.getByRole('button', { name: 'Kirim undangan' }).click(), '/admin/staf');
    expect(await flash(page)).toBe(`Undangan terkirim ke ${OFFICER.email}.`);

    const mail = await e2e.smtp.waitForMail((m) => m.to.includes(OFFICER.email), 10_000);
    expect(mail.subject).toBe('Undangan bergabung sebagai staf di Satupintu');
    expect(mail.text).toContain(`${ADMIN.name} mengundang Anda sebagai Petugas loket di ${UNIT.name}`);
  });

  it('the invitee accepts through the mailed link in a fresh browser, then signs in enrolling an authenticator', async () => {
    const mail = await e2e.smtp.waitForMail((m) => m.to.includes(OFFICER.email));
    const page = await e2e.newPage();
    await visit(page, pathInMail(mail, '/undangan/'));
    expect(await main(page).textContent()).toContain(`${OFFICER.invitedAs}, Anda diundang sebagai Petugas loket di ${UNIT.name}.`);
    await page.getByLabel('Nama lengkap').fill(OFFICER.name);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await follow(page, () => page.getByRole('button', { name: 'Terima undangan' }).click(), '/masuk');
    expect(await flash(page)).toBe('Undangan diterima. Silakan masuk.');

    await signInAndEnrol(page, OFFICER.email, PASSWORD);
    expect(await main(page).textContent()).toContain(`Petugas loket — ${UNIT.name}`);
    signedIn.officer = await page.context().storageState();
  });

  it('the officer finds a citizen by NIK and opens the record for a purpose, which the citizen then sees on their account page', async () => {
    await createVerifiedAccount(e2e.database.db, { kind: 'citizen', email: CITIZEN.email, name: CITIZEN.name, password: PASSWORD });
    const citizen = await e2e.newPage();
    await signIn(citizen, CITIZEN.email, PASSWORD, '/akun');
    await follow(citizen, () => main(citizen).getByRole('link', { name: 'Ubah profil' }).click(), '/akun/profil');
    await citizen.getByLabel('NIK').fill(CITIZEN.nik);
    await follow(citizen, () => citizen.getByRole('button', { name: 'Simpan' }).click(), '/akun');
    expect(await main(citizen).locator('dl').textContent()).toContain(CITIZEN.masked);
    expect(await main(citizen).textContent()).toContain('Belum ada petugas yang membuka data Anda.');

    const officer = await e2e.newPage(as('officer'));
    await visit(officer, '/admin');
    await follow(
      officer,
      () => officer.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Data warga' }).click(),
      '/admin/warga',
    );
    await officer.getByLabel('NIK, email atau nomor HP warga').fill(CITIZEN.nik);
    await follow(officer, () => officer.getByRole('button', { name: 'Cari' }).click(), '/admin/warga');
    const found = main(officer).locator('dl');
    expect(await found.textContent()).toContain(CITIZEN.name);
    // The search shows the NIK masked; only opening the record, which is logged, shows it whole.
    expect(await found.textContent()).toContain(CITIZEN.masked);
    expect(await main(officer).textContent()).not.toContain(CITIZEN.nik);
    await officer.getByLabel('Keperluan membuka data').fill(PURPOSE);
    await follow(
      officer,
      () => officer.getByRole('button', { name: 'Buka data lengkap' }).click(),
      '/admin/warga/' + (await citizenId(officer)),
    );
    expect(await officer.locator('h1').textContent()).toBe(`Data warga: ${CITIZEN.name}`);
    expect(await main(officer).locator('dl').textContent()).toContain(CITIZEN.nik);
    expect(await main(officer).locator('.govuk-inset-text').textContent()).toBe('Pembukaan data ini tercatat dan terlihat oleh warga.');

    await citizen.reload();
    await audit(citizen);
    const log = main(citizen).locator('table').first();
    const rows = await log
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1)).toEqual([OFFICER.name, UNIT.name, PURPOSE]);
  });

  it('the demo auditor enrols an authenticator and finds the officer’s opening of the record in the audit trail', async () => {
    const page = await e2e.newPage();
    await signInAndEnrol(page, 'auditor@satupintu.test', DEMO_PASSWORD);
    expect(await main(page).textContent()).toContain('Auditor (hanya baca) — Seluruh platform');
    await follow(
      page,
      () => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Jejak audit' }).click(),
      '/admin/audit',
    );
    expect(await page.locator('h1').textContent()).toBe('Jejak audit');
    await page.getByLabel('Tindakan').fill('audit.personal-data.viewed');
    await follow(page, () => page.getByRole('button', { name: 'Terapkan saringan' }).click(), '/admin/audit');
    expect(new URL(page.url()).searchParams.get('action')).toBe('audit.personal-data.viewed');
    const rows = await main(page).locator('table tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`Petugas: ${OFFICER.name}`);
    expect(rows[0]).toContain(PURPOSE);
  });
});

/** The citizen's id, from the action of the open-record form on the search results. */
async function citizenId(page: Page): Promise<string> {
  const action = await main(page).locator('form[action^="/admin/warga/"]').getAttribute('action');
  return action!.slice('/admin/warga/'.length);
}
