import type { ModuleDefinition } from '../../platform/module.js';
import './calendar.messages.js';
import { calendarRoutes } from './calendar.routes.js';
import { seedCalendarDemo } from './calendar.seed.js';
import { CALENDAR_MANAGE } from './calendar.service.js';

/**
 * The working-day calendar and the legal clock (domain.md §11; docs/ARCHITECTURE.md "Calendar and the
 * legal clock"): national holidays and cuti bersama from each year's SKB, each unit's weekly schedule and
 * local days, each mall's local days, and the pure clock that counts a time limit on them.
 */
export const calendarModule: ModuleDefinition = {
  name: 'calendar',
  routes: calendarRoutes,
  nav: [
    { href: '/kalender', labelKey: 'calendar.nav.public', access: 'public' },
    { href: '/admin/kalender', labelKey: 'calendar.nav.admin', access: { permission: CALENDAR_MANAGE, scope: 'filtered' } },
  ],
  seed: seedCalendarDemo,
};

export {
  computeDue,
  fixedCalendar,
  isOverdue,
  workingDaysLeft,
  type ClockInput,
  type ClockLimit,
  type ClockPause,
  type ClockResult,
  type ClockUnit,
  type DayHours,
  type TimeZone,
  type WorkingCalendar,
} from './clock.js';
export { loadWorkingCalendar } from './calendar.service.js';
