/** Shared by this module's tests: a small slice of real regions and actors at each scope. */
import type { Actor, Scope } from '../../platform/access/access.js';
import type { Db } from '../../platform/db/database.js';
import { importRegions, type RegionSourceRow } from './import-regions.js';
import { MANAGE } from './organizations.service.js';

export const REGION_SLICE: RegionSourceRow[] = [
  { code: '31', name: 'DKI JAKARTA', parentCode: null },
  { code: '31.71', name: 'KOTA ADMINISTRASI JAKARTA PUSAT', parentCode: '31' },
  { code: '31.71.01', name: 'Gambir', parentCode: '31.71' },
  { code: '51', name: 'BALI', parentCode: null },
  { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
  { code: '51.03.02', name: 'Mengwi', parentCode: '51.03' },
  { code: '51.03.02.2001', name: 'Sempidi', parentCode: '51.03.02' },
  { code: '73', name: 'SULAWESI SELATAN', parentCode: null },
  { code: '73.71', name: 'KOTA MAKASSAR', parentCode: '73' },
];

export async function seedRegionSlice(db: Db) {
  return importRegions({ db }, REGION_SLICE, { sourceVersion: 'test-slice@1' });
}

export function staff(...scopes: Scope[]): Actor {
  return {
    kind: 'staff',
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Petugas',
    sessionId: 'session-1',
    grants: scopes.map((scope) => ({ role: 'organizations-admin', scope, permissions: new Set([MANAGE]) })),
  };
}

export const PLATFORM_ADMIN = staff({ kind: 'platform' });
