import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../../platform/access/access.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState } from '../../platform/http/types.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import { listPersonalDataAccesses } from '../audit/index.js';
import { listScopeNodes, scopeNode, unitIdsOfAgencies } from '../organizations/index.js';
import { oidcRoutes } from './identity.oidc.routes.js';
import * as P from './identity.pages.js';
import { PERMISSIONS, ROLE_NAMES, ROLES } from './identity.roles.js';
import * as S from './identity.schemas.js';
import * as Svc from './identity.service.js';
import { LoggingSmsSender } from './sms.js';
import { totpUri } from './totp.js';

export const SESSION_COOKIE = 'sp_session';

const STAFF_MANAGE: Access = { permission: PERMISSIONS.staffManage, scope: 'filtered' };
const PERSONAL_DATA: Access = { permission: PERMISSIONS.personalDataRead, scope: 'filtered' };
/** Guessing passwords or codes is slowed per address on top of the per-identifier lockout. */
const AUTH_RATE = { max: 20, timeWindow: '1 minute' };

/** Sign-up, verification, sign-in with TOTP, password reset, the account page, staff invitations and citizen lookup. */
export async function identityRoutes(app: App) {
  const { database, config } = app.deps;
  const keys = new KeyRing(config);
  const sms = app.deps.sms ?? new LoggingSmsSender(app.log);
  const secure = config.NODE_ENV === 'production';

  const ctx = (request: FastifyRequest): Svc.IdentityContext => ({
    db: database.db,
    config,
    keys,
    sms,
    actor: request.actor,
    locale: request.locale,
    requestId: request.id,
    client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
    mailQueued: () => void app.deps.mail?.kick(),
  });
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);
  const token = (request: FastifyRequest) => request.cookies[SESSION_COOKIE];
  const setSession = (reply: FastifyReply, grant: Svc.SessionGrant) =>
    reply.setCookie(SESSION_COOKIE, grant.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: grant.expiresAt });
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
  const home = (kind: 'citizen' | 'staff') => (kind === 'staff' ? '/admin' : '/akun');

  const form =
    <T>(render: (ctx: ReturnType<typeof page>, form: FormState, request: FastifyRequest) => T & preact.VNode) =>
    (request: FastifyRequest, reply: FastifyReply, state: FormState) =>
      renderDocument(render(page(request, reply), state, request));

  // ---- sign-up and verification -------------------------------------------------------------------

  const signUpForm = form((c, f) => P.SignUpPage({ ctx: c, form: f }));
  app.get('/daftar', { config: { access: 'public' } }, async (request, reply) => reply.html(signUpForm(request, reply, emptyForm())));
  app.post(
    '/daftar',
    { config: { access: 'public', rerender: signUpForm, rateLimit: AUTH_RATE }, schema: { body: S.SignUpBody } },
    async (request, reply) => {
      const result = await Svc.signUpCitizen(ctx(request), request.body);
      if (result.channel === 'email') return reply.seeOther('/daftar/periksa-email');
      return reply.seeOther(`/daftar/verifikasi-telepon?telepon=${encodeURIComponent(request.body.phone ?? '')}`);
    },
  );

  const checkEmail = form((c, f) => P.CheckEmailPage({ ctx: c, form: f }));
  app.get('/daftar/periksa-email', { config: { access: 'public' } }, async (request, reply) =>
    reply.html(checkEmail(request, reply, emptyForm())),
  );
  app.post(
    '/daftar/kirim-ulang',
    { config: { access: 'public', rerender: checkEmail, rateLimit: AUTH_RATE }, schema: { body: S.IdentifierBody } },
    async (request, reply) => {
      await Svc.resendVerification(ctx(request), request.body);
      reply.flash({ type: 'info', key: 'identity.resend.done' });
      return reply.seeOther(
        request.body.identifier.includes('@')
          ? '/daftar/periksa-email'
          : `/daftar/verifikasi-telepon?telepon=${encodeURIComponent(request.body.identifier)}`,
      );
    },
  );

  app.get('/akun/verifikasi/:token', { config: { access: 'public' }, schema: { params: S.TokenParams } }, async (request, reply) => {
    await Svc.verifyEmail(ctx(request), request.params.token);
    const c = page(request, reply);
    return reply.html(
      renderDocument(
        P.MessagePage({
          ctx: c,
          title: c.t('identity.verified.title'),
          body: c.t('identity.verified.body'),
          links: [{ href: '/masuk', label: c.t('identity.signIn.title') }],
        }),
      ),
    );
  });

  const verifyPhone = form((c, f) => P.VerifyPhonePage({ ctx: c, form: f }));
  app.get('/daftar/verifikasi-telepon', { config: { access: 'public' }, schema: { querystring: S.PhoneQuery } }, async (request, reply) =>
    reply.html(verifyPhone(request, reply, emptyForm({ phone: request.query.telepon ?? '' }))),
  );
  app.post(
    '/daftar/verifikasi-telepon',
    { config: { access: 'public', rerender: verifyPhone, rateLimit: AUTH_RATE }, schema: { body: S.VerifyPhoneBody } },
    async (request, reply) => {
      await Svc.verifyPhone(ctx(request), request.body);
      reply.flash({ type: 'success', key: 'identity.verifyPhone.done' });
      return reply.seeOther('/masuk');
    },
  );

  // ---- sign-in ------------------------------------------------------------------------------------

  const oidcLabel = config.OIDC_ISSUER_URL ? config.OIDC_LABEL : undefined;
  const signInForm = form((c, f) => P.SignInPage({ ctx: c, form: f, oidcLabel }));
  app.get('/masuk', { config: { access: 'public' }, schema: { querystring: S.NextQuery } }, async (request, reply) => {
    if (request.actor.kind !== 'anonymous') return reply.seeOther(S.safeNext(request.query.next) ?? home(request.actor.kind));
    return reply.html(signInForm(request, reply, emptyForm({ next: S.safeNext(request.query.next) ?? '' })));
  });
  app.post(
    '/masuk',
    { config: { access: 'public', rerender: signInForm, rateLimit: AUTH_RATE }, schema: { body: S.SignInBody } },
    async (request, reply) => {
      const result = await Svc.signIn(ctx(request), { ...request.body, previousToken: token(request) });
      setSession(reply, result);
      const next = S.safeNext(request.body.next);
      if (result.next === 'totp') return reply.seeOther(`/masuk/verifikasi${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      if (result.next === 'totp-enroll') return reply.seeOther('/masuk/aktifkan-2fa');
      const account = await Svc.actorForToken(database.db, result.token);
      return reply.seeOther(next ?? home(account.kind === 'staff' ? 'staff' : 'citizen'));
    },
  );

  const totpForm = form((c, f) => P.TotpPage({ ctx: c, form: f }));
  app.get('/masuk/verifikasi', { config: { access: 'public' }, schema: { querystring: S.NextQuery } }, async (request, reply) => {
    await Svc.pendingSignIn(ctx(request), token(request) ?? '');
    return reply.html(totpForm(request, reply, emptyForm()));
  });
  app.post(
    '/masuk/verifikasi',
    { config: { access: 'public', rerender: totpForm, rateLimit: AUTH_RATE }, schema: { body: S.CodeBody, querystring: S.NextQuery } },
    async (request, reply) => {
      const grant = await Svc.completeSecondFactor(ctx(request), { token: token(request) ?? '', code: request.body.code });
      setSession(reply, grant);
      return reply.seeOther(S.safeNext(request.query.next) ?? '/admin');
    },
  );

  // Enrolment during sign-in, when TOTP is required and the staff member has none yet.
  const enrollForm = async (request: FastifyRequest, reply: FastifyReply, state: FormState, action: string, accountId: string) => {
    const pending = (await Svc.pendingTotpSecret(ctx(request), accountId)) ?? (await Svc.beginTotpEnrollment(ctx(request), accountId));
    const uri = totpUri({ secret: pending.secret, accountName: pending.accountName });
    return renderDocument(P.EnrollPage({ ctx: page(request, reply), form: state, uri, secret: pending.secret, action }));
  };
  app.get('/masuk/aktifkan-2fa', { config: { access: 'public' } }, async (request, reply) => {
    const pending = await Svc.pendingSignIn(ctx(request), token(request) ?? '');
    return reply.html(await enrollForm(request, reply, emptyForm(), '/masuk/aktifkan-2fa', pending.accountId));
  });
  app.post(
    '/masuk/aktifkan-2fa',
    {
      config: {
        access: 'public',
        rateLimit: AUTH_RATE,
        rerender: async (request, reply, state) => {
          const pending = await Svc.pendingSignIn(ctx(request), token(request) ?? '');
          return enrollForm(request, reply, state, '/masuk/aktifkan-2fa', pending.accountId);
        },
      },
      schema: { body: S.CodeBody },
    },
    async (request, reply) => {
      const { session, recoveryCodes } = await Svc.enrollDuringSignIn(ctx(request), {
        token: token(request) ?? '',
        code: request.body.code,
      });
      setSession(reply, session);
      request.actor = await Svc.actorForToken(database.db, session.token);
      return reply.html(renderDocument(P.RecoveryCodesPage({ ctx: page(request, reply), codes: recoveryCodes, next: '/admin' })));
    },
  );

  // Signing out is a POST with the CSRF token (a GET could be triggered by any image on another site).
  app.post('/keluar', { config: { access: 'public' } }, async (request, reply) => {
    const current = token(request);
    if (current) await Svc.signOut(ctx(request), current);
    clearSession(reply);
    reply.flash({ type: 'info', key: 'identity.signedOut' });
    return reply.seeOther('/');
  });

  // ---- password reset -----------------------------------------------------------------------------

  const forgotForm = form((c, f) => P.ForgotPage({ ctx: c, form: f }));
  app.get('/akun/lupa-sandi', { config: { access: 'public' } }, async (request, reply) =>
    reply.html(forgotForm(request, reply, emptyForm())),
  );
  app.post(
    '/akun/lupa-sandi',
    { config: { access: 'public', rerender: forgotForm, rateLimit: AUTH_RATE }, schema: { body: S.IdentifierBody } },
    async (request, reply) => {
      await Svc.requestPasswordReset(ctx(request), request.body);
      reply.flash({ type: 'info', key: 'identity.forgot.done' });
      return reply.seeOther('/masuk');
    },
  );
  const resetForm = (request: FastifyRequest, reply: FastifyReply, state: FormState) =>
    renderDocument(P.ResetPage({ ctx: page(request, reply), form: state, token: (request.params as { token: string }).token }));
  app.get('/akun/atur-ulang/:token', { config: { access: 'public' }, schema: { params: S.TokenParams } }, async (request, reply) => {
    await Svc.checkResetToken(ctx(request), request.params.token);
    return reply.html(resetForm(request, reply, emptyForm()));
  });
  app.post(
    '/akun/atur-ulang/:token',
    { config: { access: 'public', rerender: resetForm, rateLimit: AUTH_RATE }, schema: { params: S.TokenParams, body: S.ResetBody } },
    async (request, reply) => {
      await Svc.resetPassword(ctx(request), { token: request.params.token, password: request.body.password });
      clearSession(reply);
      reply.flash({ type: 'success', key: 'identity.reset.done' });
      return reply.seeOther('/masuk');
    },
  );

  // ---- the account page ---------------------------------------------------------------------------

  app.get('/akun', { config: { access: 'signed-in' } }, async (request, reply) => {
    const c = ctx(request);
    const profile = await Svc.ownProfile(c);
    const actor = request.actor as Extract<typeof request.actor, { sessionId: string }>;
    const sessions = (await Svc.listOwnSessions(c)).map((s) => ({ ...s, current: s.id === actor.sessionId }));
    const accesses = profile.kind === 'citizen' ? await listPersonalDataAccesses(database.db, profile.id, 50) : [];
    return reply.html(renderDocument(P.AccountPage({ ctx: page(request, reply), profile, sessions, accesses })));
  });

  const profileForm = async (request: FastifyRequest, reply: FastifyReply, state: FormState) => {
    const profile = await Svc.ownProfile(ctx(request));
    return renderDocument(P.ProfilePage({ ctx: page(request, reply), form: state, hasNik: !!profile.nik, kind: profile.kind }));
  };
  app.get('/akun/profil', { config: { access: 'signed-in' } }, async (request, reply) => {
    const profile = await Svc.ownProfile(ctx(request));
    return reply.html(await profileForm(request, reply, emptyForm({ name: profile.name, locale: profile.locale })));
  });
  app.post(
    '/akun/profil',
    { config: { access: 'signed-in', rerender: profileForm }, schema: { body: S.ProfileBody } },
    async (request, reply) => {
      const profile = await Svc.updateProfile(ctx(request), request.body);
      reply.setCookie('lang', profile.locale, { path: '/', sameSite: 'lax', maxAge: 31_536_000, httpOnly: true });
      reply.flash({ type: 'success', key: 'identity.profile.saved' });
      return reply.seeOther('/akun');
    },
  );
  app.post('/akun/profil/hapus-nik', { config: { access: 'signed-in' } }, async (request, reply) => {
    await Svc.removeNik(ctx(request));
    reply.flash({ type: 'success', key: 'identity.profile.nikRemoved' });
    return reply.seeOther('/akun');
  });

  const passwordForm = form((c, f) => P.ChangePasswordPage({ ctx: c, form: f }));
  app.get('/akun/sandi', { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.html(passwordForm(request, reply, emptyForm())),
  );
  app.post(
    '/akun/sandi',
    { config: { access: 'signed-in', rerender: passwordForm, rateLimit: AUTH_RATE }, schema: { body: S.ChangePasswordBody } },
    async (request, reply) => {
      await Svc.changePassword(ctx(request), request.body);
      reply.flash({ type: 'success', key: 'identity.password.saved' });
      return reply.seeOther('/akun');
    },
  );

  app.post('/akun/sesi/akhiri', { config: { access: 'signed-in' }, schema: { body: S.SessionBody } }, async (request, reply) => {
    await Svc.revokeOwnSession(ctx(request), request.body.sessionId);
    reply.flash({ type: 'success', key: 'identity.account.session.ended' });
    return reply.seeOther('/akun');
  });
  app.post('/akun/keluar-semua', { config: { access: 'signed-in' } }, async (request, reply) => {
    const count = await Svc.signOutEverywhere(ctx(request));
    clearSession(reply);
    reply.flash({ type: 'info', key: 'identity.signedOutEverywhere', params: { count } });
    return reply.seeOther('/');
  });

  // Enrolment from the account page, for staff who were not required to enrol at sign-in.
  const accountEnroll = async (request: FastifyRequest, reply: FastifyReply, state: FormState) =>
    enrollForm(request, reply, state, '/akun/2fa', request.actor.kind === 'staff' ? request.actor.id : '');
  app.get('/akun/2fa', { config: { access: 'staff' } }, async (request, reply) =>
    reply.html(await accountEnroll(request, reply, emptyForm())),
  );
  app.post('/akun/2fa', { config: { access: 'staff', rerender: accountEnroll }, schema: { body: S.CodeBody } }, async (request, reply) => {
    const actor = request.actor as Extract<typeof request.actor, { kind: 'staff' }>;
    const { recoveryCodes } = await Svc.confirmTotpEnrollment(ctx(request), { accountId: actor.id, code: request.body.code });
    return reply.html(renderDocument(P.RecoveryCodesPage({ ctx: page(request, reply), codes: recoveryCodes, next: '/akun' })));
  });

  app.get(
    '/api/v1/me',
    {
      config: { access: 'signed-in' },
      schema: { summary: 'The signed-in person: profile (NIK masked) and role grants', tags: ['identity'], response: { 200: S.Me } },
    },
    async (request) => {
      const profile = await Svc.ownProfile(ctx(request));
      const grants =
        request.actor.kind === 'staff'
          ? request.actor.grants.map((g) => ({ role: g.role, scopeKind: g.scope.kind, scopeId: g.scope.id ?? null }))
          : [];
      return { ...profile, grants };
    },
  );

  // ---- staff --------------------------------------------------------------------------------------

  app.get('/admin', { config: { access: 'staff' } }, async (request, reply) => {
    const actor = request.actor as Extract<typeof request.actor, { kind: 'staff' }>;
    const c = page(request, reply);
    const grants = await Promise.all(
      actor.grants.map(async (g) => ({
        role: g.role,
        scopeName:
          g.scope.kind === 'platform'
            ? c.t('identity.scope.platform')
            : ((await scopeNode(database.db, g.scope.kind, g.scope.id!))?.name ?? '—'),
      })),
    );
    return reply.html(renderDocument(P.StaffHomePage({ ctx: c, grants })));
  });

  app.get('/admin/staf', { config: { access: STAFF_MANAGE }, schema: { querystring: S.StaffQuery } }, async (request, reply) => {
    const rows = await Svc.listStaff(ctx(request), { q: request.query.q });
    return reply.html(renderDocument(P.StaffListPage({ ctx: page(request, reply), rows, q: request.query.q })));
  });

  /** The nodes where the actor may hand out roles: what the scope picker offers. */
  const grantableScopes = async (request: FastifyRequest) => {
    const actor = request.actor;
    if (actor.kind !== 'staff') return [];
    const mine = actor.grants.filter((g) => g.permissions.has(PERMISSIONS.staffManage)).map((g) => g.scope);
    const platform = mine.some((s) => s.kind === 'platform');
    const agencies = new Set(mine.filter((s) => s.kind === 'agency').map((s) => s.id!));
    const units = new Set([
      ...mine.filter((s) => s.kind === 'unit').map((s) => s.id!),
      ...(await unitIdsOfAgencies(database.db, [...agencies])),
    ]);
    const malls = new Set(mine.filter((s) => s.kind === 'mall').map((s) => s.id!));
    const options: { value: string; name: string; kind: 'platform' | 'agency' | 'unit' | 'mall' }[] = [];
    if (platform) options.push({ value: 'platform', name: '', kind: 'platform' });
    for (const a of await listScopeNodes(database.db, 'agency')) {
      if (platform || agencies.has(a.id)) options.push({ value: `agency:${a.id}`, name: a.name, kind: 'agency' });
    }
    for (const u of await listScopeNodes(database.db, 'unit')) {
      if (platform || units.has(u.id)) options.push({ value: `unit:${u.id}`, name: u.name, kind: 'unit' });
    }
    for (const m of await listScopeNodes(database.db, 'mall')) {
      if (platform || malls.has(m.id)) options.push({ value: `mall:${m.id}`, name: m.name, kind: 'mall' });
    }
    return options;
  };
  const inviteForm = async (request: FastifyRequest, reply: FastifyReply, state: FormState) => {
    const c = page(request, reply);
    const scopes = (await grantableScopes(request)).map((o) => ({
      value: o.value,
      label: o.kind === 'platform' ? c.t('identity.scope.platform') : `${c.t(`identity.scope.kind.${o.kind}`)}: ${o.name}`,
    }));
    const roles = ROLE_NAMES.filter((r) => scopes.some((s) => (ROLES[r].scopes as readonly string[]).includes(s.value.split(':')[0]!)));
    return renderDocument(P.InvitePage({ ctx: c, form: state, roles, scopes }));
  };
  app.get('/admin/staf/undang', { config: { access: STAFF_MANAGE } }, async (request, reply) =>
    reply.html(await inviteForm(request, reply, emptyForm())),
  );
  app.post(
    '/admin/staf/undang',
    { config: { access: STAFF_MANAGE, rerender: inviteForm }, schema: { body: S.InviteBody } },
    async (request, reply) => {
      const [kind, id] = request.body.scope.split(':') as ['platform' | 'agency' | 'unit' | 'mall', string | undefined];
      await Svc.inviteStaff(ctx(request), {
        email: request.body.email,
        name: request.body.name,
        role: request.body.role,
        scopeKind: kind,
        scopeId: id ?? null,
      });
      reply.flash({ type: 'success', key: 'identity.invite.sent', params: { email: request.body.email } });
      return reply.seeOther('/admin/staf');
    },
  );
  app.post(
    '/admin/staf/hak/:grantId/cabut',
    { config: { access: { permission: PERMISSIONS.staffManage, scope: { subject: 'grantId' } } }, schema: { params: S.GrantParams } },
    async (request, reply) => {
      await Svc.revokeStaffGrant(ctx(request), request.params.grantId);
      reply.flash({ type: 'success', key: 'identity.staff.revoked' });
      return reply.seeOther('/admin/staf');
    },
  );

  const acceptForm = async (request: FastifyRequest, reply: FastifyReply, state: FormState) => {
    const t = (request.params as { token: string }).token;
    const invitation = await Svc.describeInvitation(ctx(request), t);
    return renderDocument(P.AcceptPage({ ctx: page(request, reply), form: state, token: t, invitation }));
  };
  app.get('/undangan/:token', { config: { access: 'public' }, schema: { params: S.TokenParams } }, async (request, reply) => {
    const invitation = await Svc.describeInvitation(ctx(request), request.params.token);
    return reply.html(await acceptForm(request, reply, emptyForm({ name: invitation.name })));
  });
  app.post(
    '/undangan/:token',
    { config: { access: 'public', rerender: acceptForm, rateLimit: AUTH_RATE }, schema: { params: S.TokenParams, body: S.AcceptBody } },
    async (request, reply) => {
      await Svc.acceptInvitation(ctx(request), { token: request.params.token, name: request.body.name, password: request.body.password });
      reply.flash({ type: 'success', key: 'identity.accept.done' });
      return reply.seeOther('/masuk');
    },
  );

  // ---- citizen records for counter staff ----------------------------------------------------------

  // Citizens belong to no tenant: a counter officer at any mall serves whoever walks in. What keeps this
  // honest is that the search shows a masked NIK only, and each full read is logged and shown to the citizen.
  app.get('/admin/warga', { config: { access: PERSONAL_DATA }, schema: { querystring: S.CitizenQuery } }, async (request, reply) => {
    const q = request.query.q;
    const found = q ? await Svc.findCitizen(ctx(request), q) : null;
    return reply.html(renderDocument(P.CitizenSearchPage({ ctx: page(request, reply), q, found })));
  });
  app.get(
    '/admin/warga/:citizenId',
    { config: { access: PERSONAL_DATA }, schema: { params: S.CitizenParams, querystring: S.CitizenOpenQuery } },
    async (request, reply) => {
      const profile = await Svc.viewCitizenAsStaff(ctx(request), request.params.citizenId, request.query.purpose);
      return reply.html(renderDocument(P.CitizenRecordPage({ ctx: page(request, reply), profile })));
    },
  );

  await oidcRoutes(app, {
    context: ctx,
    setSessionCookie: (reply, grant) => {
      setSession(reply, grant);
    },
    previousToken: token,
  });
}
