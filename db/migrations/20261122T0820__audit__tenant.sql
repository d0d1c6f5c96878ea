-- Where in the organization tree each audited record sits, so an auditor granted at an agency, service
-- unit or mall reads only that part of the trail. Null on events with no tenant (feedback, citizen
-- accounts, everything written before this migration): those are read at platform scope only.
-- No foreign keys: the trail outlives the records it names and is owned by no other module.
alter table audit.event
  add column agency_id uuid,
  add column unit_id uuid,
  add column mall_id uuid;

-- A scoped read is "this tenant's events, newest first": one index per tenant kind, ordered like the pages.
create index event_agency_idx on audit.event (agency_id, seq) where agency_id is not null;
create index event_unit_idx on audit.event (unit_id, seq) where unit_id is not null;
create index event_mall_idx on audit.event (mall_id, seq) where mall_id is not null;
