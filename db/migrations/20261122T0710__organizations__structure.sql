-- Who serves where: Kemendagri regions, agencies (instansi) with their organizational units and
-- service units (UPP), public service malls (MPP) with opening hours, booths (gerai) and counters (loket).
-- Nothing is ever deleted: rows are deactivated, so history (tickets, complaints) keeps its references.
create schema if not exists organizations;

-- Kemendagri codes PP.KK.CC.DDDD (Kepmendagri 300.2.2-2138/2025), imported from idn-area-data.
create table organizations.region (
  code text primary key check (code ~ '^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$'),
  level text not null check (level in ('province', 'regency', 'district', 'village')),
  parent_code text references organizations.region (code),
  name text not null check (char_length(name) between 1 and 200),
  time_zone text not null check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  source_version text not null,
  updated_at timestamptz not null default now(),
  check ((level = 'province') = (parent_code is null))
);
create index region_parent_idx on organizations.region (parent_code);
create index region_level_name_idx on organizations.region (level, lower(name));

create table organizations.agency (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 2 and 200),
  kind text not null check (kind in ('ministry', 'non_ministry_agency', 'provincial_government', 'regency_government', 'bumn', 'bumd', 'private', 'other')),
  region_code text references organizations.region (code),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (active = (deactivated_at is null))
);
-- Agencies have no parent, so their codes are unique nationally.
create unique index agency_code_uq on organizations.agency (code);

-- The agency's own structure (directorate, bidang, seksi), nested to any depth.
create table organizations.org_unit (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references organizations.agency (id),
  parent_id uuid references organizations.org_unit (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 2 and 200),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (active = (deactivated_at is null))
);
create unique index org_unit_code_uq on organizations.org_unit (agency_id, code);

-- Unit penyelenggara pelayanan (UPP): the unit that delivers services and publishes standards.
create table organizations.service_unit (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references organizations.agency (id),
  org_unit_id uuid references organizations.org_unit (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 2 and 200),
  region_code text not null references organizations.region (code),
  address text check (char_length(address) <= 500),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (active = (deactivated_at is null))
);
create unique index service_unit_code_uq on organizations.service_unit (agency_id, code);

-- Perpres 89/2021: the regency/city government runs the MPP, so a mall sits in a regency/city.
create table organizations.mall (
  id uuid primary key default gen_random_uuid(),
  region_code text not null references organizations.region (code) check (region_code ~ '^\d{2}\.\d{2}$'),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 2 and 200),
  address text not null check (char_length(address) between 5 and 500),
  time_zone text not null check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (active = (deactivated_at is null))
);
create unique index mall_code_uq on organizations.mall (region_code, code);

-- Regular hours, ISO weekday 1 = Monday … 7 = Sunday, local time of the mall; no row = closed that day.
create table organizations.mall_hours (
  mall_id uuid not null references organizations.mall (id),
  weekday smallint not null check (weekday between 1 and 7),
  opens_at time not null,
  closes_at time not null check (closes_at > opens_at),
  primary key (mall_id, weekday)
);

-- A dated exception (holiday, shortened Ramadan hours): closed, or open with other hours.
create table organizations.mall_hours_exception (
  mall_id uuid not null references organizations.mall (id),
  date date not null,
  opens_at time,
  closes_at time,
  reason text not null check (char_length(reason) between 2 and 200),
  primary key (mall_id, date),
  check ((opens_at is null) = (closes_at is null) and (closes_at is null or closes_at > opens_at))
);

-- Gerai: a service unit's place in a mall.
create table organizations.booth (
  id uuid primary key default gen_random_uuid(),
  mall_id uuid not null references organizations.mall (id),
  service_unit_id uuid not null references organizations.service_unit (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 2 and 200),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (active = (deactivated_at is null))
);
create unique index booth_code_uq on organizations.booth (mall_id, code);
create index booth_service_unit_idx on organizations.booth (service_unit_id) where active;

-- Loket: one desk of a booth, where the queue calls a ticket.
create table organizations.counter (
  id uuid primary key default gen_random_uuid(),
  booth_id uuid not null references organizations.booth (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 1 and 200),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (active = (deactivated_at is null))
);
create unique index counter_code_uq on organizations.counter (booth_id, code);
