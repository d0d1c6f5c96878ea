-- The audit trail: one hash-chained row per state change or personal-data read, written in the
-- transaction of the change. seq is assigned by the writer under an advisory lock (not a sequence,
-- which leaves gaps on rollback), so a missing number means a deleted row.
create schema if not exists audit;

create table audit.event (
  seq bigint primary key check (seq > 0),
  occurred_at timestamptz not null,
  actor_kind text not null check (actor_kind in ('anonymous', 'citizen', 'staff', 'system')),
  actor_id text,
  actor_name text,
  actor_unit text,
  action text not null check (action ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  subject_type text not null check (char_length(subject_type) between 1 and 100),
  subject_id text not null check (char_length(subject_id) between 1 and 200),
  request_id text,
  before jsonb,
  after jsonb,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
);

create index event_occurred_idx on audit.event (occurred_at);
create index event_action_idx on audit.event (action text_pattern_ops, seq);
create index event_subject_idx on audit.event (subject_type, subject_id, seq);
create index event_actor_idx on audit.event (actor_id, seq);
