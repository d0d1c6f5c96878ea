import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../../platform/access/access.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState, Rerender } from '../../platform/http/types.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import {
  CALENDAR_PATHS,
  MallCalendarPage,
  NationalDayEditPage,
  NationalDaysAdminPage,
  PublicCalendarPage,
  UnitCalendarPage,
  weekFormValues,
  WEEKDAYS,
  WithdrawPage,
} from './calendar.pages.js';
import {
  ApiRangeQuery,
  ApiYearQuery,
  LocalDayBody,
  MallParams,
  NationalDayBody,
  NationalDayEditForm,
  NationalDayList,
  NationalDayQuery,
  RemoveLocalDayBody,
  ScheduleBody,
  UnitParams,
  WithdrawForm,
  WorkingDayList,
  YearQuery,
} from './calendar.schemas.js';
import * as Svc from './calendar.service.js';
import { localDateOf } from './clock.js';

const PLATFORM: Access = { permission: Svc.CALENDAR_MANAGE, scope: 'platform' };
const FILTERED: Access = { permission: Svc.CALENDAR_MANAGE, scope: 'filtered' };
const UNIT: Access = { permission: Svc.CALENDAR_MANAGE, scope: { subject: 'serviceUnitId' } };
const MALL: Access = { permission: Svc.CALENDAR_MANAGE, scope: { subject: 'mallId' } };
const tags = ['calendar'];

const thisYear = () => Number(localDateOf(new Date(), 'Asia/Jakarta').slice(0, 4));
const yearOf = (request: FastifyRequest) => (request.query as { tahun?: number }).tahun ?? thisYear();
const paramsOf = (request: FastifyRequest) => request.params as { serviceUnitId?: string; mallId?: string };
const bodyOf = (form: FormState) => form.values as Record<string, string | undefined>;

/**
 * The calendar's pages and API: national days for platform admins (/admin/kalender), a unit's week and
 * local days, a mall's local days, the public list of holidays (/kalender) and the public JSON. Forms
 * show themselves again with what was typed when they are refused.
 */
export async function calendarRoutes(app: App) {
  const { database } = app.deps;
  const ctx = (request: FastifyRequest): Svc.CalendarContext => ({ db: database.db, actor: request.actor, requestId: request.id });
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);
  const saved = (reply: FastifyReply, to: string) => {
    reply.flash({ type: 'success', key: 'calendar.flash.saved' });
    return reply.seeOther(to);
  };

  /** Adding and removing a unit's or a mall's local days: the same forms, on whichever page shows them. */
  function localDayRoutes(kind: 'unit' | 'mall', access: Access, params: typeof UnitParams | typeof MallParams, show: Rerender) {
    const key = kind === 'unit' ? 'serviceUnitId' : 'mallId';
    const paths =
      kind === 'unit'
        ? { page: CALENDAR_PATHS.unit, days: CALENDAR_PATHS.unitDays, remove: CALENDAR_PATHS.unitRemove }
        : { page: CALENDAR_PATHS.mall, days: CALENDAR_PATHS.mallDays, remove: CALENDAR_PATHS.mallRemove };
    const idOf = (request: FastifyRequest) => paramsOf(request)[key] ?? '';
    app.post(
      paths.days(`:${key}`),
      { config: { access, rerender: show }, schema: { params, body: LocalDayBody } },
      async (request, reply) => {
        await Svc.setLocalDay(ctx(request), kind, idOf(request), request.body);
        return saved(reply, paths.page(idOf(request)));
      },
    );
    app.post(paths.remove(`:${key}`), { config: { access }, schema: { params, body: RemoveLocalDayBody } }, async (request, reply) => {
      await Svc.removeLocalDay(ctx(request), kind, idOf(request), request.body.localDayId);
      return saved(reply, paths.page(idOf(request)));
    });
  }

  // ---- national days ------------------------------------------------------------------------------

  const adminPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, year: number) => {
    const c = ctx(request);
    const isKeeper = Svc.keepsNationalDays(request.actor);
    const [days, places] = await Promise.all([
      isKeeper ? Svc.listNationalDaysForAdmin(c, year) : Svc.listPublicNationalDays(database.db, year),
      Svc.listPlacesInScope(c),
    ]);
    return renderDocument(NationalDaysAdminPage({ ctx: page(request, reply), year, days, form, isKeeper, places }));
  };

  app.get(CALENDAR_PATHS.admin(), { config: { access: FILTERED }, schema: { querystring: YearQuery } }, async (request, reply) =>
    reply.html(await adminPage(request, reply, emptyForm({ kind: 'holiday' }), yearOf(request))),
  );

  const addForm: Rerender = (request, reply, form) => {
    const date = bodyOf(form).date ?? '';
    return adminPage(request, reply, form, /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : thisYear());
  };
  app.post(
    CALENDAR_PATHS.add,
    { config: { access: PLATFORM, rerender: addForm }, schema: { body: NationalDayBody } },
    async (request, reply) => {
      const day = await Svc.addNationalDay(ctx(request), request.body);
      return saved(reply, CALENDAR_PATHS.admin(Number(day.date.slice(0, 4))));
    },
  );

  const editForm: Rerender = async (request, reply, form) => {
    const day = await Svc.getNationalDay(ctx(request), bodyOf(form).id ?? '');
    return renderDocument(NationalDayEditPage({ ctx: page(request, reply), day, form }));
  };
  app.get(CALENDAR_PATHS.edit(), { config: { access: PLATFORM }, schema: { querystring: NationalDayQuery } }, async (request, reply) => {
    const day = await Svc.getNationalDay(ctx(request), request.query.hari);
    const { date, kind, nameId, nameEn, decree, version } = day;
    return reply.html(
      renderDocument(
        NationalDayEditPage({ ctx: page(request, reply), day, form: emptyForm({ date, kind, nameId, nameEn, decree, version }) }),
      ),
    );
  });
  app.post(
    CALENDAR_PATHS.edit(),
    { config: { access: PLATFORM, rerender: editForm }, schema: { body: NationalDayEditForm } },
    async (request, reply) => {
      const { id, ...input } = request.body;
      const day = await Svc.changeNationalDay(ctx(request), id, input);
      return saved(reply, CALENDAR_PATHS.admin(Number(day.date.slice(0, 4))));
    },
  );

  const withdrawForm: Rerender = async (request, reply, form) => {
    const day = await Svc.getNationalDay(ctx(request), bodyOf(form).id ?? '');
    return renderDocument(WithdrawPage({ ctx: page(request, reply), day, form }));
  };
  app.get(
    CALENDAR_PATHS.withdraw(),
    { config: { access: PLATFORM }, schema: { querystring: NationalDayQuery } },
    async (request, reply) => {
      const day = await Svc.getNationalDay(ctx(request), request.query.hari);
      return reply.html(renderDocument(WithdrawPage({ ctx: page(request, reply), day, form: emptyForm({ version: day.version }) })));
    },
  );
  app.post(
    CALENDAR_PATHS.withdraw(),
    { config: { access: PLATFORM, rerender: withdrawForm }, schema: { body: WithdrawForm } },
    async (request, reply) => {
      const { id, ...input } = request.body;
      const day = await Svc.withdrawNationalDay(ctx(request), id, input);
      reply.flash({
        type: 'success',
        key: 'calendar.flash.withdrawn',
        params: { name: request.locale === 'en' ? day.nameEn : day.nameId },
      });
      return reply.seeOther(CALENDAR_PATHS.admin(Number(day.date.slice(0, 4))));
    },
  );

  // ---- a unit's calendar --------------------------------------------------------------------------

  const unitPage = async (request: FastifyRequest, reply: FastifyReply, forms: { week?: FormState; day?: FormState }) => {
    const found = await Svc.getUnitCalendar(ctx(request), paramsOf(request).serviceUnitId ?? '');
    return renderDocument(
      UnitCalendarPage({
        ctx: page(request, reply),
        ...found,
        weekForm: forms.week ?? emptyForm(weekFormValues(found.isDefaultWeek, found.week)),
        dayForm: forms.day ?? emptyForm({ kind: 'closed' }),
      }),
    );
  };
  app.get(CALENDAR_PATHS.unit(':serviceUnitId'), { config: { access: UNIT }, schema: { params: UnitParams } }, async (request, reply) =>
    reply.html(await unitPage(request, reply, {})),
  );
  app.post(
    CALENDAR_PATHS.unitWeek(':serviceUnitId'),
    {
      config: { access: UNIT, rerender: (request, reply, week) => unitPage(request, reply, { week }) },
      schema: { params: UnitParams, body: ScheduleBody },
    },
    async (request, reply) => {
      const body = request.body;
      const week =
        body.mode === 'perpres'
          ? null
          : Object.fromEntries(
              WEEKDAYS.filter((d) => body[`open${d}`] === 'on').map((d) => [
                d,
                { opens: body[`opens${d}`] ?? '', closes: body[`closes${d}`] ?? '' },
              ]),
            );
      await Svc.saveUnitSchedule(ctx(request), request.params.serviceUnitId, week);
      return saved(reply, CALENDAR_PATHS.unit(request.params.serviceUnitId));
    },
  );
  localDayRoutes('unit', UNIT, UnitParams, (request, reply, day) => unitPage(request, reply, { day }));

  // ---- a mall's calendar --------------------------------------------------------------------------

  const mallPage = async (request: FastifyRequest, reply: FastifyReply, day?: FormState): Promise<string> => {
    const found = await Svc.getMallCalendar(ctx(request), paramsOf(request).mallId ?? '');
    return renderDocument(MallCalendarPage({ ctx: page(request, reply), ...found, dayForm: day ?? emptyForm({ kind: 'closed' }) }));
  };
  app.get(CALENDAR_PATHS.mall(':mallId'), { config: { access: MALL }, schema: { params: MallParams } }, async (request, reply) =>
    reply.html(await mallPage(request, reply)),
  );
  localDayRoutes('mall', MALL, MallParams, mallPage);

  // ---- public ------------------------------------------------------------------------------------

  app.get(CALENDAR_PATHS.public(), { config: { access: 'public' }, schema: { querystring: YearQuery } }, async (request, reply) => {
    const year = yearOf(request);
    const days = await Svc.listPublicNationalDays(database.db, year);
    return reply
      .header('cache-control', 'public, max-age=300')
      .html(renderDocument(PublicCalendarPage({ ctx: page(request, reply), year, days })));
  });

  app.get(
    '/api/v1/calendar/national-days',
    {
      config: { access: 'public' },
      schema: {
        summary: 'National holidays and collective leave (cuti bersama) in force in a year, with their decrees',
        tags,
        querystring: ApiYearQuery,
        response: { 200: NationalDayList },
      },
    },
    async (request) => {
      const days = await Svc.listPublicNationalDays(database.db, request.query.year);
      return {
        year: request.query.year,
        days: days.map(({ date, kind, nameId, nameEn, decree }) => ({ date, kind, nameId, nameEn, decree })),
      };
    },
  );

  app.get(
    '/api/v1/calendar/units/:serviceUnitId/working-days',
    {
      config: { access: 'public' },
      schema: {
        summary: "A service unit's working days and service hours between two dates (at most a year), in its time zone",
        tags,
        params: UnitParams,
        querystring: ApiRangeQuery,
        response: { 200: WorkingDayList },
      },
    },
    async (request) => Svc.workingDaysOfUnit(database.db, request.params.serviceUnitId, request.query.from, request.query.to),
  );
}
