import { sql, type Kysely } from 'kysely';
import { permissionsOf, ROLE_NAMES } from './identity.roles.js';

export interface StaffContact {
  id: string;
  name: string;
  email: string;
  locale: 'id' | 'en';
}

/**
 * Active staff accounts with an email whose grants at a unit (a unit-scoped grant there, or an
 * agency-scoped grant over its agency) carry every one of `permissions`: whom another module mails about
 * that unit's work (deadline warnings to its processors, escalations to its admins). One row per account.
 */
export async function staffAt(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass their own module's handle or transaction
  db: Kysely<any>,
  place: { agencyId: string; unitId: string },
  permissions: readonly string[],
): Promise<StaffContact[]> {
  const { rows } = await sql<StaffContact & { role: string }>`
    select a.id, a.name, a.email, a.locale, g.role
      from identity.role_grant g
      join identity.account a on a.id = g.account_id
     where g.revoked_at is null and a.kind = 'staff' and a.status = 'active' and a.email is not null
       and ((g.scope_kind = 'unit' and g.scope_id = ${place.unitId}) or (g.scope_kind = 'agency' and g.scope_id = ${place.agencyId}))
     order by a.name, a.id`.execute(db);
  const found = new Map<string, StaffContact>();
  for (const row of rows) {
    const held = permissionsOf(row.role);
    if (permissions.every((p) => held.has(p)) && !found.has(row.id)) {
      found.set(row.id, { id: row.id, name: row.name, email: row.email, locale: row.locale });
    }
  }
  return [...found.values()];
}

export interface StaffName {
  id: string;
  name: string;
}

/**
 * Active staff holding `permission` through a grant covering a place (the platform, or a grant at its
 * agency, unit or mall), by name: whom another module may hand work at that place to (a case's assignee).
 * With `accountId`, that one account or nobody. One row per account.
 */
export async function staffHolding(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass their own module's handle or transaction
  db: Kysely<any>,
  permission: string,
  place: { agencyId: string; unitId: string; mallId: string | null },
  accountId?: string,
): Promise<StaffName[]> {
  const roles = ROLE_NAMES.filter((r) => permissionsOf(r).has(permission));
  const { rows } = await sql<StaffName>`
    select distinct acc.id, acc.name from identity.role_grant g join identity.account acc on acc.id = g.account_id
    where g.revoked_at is null and acc.kind = 'staff' and acc.status = 'active'
      and g.role in (${sql.join(roles)})
      and (g.scope_kind = 'platform'
        or (g.scope_kind = 'agency' and g.scope_id = ${place.agencyId})
        or (g.scope_kind = 'unit' and g.scope_id = ${place.unitId})
        or (g.scope_kind = 'mall' and g.scope_id = ${place.mallId}))
      ${accountId ? sql`and acc.id = ${accountId}` : sql``}
    order by acc.name, acc.id`.execute(db);
  return rows;
}
