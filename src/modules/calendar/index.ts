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
