-- Outgoing mail commits with the change that caused it; MailDelivery sends it afterwards and retries.
-- While a row is 'sending', next_attempt_at is when its claim expires: a process that died mid-send
-- leaves the row there, and the next delivery round puts it back in the queue.
create table platform.mail_message (
  id uuid primary key default gen_random_uuid(),
  to_address text not null check (char_length(to_address) between 3 and 254 and to_address !~ '[\r\n]'),
  -- RFC 5322 caps a header line at 998 characters; a line break would let the text inject headers.
  subject text not null check (char_length(subject) between 1 and 998 and subject !~ '[\r\n]'),
  text_body text not null,
  html_body text,
  tag text check (tag ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  message_id text,
  check ((status = 'sent') = (sent_at is not null))
);

create index mail_message_due_idx on platform.mail_message (status, next_attempt_at);
