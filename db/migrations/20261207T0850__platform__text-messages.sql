-- Outgoing SMS and WhatsApp messages commit with the change that caused them, like mail: a delivery
-- round hands them to the configured TextSender (a provider adapter; a logging one in development) and
-- retries with backoff. While a row is 'sending', next_attempt_at is when its claim expires.
create table platform.text_message (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms', 'whatsapp')),
  -- E.164 without spaces: +62812…
  to_number text not null check (to_number ~ '^\+[1-9][0-9]{7,14}$'),
  body text not null check (char_length(body) between 1 and 1600),
  tag text check (tag ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  provider_reference text,
  check ((status = 'sent') = (sent_at is not null))
);
create index text_message_due_idx on platform.text_message (status, next_attempt_at);
