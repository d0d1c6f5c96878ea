import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column, read and written as 'YYYY-MM-DD' (the platform's type parser keeps dates as text). */
type DateText = string;
/** A `time` column, read as 'HH:MM:SS', written as 'HH:MM'. */
type TimeText = string;

export type NationalDayKind = 'holiday' | 'collective_leave';
export type LocalDayKind = 'closed' | 'open';

export type CalendarTables = {
  'calendar.nationalDay': {
    id: Generated<string>;
    date: DateText;
    kind: NationalDayKind;
    nameId: string;
    nameEn: string;
    decree: string;
    status: Generated<'active' | 'withdrawn'>;
    withdrawnReason: string | null;
    withdrawnAt: Date | null;
    version: Generated<number>;
    createdAt: Stamp;
    updatedAt: Stamp;
  };
  'calendar.unitSchedule': {
    serviceUnitId: string;
    weekday: number;
    opensAt: TimeText;
    closesAt: TimeText;
  };
  'calendar.localDay': {
    id: Generated<string>;
    serviceUnitId: string | null;
    mallId: string | null;
    date: DateText;
    kind: LocalDayKind;
    opensAt: TimeText | null;
    closesAt: TimeText | null;
    reason: string;
    createdAt: Stamp;
    updatedAt: Stamp;
  };
};
