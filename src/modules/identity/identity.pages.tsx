import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/http/types.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, Form, Select, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { QrCode } from '../../platform/views/qr.js';
import type { PersonalDataAccessEntry } from '../audit/index.js';
import type { Profile } from './identity.service.js';

const titled = (ctx: PageContext, form: FormState | undefined, title: string) =>
  form?.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title;

/** The frame of every identity form page: error summary, heading, lead, the form, links under it. */
function FormFrame(props: {
  ctx: PageContext;
  form: FormState;
  title: string;
  lead?: string | undefined;
  action: string;
  submit: string;
  children?: ComponentChildren;
  before?: ComponentChildren;
  after?: ComponentChildren;
}) {
  const { ctx, form, title } = props;
  return (
    <Layout ctx={ctx} title={titled(ctx, form, title)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={ctx} state={form} />
          <h1 class="govuk-heading-l">{title}</h1>
          {props.lead && <p class="govuk-body">{props.lead}</p>}
          {props.before}
          <Form ctx={ctx} action={props.action}>
            {props.children}
            <Button>{props.submit}</Button>
          </Form>
          {props.after}
        </div>
      </div>
    </Layout>
  );
}

/** A short page with a heading, a message and optional links: "check your email", "verified", errors of links. */
export function MessagePage({
  ctx,
  title,
  body,
  links = [],
}: {
  ctx: PageContext;
  title: string;
  body: string;
  links?: { href: string; label: string }[];
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          <p class="govuk-body">{body}</p>
          {links.map((l) => (
            <p class="govuk-body">
              <a class="govuk-link" href={l.href}>
                {l.label}
              </a>
            </p>
          ))}
        </div>
      </div>
    </Layout>
  );
}

export function SignUpPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.signUp.title')}
      lead={t('identity.signUp.lead')}
      action="/daftar"
      submit={t('identity.signUp.submit')}
      after={
        <p class="govuk-body">
          <a class="govuk-link" href="/masuk">
            {t('identity.signUp.haveAccount')}
          </a>
        </p>
      }
    >
      <TextInput ctx={ctx} state={form} name="name" label={t('identity.field.name')} autocomplete="name" spellcheck={false} />
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('identity.signUp.channel')}</legend>
        <TextInput
          ctx={ctx}
          state={form}
          name="email"
          type="email"
          label={t('identity.field.email')}
          hint={t('identity.field.email.hint')}
          autocomplete="email"
          spellcheck={false}
          optional
        />
        <TextInput
          ctx={ctx}
          state={form}
          name="phone"
          type="tel"
          label={t('identity.field.phone')}
          hint={t('identity.field.phone.hint')}
          autocomplete="tel"
          width={20}
          optional
        />
      </fieldset>
      <TextInput
        ctx={ctx}
        state={form}
        name="password"
        type="password"
        label={t('identity.field.password')}
        hint={t('identity.field.password.hint')}
        autocomplete="new-password"
      />
    </FormFrame>
  );
}

export function CheckEmailPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.checkEmail.title')}
      lead={t('identity.checkEmail.body')}
      action="/daftar/kirim-ulang"
      submit={t('identity.checkEmail.resend')}
      before={<h2 class="govuk-heading-m">{t('identity.checkEmail.notReceived')}</h2>}
    >
      <TextInput
        ctx={ctx}
        state={form}
        name="identifier"
        type="email"
        label={t('identity.field.email')}
        autocomplete="email"
        spellcheck={false}
      />
    </FormFrame>
  );
}

export function VerifyPhonePage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.verifyPhone.title')}
      lead={t('identity.verifyPhone.body')}
      action="/daftar/verifikasi-telepon"
      submit={t('identity.verifyPhone.submit')}
    >
      <TextInput ctx={ctx} state={form} name="phone" type="tel" label={t('identity.field.phone')} autocomplete="tel" width={20} />
      <TextInput
        ctx={ctx}
        state={form}
        name="code"
        label={t('identity.field.code.sms')}
        autocomplete="one-time-code"
        inputmode="numeric"
        width={10}
      />
    </FormFrame>
  );
}

export function SignInPage({ ctx, form, oidcLabel }: { ctx: PageContext; form: FormState; oidcLabel?: string | undefined }) {
  const t = ctx.t;
  const next = typeof form.values.next === 'string' ? form.values.next : '';
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.signIn.title')}
      action="/masuk"
      submit={t('identity.signIn.submit')}
      after={
        <>
          <p class="govuk-body">
            <a class="govuk-link" href="/akun/lupa-sandi">
              {t('identity.signIn.forgot')}
            </a>
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/daftar">
              {t('identity.signIn.noAccount')}
            </a>
          </p>
          {oidcLabel && (
            <>
              <p class="govuk-body">{t('identity.signIn.or')}</p>
              <a class="govuk-button govuk-button--secondary" href={`/masuk/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
                {t('identity.signIn.oidc', { label: oidcLabel })}
              </a>
            </>
          )}
        </>
      }
    >
      {next && <input type="hidden" name="next" value={next} />}
      <TextInput
        ctx={ctx}
        state={form}
        name="identifier"
        type="email"
        label={t('identity.field.identifier')}
        autocomplete="username"
        spellcheck={false}
      />
      <TextInput
        ctx={ctx}
        state={form}
        name="password"
        type="password"
        label={t('identity.field.password')}
        autocomplete="current-password"
      />
    </FormFrame>
  );
}

export function TotpPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.totp.title')}
      lead={t('identity.totp.body')}
      action="/masuk/verifikasi"
      submit={t('identity.totp.submit')}
    >
      <TextInput
        ctx={ctx}
        state={form}
        name="code"
        label={t('identity.field.code.totp')}
        autocomplete="one-time-code"
        width={10}
        spellcheck={false}
      />
    </FormFrame>
  );
}

export function EnrollPage({
  ctx,
  form,
  uri,
  secret,
  action,
}: {
  ctx: PageContext;
  form: FormState;
  uri: string;
  secret: string;
  action: string;
}) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.enroll.title')}
      lead={t('identity.enroll.body')}
      action={action}
      submit={t('identity.enroll.submit')}
      before={
        <>
          <QrCode text={uri} label={t('identity.enroll.qr')} size={220} />
          <p class="govuk-body">{t('identity.enroll.manual')}</p>
          <p class="govuk-body">
            <code class="sp-secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
        </>
      }
    >
      <TextInput
        ctx={ctx}
        state={form}
        name="code"
        label={t('identity.field.code')}
        autocomplete="one-time-code"
        inputmode="numeric"
        width={10}
      />
    </FormFrame>
  );
}

export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('identity.recovery.title')}>
      <h1 class="govuk-heading-l">{t('identity.recovery.title')}</h1>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">{t('identity.recovery.body')}</strong>
      </div>
      <ul class="govuk-list sp-codes">
        {codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <a class="govuk-button" href={next}>
        {t('identity.recovery.continue')}
      </a>
    </Layout>
  );
}

export function ForgotPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.forgot.title')}
      lead={t('identity.forgot.body')}
      action="/akun/lupa-sandi"
      submit={t('identity.forgot.submit')}
    >
      <TextInput
        ctx={ctx}
        state={form}
        name="identifier"
        type="email"
        label={t('identity.field.identifier')}
        autocomplete="username"
        spellcheck={false}
      />
    </FormFrame>
  );
}

export function ResetPage({ ctx, form, token }: { ctx: PageContext; form: FormState; token: string }) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.reset.title')}
      action={`/akun/atur-ulang/${token}`}
      submit={t('identity.reset.submit')}
    >
      <TextInput
        ctx={ctx}
        state={form}
        name="password"
        type="password"
        label={t('identity.field.newPassword')}
        hint={t('identity.field.password.hint')}
        autocomplete="new-password"
      />
    </FormFrame>
  );
}

function SummaryRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  current: boolean;
}

export function AccountPage(props: { ctx: PageContext; profile: Profile; sessions: SessionView[]; accesses: PersonalDataAccessEntry[] }) {
  const { ctx, profile, sessions, accesses } = props;
  const t = ctx.t;
  const verified = (ok: boolean) => ` (${t(ok ? 'identity.account.verified' : 'identity.account.unverified')})`;
  return (
    <Layout ctx={ctx} title={t('identity.account.title')}>
      <h1 class="govuk-heading-l">{t('identity.account.title')}</h1>
      <h2 class="govuk-heading-m">{t('identity.account.profile')}</h2>
      <dl class="govuk-summary-list">
        <SummaryRow label={t('identity.field.name')}>{profile.name}</SummaryRow>
        <SummaryRow label={t('identity.field.email')}>
          {profile.email ? profile.email + verified(profile.emailVerified) : t('identity.account.notSet')}
        </SummaryRow>
        <SummaryRow label={t('identity.field.phone')}>
          {profile.phone ? profile.phone + verified(profile.phoneVerified) : t('identity.account.notSet')}
        </SummaryRow>
        {profile.kind === 'citizen' && (
          <SummaryRow label={t('identity.field.nik')}>{profile.nik ?? t('identity.account.notSet')}</SummaryRow>
        )}
        <SummaryRow label={t('identity.field.locale')}>{t(`identity.locale.${profile.locale}`)}</SummaryRow>
      </dl>
      <p class="govuk-body">
        <a class="govuk-link" href="/akun/profil">
          {t('identity.account.edit')}
        </a>
        {' · '}
        <a class="govuk-link" href="/akun/sandi">
          {t('identity.account.password')}
        </a>
      </p>

      {profile.kind === 'citizen' && (
        <>
          <h2 class="govuk-heading-m" id="akses-data">
            {t('identity.account.access.title')}
          </h2>
          <p class="govuk-body">{t('identity.account.access.lead')}</p>
          {accesses.length === 0 ? (
            <p class="govuk-body">{t('identity.account.access.none')}</p>
          ) : (
            <table class="govuk-table">
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    {t('identity.account.access.when')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {t('identity.account.access.who')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {t('identity.account.access.unit')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {t('identity.account.access.purpose')}
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {accesses.map((a) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{formatDateTime(a.at, ctx.locale)}</td>
                    <td class="govuk-table__cell">{a.staffName}</td>
                    <td class="govuk-table__cell">{a.unitName ?? '—'}</td>
                    <td class="govuk-table__cell">{a.purpose}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}

      <h2 class="govuk-heading-m">{t('identity.account.security')}</h2>
      {profile.kind === 'staff' && (
        <p class="govuk-body">
          {t(profile.totpEnabled ? 'identity.account.totp.on' : 'identity.account.totp.off')}{' '}
          {!profile.totpEnabled && (
            <a class="govuk-link" href="/akun/2fa">
              {t('identity.account.totp.enable')}
            </a>
          )}
        </p>
      )}
      <h3 class="govuk-heading-s">{t('identity.account.sessions')}</h3>
      <table class="govuk-table">
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t('identity.account.session.device')}
            </th>
            <th scope="col" class="govuk-table__header">
              {t('identity.account.session.started')}
            </th>
            <th scope="col" class="govuk-table__header">
              {t('identity.account.session.lastSeen')}
            </th>
            <td class="govuk-table__header" />
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {sessions.map((s) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                {s.current ? <strong>{t('identity.account.session.current')}</strong> : (s.userAgent ?? '—').slice(0, 80)}
              </td>
              <td class="govuk-table__cell">{formatDateTime(s.createdAt, ctx.locale)}</td>
              <td class="govuk-table__cell">{formatDateTime(s.lastSeenAt, ctx.locale)}</td>
              <td class="govuk-table__cell">
                {!s.current && (
                  <Form ctx={ctx} action="/akun/sesi/akhiri">
                    <input type="hidden" name="sessionId" value={s.id} />
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      {t('identity.account.session.end')}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form ctx={ctx} action="/akun/keluar-semua">
        <button type="submit" class="govuk-button govuk-button--warning">
          {t('identity.account.signOutEverywhere')}
        </button>
      </Form>
    </Layout>
  );
}

export function ProfilePage({
  ctx,
  form,
  hasNik,
  kind,
}: {
  ctx: PageContext;
  form: FormState;
  hasNik: boolean;
  kind: 'citizen' | 'staff';
}) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.profile.title')}
      action="/akun/profil"
      submit={t('identity.form.save')}
      after={
        hasNik && (
          <Form ctx={ctx} action="/akun/profil/hapus-nik">
            <button type="submit" class="govuk-button govuk-button--secondary">
              {t('identity.profile.removeNik')}
            </button>
          </Form>
        )
      }
    >
      <TextInput ctx={ctx} state={form} name="name" label={t('identity.field.name')} autocomplete="name" spellcheck={false} />
      <Select
        ctx={ctx}
        state={form}
        name="locale"
        label={t('identity.field.locale')}
        options={[
          { value: 'id', label: t('identity.locale.id') },
          { value: 'en', label: t('identity.locale.en') },
        ]}
      />
      {kind === 'citizen' && (
        <TextInput
          ctx={ctx}
          state={form}
          name="nik"
          label={t('identity.field.nik')}
          hint={t('identity.field.nik.hint')}
          inputmode="numeric"
          width={20}
          autocomplete="off"
          optional
        />
      )}
    </FormFrame>
  );
}

export function ChangePasswordPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <FormFrame ctx={ctx} form={form} title={t('identity.password.title')} action="/akun/sandi" submit={t('identity.form.save')}>
      <TextInput
        ctx={ctx}
        state={form}
        name="currentPassword"
        type="password"
        label={t('identity.field.currentPassword')}
        autocomplete="current-password"
      />
      <TextInput
        ctx={ctx}
        state={form}
        name="password"
        type="password"
        label={t('identity.field.newPassword')}
        hint={t('identity.field.password.hint')}
        autocomplete="new-password"
      />
    </FormFrame>
  );
}

export interface GrantView {
  role: string;
  scopeName: string;
}

export function StaffHomePage({ ctx, grants }: { ctx: PageContext; grants: GrantView[] }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('identity.staffHome.title')}>
      <h1 class="govuk-heading-l">{t('identity.staffHome.title')}</h1>
      <p class="govuk-body">{t('identity.staffHome.lead')}</p>
      <ul class="govuk-list govuk-list--bullet">
        {grants.map((g) => (
          <li>
            {t(`identity.role.${g.role}`)} — {g.scopeName}
          </li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">{t('identity.staffHome.tasks')}</h2>
      <ul class="govuk-list">
        {ctx.nav
          .filter((n) => n.href.startsWith('/admin/'))
          .map((n) => (
            <li>
              <a class="govuk-link" href={n.href}>
                {t(n.labelKey)}
              </a>
            </li>
          ))}
      </ul>
    </Layout>
  );
}

export interface StaffRow {
  grantId: string;
  accountId: string;
  name: string;
  email: string | null;
  role: string;
  scopeName: string;
  totpEnabledAt: Date | null;
}

export function StaffListPage({ ctx, rows, q }: { ctx: PageContext; rows: StaffRow[]; q: string | undefined }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('identity.staff.title')}>
      <h1 class="govuk-heading-l">{t('identity.staff.title')}</h1>
      <p class="govuk-body">{t('identity.staff.lead')}</p>
      <a class="govuk-button" href="/admin/staf/undang">
        {t('identity.staff.invite')}
      </a>
      <form method="get" action="/admin/staf" class="sp-search">
        <div class="govuk-form-group">
          <label class="govuk-label" for="f-q">
            {t('identity.staff.search')}
          </label>
          <input class="govuk-input govuk-input--width-20" id="f-q" name="q" type="search" value={q ?? ''} />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          {t('identity.staff.searchSubmit')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p class="govuk-body">{t('identity.staff.none')}</p>
      ) : (
        <table class="govuk-table">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {t('identity.field.name')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('identity.field.role')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('identity.field.scope')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('identity.staff.totp')}
              </th>
              <td class="govuk-table__header" />
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {rows.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  {r.name}
                  <br />
                  <span class="govuk-body-s">{r.email}</span>
                </td>
                <td class="govuk-table__cell">{t(`identity.role.${r.role}`)}</td>
                <td class="govuk-table__cell">{r.scopeName}</td>
                <td class="govuk-table__cell">{r.totpEnabledAt ? '✓' : '—'}</td>
                <td class="govuk-table__cell">
                  <Form ctx={ctx} action={`/admin/staf/hak/${r.grantId}/cabut`}>
                    <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                      {t('identity.staff.revoke')}
                      <span class="govuk-visually-hidden">
                        : {r.name}, {t(`identity.role.${r.role}`)}
                      </span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function InvitePage({
  ctx,
  form,
  roles,
  scopes,
}: {
  ctx: PageContext;
  form: FormState;
  roles: string[];
  scopes: { value: string; label: string }[];
}) {
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.invite.title')}
      lead={t('identity.invite.lead')}
      action="/admin/staf/undang"
      submit={t('identity.invite.submit')}
    >
      <TextInput ctx={ctx} state={form} name="name" label={t('identity.field.name')} spellcheck={false} />
      <TextInput ctx={ctx} state={form} name="email" type="email" label={t('identity.field.email')} spellcheck={false} autocomplete="off" />
      <Select
        ctx={ctx}
        state={form}
        name="role"
        label={t('identity.field.role')}
        options={roles.map((r) => ({ value: r, label: t(`identity.role.${r}`) }))}
      />
      <Select
        ctx={ctx}
        state={form}
        name="scope"
        label={t('identity.field.scope')}
        hint={t('identity.field.scope.hint')}
        options={scopes}
      />
    </FormFrame>
  );
}

export function AcceptPage(props: {
  ctx: PageContext;
  form: FormState;
  token: string;
  invitation: { email: string; name: string; role: string; scopeName: string; hasAccount: boolean };
}) {
  const { ctx, form, invitation: inv } = props;
  const t = ctx.t;
  return (
    <FormFrame
      ctx={ctx}
      form={form}
      title={t('identity.accept.title')}
      lead={t('identity.accept.lead', { name: inv.name, role: t(`identity.role.${inv.role}`), scope: inv.scopeName })}
      action={`/undangan/${props.token}`}
      submit={t('identity.accept.submit')}
    >
      {inv.hasAccount ? (
        <p class="govuk-body">{t('identity.accept.existing', { email: inv.email })}</p>
      ) : (
        <>
          <TextInput ctx={ctx} state={form} name="name" label={t('identity.field.name')} autocomplete="name" spellcheck={false} />
          <p class="govuk-body">
            {t('identity.field.email')}: <strong>{inv.email}</strong>
          </p>
          <TextInput
            ctx={ctx}
            state={form}
            name="password"
            type="password"
            label={t('identity.field.password')}
            hint={t('identity.field.password.hint')}
            autocomplete="new-password"
          />
        </>
      )}
    </FormFrame>
  );
}

export function CitizenSearchPage({ ctx, q, found }: { ctx: PageContext; q: string | undefined; found: Profile | undefined | null }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('identity.citizens.title')}>
      <h1 class="govuk-heading-l">{t('identity.citizens.title')}</h1>
      <p class="govuk-body">{t('identity.citizens.lead')}</p>
      <form method="get" action="/admin/warga">
        <div class="govuk-form-group">
          <label class="govuk-label" for="f-q">
            {t('identity.field.query')}
          </label>
          <input class="govuk-input govuk-input--width-20" id="f-q" name="q" type="search" value={q ?? ''} autocomplete="off" />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          {t('identity.citizens.search')}
        </button>
      </form>
      {found === undefined && q && <p class="govuk-body">{t('identity.citizens.notFound')}</p>}
      {found && (
        <>
          <dl class="govuk-summary-list">
            <SummaryRow label={t('identity.field.name')}>{found.name}</SummaryRow>
            <SummaryRow label={t('identity.field.nik')}>{found.nik ?? t('identity.account.notSet')}</SummaryRow>
          </dl>
          <form method="get" action={`/admin/warga/${found.id}`}>
            <div class="govuk-form-group">
              <label class="govuk-label" for="f-purpose">
                {t('identity.field.purpose')}
              </label>
              <div class="govuk-hint" id="f-purpose-hint">
                {t('identity.citizens.purposeHint')}
              </div>
              <input class="govuk-input" id="f-purpose" name="purpose" type="text" aria-describedby="f-purpose-hint" required />
            </div>
            <button type="submit" class="govuk-button">
              {t('identity.citizens.open')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function CitizenRecordPage({ ctx, profile }: { ctx: PageContext; profile: Profile }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('identity.citizen.title', { name: profile.name })}>
      <h1 class="govuk-heading-l">{t('identity.citizen.title', { name: profile.name })}</h1>
      <div class="govuk-inset-text">{t('identity.citizen.logged')}</div>
      <dl class="govuk-summary-list">
        <SummaryRow label={t('identity.field.name')}>{profile.name}</SummaryRow>
        <SummaryRow label={t('identity.field.nik')}>{profile.nik ?? t('identity.account.notSet')}</SummaryRow>
        <SummaryRow label={t('identity.field.email')}>{profile.email ?? t('identity.account.notSet')}</SummaryRow>
        <SummaryRow label={t('identity.field.phone')}>{profile.phone ?? t('identity.account.notSet')}</SummaryRow>
      </dl>
    </Layout>
  );
}
