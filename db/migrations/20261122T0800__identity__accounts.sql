-- People who sign in: citizens (self-registered) and staff (invited), their sessions, one-time tokens
-- (email verification, phone codes, password reset), staff invitations and role grants scoped to a node
-- of the organization tree. Personal data (NIK) and second-factor secrets are stored encrypted.
create schema if not exists identity;

create table identity.account (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('citizen', 'staff')),
  -- Lower-cased; unique among accounts that have one. A citizen signs up with an email or a phone number.
  email text check (email = lower(email) and char_length(email) between 3 and 254),
  phone text check (phone ~ '^\+62[0-9]{8,13}$'),
  name text not null check (char_length(name) between 1 and 120),
  locale text not null default 'id' check (locale in ('id', 'en')),
  password_hash text,
  password_changed_at timestamptz,
  email_verified_at timestamptz,
  phone_verified_at timestamptz,
  -- NIK: AES-GCM ciphertext under a key of DATA_KEYS, and a keyed hash (blind index) for uniqueness and lookup.
  nik_ciphertext text,
  nik_index text,
  -- TOTP secret (encrypted) and the last accepted time step, so a code cannot be replayed.
  totp_secret_ciphertext text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  status text not null default 'active' check (status in ('active', 'disabled')),
  last_sign_in_at timestamptz,
  oidc_issuer text,
  oidc_subject text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (email is not null or phone is not null or oidc_subject is not null),
  check ((nik_ciphertext is null) = (nik_index is null)),
  check ((oidc_issuer is null) = (oidc_subject is null))
);
create unique index account_email_uq on identity.account (email) where email is not null;
create unique index account_phone_uq on identity.account (phone) where phone is not null;
create unique index account_nik_uq on identity.account (nik_index) where nik_index is not null;
create unique index account_oidc_uq on identity.account (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- Recovery codes for staff who lose their authenticator; each works once.
create table identity.recovery_code (
  account_id uuid not null references identity.account (id),
  code_hash text not null,
  used_at timestamptz,
  primary key (account_id, code_hash)
);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a database
-- leak does not hand out live sessions.
create table identity.session (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  account_id uuid not null references identity.account (id),
  -- A staff session that passed the password but not yet the second factor: it can only finish sign-in.
  pending_second_factor boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text,
  user_agent text,
  ip text
);
create index session_account_idx on identity.session (account_id) where revoked_at is null;

-- One-time tokens sent by email or SMS. Only a hash is kept; `used_at` makes each work once.
create table identity.token (
  id uuid primary key default gen_random_uuid(),
  purpose text not null check (purpose in ('verify_email', 'verify_phone', 'reset_password')),
  account_id uuid not null references identity.account (id),
  token_hash text not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create unique index token_hash_uq on identity.token (purpose, token_hash);
create index token_account_idx on identity.token (account_id, purpose);

-- Staff join only by invitation from an admin of their organization, with the role they will hold.
create table identity.invitation (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  name text not null check (char_length(name) between 1 and 120),
  role text not null,
  scope_kind text not null check (scope_kind in ('platform', 'agency', 'unit', 'mall')),
  scope_id uuid,
  token_hash text not null unique,
  invited_by uuid not null references identity.account (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  account_id uuid references identity.account (id),
  revoked_at timestamptz,
  check ((scope_kind = 'platform') = (scope_id is null))
);
create index invitation_email_idx on identity.invitation (email);

-- A role held at a node of the organization tree. Revoked grants stay for the record.
create table identity.role_grant (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references identity.account (id),
  role text not null,
  scope_kind text not null check (scope_kind in ('platform', 'agency', 'unit', 'mall')),
  scope_id uuid,
  granted_by uuid references identity.account (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references identity.account (id),
  check ((scope_kind = 'platform') = (scope_id is null))
);
create unique index role_grant_active_uq on identity.role_grant (account_id, role, scope_kind, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where revoked_at is null;

-- Failed sign-ins per identifier (email or phone as typed, normalised), whether or not an account has it,
-- so a lockout neither reveals which identifiers exist nor can be dodged by guessing unknown ones.
create table identity.sign_in_throttle (
  identifier text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);
