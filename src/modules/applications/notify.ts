import { sql } from 'kysely';
import type { KeyRing } from '../../platform/crypto/keyring.js';
import { formatDateTime, type IndonesianTimeZone } from '../../platform/i18n/format.js';
import { queueMail } from '../../platform/mail/mail.js';
import { queueText, type TextChannel } from '../../platform/text/text.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { normalizePhone, type StaffContact } from '../identity/index.js';
import { readStandardVersion } from '../standards/index.js';
import { openContact, tablesOf, type AnyDb, type ApplicationRow, type Tx } from './applications.core.js';
import type { NotificationKind } from './applications.tables.js';
import { notifyMessages, type NotifyKey } from './notify.messages.js';
import { formatCode } from './tracking-number.js';

/**
 * Messages about an application. The citizen hears of its submission, a correction request, a rejection
 * and its completion by email and by SMS or WhatsApp, in the application's language; staff hear of
 * deadlines by email. Every message is queued in a transaction (platform mail and text outboxes, delivered
 * with retries and backoff) together with an applications.notification row, so staff can see what the
 * citizen was told and whether it arrived.
 */

export interface NotifyDeps {
  keys: KeyRing;
  /** The public base URL (config.publicUrl), for links. */
  publicUrl: string;
  /** SMS or WhatsApp (TEXT_CHANNEL). */
  textChannel: TextChannel;
}

/** The citizen-facing kinds, and the outbox events that cause them. */
export const CITIZEN_EVENTS = {
  'applications.application.submitted': 'submitted',
  'applications.application.correction-requested': 'correction_requested',
  'applications.application.rejected': 'rejected',
  'applications.application.completed': 'completed',
} as const satisfies Record<string, NotificationKind>;
type CitizenKind = (typeof CITIZEN_EVENTS)[keyof typeof CITIZEN_EVENTS];

export const trackingLink = (publicUrl: string, trackingNumber: string) => `${publicUrl}/lacak?nomor=${trackingNumber}`;
/** Where staff open a case (the processing pages). */
export const caseLink = (publicUrl: string, applicationId: string) => `${publicUrl}/admin/permohonan/${applicationId}`;

interface Names {
  service: string;
  unit: string;
  timeZone: IndonesianTimeZone;
}

/** Service and unit names, and the zone dates are written in (the unit's or the mall's calendar's). */
async function namesOf(db: AnyDb | Tx, app: ApplicationRow): Promise<Names> {
  const { rows } = await sql<{ service: string; unit: string }>`
    select s.name as service, u.name as unit
      from standards.service_directory s join organizations.unit_directory u on u.id = ${app.serviceUnitId}
     where s.id = ${app.serviceId}`.execute(db);
  const calendar = await loadWorkingCalendar(db, { serviceUnitId: app.serviceUnitId, mallId: app.mallId });
  return { service: rows[0]!.service, unit: rows[0]!.unit, timeZone: calendar.timeZone };
}

async function correctionItems(db: AnyDb | Tx, app: ApplicationRow): Promise<string[]> {
  const [version, checks] = await Promise.all([
    readStandardVersion(db, app.standardVersionId),
    tablesOf(db)
      .selectFrom('applications.requirementCheck')
      .select(['requirementKey', 'note'])
      .where('applicationId', '=', app.id)
      .where('outcome', '=', 'needs_correction')
      .orderBy('requirementKey')
      .execute(),
  ]);
  if (!version) return [];
  const { requirements } = version.content as { requirements?: { key: string; name?: string }[] };
  const names = new Map((requirements ?? []).map((r) => [r.key, r.name ?? r.key]));
  return checks.map((c) => `${names.get(c.requirementKey) ?? c.requirementKey}: ${c.note}`);
}

const t = (locale: 'id' | 'en', key: NotifyKey, params: Record<string, string>) => notifyMessages.t(locale, key, params);

/**
 * Queues the citizen's messages about one outbox event, in `tx`: an email to the contact's address and a
 * text to the contact's phone (whichever they gave), each with its notification row. Idempotent per event:
 * a redelivered event finds its rows (unique per event and channel) and queues nothing.
 * @returns the channels queued this time.
 */
export async function notifyCitizen(
  tx: Tx,
  deps: NotifyDeps,
  event: { id: number; name: keyof typeof CITIZEN_EVENTS; applicationId: string },
): Promise<string[]> {
  const t$ = tablesOf(tx);
  const done = await t$.selectFrom('applications.notification').select('channel').where('eventId', '=', event.id).execute();
  if (done.length > 0) return [];
  const app = await t$.selectFrom('applications.application').selectAll().where('id', '=', event.applicationId).executeTakeFirst();
  if (!app?.trackingNumber) return [];
  const kind: CitizenKind = CITIZEN_EVENTS[event.name];
  const contact = openContact(deps.keys, app);
  const names = await namesOf(tx, app);
  const locale = app.locale;
  const items = kind === 'correction_requested' ? await correctionItems(tx, app) : [];
  const params = {
    name: contact.name,
    number: formatCode(app.trackingNumber),
    service: names.service,
    unit: names.unit,
    link: trackingLink(deps.publicUrl, app.trackingNumber),
    due: app.dueAt ? formatDateTime(app.dueAt, locale, names.timeZone) : t(locale, 'due.none', {}),
    reason: app.rejectionReason ?? '',
    legalBasis: app.rejectionLegalBasis ?? t(locale, 'legalBasis.none', {}),
  };
  const queued: string[] = [];
  const record = (channel: 'email' | 'sms' | 'whatsapp', ids: { mailMessageId?: string; textMessageId?: string }) =>
    t$
      .insertInto('applications.notification')
      .values({ applicationId: app.id, kind, channel, eventId: event.id, mailMessageId: null, textMessageId: null, ...ids })
      .execute();
  if (contact.email) {
    const mailMessageId = await queueMail(tx, {
      to: contact.email,
      subject: t(locale, `${kind}.subject`, params),
      text: t(locale, `${kind}.body`, { ...params, items: items.map((i) => `- ${i}`).join('\n') }),
      tag: `applications.${kind.replace(/_/g, '-')}`,
    });
    await record('email', { mailMessageId });
    queued.push('email');
  }
  const phone = contact.phone ? normalizePhone(contact.phone) : undefined;
  if (phone) {
    const body = t(locale, `${kind}.text` as NotifyKey, { ...params, items: items.map((i) => i.split(':')[0]).join(', ') });
    const textMessageId = await queueText(tx, {
      channel: deps.textChannel,
      to: phone,
      // An SMS segment is 160 characters; ten at most, and the link comes last so it survives.
      body: body.length > 1600 ? `${body.slice(0, 1500)}… ${params.link}` : body,
      tag: `applications.${kind.replace(/_/g, '-')}`,
    });
    await record(deps.textChannel, { textMessageId });
    queued.push(deps.textChannel);
  }
  return queued;
}

/** A deadline email to staff about one application, recorded like the citizen's messages. */
export async function notifyStaff(
  tx: Tx,
  deps: Pick<NotifyDeps, 'publicUrl'>,
  app: ApplicationRow,
  kind: 'due_soon' | 'overdue' | 'escalated',
  recipients: readonly StaffContact[],
): Promise<number> {
  if (!app.trackingNumber || recipients.length === 0) return 0;
  const names = await namesOf(tx, app);
  for (const person of recipients) {
    const params = {
      name: person.name,
      number: formatCode(app.trackingNumber),
      service: names.service,
      unit: names.unit,
      due: app.dueAt ? formatDateTime(app.dueAt, person.locale, names.timeZone) : '',
      link: caseLink(deps.publicUrl, app.id),
    };
    const mailMessageId = await queueMail(tx, {
      to: person.email,
      subject: t(person.locale, `${kind}.subject`, params),
      text: t(person.locale, `${kind}.body`, params),
      tag: `applications.${kind.replace(/_/g, '-')}`,
    });
    await tablesOf(tx)
      .insertInto('applications.notification')
      .values({ applicationId: app.id, kind, channel: 'email', mailMessageId, textMessageId: null })
      .execute();
  }
  return recipients.length;
}

// ---- delivery status, for the staff case page ------------------------------------------------------------

export interface NotificationStatus {
  id: string;
  kind: NotificationKind;
  channel: 'email' | 'sms' | 'whatsapp';
  /** `si***@contoh.id`, `+62812****890`: enough to recognise, not to copy. */
  recipient: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
};
export const maskNumber = (phone: string) => `${phone.slice(0, 6)}****${phone.slice(-3)}`;

/** Every message sent about an application, newest first, with its delivery state. */
export async function listNotifications(db: AnyDb, applicationId: string): Promise<NotificationStatus[]> {
  const { rows } = await sql<{
    id: string;
    kind: NotificationKind;
    channel: 'email' | 'sms' | 'whatsapp';
    createdAt: Date;
    mailTo: string | null;
    textTo: string | null;
    status: NotificationStatus['status'];
    attempts: number;
    lastError: string | null;
    sentAt: Date | null;
  }>`
    select n.id, n.kind, n.channel, n.created_at, m.to_address as mail_to, x.to_number as text_to,
           coalesce(m.status, x.status) as status, coalesce(m.attempts, x.attempts) as attempts,
           coalesce(m.last_error, x.last_error) as last_error, coalesce(m.sent_at, x.sent_at) as sent_at
      from applications.notification n
      left join platform.mail_message m on m.id = n.mail_message_id
      left join platform.text_message x on x.id = n.text_message_id
     where n.application_id = ${applicationId}
     order by n.created_at desc, n.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    recipient: r.mailTo ? maskEmail(r.mailTo) : r.textTo ? maskNumber(r.textTo) : '',
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.lastError,
    createdAt: new Date(r.createdAt),
    sentAt: r.sentAt ? new Date(r.sentAt) : null,
  }));
}
