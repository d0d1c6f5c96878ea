import { createRequire } from 'node:module';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { tablesOf, type Db } from '../../platform/db/database.js';
import { upsertRegions } from './organizations.repository.js';
import type { OrganizationsTables } from './organizations.tables.js';
import { levelOfRegionCode, timeZoneOfProvince } from './time-zone.js';

export interface RegionSourceRow {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface RegionImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  sourceVersion: string;
}

/** The data set's name and version, stored on every row so a later Kepmendagri update is traceable. */
export function regionSourceVersion(): string {
  const pkg = createRequire(import.meta.url)('idn-area-data/package.json') as { version: string };
  return `idn-area-data@${pkg.version}`;
}

/**
 * Every region of idn-area-data, parents before children. Villages (about 84,000) only when asked:
 * the demo starts in seconds with districts, and `satupintu regions import --villages` adds the rest.
 */
export async function loadRegionSource(options: { villages: boolean }): Promise<RegionSourceRow[]> {
  const [provinces, regencies, districts] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
  const rows: RegionSourceRow[] = [
    ...provinces.map((p) => ({ code: p.code, name: p.name, parentCode: null })),
    ...regencies.map((r) => ({ code: r.code, name: r.name, parentCode: r.province_code })),
    ...districts.map((d) => ({ code: d.code, name: d.name, parentCode: d.regency_code })),
  ];
  if (options.villages) {
    for (const v of await getVillages()) rows.push({ code: v.code, name: v.name, parentCode: v.district_code });
  }
  return rows;
}

const CHUNK = 2000;

/**
 * Upserts regions in one transaction, in chunks: a second run with the same data changes nothing, and
 * a renamed region is updated in place (its code, which other rows reference, never changes).
 */
export async function importRegions(
  ctx: { db: Db },
  rows: readonly RegionSourceRow[],
  options: { sourceVersion?: string; progress?: (done: number, total: number) => void } = {},
): Promise<RegionImportResult> {
  const sourceVersion = options.sourceVersion ?? regionSourceVersion();
  const result: RegionImportResult = { inserted: 0, updated: 0, unchanged: 0, sourceVersion };
  await ctx.db.transaction().execute(async (tx) => {
    const db = tablesOf<OrganizationsTables>(tx);
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK).map((r) => ({
        code: r.code,
        level: levelOfRegionCode(r.code),
        parentCode: r.parentCode,
        name: r.name.trim(),
        timeZone: timeZoneOfProvince(r.code),
        sourceVersion,
      }));
      const changed = await upsertRegions(db, chunk);
      const inserted = changed.filter((c) => c.inserted).length;
      result.inserted += inserted;
      result.updated += changed.length - inserted;
      result.unchanged += chunk.length - changed.length;
      options.progress?.(Math.min(start + CHUNK, rows.length), rows.length);
    }
  });
  return result;
}
