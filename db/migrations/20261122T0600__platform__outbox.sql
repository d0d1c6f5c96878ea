-- Events commit with the change that caused them; the dispatcher delivers them afterwards.
create schema if not exists platform;

create table platform.outbox (
  id bigint generated always as identity primary key,
  name text not null check (name ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  payload jsonb not null,
  request_id text,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz,
  attempts integer not null default 0,
  last_error text
);

create index outbox_pending_idx on platform.outbox (id) where dispatched_at is null;
