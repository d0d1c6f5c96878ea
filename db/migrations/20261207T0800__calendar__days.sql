-- The working-day calendar (domain.md §11): national holidays and collective leave (cuti bersama) set
-- each year by the joint decree (SKB) of the Ministers of Religious Affairs, Manpower and PANRB; each
-- service unit's weekly service schedule; and dated local days of a unit or a mall (a closure, or an
-- extra service day with its hours). The legal clock (src/modules/calendar/clock.ts) counts time limits on it.
create schema if not exists calendar;

-- A national day. Changed in place under an optimistic version and audited; never deleted: a day the
-- decree drops is withdrawn with a reason, so a deadline computed on it can still be explained.
create table calendar.national_day (
  id uuid primary key default gen_random_uuid(),
  date date not null,
  kind text not null check (kind in ('holiday', 'collective_leave')),
  name_id text not null check (char_length(name_id) between 2 and 200),
  name_en text not null check (char_length(name_en) between 2 and 200),
  -- The SKB (or Keppres) that sets the day, e.g. "SKB 1497/2025, 2/2025, 5/2025".
  decree text not null check (char_length(decree) between 3 and 300),
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  withdrawn_reason text check (withdrawn_reason is null or char_length(withdrawn_reason) between 3 and 500),
  withdrawn_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'withdrawn') = (withdrawn_at is not null and withdrawn_reason is not null))
);
-- One day in force per date; withdrawn ones stay beside it.
create unique index national_day_active_date_uq on calendar.national_day (date) where status = 'active';
create index national_day_date_idx on calendar.national_day (date);

-- A unit's weekly service schedule, ISO weekday 1 (Monday) … 7 (Sunday). A unit with no rows works the
-- Perpres 21/2023 week: Monday–Thursday 07:30–16:00, Friday 07:30–16:30. A unit with rows works only those days.
create table calendar.unit_schedule (
  service_unit_id uuid not null references organizations.service_unit (id),
  weekday smallint not null check (weekday between 1 and 7),
  opens_at time not null,
  closes_at time not null check (closes_at > opens_at),
  primary key (service_unit_id, weekday)
);

-- A dated local day of a unit or of a mall: closed (a local closure, e.g. a Bali regional day or a
-- flood), or open with hours (an extra service day, e.g. open on a cuti bersama).
create table calendar.local_day (
  id uuid primary key default gen_random_uuid(),
  service_unit_id uuid references organizations.service_unit (id),
  mall_id uuid references organizations.mall (id),
  date date not null,
  kind text not null check (kind in ('closed', 'open')),
  opens_at time,
  closes_at time,
  reason text not null check (char_length(reason) between 2 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((service_unit_id is null) <> (mall_id is null)),
  check ((kind = 'open') = (opens_at is not null and closes_at is not null)),
  check (kind = 'open' or (opens_at is null and closes_at is null)),
  check (closes_at is null or closes_at > opens_at)
);
create unique index local_day_unit_date_uq on calendar.local_day (service_unit_id, date) where service_unit_id is not null;
create unique index local_day_mall_date_uq on calendar.local_day (mall_id, date) where mall_id is not null;

-- Shipped as data so every deployment has them: the 2025 decree with its amendment of 7 Aug 2025
-- (18 Aug 2025 added), and the 2026 decree (domain.md §11.2, §11.3). Later years are added by platform
-- admins at /admin/kalender.
insert into calendar.national_day (date, kind, name_id, name_en, decree) values
  ('2025-01-01', 'holiday', 'Tahun Baru 2025 Masehi', 'New Year''s Day 2025', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-01-27', 'holiday', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi''raj of the Prophet Muhammad', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-01-28', 'collective_leave', 'Cuti bersama Tahun Baru Imlek', 'Collective leave for Chinese New Year', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-01-29', 'holiday', 'Tahun Baru Imlek 2576 Kongzili', 'Chinese New Year 2576', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-03-28', 'collective_leave', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for Nyepi', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-03-29', 'holiday', 'Hari Suci Nyepi Tahun Baru Saka 1947', 'Day of Silence (Nyepi), Saka New Year 1947', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-03-31', 'holiday', 'Idulfitri 1446 H', 'Eid al-Fitr 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-01', 'holiday', 'Idulfitri 1446 H', 'Eid al-Fitr 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-02', 'collective_leave', 'Cuti bersama Idulfitri 1446 H', 'Collective leave for Eid al-Fitr 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-03', 'collective_leave', 'Cuti bersama Idulfitri 1446 H', 'Collective leave for Eid al-Fitr 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-04', 'collective_leave', 'Cuti bersama Idulfitri 1446 H', 'Collective leave for Eid al-Fitr 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-07', 'collective_leave', 'Cuti bersama Idulfitri 1446 H', 'Collective leave for Eid al-Fitr 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-18', 'holiday', 'Wafat Yesus Kristus', 'Good Friday', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-04-20', 'holiday', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-05-01', 'holiday', 'Hari Buruh Internasional', 'International Labour Day', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-05-12', 'holiday', 'Hari Raya Waisak 2569 BE', 'Vesak Day 2569 BE', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-05-13', 'collective_leave', 'Cuti bersama Hari Raya Waisak', 'Collective leave for Vesak Day', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-05-29', 'holiday', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-05-30', 'collective_leave', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for the Ascension of Jesus Christ', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-06-01', 'holiday', 'Hari Lahir Pancasila', 'Pancasila Day', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-06-06', 'holiday', 'Iduladha 1446 H', 'Eid al-Adha 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-06-09', 'collective_leave', 'Cuti bersama Iduladha 1446 H', 'Collective leave for Eid al-Adha 1446 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-06-27', 'holiday', 'Tahun Baru Islam 1447 H', 'Islamic New Year 1447 H', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-08-17', 'holiday', 'Hari Kemerdekaan Republik Indonesia', 'Independence Day', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-08-18', 'collective_leave', 'Cuti bersama HUT ke-80 Kemerdekaan Republik Indonesia', 'Collective leave for the 80th Independence Day', 'SKB 933/2025, 1/2025, 3/2025 (Menag, Menaker, MenPANRB), amending SKB 1017/2024, 2/2024, 2/2024'),
  ('2025-09-05', 'holiday', 'Maulid Nabi Muhammad SAW', 'Prophet Muhammad''s Birthday', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-12-25', 'holiday', 'Hari Raya Natal', 'Christmas Day', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2025-12-26', 'collective_leave', 'Cuti bersama Hari Raya Natal', 'Collective leave for Christmas', 'SKB 1017/2024, 2/2024, 2/2024 (Menag, Menaker, MenPANRB)'),
  ('2026-01-01', 'holiday', 'Tahun Baru 2026 Masehi', 'New Year''s Day 2026', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-01-16', 'holiday', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi''raj of the Prophet Muhammad', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-02-16', 'collective_leave', 'Cuti bersama Tahun Baru Imlek', 'Collective leave for Chinese New Year', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-02-17', 'holiday', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-18', 'collective_leave', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for Nyepi', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-19', 'holiday', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'Day of Silence (Nyepi), Saka New Year 1948', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-20', 'collective_leave', 'Cuti bersama Idulfitri 1447 H', 'Collective leave for Eid al-Fitr 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-21', 'holiday', 'Idulfitri 1447 H', 'Eid al-Fitr 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-22', 'holiday', 'Idulfitri 1447 H', 'Eid al-Fitr 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-23', 'collective_leave', 'Cuti bersama Idulfitri 1447 H', 'Collective leave for Eid al-Fitr 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-03-24', 'collective_leave', 'Cuti bersama Idulfitri 1447 H', 'Collective leave for Eid al-Fitr 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-04-03', 'holiday', 'Wafat Yesus Kristus', 'Good Friday', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-04-05', 'holiday', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-05-01', 'holiday', 'Hari Buruh Internasional', 'International Labour Day', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-05-14', 'holiday', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-05-15', 'collective_leave', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for the Ascension of Jesus Christ', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-05-27', 'holiday', 'Iduladha 1447 H', 'Eid al-Adha 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-05-28', 'collective_leave', 'Cuti bersama Iduladha 1447 H', 'Collective leave for Eid al-Adha 1447 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-05-31', 'holiday', 'Hari Raya Waisak 2570 BE', 'Vesak Day 2570 BE', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-06-01', 'holiday', 'Hari Lahir Pancasila', 'Pancasila Day', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-06-16', 'holiday', 'Tahun Baru Islam 1448 H', 'Islamic New Year 1448 H', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-08-17', 'holiday', 'Hari Kemerdekaan Republik Indonesia', 'Independence Day', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-08-25', 'holiday', 'Maulid Nabi Muhammad SAW', 'Prophet Muhammad''s Birthday', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-12-24', 'collective_leave', 'Cuti bersama Hari Raya Natal', 'Collective leave for Christmas', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)'),
  ('2026-12-25', 'holiday', 'Hari Raya Natal', 'Christmas Day', 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)');
