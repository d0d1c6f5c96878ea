-- The standards module's published read model: the only standards rows other modules may read (style.md
-- rule 3: only a module's repository touches its tables; others read a view the owner publishes). Each
-- view has just the columns readers need, and no rule: readers filter as before. They are plain views,
-- which PostgreSQL inlines into the reader's query, so its plan and indexes stay those of the tables.
-- Read by: applications (apply, counter filing, inbox, compliance report, tracking, notifications, seeds).

-- A service as other modules see it: names, owner and channels. Descriptions and standards stay inside.
create view standards.service_directory as
select id, slug, name, service_unit_id, agency_id, channels, active
  from standards.service;

-- The version in force of each service (at most one per service): what a new application is filed under.
-- The content of a version an application was filed under is read through readStandardVersion (index.ts).
create view standards.published_version as
select id, service_id, number
  from standards.standard_version
 where status = 'published';

-- Where a service is offered besides its unit: a mall, and the booth there when known.
create view standards.service_place as
select service_id, mall_id, booth_id
  from standards.service_location;
