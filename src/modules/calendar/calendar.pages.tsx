import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/http/types.js';
import { formatDate, ZONE_ABBREVIATION } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, Form, Select, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { ck, type CalendarKey } from './calendar.messages.js';
import type { LocalDayRow, NationalDayRow } from './calendar.repository.js';
import type { CalendarPlace } from './calendar.service.js';
import type { DayHours, TimeZone } from './clock.js';

/** Where the calendar screens live: staff pages under /admin/kalender, the public list at /kalender. */
export const CALENDAR_PATHS = {
  admin: (year?: number) => (year ? `/admin/kalender?tahun=${year}` : '/admin/kalender'),
  add: '/admin/kalender/tambah',
  edit: (id?: string) => (id ? `/admin/kalender/ubah?hari=${id}` : '/admin/kalender/ubah'),
  withdraw: (id?: string) => (id ? `/admin/kalender/tarik?hari=${id}` : '/admin/kalender/tarik'),
  unit: (serviceUnitId: string) => `/admin/kalender/unit/${serviceUnitId}`,
  unitWeek: (serviceUnitId: string) => `/admin/kalender/unit/${serviceUnitId}/jadwal`,
  unitDays: (serviceUnitId: string) => `/admin/kalender/unit/${serviceUnitId}/hari`,
  unitRemove: (serviceUnitId: string) => `/admin/kalender/unit/${serviceUnitId}/hari/hapus`,
  mall: (mallId: string) => `/admin/kalender/mall/${mallId}`,
  mallDays: (mallId: string) => `/admin/kalender/mall/${mallId}/hari`,
  mallRemove: (mallId: string) => `/admin/kalender/mall/${mallId}/hari/hapus`,
  public: (year?: number) => (year ? `/kalender?tahun=${year}` : '/kalender'),
} as const;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const say = (ctx: PageContext, key: CalendarKey, params?: Record<string, string | number>) => ctx.t(ck(key), params);
/** A calendar date; noon UTC is the same date in every Indonesian zone. */
const dateText = (ctx: PageContext, date: string) => formatDate(new Date(`${date}T12:00:00Z`), ctx.locale);
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
const hoursText = (hours: { opens: string; closes: string }) => `${hours.opens.slice(0, 5)}–${hours.closes.slice(0, 5)}`;
const nameOf = (ctx: PageContext, day: NationalDayRow) => (ctx.locale === 'en' ? day.nameEn : day.nameId);

function Heading({ title, lead }: { title: string; lead?: string | undefined }) {
  return (
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      {lead && <p class="govuk-body">{lead}</p>}
    </>
  );
}

function Head({ ctx, labels, actions }: { ctx: PageContext; labels: CalendarKey[]; actions?: boolean }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {labels.map((key) => (
          <th scope="col" class="govuk-table__header">
            {say(ctx, key)}
          </th>
        ))}
        {actions && (
          <th scope="col" class="govuk-table__header">
            <span class="govuk-visually-hidden">{say(ctx, 'table.actions')}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

function YearLinks({ ctx, year, href }: { ctx: PageContext; year: number; href: (year: number) => string }) {
  return (
    <nav class="govuk-pagination" aria-label={say(ctx, 'public.years')}>
      <div class="govuk-pagination__prev">
        <a class="govuk-link govuk-pagination__link" href={href(year - 1)} rel="prev">
          <span class="govuk-pagination__link-title">{say(ctx, 'public.previous', { year: year - 1 })}</span>
        </a>
      </div>
      <div class="govuk-pagination__next">
        <a class="govuk-link govuk-pagination__link" href={href(year + 1)} rel="next">
          <span class="govuk-pagination__link-title">{say(ctx, 'public.next', { year: year + 1 })}</span>
        </a>
      </div>
    </nav>
  );
}

const KIND_TAG: Record<NationalDayRow['kind'], string> = { holiday: 'govuk-tag--red', collective_leave: 'govuk-tag--yellow' };

// ---- public ---------------------------------------------------------------------------------------

export function PublicCalendarPage({ ctx, year, days }: { ctx: PageContext; year: number; days: NationalDayRow[] }) {
  const title = say(ctx, 'public.title', { year });
  return (
    <Layout ctx={ctx} title={title}>
      <Heading title={title} lead={say(ctx, 'public.lead')} />
      {days.length === 0 ? (
        <p class="govuk-body">{say(ctx, 'public.none')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <Head ctx={ctx} labels={['table.date', 'table.name', 'table.kind', 'table.decree']} />
          <tbody class="govuk-table__body">
            {days.map((d) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <time datetime={d.date}>
                    {say(ctx, `weekday.${weekdayOf(d.date)}` as CalendarKey)}, {dateText(ctx, d.date)}
                  </time>
                </td>
                <td class="govuk-table__cell">{nameOf(ctx, d)}</td>
                <td class="govuk-table__cell">
                  <strong class={`govuk-tag ${KIND_TAG[d.kind]}`}>{say(ctx, `kind.${d.kind}`)}</strong>
                </td>
                <td class="govuk-table__cell">{d.decree}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <YearLinks ctx={ctx} year={year} href={CALENDAR_PATHS.public} />
    </Layout>
  );
}

// ---- national days (platform admins) ----------------------------------------------------------------

function NationalDayFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <>
      <TextInput ctx={ctx} state={form} name="date" label={say(ctx, 'field.date')} hint={say(ctx, 'field.dateHint')} width={10} />
      <Select
        ctx={ctx}
        state={form}
        name="kind"
        label={say(ctx, 'field.kind')}
        options={[
          { value: 'holiday', label: say(ctx, 'kind.holiday') },
          { value: 'collective_leave', label: say(ctx, 'kind.collective_leave') },
        ]}
      />
      <TextInput ctx={ctx} state={form} name="nameId" label={say(ctx, 'field.nameId')} />
      <TextInput ctx={ctx} state={form} name="nameEn" label={say(ctx, 'field.nameEn')} />
      <TextInput ctx={ctx} state={form} name="decree" label={say(ctx, 'field.decree')} hint={say(ctx, 'field.decreeHint')} />
    </>
  );
}

export function NationalDaysAdminPage(props: {
  ctx: PageContext;
  year: number;
  days: NationalDayRow[];
  form: FormState;
  /** Platform admins change national days; others read them and keep their units' and malls' days. */
  isKeeper: boolean;
  places: { units: CalendarPlace[]; malls: CalendarPlace[] };
}) {
  const { ctx, year, days, form, isKeeper, places } = props;
  const title = say(ctx, 'admin.title', { year });
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} state={form} />
      <Heading title={title} lead={say(ctx, 'admin.lead')} />
      {days.length === 0 ? (
        <p class="govuk-body">{say(ctx, 'public.none')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <Head ctx={ctx} labels={['table.date', 'table.name', 'table.kind', 'table.decree', 'table.status']} actions={isKeeper} />
          <tbody class="govuk-table__body">
            {days.map((d) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <time datetime={d.date}>{dateText(ctx, d.date)}</time>
                </td>
                <td class="govuk-table__cell">{nameOf(ctx, d)}</td>
                <td class="govuk-table__cell">{say(ctx, `kind.${d.kind}`)}</td>
                <td class="govuk-table__cell">{d.decree}</td>
                <td class="govuk-table__cell">
                  <strong class={`govuk-tag ${d.status === 'active' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
                    {say(ctx, `status.${d.status}`)}
                  </strong>
                  {d.withdrawnReason && <p class="govuk-body-s">{say(ctx, 'admin.withdrawnReason', { reason: d.withdrawnReason })}</p>}
                </td>
                {isKeeper && (
                  <td class="govuk-table__cell">
                    {d.status === 'active' && (
                      <>
                        <a class="govuk-link" href={CALENDAR_PATHS.edit(d.id)}>
                          {say(ctx, 'admin.edit')}
                          <span class="govuk-visually-hidden"> {nameOf(ctx, d)}</span>
                        </a>{' '}
                        <a class="govuk-link" href={CALENDAR_PATHS.withdraw(d.id)}>
                          {say(ctx, 'admin.withdraw')}
                          <span class="govuk-visually-hidden"> {nameOf(ctx, d)}</span>
                        </a>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <YearLinks ctx={ctx} year={year} href={CALENDAR_PATHS.admin} />
      {isKeeper && (
        <>
          <h2 class="govuk-heading-m">{say(ctx, 'admin.add')}</h2>
          <Form ctx={ctx} action={CALENDAR_PATHS.add}>
            <NationalDayFields ctx={ctx} form={form} />
            <Button>{say(ctx, 'add.submit')}</Button>
          </Form>
        </>
      )}
      <h2 class="govuk-heading-m">{say(ctx, 'admin.units')}</h2>
      <p class="govuk-body">{say(ctx, 'admin.unitsLead')}</p>
      <ul class="govuk-list">
        {places.units.map((p) => (
          <li>
            <a class="govuk-link" href={CALENDAR_PATHS.unit(p.id)}>
              {p.name}
            </a>
          </li>
        ))}
        {places.malls.map((p) => (
          <li>
            <a class="govuk-link" href={CALENDAR_PATHS.mall(p.id)}>
              {p.name}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A page about one national day: back to its year, the errors, the title, and a form naming the day at its version. */
function NationalDayFormPage(props: {
  ctx: PageContext;
  day: NationalDayRow;
  form: FormState;
  title: string;
  lead?: string;
  action: string;
  children: ComponentChildren;
}) {
  const { ctx, day, form, title, lead, action, children } = props;
  const version = typeof form.values.version === 'string' ? form.values.version : String(day.version);
  return (
    <Layout ctx={ctx} title={title}>
      <a class="govuk-back-link" href={CALENDAR_PATHS.admin(Number(day.date.slice(0, 4)))}>
        {say(ctx, 'admin.back')}
      </a>
      <ErrorSummary ctx={ctx} state={form} />
      <Heading title={title} lead={lead} />
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{say(ctx, 'table.date')}</dt>
          <dd class="govuk-summary-list__value">{dateText(ctx, day.date)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{say(ctx, 'table.decree')}</dt>
          <dd class="govuk-summary-list__value">{day.decree}</dd>
        </div>
      </dl>
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="id" value={day.id} />
        <input type="hidden" name="version" value={version} />
        {children}
      </Form>
    </Layout>
  );
}

export function NationalDayEditPage({ ctx, day, form }: { ctx: PageContext; day: NationalDayRow; form: FormState }) {
  return (
    <NationalDayFormPage
      ctx={ctx}
      day={day}
      form={form}
      title={say(ctx, 'edit.title', { name: nameOf(ctx, day) })}
      action={CALENDAR_PATHS.edit()}
    >
      <NationalDayFields ctx={ctx} form={form} />
      <Button>{say(ctx, 'edit.submit')}</Button>
    </NationalDayFormPage>
  );
}

export function WithdrawPage({ ctx, day, form }: { ctx: PageContext; day: NationalDayRow; form: FormState }) {
  return (
    <NationalDayFormPage
      ctx={ctx}
      day={day}
      form={form}
      title={say(ctx, 'withdraw.title', { name: nameOf(ctx, day) })}
      lead={say(ctx, 'withdraw.lead')}
      action={CALENDAR_PATHS.withdraw()}
    >
      <TextInput ctx={ctx} state={form} name="reason" label={say(ctx, 'field.withdrawReason')} />
      <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
        {say(ctx, 'withdraw.submit')}
      </button>
    </NationalDayFormPage>
  );
}

// ---- a unit's and a mall's days ---------------------------------------------------------------------

function LocalDays(props: { ctx: PageContext; days: LocalDayRow[]; removeAction: string; addAction: string; form: FormState }) {
  const { ctx, days, removeAction, addAction, form } = props;
  return (
    <>
      <h2 class="govuk-heading-m">{say(ctx, 'unit.localDays')}</h2>
      <p class="govuk-body">{say(ctx, 'unit.localLead')}</p>
      {days.length === 0 ? (
        <p class="govuk-body">{say(ctx, 'unit.noLocal')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{say(ctx, 'unit.localDays')}</caption>
          <Head ctx={ctx} labels={['table.date', 'table.kind', 'table.hours', 'table.reason']} actions />
          <tbody class="govuk-table__body">
            {days.map((d) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <time datetime={d.date}>{dateText(ctx, d.date)}</time>
                </td>
                <td class="govuk-table__cell">{say(ctx, `local.${d.kind}`)}</td>
                <td class="govuk-table__cell">{d.opensAt && d.closesAt ? hoursText({ opens: d.opensAt, closes: d.closesAt }) : '–'}</td>
                <td class="govuk-table__cell">{d.reason}</td>
                <td class="govuk-table__cell">
                  <Form ctx={ctx} action={removeAction}>
                    <input type="hidden" name="localDayId" value={d.id} />
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      {say(ctx, 'unit.remove')}
                      <span class="govuk-visually-hidden"> {dateText(ctx, d.date)}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 class="govuk-heading-s">{say(ctx, 'unit.addLocal')}</h3>
      <Form ctx={ctx} action={addAction}>
        <TextInput ctx={ctx} state={form} name="date" label={say(ctx, 'field.date')} hint={say(ctx, 'field.dateHint')} width={10} />
        <Select
          ctx={ctx}
          state={form}
          name="kind"
          label={say(ctx, 'field.localKind')}
          options={[
            { value: 'closed', label: say(ctx, 'local.closed') },
            { value: 'open', label: say(ctx, 'local.open') },
          ]}
        />
        <TextInput
          ctx={ctx}
          state={form}
          name="opens"
          label={say(ctx, 'field.opens')}
          hint={say(ctx, 'field.hoursHint')}
          width={10}
          optional
        />
        <TextInput ctx={ctx} state={form} name="closes" label={say(ctx, 'field.closes')} width={10} optional />
        <TextInput ctx={ctx} state={form} name="reason" label={say(ctx, 'field.reason')} />
        <Button>{say(ctx, 'unit.addLocal')}</Button>
      </Form>
    </>
  );
}

function Zone({ ctx, timeZone }: { ctx: PageContext; timeZone: TimeZone }) {
  return <p class="govuk-body">{say(ctx, 'unit.zone', { zone: ZONE_ABBREVIATION[timeZone] })}</p>;
}

/** The week form's values: the mode, and for each weekday whether it is open and its hours. */
export function weekFormValues(isDefault: boolean, week: Partial<Record<number, DayHours>>): Record<string, string> {
  const values: Record<string, string> = { mode: isDefault ? 'perpres' : 'custom' };
  for (const d of WEEKDAYS) {
    const hours = week[d];
    values[`open${d}`] = hours ? 'on' : '';
    values[`opens${d}`] = hours?.opens ?? '';
    values[`closes${d}`] = hours?.closes ?? '';
  }
  return values;
}

export function UnitCalendarPage(props: {
  ctx: PageContext;
  place: CalendarPlace;
  timeZone: TimeZone;
  isDefaultWeek: boolean;
  localDays: LocalDayRow[];
  weekForm: FormState;
  dayForm: FormState;
}) {
  const { ctx, place, timeZone, isDefaultWeek, localDays, weekForm, dayForm } = props;
  const title = say(ctx, 'unit.title', { name: place.name });
  const errors = { values: {}, errors: [...weekForm.errors, ...dayForm.errors] };
  const value = (name: string) => (typeof weekForm.values[name] === 'string' ? weekForm.values[name] : '');
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} state={errors} />
      <Heading title={title} />
      <Zone ctx={ctx} timeZone={timeZone} />
      <h2 class="govuk-heading-m">{say(ctx, 'unit.week')}</h2>
      <p class="govuk-body">{say(ctx, isDefaultWeek ? 'unit.defaultWeek' : 'unit.customWeek')}</p>
      <Form ctx={ctx} action={CALENDAR_PATHS.unitWeek(place.id)}>
        <Select
          ctx={ctx}
          state={weekForm}
          name="mode"
          label={say(ctx, 'unit.weekMode')}
          options={[
            { value: 'perpres', label: say(ctx, 'unit.weekPerpres') },
            { value: 'custom', label: say(ctx, 'unit.weekCustom') },
          ]}
        />
        <div id="f-week" class={`govuk-form-group${weekForm.errors.some((e) => e.path === 'week') ? ' govuk-form-group--error' : ''}`}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{say(ctx, 'unit.week')}</caption>
            <Head ctx={ctx} labels={['table.date', 'field.open', 'field.opens', 'field.closes']} />
            <tbody class="govuk-table__body">
              {WEEKDAYS.map((d) => {
                const dayName = say(ctx, `weekday.${d}` as CalendarKey);
                const invalid = (name: string) => weekForm.errors.some((e) => e.path === name);
                return (
                  <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                      {dayName}
                    </th>
                    <td class="govuk-table__cell">
                      <div class="govuk-checkboxes govuk-checkboxes--small">
                        <div class="govuk-checkboxes__item">
                          <input
                            class="govuk-checkboxes__input"
                            type="checkbox"
                            id={`f-open${d}`}
                            name={`open${d}`}
                            value="on"
                            checked={value(`open${d}`) === 'on'}
                          />
                          <label class="govuk-label govuk-checkboxes__label" for={`f-open${d}`}>
                            <span class="govuk-visually-hidden">
                              {say(ctx, 'field.open')} {dayName}
                            </span>
                          </label>
                        </div>
                      </div>
                    </td>
                    {(['opens', 'closes'] as const).map((field) => (
                      <td class="govuk-table__cell">
                        <label class="govuk-visually-hidden" for={`f-${field}${d}`}>
                          {say(ctx, `field.${field}`)} {dayName}
                        </label>
                        <input
                          class={`govuk-input govuk-input--width-5${invalid(`${field}${d}`) ? ' govuk-input--error' : ''}`}
                          id={`f-${field}${d}`}
                          name={`${field}${d}`}
                          value={value(`${field}${d}`)}
                          inputmode="numeric"
                          aria-invalid={invalid(`${field}${d}`) ? 'true' : undefined}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Button>{say(ctx, 'unit.saveWeek')}</Button>
      </Form>
      <LocalDays
        ctx={ctx}
        days={localDays}
        form={dayForm}
        addAction={CALENDAR_PATHS.unitDays(place.id)}
        removeAction={CALENDAR_PATHS.unitRemove(place.id)}
      />
    </Layout>
  );
}

export function MallCalendarPage(props: {
  ctx: PageContext;
  place: CalendarPlace;
  timeZone: TimeZone;
  weekly: Partial<Record<number, DayHours>>;
  localDays: LocalDayRow[];
  dayForm: FormState;
}) {
  const { ctx, place, timeZone, weekly, localDays, dayForm } = props;
  const title = say(ctx, 'mall.title', { name: place.name });
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} state={dayForm} />
      <Heading title={title} lead={say(ctx, 'mall.lead')} />
      <Zone ctx={ctx} timeZone={timeZone} />
      <h2 class="govuk-heading-m">{say(ctx, 'mall.hours')}</h2>
      <dl class="govuk-summary-list">
        {WEEKDAYS.map((d) => {
          const hours = weekly[d];
          return (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{say(ctx, `weekday.${d}` as CalendarKey)}</dt>
              <dd class="govuk-summary-list__value">{hours ? hoursText(hours) : say(ctx, 'closed')}</dd>
            </div>
          );
        })}
      </dl>
      <LocalDays
        ctx={ctx}
        days={localDays}
        form={dayForm}
        addAction={CALENDAR_PATHS.mallDays(place.id)}
        removeAction={CALENDAR_PATHS.mallRemove(place.id)}
      />
    </Layout>
  );
}
