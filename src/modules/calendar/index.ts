import type { ModuleDefinition } from '../../platform/module.js';

/**
 * The working-day calendar and the legal clock (domain.md §11; docs/ARCHITECTURE.md "Calendar and the
 * legal clock"): national holidays and cuti bersama from each year's SKB, each unit's weekly schedule and
 * local days, each mall's local days, and the pure clock that counts a time limit on them.
 */
export const calendarModule: ModuleDefinition = {
  name: 'calendar',
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
