/**
 * The identity rules that the HTTP tests (identity.routes.test.ts) cannot reach in reasonable time:
 * session lifetimes, lockout windows, token expiry and limits, TOTP replay, NIK uniqueness, key rotation
 * and who may grant what. Each test drives the services with its own clock, on every database.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { tablesOf } from '../../platform/db/database.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { testConfig } from '../../../test/support/app.js';
import { createAgency, createMall, createServiceUnit, importRegions } from '../organizations/index.js';
import type { GrantScopeKind, IdentityTables } from './identity.tables.js';
import {
  acceptInvitation,
  actorForToken,
  beginTotpEnrollment,
  completeSecondFactor,
  confirmTotpEnrollment,
  createVerifiedAccount,
  describeInvitation,
  findCitizen,
  grantsOf,
  inviteStaff,
  reencryptAccountSecrets,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  revokeStaffGrant,
  signIn,
  signUpCitizen,
  updateProfile,
  verifyEmail,
  verifyPhone,
  viewCitizenAsStaff,
  type IdentityContext,
} from './identity.service.js';
import { RecordingSmsSender } from './sms.js';
import { currentTotp } from './totp.js';

const STRONG = 'kopi tubruk di teras rumah nenek';
const FRESH = 'layangan putus di atas sawah sore hari';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REGIONS = [
  { code: '51', name: 'BALI', parentCode: null },
  { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
  { code: '51.03.02', name: 'Mengwi', parentCode: '51.03' },
];
/** A NIK registered in Mengwi, Badung (51.03.02): a woman born 5 June 1990. */
const NIK = '5103024506900001';

const config = testConfig({ PUBLIC_URL: 'http://satupintu.test' });
const key = (byte: number) => Buffer.alloc(32, byte);

/** Reads the code (SMS) or the token at the end of a link from a message text. */
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;
const tokenIn = (text: string, path: string) => {
  const match = new RegExp(`http://satupintu\\.test${path}/([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};
/** A six-digit code that none of the accepted steps around `at` produces. */
const wrongTotp = (secret: string, at: Date) => {
  const valid = new Set([-1, 0, 1].map((d) => currentTotp(secret, new Date(at.getTime() + d * 30_000))));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c))!;
};

const rejectsWith = (promise: Promise<unknown>, code: string, params?: Record<string, unknown>) =>
  expect(promise).rejects.toMatchObject({ code, ...(params ? { params } : {}) });

eachDatabase('identity services', (db) => {
  // Starts at the real time: rows stamped by the database (created_at, last_seen_at) must agree with it.
  let clock: Date;
  let sms: RecordingSmsSender;
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
  const at = (ms: number) => new Date(clock.getTime() + ms);

  const ctx = (actor: Actor = ANONYMOUS, overrides: Partial<IdentityContext> = {}): IdentityContext => ({
    db: db().db,
    config,
    keys: new KeyRing(config),
    sms,
    actor,
    locale: 'id',
    now: () => clock,
    ...overrides,
  });

  beforeEach(async () => {
    clock = new Date();
    sms = new RecordingSmsSender();
    await importRegions({ db: db().db }, REGIONS, { sourceVersion: 'test@1' });
  });

  const grantsIn = (accountId: string) => grantsOf(tablesOf<IdentityTables>(db().db), accountId);

  async function mailsTo(address: string): Promise<string[]> {
    const rows = await sql<{ text: string }>`
      select text_body as text from platform.mail_message where to_address = ${address} order by created_at`.execute(db().db);
    return rows.rows.map((r) => r.text);
  }

  async function citizen(email: string, name = 'Ni Made Ayu'): Promise<Actor & { kind: 'citizen' }> {
    const { accountId } = await createVerifiedAccount(db().db, { kind: 'citizen', email, name, password: STRONG });
    return { kind: 'citizen', id: accountId, name, sessionId: 'test' };
  }

  async function staff(
    email: string,
    grants: { role: string; scopeKind: GrantScopeKind; scopeId?: string }[],
    name = 'Petugas',
  ): Promise<Actor & { kind: 'staff' }> {
    const { accountId } = await createVerifiedAccount(db().db, { kind: 'staff', email, name, password: STRONG, grants });
    return { kind: 'staff', id: accountId, name, sessionId: 'test', grants: await grantsIn(accountId) };
  }

  /** A staff member with an authenticator enrolled (at the current clock step). */
  async function staffWithTotp(email: string, keys = new KeyRing(config)) {
    const actor = await staff(email, [{ role: 'auditor', scopeKind: 'platform' }]);
    const { secret } = await beginTotpEnrollment(ctx(actor, { keys }), actor.id);
    const { recoveryCodes } = await confirmTotpEnrollment(ctx(actor, { keys }), { accountId: actor.id, code: currentTotp(secret, clock) });
    return { actor, secret, recoveryCodes };
  }

  async function sessionRow(sessionId: string) {
    const rows = await sql<{ revokedReason: string | null }>`
      select revoked_reason from identity.session where id = ${sessionId}`.execute(db().db);
    return rows.rows[0]!;
  }

  describe('sessions', () => {
    it('ends a citizen session left idle for more than seven days; one in use stays', async () => {
      const person = await citizen('ayu@contoh.id');
      const session = await signIn(ctx(), { identifier: 'ayu@contoh.id', password: STRONG });
      expect(session.next).toBe('done');

      expect(await actorForToken(db().db, session.token, at(6 * DAY))).toMatchObject({ kind: 'citizen', id: person.id });
      // Used on day six, so idleness counts from there.
      expect(await actorForToken(db().db, session.token, at(12 * DAY))).toMatchObject({ kind: 'citizen' });
      expect(await actorForToken(db().db, session.token, at(19 * DAY + MINUTE))).toEqual({ kind: 'anonymous' });
      expect(await sessionRow(session.sessionId)).toEqual({ revokedReason: 'idle' });
      // Revoked, not merely idle: an earlier clock does not bring it back.
      expect(await actorForToken(db().db, session.token, at(12 * DAY + MINUTE))).toEqual({ kind: 'anonymous' });
    });

    it('ends a staff session idle for more than sixty minutes', async () => {
      const officer = await staff('loket@satupintu.test', [{ role: 'auditor', scopeKind: 'platform' }]);
      const session = await signIn(ctx(), { identifier: 'loket@satupintu.test', password: STRONG });
      expect(session.next).toBe('done');

      const seen = await actorForToken(db().db, session.token, at(59 * MINUTE));
      expect(seen).toMatchObject({ kind: 'staff', id: officer.id, grants: [{ role: 'auditor', scope: { kind: 'platform' } }] });
      expect(await actorForToken(db().db, session.token, at(59 * MINUTE + 61 * MINUTE))).toEqual({ kind: 'anonymous' });
      expect(await sessionRow(session.sessionId)).toEqual({ revokedReason: 'idle' });
    });

    it('ends a staff session after twelve hours however busy it is', async () => {
      await staff('loket@satupintu.test', [{ role: 'auditor', scopeKind: 'platform' }]);
      const session = await signIn(ctx(), { identifier: 'loket@satupintu.test', password: STRONG });
      for (let minutes = 50; minutes < 12 * 60; minutes += 50) {
        expect(await actorForToken(db().db, session.token, at(minutes * MINUTE))).toMatchObject({ kind: 'staff' });
      }
      expect(await actorForToken(db().db, session.token, at(12 * HOUR + MINUTE))).toEqual({ kind: 'anonymous' });
    });

    it('never resolves a session waiting for the second factor to an actor', async () => {
      await staffWithTotp('admin@satupintu.test');
      const pending = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      expect(pending.next).toBe('totp');
      expect(await actorForToken(db().db, pending.token, clock)).toEqual({ kind: 'anonymous' });
      expect(await actorForToken(db().db, pending.token, at(MINUTE))).toEqual({ kind: 'anonymous' });
    });

    it('resolves the session of a disabled account to anonymous', async () => {
      const person = await citizen('ayu@contoh.id');
      const session = await signIn(ctx(), { identifier: 'ayu@contoh.id', password: STRONG });
      await sql`update identity.account set status = 'disabled' where id = ${person.id}`.execute(db().db);
      expect(await actorForToken(db().db, session.token, at(MINUTE))).toEqual({ kind: 'anonymous' });
    });
  });

  describe('sign-in lockout', () => {
    const attempt = (password: string) => signIn(ctx(), { identifier: 'ayu@contoh.id', password });
    const fail = async (times: number, every = 0) => {
      for (let i = 0; i < times; i++) {
        await rejectsWith(attempt('bukan kata sandinya'), 'IDENTITY_CREDENTIALS_INVALID');
        later(every);
      }
    };

    it('forgets four failures once the right password is given', async () => {
      await citizen('ayu@contoh.id');
      await fail(4);
      expect((await attempt(STRONG)).next).toBe('done');
      // Had the count carried over, the first of these would have been the fifth failure.
      await fail(4);
      expect((await attempt(STRONG)).next).toBe('done');
    });

    it('does not lock for failures spread over more than fifteen minutes', async () => {
      await citizen('ayu@contoh.id');
      await fail(4, MINUTE);
      later(13 * MINUTE);
      // Sixteen minutes after the first failure a new window starts: this is its first failure.
      await fail(4);
      expect((await attempt(STRONG)).next).toBe('done');
    });

    it('locks after five failures within fifteen minutes, even for the right password, and lifts the lock after fifteen', async () => {
      await citizen('ayu@contoh.id');
      await fail(5);
      await rejectsWith(attempt(STRONG), 'IDENTITY_LOCKED', { minutes: 15 });
      later(14 * MINUTE);
      await rejectsWith(attempt(STRONG), 'IDENTITY_LOCKED', { minutes: 1 });
      later(MINUTE);
      expect((await attempt(STRONG)).next).toBe('done');
    });
  });

  describe('verification', () => {
    it('retires the first email link when a second one is sent', async () => {
      await signUpCitizen(ctx(), { name: 'Ni Made Ayu', email: 'ayu@contoh.id', password: STRONG });
      await resendVerification(ctx(), { identifier: 'ayu@contoh.id' });
      const [first, second] = (await mailsTo('ayu@contoh.id')).map((text) => tokenIn(text, '/akun/verifikasi'));

      await rejectsWith(verifyEmail(ctx(), first!), 'IDENTITY_TOKEN_USED');
      expect(await verifyEmail(ctx(), second!)).toMatchObject({ email: 'ayu@contoh.id' });
    });

    it('refuses an email link older than 48 hours, and the account stays unverified', async () => {
      await signUpCitizen(ctx(), { name: 'Ni Made Ayu', email: 'ayu@contoh.id', password: STRONG });
      const [mail] = await mailsTo('ayu@contoh.id');
      later(48 * HOUR + MINUTE);
      await rejectsWith(verifyEmail(ctx(), tokenIn(mail!, '/akun/verifikasi')), 'IDENTITY_TOKEN_EXPIRED');
      await rejectsWith(signIn(ctx(), { identifier: 'ayu@contoh.id', password: STRONG }), 'IDENTITY_NOT_VERIFIED');
    });

    it('spends a phone code after five wrong tries, so even the right code is refused; a new code works', async () => {
      await signUpCitizen(ctx(), { name: 'Wayan Tani', phone: '0812-3456-7890', password: STRONG });
      const code = codeIn(sms.sent[0]!.text);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i++) await rejectsWith(verifyPhone(ctx(), { phone: '081234567890', code: wrong }), 'IDENTITY_CODE_INVALID');
      await rejectsWith(verifyPhone(ctx(), { phone: '081234567890', code: wrong }), 'IDENTITY_TOO_MANY_ATTEMPTS');
      await rejectsWith(verifyPhone(ctx(), { phone: '081234567890', code }), 'IDENTITY_TOO_MANY_ATTEMPTS');

      await resendVerification(ctx(), { identifier: '081234567890' });
      const fresh = codeIn(sms.sent[1]!.text);
      expect(await verifyPhone(ctx(), { phone: '+62 812 3456 7890', code: fresh })).toHaveProperty('accountId');
    });

    it('sends at most five codes to a phone in an hour', async () => {
      await signUpCitizen(ctx(), { name: 'Wayan Tani', phone: '081234567890', password: STRONG });
      for (let i = 0; i < 4; i++) await resendVerification(ctx(), { identifier: '081234567890' });
      expect(sms.sent).toHaveLength(5);
      await rejectsWith(resendVerification(ctx(), { identifier: '081234567890' }), 'IDENTITY_TOO_MANY_CODES');
      expect(sms.sent).toHaveLength(5);

      later(HOUR + MINUTE);
      await resendVerification(ctx(), { identifier: '081234567890' });
      expect(sms.sent).toHaveLength(6);
    });
  });

  describe('password reset', () => {
    it('texts the reset link to an account that has only a phone', async () => {
      await signUpCitizen(ctx(), { name: 'Wayan Tani', phone: '081234567890', password: STRONG });
      await verifyPhone(ctx(), { phone: '081234567890', code: codeIn(sms.sent[0]!.text) });

      await requestPasswordReset(ctx(), { identifier: '0812 3456 7890' });
      const text = sms.sent.at(-1)!;
      expect(text).toMatchObject({ to: '+6281234567890', tag: 'identity.reset-password' });
      await resetPassword(ctx(), { token: tokenIn(text.text, '/akun/atur-ulang'), password: FRESH });

      expect((await signIn(ctx(), { identifier: '081234567890', password: FRESH })).next).toBe('done');
      await rejectsWith(signIn(ctx(), { identifier: '081234567890', password: STRONG }), 'IDENTITY_CREDENTIALS_INVALID');
    });

    it('lifts a sign-in lockout', async () => {
      await citizen('ayu@contoh.id');
      for (let i = 0; i < 5; i++) {
        await rejectsWith(signIn(ctx(), { identifier: 'ayu@contoh.id', password: 'salah sandi' }), 'IDENTITY_CREDENTIALS_INVALID');
      }
      await rejectsWith(signIn(ctx(), { identifier: 'ayu@contoh.id', password: STRONG }), 'IDENTITY_LOCKED');

      await requestPasswordReset(ctx(), { identifier: 'ayu@contoh.id' });
      const [mail] = await mailsTo('ayu@contoh.id');
      await resetPassword(ctx(), { token: tokenIn(mail!, '/akun/atur-ulang'), password: FRESH });
      expect((await signIn(ctx(), { identifier: 'ayu@contoh.id', password: FRESH })).next).toBe('done');
    });

    it('lifts the lockout of both identifiers, and a texted link does not verify the email address', async () => {
      await signUpCitizen(ctx(), { name: 'Wayan Tani', email: 'wayan@contoh.id', phone: '081234567890', password: STRONG });
      for (let i = 0; i < 5; i++) {
        await rejectsWith(signIn(ctx(), { identifier: '081234567890', password: 'salah sandi' }), 'IDENTITY_CREDENTIALS_INVALID');
      }
      await requestPasswordReset(ctx(), { identifier: '081234567890' });
      await resetPassword(ctx(), { token: tokenIn(sms.sent.at(-1)!.text, '/akun/atur-ulang'), password: FRESH });

      // The link went to the phone: it proves nothing about the mailbox, whose owner may be someone else.
      await rejectsWith(signIn(ctx(), { identifier: 'wayan@contoh.id', password: FRESH }), 'IDENTITY_NOT_VERIFIED');
      // Not locked any more; the number still needs its own code.
      await rejectsWith(signIn(ctx(), { identifier: '081234567890', password: FRESH }), 'IDENTITY_NOT_VERIFIED');
    });
  });

  describe('second factor', () => {
    it('accepts a recovery code once', async () => {
      const { actor, recoveryCodes } = await staffWithTotp('admin@satupintu.test');
      const first = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      const full = await completeSecondFactor(ctx(), { token: first.token, code: recoveryCodes[0]!.toUpperCase() });
      expect(await actorForToken(db().db, full.token, clock)).toMatchObject({ kind: 'staff', id: actor.id });

      const second = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      await rejectsWith(completeSecondFactor(ctx(), { token: second.token, code: recoveryCodes[0]! }), 'IDENTITY_CODE_INVALID');
      expect(await completeSecondFactor(ctx(), { token: second.token, code: recoveryCodes[1]! })).toHaveProperty('token');

      const used = await sql<{ n: number }>`
        select count(*)::int as n from audit.event where action = 'identity.totp.recovery-code-used'`.execute(db().db);
      expect(used.rows[0]!.n).toBe(2);
    });

    it('refuses a code that was already used, even inside its time window', async () => {
      const { secret } = await staffWithTotp('admin@satupintu.test');
      // The enrolment just used this step's code.
      const pending = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      await rejectsWith(completeSecondFactor(ctx(), { token: pending.token, code: currentTotp(secret, clock) }), 'IDENTITY_CODE_INVALID');

      later(30_000);
      const code = currentTotp(secret, clock);
      expect(await completeSecondFactor(ctx(), { token: pending.token, code })).toHaveProperty('token');
      const again = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      await rejectsWith(completeSecondFactor(ctx(), { token: again.token, code }), 'IDENTITY_CODE_INVALID');
    });

    it('locks the second factor for fifteen minutes after five wrong codes', async () => {
      const { secret } = await staffWithTotp('admin@satupintu.test');
      later(30_000);
      const pending = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      for (let i = 0; i < 5; i++) {
        await rejectsWith(completeSecondFactor(ctx(), { token: pending.token, code: wrongTotp(secret, clock) }), 'IDENTITY_CODE_INVALID');
      }
      await rejectsWith(completeSecondFactor(ctx(), { token: pending.token, code: currentTotp(secret, clock) }), 'IDENTITY_LOCKED');

      later(15 * MINUTE);
      const retry = await signIn(ctx(), { identifier: 'admin@satupintu.test', password: STRONG });
      expect(await completeSecondFactor(ctx(), { token: retry.token, code: currentTotp(secret, clock) })).toHaveProperty('token');
    });
  });

  describe('NIK', () => {
    it('belongs to one account: another account cannot save the same NIK, however it is typed', async () => {
      const ayu = await citizen('ayu@contoh.id');
      const other = await citizen('lain@contoh.id', 'Orang Lain');
      expect(await updateProfile(ctx(ayu), { name: ayu.name, locale: 'id', nik: NIK })).toMatchObject({ nik: '5103**********01' });

      await rejectsWith(updateProfile(ctx(other), { name: other.name, locale: 'id', nik: '5103 0245 0690 0001' }), 'IDENTITY_NIK_TAKEN');
      const rows = await sql<{ email: string; has: boolean }>`
        select email, nik_index is not null as has from identity.account order by email`.execute(db().db);
      expect(rows.rows).toEqual([
        { email: 'ayu@contoh.id', has: true },
        { email: 'lain@contoh.id', has: false },
      ]);
      // Saving one's own NIK again is no conflict.
      await updateProfile(ctx(ayu), { name: 'Ni Made Ayu Lestari', locale: 'en', nik: NIK });
    });

    it('never writes the full NIK to the audit trail or to the account row', async () => {
      const ayu = await citizen('ayu@contoh.id');
      await updateProfile(ctx(ayu), { name: ayu.name, locale: 'id', nik: NIK });
      await updateProfile(ctx(ayu), { name: ayu.name, locale: 'id', nik: '5103021203850002' });
      const admin = await staff('admin@satupintu.test', [{ role: 'platform_admin', scopeKind: 'platform' }]);
      const found = await findCitizen(ctx(admin), '5103021203850002');
      expect(found?.nik).toBe('5103**********02');
      const seen = await viewCitizenAsStaff(ctx(admin), ayu.id, 'KTP-el untuk NIK 5103 0212 0385 0002');
      expect(seen.nik).toBe('5103021203850002');

      const trail = await sql<{ action: string; row: string }>`
        select action, row_to_json(e)::text as row from audit.event e order by seq`.execute(db().db);
      expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['identity.profile.updated', 'audit.personal-data.viewed']));
      for (const { row } of trail.rows) {
        expect(row).not.toContain(NIK);
        expect(row).not.toContain('5103021203850002');
        expect(row).not.toContain('5103 0212 0385 0002');
      }
      const afterOf = (action: string) =>
        trail.rows.filter((r) => r.action === action).map((r) => (JSON.parse(r.row) as { after: unknown }).after);
      // Masked the usual way, so an auditor can still tell which NIK it was: region and last digits.
      const masked = expect.objectContaining({ nik: expect.stringMatching(/^5103\*{10}0[12]$/) });
      expect(afterOf('identity.profile.updated')).toEqual([masked, masked]);
      expect(afterOf('audit.personal-data.viewed')).toEqual([expect.objectContaining({ purpose: 'KTP-el untuk NIK 5103**********02' })]);

      const account = await sql<{ row: string }>`select row_to_json(a)::text as row from identity.account a where id = ${ayu.id}`.execute(
        db().db,
      );
      expect(account.rows[0]!.row).not.toContain('5103021203850002');
    });
  });

  describe('key rotation', () => {
    const k1 = { id: 'k1', key: key(1) };
    const k2 = { id: 'k2', key: key(2) };
    const dataIndexKey = key(9);

    it('moves every NIK and TOTP secret to the new key; the values stay the same and a second run has nothing to do', async () => {
      const before = new KeyRing({ dataKeys: [k1], dataIndexKey });
      const ayu = await citizen('ayu@contoh.id');
      await updateProfile(ctx(ayu, { keys: before }), { name: ayu.name, locale: 'id', nik: NIK });
      const { actor: admin, secret } = await staffWithTotp('admin@satupintu.test', before);
      await citizen('tanpa.nik@contoh.id', 'Tanpa NIK');

      const ciphertexts = async () =>
        (
          await sql<{ email: string; nik: string | null; totp: string | null }>`
            select email, nik_ciphertext as nik, totp_secret_ciphertext as totp from identity.account order by email`.execute(db().db)
        ).rows;
      expect((await ciphertexts()).flatMap((r) => [r.nik, r.totp]).filter(Boolean)).toEqual([
        expect.stringMatching(/^v1\.k1\./),
        expect.stringMatching(/^v1\.k1\./),
      ]);

      const progress: number[][] = [];
      const rotating = new KeyRing({ dataKeys: [k2, k1], dataIndexKey });
      expect(await reencryptAccountSecrets(db().db, rotating, (done, total) => progress.push([done, total]))).toEqual({
        scanned: 2,
        rewritten: 2,
      });
      expect(progress.at(-1)).toEqual([2, 2]);
      const after = await ciphertexts();
      expect(after.flatMap((r) => [r.nik, r.totp]).filter(Boolean)).toEqual([
        expect.stringMatching(/^v1\.k2\./),
        expect.stringMatching(/^v1\.k2\./),
      ]);

      // With k1 gone from the ring, the NIK is still found and shown, and the authenticator still works.
      const onlyK2 = new KeyRing({ dataKeys: [k2], dataIndexKey });
      expect(onlyK2.decrypt(after.find((r) => r.email === 'ayu@contoh.id')!.nik!, `identity.account.nik:${ayu.id}`)).toBe(NIK);
      expect(await findCitizen(ctx(admin, { keys: onlyK2 }), NIK)).toMatchObject({ id: ayu.id, nik: '5103**********01' });
      later(30_000);
      const pending = await signIn(ctx(ANONYMOUS, { keys: onlyK2 }), { identifier: 'admin@satupintu.test', password: STRONG });
      expect(
        await completeSecondFactor(ctx(ANONYMOUS, { keys: onlyK2 }), { token: pending.token, code: currentTotp(secret, clock) }),
      ).toHaveProperty('token');

      expect(await reencryptAccountSecrets(db().db, rotating)).toEqual({ scanned: 2, rewritten: 0 });
      expect(await ciphertexts()).toEqual(after);
    });

    it('keeps a NIK saved while the rotation runs', async () => {
      const before = new KeyRing({ dataKeys: [k1], dataIndexKey });
      const rotating = new KeyRing({ dataKeys: [k2, k1], dataIndexKey });
      const people: (Actor & { kind: 'citizen' })[] = [];
      for (let i = 0; i < 20; i++) {
        const person = await citizen(`warga${i}@contoh.id`, `Warga ${i}`);
        await updateProfile(ctx(person, { keys: before }), {
          name: person.name,
          locale: 'id',
          nik: `5103024506900${String(i + 1).padStart(3, '0')}`,
        });
        people.push(person);
      }
      const ids = await sql<{ id: string }>`select id from identity.account order by id`.execute(db().db);
      // The last account of the page: the rotation has read it before the new NIK arrives, and writes it last.
      const last = people.find((p) => p.id === ids.rows.at(-1)!.id)!;

      const [rotated] = await Promise.all([
        reencryptAccountSecrets(db().db, rotating),
        updateProfile(ctx(last, { keys: rotating }), { name: last.name, locale: 'id', nik: '5103021203850002' }),
      ]);
      expect(rotated.scanned).toBe(20);
      const admin = await staff('admin@satupintu.test', [{ role: 'platform_admin', scopeKind: 'platform' }]);
      expect((await viewCitizenAsStaff(ctx(admin, { keys: rotating }), last.id, 'test')).nik).toBe('5103021203850002');
      expect(await findCitizen(ctx(admin, { keys: rotating }), '5103021203850002')).toMatchObject({ id: last.id });
    });

    it('stops at a value under a key the ring does not hold, naming the key id', async () => {
      const ayu = await citizen('ayu@contoh.id');
      await updateProfile(ctx(ayu, { keys: new KeyRing({ dataKeys: [k1], dataIndexKey }) }), { name: ayu.name, locale: 'id', nik: NIK });
      await expect(reencryptAccountSecrets(db().db, new KeyRing({ dataKeys: [k2], dataIndexKey }))).rejects.toMatchObject({
        reason: 'unknown_key',
        keyId: 'k1',
      });
    });
  });

  describe('grants and invitations', () => {
    async function tree() {
      const root = await staff('admin@satupintu.test', [{ role: 'platform_admin', scopeKind: 'platform' }], 'Admin Platform');
      const c = { db: db().db, actor: root, requestId: 'test' };
      const agency = await createAgency(c, {
        code: 'DUKCAPIL',
        name: 'Disdukcapil Badung',
        kind: 'regency_government',
        regionCode: '51.03',
      });
      const unitA = await createServiceUnit(c, { agencyId: agency.id, code: 'ADMINDUK', name: 'Unit Adminduk', regionCode: '51.03.02' });
      const unitB = await createServiceUnit(c, { agencyId: agency.id, code: 'AKTA', name: 'Unit Akta', regionCode: '51.03.02' });
      const mall = await createMall(c, {
        regionCode: '51.03',
        code: 'MPP-BADUNG',
        name: 'MPP Badung',
        address: 'Jl. Raya Sempidi, Mengwi',
      });
      return { root, agency, unitA, unitB, mall };
    }
    const invitationToken = async (email: string) => tokenIn((await mailsTo(email)).at(-1)!, '/undangan');
    const invitationCount = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from identity.invitation`.execute(db().db)).rows[0]!.n;

    it('lets a unit admin invite at their own unit only, not at another unit or at the agency', async () => {
      const { agency, unitA, unitB } = await tree();
      const admin = await staff('admin.adminduk@badung.test', [{ role: 'unit_admin', scopeKind: 'unit', scopeId: unitA.id }]);
      const invite = (role: string, scopeKind: GrantScopeKind, scopeId: string) =>
        inviteStaff(ctx(admin), { email: 'baru@badung.test', name: 'Staf Baru', role, scopeKind, scopeId });

      await rejectsWith(invite('processor', 'unit', unitB.id), 'IDENTITY_SCOPE_INVALID');
      await rejectsWith(invite('complaint_handler', 'agency', agency.id), 'IDENTITY_SCOPE_INVALID');
      expect(await invitationCount()).toBe(0);
      await invite('processor', 'unit', unitA.id);
      expect(await invitationCount()).toBe(1);
    });

    it('lets a mall manager invite a counter officer at their mall', async () => {
      const { mall } = await tree();
      const manager = await staff('pengelola@mpp.test', [{ role: 'mall_manager', scopeKind: 'mall', scopeId: mall.id }], 'Pengelola MPP');
      await inviteStaff(ctx(manager), {
        email: 'loket@mpp.test',
        name: 'Kadek Loket',
        role: 'counter_officer',
        scopeKind: 'mall',
        scopeId: mall.id,
      });

      const [mail] = await mailsTo('loket@mpp.test');
      expect(mail).toContain('Petugas loket');
      expect(mail).toContain('MPP Badung');
      const { accountId } = await acceptInvitation(ctx(), { token: await invitationToken('loket@mpp.test'), password: STRONG });
      expect(await grantsIn(accountId)).toMatchObject([{ role: 'counter_officer', scope: { kind: 'mall', id: mall.id } }]);
    });

    it('refuses a role at a kind of node it cannot be held at, and a role that does not exist', async () => {
      const { root, mall, unitA } = await tree();
      const invite = (role: string, scopeKind: GrantScopeKind, scopeId?: string) =>
        inviteStaff(ctx(root), { email: 'baru@badung.test', name: 'Staf Baru', role, scopeKind, scopeId });
      await rejectsWith(invite('processor', 'mall', mall.id), 'IDENTITY_ROLE_SCOPE_INVALID');
      await rejectsWith(invite('platform_admin', 'unit', unitA.id), 'IDENTITY_ROLE_SCOPE_INVALID');
      await rejectsWith(invite('unit_admin', 'platform'), 'IDENTITY_ROLE_SCOPE_INVALID');
      await rejectsWith(invite('superuser', 'platform'), 'IDENTITY_ROLE_SCOPE_INVALID');
      expect(await invitationCount()).toBe(0);
    });

    it('adds the role to the existing staff account when its email accepts an invitation, keeping its password', async () => {
      const { unitA } = await tree();
      const admin = await staff('admin.adminduk@badung.test', [{ role: 'unit_admin', scopeKind: 'unit', scopeId: unitA.id }]);
      const existing = await staff('komang@badung.test', [{ role: 'processor', scopeKind: 'unit', scopeId: unitA.id }]);
      await inviteStaff(ctx(admin), {
        email: 'Komang@Badung.test',
        name: 'Komang',
        role: 'counter_officer',
        scopeKind: 'unit',
        scopeId: unitA.id,
      });

      const token = await invitationToken('komang@badung.test');
      expect(await describeInvitation(ctx(), token)).toMatchObject({ hasAccount: true, role: 'counter_officer' });
      expect(await acceptInvitation(ctx(), { token, password: 'ignored because the account exists' })).toMatchObject({
        accountId: existing.id,
      });
      expect((await grantsIn(existing.id)).map((g) => g.role).sort()).toEqual(['counter_officer', 'processor']);
      expect((await signIn(ctx(), { identifier: 'komang@badung.test', password: STRONG })).next).toBe('done');
    });

    it('refuses an invitation link after seven days, and a second use of one', async () => {
      const { root, unitA } = await tree();
      const invite = () =>
        inviteStaff(ctx(root), { email: 'baru@badung.test', name: 'Staf Baru', role: 'processor', scopeKind: 'unit', scopeId: unitA.id });
      await invite();
      const expired = await invitationToken('baru@badung.test');
      later(7 * DAY + MINUTE);
      await rejectsWith(describeInvitation(ctx(), expired), 'IDENTITY_TOKEN_EXPIRED');
      await rejectsWith(acceptInvitation(ctx(), { token: expired, password: STRONG }), 'IDENTITY_TOKEN_EXPIRED');

      await invite();
      const token = await invitationToken('baru@badung.test');
      await acceptInvitation(ctx(), { token, password: STRONG });
      await rejectsWith(acceptInvitation(ctx(), { token, password: STRONG }), 'IDENTITY_TOKEN_USED');
    });

    it('keeps the last platform admin grant', async () => {
      const first = await staff('admin@satupintu.test', [{ role: 'platform_admin', scopeKind: 'platform' }]);
      const grantOf = async (actor: Actor & { kind: 'staff' }) =>
        (await sql<{ id: string }>`select id from identity.role_grant where account_id = ${actor.id}`.execute(db().db)).rows[0]!.id;

      await rejectsWith(revokeStaffGrant(ctx(first), await grantOf(first)), 'IDENTITY_LAST_PLATFORM_ADMIN');
      const second = await staff('admin2@satupintu.test', [{ role: 'platform_admin', scopeKind: 'platform' }]);
      await revokeStaffGrant(ctx(second), await grantOf(first));
      await rejectsWith(revokeStaffGrant(ctx(second), await grantOf(second)), 'IDENTITY_LAST_PLATFORM_ADMIN');
    });

    it('keeps one platform admin when two remove each other at the same moment', async () => {
      // Without a lock both counts see the other admin; a few rounds make that interleaving near certain.
      for (let round = 0; round < 5; round++) {
        const first = await staff(`a${round}@satupintu.test`, [{ role: 'platform_admin', scopeKind: 'platform' }]);
        const second = await staff(`b${round}@satupintu.test`, [{ role: 'platform_admin', scopeKind: 'platform' }]);
        await sql`update identity.role_grant set revoked_at = now() where account_id not in (${first.id}, ${second.id})`.execute(db().db);
        const grants = await sql<{ id: string; accountId: string }>`
          select id, account_id from identity.role_grant where revoked_at is null`.execute(db().db);
        const grantOf = (actor: Actor & { kind: 'staff' }) => grants.rows.find((g) => g.accountId === actor.id)!.id;

        const outcomes = await Promise.allSettled([
          revokeStaffGrant(ctx(first), grantOf(second)),
          revokeStaffGrant(ctx(second), grantOf(first)),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'IDENTITY_LAST_PLATFORM_ADMIN' } });
        const live = await sql<{ n: number }>`
          select count(*)::int as n from identity.role_grant where role = 'platform_admin' and revoked_at is null`.execute(db().db);
        expect(live.rows[0]!.n).toBe(1);
      }
    });
  });
});
