-- Services (jenis layanan) a service unit offers, the versions of their service standard (Standar
-- Pelayanan, 14 components as structured data), public consultation on drafts, the history of who did
-- what, and each unit's service pledge (Maklumat Pelayanan). The published version IS the configuration
-- later modules run: application form, workflow, deadline clock, bill and complaint route.
create schema if not exists standards;
create extension if not exists pg_trgm;

create table standards.service (
  id uuid primary key default gen_random_uuid(),
  service_unit_id uuid not null references organizations.service_unit (id),
  -- Copied from the unit (units never change agency) so tenant filters need no join.
  agency_id uuid not null references organizations.agency (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  -- The public address of the service page: /layanan/<slug>. Unique nationally.
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
  name text not null check (char_length(name) between 3 and 200),
  summary text not null check (char_length(summary) between 10 and 1000),
  -- Extra words people search with (e-KTP, KTP elektronik, SIM); not shown as such.
  keywords text not null default '' check (char_length(keywords) <= 500),
  category text not null,
  kind text not null check (kind in ('licensing', 'non_licensing')),
  life_events text[] not null default '{}',
  audiences text[] not null check (cardinality(audiences) > 0),
  channels text not null check (channels in ('online', 'counter', 'both')),
  active boolean not null default true,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The catalog's search document: name weighs most, then keywords, then the summary.
  search tsvector generated always as (
    setweight(to_tsvector('indonesian', name), 'A') ||
    setweight(to_tsvector('indonesian', keywords), 'A') ||
    setweight(to_tsvector('simple', keywords), 'B') ||
    setweight(to_tsvector('indonesian', summary), 'C')
  ) stored,
  check (active = (deactivated_at is null))
);
create unique index service_slug_uq on standards.service (slug);
create unique index service_unit_code_uq on standards.service (service_unit_id, code);
create index service_unit_idx on standards.service (service_unit_id);
create index service_agency_idx on standards.service (agency_id);
create index service_search_idx on standards.service using gin (search);
create index service_name_trgm_idx on standards.service using gin (lower(name || ' ' || keywords) gin_trgm_ops);
create index service_life_events_idx on standards.service using gin (life_events);

-- Where a service is offered in person: a mall, and the booth there (null booth: at the unit's own office in that mall's area).
create table standards.service_location (
  service_id uuid not null references standards.service (id),
  mall_id uuid not null references organizations.mall (id),
  booth_id uuid references organizations.booth (id),
  primary key (service_id, mall_id)
);
create index service_location_mall_idx on standards.service_location (mall_id);

create table standards.standard_version (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references standards.service (id),
  number integer not null check (number > 0),
  status text not null check (status in ('draft', 'review', 'consultation', 'ratified', 'published', 'superseded', 'withdrawn')),
  -- The 14 components (see standards.content.ts); drafts may be incomplete, publishing requires all.
  content jsonb not null default '{}'::jsonb,
  based_on_version_id uuid references standards.standard_version (id),
  consultation_opens_at timestamptz,
  consultation_closes_at timestamptz,
  decree_number text,
  decree_date date,
  decree_signatory text,
  decree_file_key text,
  effective_date date,
  published_at timestamptz,
  superseded_at timestamptz,
  withdrawn_at timestamptz,
  withdrawn_reason text,
  last_reviewed_at timestamptz,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'published') = (published_at is not null and superseded_at is null and withdrawn_at is null)),
  check (status not in ('ratified', 'published', 'superseded') or (decree_number is not null and decree_date is not null and decree_signatory is not null))
);
create unique index standard_version_number_uq on standards.standard_version (service_id, number);
-- Exactly one published version per service at any time: a second one cannot even be written.
create unique index standard_version_published_uq on standards.standard_version (service_id) where status = 'published';
create index standard_version_status_idx on standards.standard_version (status);

-- Comments from the public on a version in consultation; shown once approved, with the unit's answer.
create table standards.consultation_comment (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references standards.standard_version (id),
  author_name text not null check (char_length(author_name) between 1 and 120),
  author_account_id uuid,
  -- Which part of the standard the comment is about (a component key, or 'general').
  component text not null default 'general',
  body text not null check (char_length(body) between 3 and 4000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  response text check (char_length(response) <= 4000),
  moderated_by uuid,
  moderated_at timestamptz,
  created_at timestamptz not null default now()
);
create index consultation_comment_version_idx on standards.consultation_comment (version_id, status);

-- Who did what to a version, in order: the standard's own history page (the audit trail keeps the proof).
create table standards.version_event (
  id bigint generated always as identity primary key,
  version_id uuid not null references standards.standard_version (id),
  action text not null,
  actor_id uuid,
  actor_name text,
  note text,
  occurred_at timestamptz not null default now()
);
create index version_event_version_idx on standards.version_event (version_id, id);

-- The service pledge of a unit. Versions like standards: a new one replaces the published one.
create table standards.maklumat (
  id uuid primary key default gen_random_uuid(),
  service_unit_id uuid not null references organizations.service_unit (id),
  agency_id uuid not null references organizations.agency (id),
  status text not null check (status in ('draft', 'published', 'superseded')),
  -- The three required promises (domain.md §1.3) and an optional opening and closing.
  opening text,
  promise_standard text not null,
  promise_obligation text not null,
  promise_sanction text not null,
  closing text,
  signatory_name text not null,
  signatory_title text not null,
  signed_at date not null,
  place text not null,
  published_at timestamptz,
  superseded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index maklumat_published_uq on standards.maklumat (service_unit_id) where status = 'published';
create index maklumat_unit_idx on standards.maklumat (service_unit_id);
