-- A notification remembers the outbox event that caused it, so a redelivered event (a retried job, a
-- worker that crashed after committing) finds its messages already queued and sends nothing twice.
alter table applications.notification add column event_id bigint;
create unique index notification_event_channel_uq on applications.notification (event_id, channel) where event_id is not null;
