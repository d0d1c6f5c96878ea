-- The catalog search's own table: one narrow row per listed service (active, with a published standard),
-- holding only what finding and ranking need, and every filter the catalog offers as a "facet" word in
-- one array: a:<agency>, u:<unit>, c:<category>, e:<life event>, au:<audience>, ch:<channel>, m:<mall>,
-- and r:<region> for the unit's region and each mall's region with all their parent codes ('51', '51.03').
--
-- Why (measured on 100,000 services, PostgreSQL 15): searching standards.service itself spent most of its
-- time outside the text match: checking for each candidate that a published version exists (3 index pages
-- per candidate), reading wide rows twice, and, with a region filter, building bitmaps over every service
-- of the region's units and malls (up to 8,000 index pages for one filter). Here the text and the facets
-- have GIN indexes the planner intersects (BitmapAnd), so "izin" in region 35 reads two posting lists and
-- 500 narrow rows, and a row in this table is listed by being here.
--
-- Kept in step by the statement-level triggers below, in the same transaction as the write, so a publish,
-- withdraw, rename, new place or region change shows in the next search. The rows are derived data:
-- standards.refresh_catalog_entries(ids) rebuilds them from the source tables at any time.
create table standards.catalog_entry (
  service_id uuid primary key references standards.service (id) on delete cascade,
  slug text not null,
  name text not null,
  search tsvector not null,
  -- lower(name || ' ' || keywords): what typo matching compares with.
  name_key text not null,
  facets text[] not null
);
-- Three single-column GIN indexes the planner BitmapAnds: measured faster than one multicolumn (search,
-- facets) index, whose text part alone scanned ~40% slower, and a multicolumn trigram index matched more
-- false candidates.
-- A GIN index keeps new entries in a pending list that every search reads in full until a vacuum merges
-- it (4 MB by default: measured 22 ms instead of 3 ms for one text match after a bulk load). 64 kB, the
-- least allowed, still batches a bulk import's inserts but keeps what a search must read small, also on
-- PGlite, which has no autovacuum.
create index catalog_entry_search_idx on standards.catalog_entry using gin (search) with (gin_pending_list_limit = 64);
create index catalog_entry_facets_idx on standards.catalog_entry using gin (facets) with (gin_pending_list_limit = 64);
create index catalog_entry_name_trgm_idx on standards.catalog_entry using gin (name_key gin_trgm_ops) with (gin_pending_list_limit = 64);
create index catalog_entry_slug_idx on standards.catalog_entry (slug);

-- 'r:51', 'r:51.03', 'r:51.03.01' for '51.03.01': a region filter matches a code and everything under it.
create function standards.region_facets(code text) returns setof text language sql immutable as $$
  select 'r:' || array_to_string((string_to_array(code, '.'))[1:n], '.')
  from generate_series(1, cardinality(string_to_array(code, '.'))) n
$$;

create function standards.refresh_catalog_entries(ids uuid[]) returns void language sql as $$
  delete from standards.catalog_entry e
  where e.service_id = any(ids)
    and not exists (
      select 1 from standards.service s
      where s.id = e.service_id and s.active
        and exists (select 1 from standards.standard_version v where v.service_id = s.id and v.status = 'published')
    );
  insert into standards.catalog_entry (service_id, slug, name, search, name_key, facets)
  select s.id, s.slug, s.name, s.search, lower(s.name || ' ' || s.keywords),
    array(
      select distinct f from (
        select 'a:' || s.agency_id::text
        union all select 'u:' || s.service_unit_id::text
        union all select 'c:' || s.category
        union all select 'e:' || le from unnest(s.life_events) le
        union all select 'au:' || au from unnest(s.audiences) au
        union all select 'ch:' || ch from unnest(case s.channels when 'both' then array['online', 'counter'] else array[s.channels] end) ch
        union all select 'm:' || l.mall_id::text from standards.service_location l where l.service_id = s.id
        union all select standards.region_facets(u.region_code) from organizations.service_unit u where u.id = s.service_unit_id
        union all
        select standards.region_facets(m.region_code)
        from standards.service_location l join organizations.mall m on m.id = l.mall_id
        where l.service_id = s.id
      ) x (f)
      where f is not null
      order by f
    )
  from standards.service s
  where s.id = any(ids) and s.active
    and exists (select 1 from standards.standard_version v where v.service_id = s.id and v.status = 'published')
  on conflict (service_id) do update
    set slug = excluded.slug, name = excluded.name, search = excluded.search, name_key = excluded.name_key, facets = excluded.facets;
$$;

-- Typo candidates: listed services whose name and keywords hold the query closely (pg_trgm's %>, word
-- similarity at or above pg_trgm.word_similarity_threshold, 0.6 by default) inside the facets, at most
-- max_rows of them, in no order (the search ranks them). A function only to plan with sequential scans
-- off: with a LIMIT and pg_trgm's row estimate the planner sometimes prefers reading the table until it
-- has max_rows matches (measured 80 ms on 100,000 services) to the trigram index (5 ms).
create function standards.catalog_fuzzy_candidates(query text, required_facets text[], max_rows integer)
returns table (service_id uuid, slug text, name text, search tsvector)
language plpgsql stable
set enable_seqscan = off
as $$
begin
  -- Two statements, so that with filters the planner can intersect the trigram and facet indexes, and
  -- without them never scans the whole facet index for an empty array.
  if cardinality(required_facets) = 0 then
    return query
      select e.service_id, e.slug, e.name, e.search from standards.catalog_entry e
      where e.name_key %> query
      limit max_rows;
  else
    return query
      select e.service_id, e.slug, e.name, e.search from standards.catalog_entry e
      where e.name_key %> query and e.facets @> required_facets
      limit max_rows;
  end if;
end
$$;

-- Statement level with transition tables: one refresh per statement, set-based, however many rows (a bulk
-- import publishes a thousand versions in one statement); draft saves, the common write, refresh nothing.
create function standards.catalog_entry_service_changed() returns trigger language plpgsql as $$
begin
  perform standards.refresh_catalog_entries(array(select id from changed_new));
  return null;
end
$$;
create trigger service_insert_catalog_entry after insert on standards.service
  referencing new table as changed_new
  for each statement execute function standards.catalog_entry_service_changed();
create trigger service_update_catalog_entry after update on standards.service
  referencing new table as changed_new
  for each statement execute function standards.catalog_entry_service_changed();

create function standards.catalog_entry_location_inserted() returns trigger language plpgsql as $$
begin
  perform standards.refresh_catalog_entries(array(select distinct service_id from changed_new));
  return null;
end
$$;
create function standards.catalog_entry_location_updated() returns trigger language plpgsql as $$
begin
  perform standards.refresh_catalog_entries(
    array(select service_id from changed_new union select service_id from changed_old)
  );
  return null;
end
$$;
create function standards.catalog_entry_location_deleted() returns trigger language plpgsql as $$
begin
  perform standards.refresh_catalog_entries(array(select distinct service_id from changed_old));
  return null;
end
$$;
create trigger service_location_insert_catalog_entry after insert on standards.service_location
  referencing new table as changed_new
  for each statement execute function standards.catalog_entry_location_inserted();
create trigger service_location_update_catalog_entry after update on standards.service_location
  referencing old table as changed_old new table as changed_new
  for each statement execute function standards.catalog_entry_location_updated();
create trigger service_location_delete_catalog_entry after delete on standards.service_location
  referencing old table as changed_old
  for each statement execute function standards.catalog_entry_location_deleted();

-- Versions matter only when one is, or stops being, the published one.
create function standards.catalog_entry_version_inserted() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_new where status = 'published') then
    perform standards.refresh_catalog_entries(array(select distinct service_id from changed_new where status = 'published'));
  end if;
  return null;
end
$$;
create function standards.catalog_entry_version_updated() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_new where status = 'published') or exists (select 1 from changed_old where status = 'published') then
    perform standards.refresh_catalog_entries(array(
      select service_id from changed_new where status = 'published'
      union select service_id from changed_old where status = 'published'
    ));
  end if;
  return null;
end
$$;
create function standards.catalog_entry_version_deleted() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_old where status = 'published') then
    perform standards.refresh_catalog_entries(array(select distinct service_id from changed_old where status = 'published'));
  end if;
  return null;
end
$$;
create trigger standard_version_insert_catalog_entry after insert on standards.standard_version
  referencing new table as changed_new
  for each statement execute function standards.catalog_entry_version_inserted();
create trigger standard_version_update_catalog_entry after update on standards.standard_version
  referencing old table as changed_old new table as changed_new
  for each statement execute function standards.catalog_entry_version_updated();
create trigger standard_version_delete_catalog_entry after delete on standards.standard_version
  referencing old table as changed_old
  for each statement execute function standards.catalog_entry_version_deleted();

-- A unit or mall that moves to another region moves its services' region facets with it.
create function standards.catalog_entry_unit_updated() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_new n join changed_old o on o.id = n.id where n.region_code is distinct from o.region_code) then
    perform standards.refresh_catalog_entries(array(
      select s.id from standards.service s
      where s.service_unit_id in (
        select n.id from changed_new n join changed_old o on o.id = n.id where n.region_code is distinct from o.region_code
      )
    ));
  end if;
  return null;
end
$$;
create trigger service_unit_update_catalog_entry after update on organizations.service_unit
  referencing old table as changed_old new table as changed_new
  for each statement execute function standards.catalog_entry_unit_updated();
create function standards.catalog_entry_mall_updated() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed_new n join changed_old o on o.id = n.id where n.region_code is distinct from o.region_code) then
    perform standards.refresh_catalog_entries(array(
      select distinct l.service_id from standards.service_location l
      where l.mall_id in (
        select n.id from changed_new n join changed_old o on o.id = n.id where n.region_code is distinct from o.region_code
      )
    ));
  end if;
  return null;
end
$$;
create trigger mall_update_catalog_entry after update on organizations.mall
  referencing old table as changed_old new table as changed_new
  for each statement execute function standards.catalog_entry_mall_updated();

select standards.refresh_catalog_entries(array(select id from standards.service));
