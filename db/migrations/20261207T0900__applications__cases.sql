-- Applications (permohonan) run by the published service standard: the version an application was filed
-- under is frozen on it, its requirements are the form, its procedure the steps, its time limit the legal
-- clock (paused while waiting for the citizen, extended lawfully), its fee the bill, its products the
-- outputs with a verification code. Personal data (answers, contact details) is encrypted at rest.
create schema if not exists applications;

create table applications.application (
  id uuid primary key default gen_random_uuid(),
  -- Issued on submission: short, unambiguous characters with a check digit (see tracking-number.ts).
  tracking_number text unique check (tracking_number ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  service_id uuid not null references standards.service (id),
  -- Frozen at the start: later versions of the standard never change an application.
  standard_version_id uuid not null references standards.standard_version (id),
  -- Copied from the service (units never change agency) so tenant filters need no join.
  service_unit_id uuid not null references organizations.service_unit (id),
  agency_id uuid not null references organizations.agency (id),
  -- Filed at a mall's booth: the mall's calendar runs the clock.
  mall_id uuid references organizations.mall (id),
  channel text not null check (channel in ('online', 'counter')),
  -- The citizen's account; null for a counter filing for someone without an account.
  applicant_account_id uuid references identity.account (id),
  -- The counter officer who filed on the citizen's behalf.
  filed_by_account_id uuid references identity.account (id),
  -- KeyRing ciphertexts: {name, email?, phone?} and the answers {requirementKey: value}.
  contact_enc text not null,
  answers_enc text not null,
  -- The language messages to the citizen are written in.
  locale text not null default 'id' check (locale in ('id', 'en')),
  status text not null check (status in ('draft', 'submitted', 'in_process', 'awaiting_citizen', 'rejected', 'completed', 'withdrawn')),
  -- The procedure step in progress (a key of the frozen version's procedure).
  current_step_key text,
  assigned_to_account_id uuid references identity.account (id),
  -- A double-submitted form carries the same key and finds the application it already made.
  submit_key text,
  submitted_at timestamptz,
  -- The legal clock: recomputed on every change of its inputs (submission, pauses, extensions).
  due_at timestamptz,
  clock_paused boolean not null default false,
  warned_at timestamptz,
  overdue_at timestamptz,
  escalated_at timestamptz,
  decided_at timestamptz,
  completed_at timestamptz,
  rejection_reason text check (char_length(rejection_reason) <= 2000),
  rejection_legal_basis text check (char_length(rejection_legal_basis) <= 500),
  -- Whether the unit finished within the legal time (null while open).
  on_time boolean,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'draft') = (submitted_at is null)),
  check ((status = 'draft') = (tracking_number is null)),
  check (status <> 'rejected' or rejection_reason is not null),
  check ((applicant_account_id is not null) or channel = 'counter')
);
create unique index application_submit_key_uq on applications.application (submit_key) where submit_key is not null;
create index application_unit_status_idx on applications.application (service_unit_id, status, due_at);
create index application_agency_idx on applications.application (agency_id);
create index application_applicant_idx on applications.application (applicant_account_id, created_at desc);
create index application_assignee_idx on applications.application (assigned_to_account_id) where assigned_to_account_id is not null;
create index application_open_due_idx on applications.application (due_at) where status in ('submitted', 'in_process');

-- Uploaded documents per requirement; a new upload for the same requirement replaces the old one (kept).
create table applications.document (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications.application (id),
  requirement_key text not null check (requirement_key ~ '^[a-z][a-z0-9_]{0,39}$'),
  file_key text not null,
  file_name text not null check (char_length(file_name) between 1 and 255),
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by_account_id uuid references identity.account (id),
  uploaded_at timestamptz not null default now(),
  replaced_at timestamptz
);
create unique index document_current_uq on applications.document (application_id, requirement_key) where replaced_at is null;

-- The processor's check of each requirement item; a correction request lists the items found wanting.
create table applications.requirement_check (
  application_id uuid not null references applications.application (id),
  requirement_key text not null,
  outcome text not null check (outcome in ('ok', 'needs_correction')),
  note text check (char_length(note) <= 1000),
  checked_by_account_id uuid references identity.account (id),
  checked_at timestamptz not null default now(),
  primary key (application_id, requirement_key),
  check (outcome = 'ok' or note is not null)
);

-- The clock stops while the unit waits for the citizen (a standard whose time limit pauses).
create table applications.clock_pause (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications.application (id),
  paused_at timestamptz not null,
  resumed_at timestamptz,
  reason text not null check (char_length(reason) between 1 and 2000),
  check (resumed_at is null or resumed_at >= paused_at)
);
create unique index clock_pause_open_uq on applications.clock_pause (application_id) where resumed_at is null;

-- A lawful extension of the time limit, with its reason.
create table applications.clock_extension (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications.application (id),
  value integer not null check (value between 1 and 1000),
  unit text not null check (unit in ('minutes', 'hours', 'working_days', 'calendar_days')),
  reason text not null check (char_length(reason) between 5 and 2000),
  granted_by_account_id uuid references identity.account (id),
  granted_at timestamptz not null default now()
);

-- The timeline: every change of an application, who did it, and whether the citizen sees it.
create table applications.event (
  id bigint generated always as identity primary key,
  application_id uuid not null references applications.application (id),
  at timestamptz not null default now(),
  kind text not null check (kind ~ '^[a-z][a-z_]*$'),
  actor_kind text not null check (actor_kind in ('citizen', 'staff', 'system', 'anonymous')),
  actor_account_id uuid,
  step_key text,
  -- Shown to the citizen on tracking (a correction's reasons, a decision); staff-only notes are not.
  public boolean not null default true,
  note text check (char_length(note) <= 4000),
  data jsonb not null default '{}'::jsonb
);
create index event_application_idx on applications.event (application_id, id);

-- The bill from the standard's fee at filing time ("gratis" is a bill of zero, settled at once).
create table applications.bill (
  application_id uuid primary key references applications.application (id),
  items jsonb not null,
  total bigint not null check (total >= 0),
  status text not null check (status in ('unpaid', 'paid', 'free')),
  paid_at timestamptz,
  check ((status = 'paid') = (paid_at is not null)),
  check ((status = 'free') = (total = 0))
);

-- Payments recorded through a payment adapter (cash at the counter, a manual bank-transfer receipt, …).
create table applications.payment (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications.application (id),
  method text not null check (method ~ '^[a-z][a-z_]*$'),
  amount bigint not null check (amount > 0),
  -- The adapter's reference: a receipt number, a transfer reference.
  reference text not null check (char_length(reference) between 1 and 100),
  recorded_by_account_id uuid references identity.account (id),
  recorded_at timestamptz not null default now()
);
create unique index payment_reference_uq on applications.payment (method, reference);

-- Issued products; the verification code proves a printed or downloaded output is authentic.
create table applications.output (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications.application (id),
  verification_code text not null unique check (verification_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  product_name text not null check (char_length(product_name) between 1 and 200),
  file_key text not null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- 'uploaded' by staff, or 'generated' from the unit's template.
  origin text not null check (origin in ('uploaded', 'generated')),
  issued_by_account_id uuid references identity.account (id),
  issued_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_reason text
);
create index output_application_idx on applications.output (application_id);

-- Messages sent about an application (email through platform.mail_message, SMS/WhatsApp through the
-- text adapter), so staff see what the citizen was told and whether it arrived.
create table applications.notification (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications.application (id),
  kind text not null check (kind in ('submitted', 'correction_requested', 'rejected', 'completed', 'due_soon', 'overdue', 'escalated')),
  channel text not null check (channel in ('email', 'sms', 'whatsapp')),
  mail_message_id uuid references platform.mail_message (id),
  text_message_id uuid references platform.text_message (id),
  created_at timestamptz not null default now()
);
create index notification_application_idx on applications.notification (application_id);
