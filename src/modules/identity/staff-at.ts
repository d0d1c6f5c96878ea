import { sql, type Kysely } from 'kysely';
import { permissionsOf } from './identity.roles.js';

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
