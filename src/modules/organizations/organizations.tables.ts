import type { ColumnType, Generated } from 'kysely';
import type { IndonesianTimeZone } from '../../platform/i18n/format.js';
import type { RegionLevel } from './time-zone.js';

export const AGENCY_KINDS = [
  'ministry',
  'non_ministry_agency',
  'provincial_government',
  'regency_government',
  'bumn',
  'bumd',
  'private',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Columns every deactivatable, versioned row shares. */
interface Lifecycle {
  active: Generated<boolean>;
  deactivatedAt: Date | null;
  version: Generated<number>;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export type OrganizationsTables = {
  'organizations.region': {
    code: string;
    level: RegionLevel;
    parentCode: string | null;
    name: string;
    timeZone: IndonesianTimeZone;
    sourceVersion: string;
    updatedAt: Stamp;
  };
  'organizations.agency': Lifecycle & {
    id: Generated<string>;
    code: string;
    name: string;
    kind: AgencyKind;
    regionCode: string | null;
  };
  'organizations.orgUnit': Lifecycle & {
    id: Generated<string>;
    agencyId: string;
    parentId: string | null;
    code: string;
    name: string;
  };
  'organizations.serviceUnit': Lifecycle & {
    id: Generated<string>;
    agencyId: string;
    orgUnitId: string | null;
    code: string;
    name: string;
    regionCode: string;
    address: string | null;
  };
  'organizations.mall': Lifecycle & {
    id: Generated<string>;
    regionCode: string;
    code: string;
    name: string;
    address: string;
    timeZone: IndonesianTimeZone;
  };
  'organizations.mallHours': {
    mallId: string;
    weekday: number;
    opensAt: string;
    closesAt: string;
  };
  'organizations.mallHoursException': {
    mallId: string;
    date: string;
    opensAt: string | null;
    closesAt: string | null;
    reason: string;
  };
  'organizations.booth': Lifecycle & {
    id: Generated<string>;
    mallId: string;
    serviceUnitId: string;
    code: string;
    name: string;
  };
  'organizations.counter': Lifecycle & {
    id: Generated<string>;
    boothId: string;
    code: string;
    name: string;
  };
};
