-- The catalog search's version: a number that changes, in the same transaction, with every write that can
-- change what the public catalog search answers (services, their places, a version becoming or ceasing to
-- be the published one, and the names and regions of agencies, units and malls). The app keeps identical
-- searches in memory for a few seconds and keys them by this number, so a published or withdrawn standard
-- shows in search results as soon as it commits, on every app instance. Drafts and other edits to
-- unpublished versions do not bump it.
create table standards.catalog_version (
  id boolean primary key default true check (id),
  n bigint not null default 0
);
insert into standards.catalog_version default values;

create function standards.bump_catalog_version() returns trigger language plpgsql as $$
begin
  update standards.catalog_version set n = n + 1;
  return null;
end
$$;

create trigger service_catalog_version after insert or update or delete or truncate on standards.service
  for each statement execute function standards.bump_catalog_version();
create trigger service_location_catalog_version after insert or update or delete or truncate on standards.service_location
  for each statement execute function standards.bump_catalog_version();
-- Statement level with the changed rows in transition tables: one bump per statement, however many rows
-- (a bulk import of a thousand published versions), and none when only drafts changed, so saving a draft
-- (the common write) never takes the counter's row lock.
create function standards.bump_catalog_version_if_published() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_new where status = 'published') or exists (select 1 from changed_old where status = 'published') then
    update standards.catalog_version set n = n + 1;
  end if;
  return null;
end
$$;
create function standards.bump_catalog_version_if_published_inserted() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_new where status = 'published') then
    update standards.catalog_version set n = n + 1;
  end if;
  return null;
end
$$;
create trigger standard_version_insert_catalog_version after insert on standards.standard_version
  referencing new table as changed_new
  for each statement execute function standards.bump_catalog_version_if_published_inserted();
create trigger standard_version_update_catalog_version after update on standards.standard_version
  referencing old table as changed_old new table as changed_new
  for each statement execute function standards.bump_catalog_version_if_published();
create trigger standard_version_delete_catalog_version after delete or truncate on standards.standard_version
  for each statement execute function standards.bump_catalog_version();
create trigger agency_catalog_version after update or delete on organizations.agency
  for each statement execute function standards.bump_catalog_version();
create trigger service_unit_catalog_version after update or delete on organizations.service_unit
  for each statement execute function standards.bump_catalog_version();
create trigger mall_catalog_version after update or delete on organizations.mall
  for each statement execute function standards.bump_catalog_version();
