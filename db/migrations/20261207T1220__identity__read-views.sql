-- The identity module's published read model (style.md rule 3): the name an account goes by, for lists
-- that show who acted on or holds something ("assigned to", a timeline's actor). Only id and name: email,
-- phone, NIK and everything about signing in stay inside identity. A plain view, inlined by PostgreSQL.
-- Read by: applications (inbox, case page, case timeline).
create view identity.account_name as
select id, name
  from identity.account;
