-- The organizations module's published read model: the only organization rows other modules may read
-- (style.md rule 3). Names and the time zone of a place, nothing else; plain views, inlined by PostgreSQL
-- into the reader's query. Read by: applications (apply, inbox, case pages, compliance report, tracking,
-- notifications).

-- A service unit with its agency and the time zone of its region (dates on a case are written in it).
create view organizations.unit_directory as
select u.id, u.name, u.agency_id, r.time_zone
  from organizations.service_unit u
  left join organizations.region r on r.code = u.region_code;

create view organizations.agency_directory as
select id, name
  from organizations.agency;

-- A mall (MPP) and its time zone, which applications filed there are dated in.
create view organizations.mall_directory as
select id, name, time_zone
  from organizations.mall;
