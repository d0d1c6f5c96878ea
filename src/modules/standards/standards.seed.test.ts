import pino from 'pino';
import { expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { tablesOf } from '../../platform/db/database.js';
import { organizationsModule } from '../organizations/index.js';
import { StandardContent } from './standards.content.js';
import { DEMO_SERVICES } from './standards.demo-data.js';
import { seedStandardsDemo } from './standards.seed.js';
import type { StandardsTables } from './standards.tables.js';

eachDatabase('seedStandardsDemo', (db) => {
  const context = () => ({ database: db(), log: pino({ level: 'silent' }), progress: () => {} });
  const st = () => tablesOf<StandardsTables>(db().db);
  const versions = () =>
    st()
      .selectFrom('standards.standardVersion as v')
      .innerJoin('standards.service as s', 's.id', 'v.serviceId')
      .select([
        's.code',
        'v.id',
        'v.number',
        'v.status',
        'v.content',
        'v.decreeNumber',
        'v.effectiveDate',
        'v.publishedAt',
        'v.consultationClosesAt',
      ])
      .orderBy('s.code')
      .orderBy('v.number')
      .execute();

  it('publishes a complete standard for every demo service through the lifecycle, one superseded and one in consultation', async () => {
    await organizationsModule.seed!(context());
    const started = performance.now();
    const first = await seedStandardsDemo(context());
    const elapsed = performance.now() - started;
    expect(first.logins).toEqual([]);
    expect(first.created).toBeGreaterThan(DEMO_SERVICES.length);
    // A budget, not a benchmark: the whole demo seed runs on every first `npm start`.
    expect(elapsed).toBeLessThan(10_000);

    const rows = await versions();
    const published = rows.filter((v) => v.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(15);
    expect(new Set(published.map((v) => v.code)).size).toBe(DEMO_SERVICES.length);
    for (const v of published) {
      expect(StandardContent.safeParse(v.content).success, v.code).toBe(true);
      expect(v.decreeNumber, v.code).toBeTruthy();
      expect(v.effectiveDate, v.code).toBeTruthy();
    }

    const [superseded, ...moreSuperseded] = rows.filter((v) => v.status === 'superseded');
    expect(moreSuperseded).toEqual([]);
    expect(superseded).toMatchObject({ code: 'SR-BARU', number: 1 });
    expect(superseded!.publishedAt?.getFullYear()).toBe(2025);
    const successor = published.find((v) => v.code === 'SR-BARU')!;
    expect(successor.number).toBe(2);
    expect(successor.publishedAt?.getFullYear()).toBe(2026);
    expect(successor.content.timeLimit).not.toEqual(superseded!.content.timeLimit);
    expect(successor.content.fee).not.toEqual(superseded!.content.fee);

    const [consultation, ...moreConsultation] = rows.filter((v) => v.status === 'consultation');
    expect(moreConsultation).toEqual([]);
    expect(consultation).toMatchObject({ code: 'PBG', number: 2 });
    expect(consultation!.consultationClosesAt!.getTime()).toBeGreaterThan(Date.now() + 14 * 86_400_000);
    const comments = await st()
      .selectFrom('standards.consultationComment')
      .select(['status', 'response'])
      .where('versionId', '=', consultation!.id)
      .orderBy('status')
      .execute();
    expect(comments).toEqual([
      { status: 'approved', response: expect.stringContaining('prototipe') as unknown },
      { status: 'pending', response: null },
    ]);

    const ktp = await st()
      .selectFrom('standards.service')
      .select(['name', 'keywords'])
      .where('code', '=', 'KTP-EL')
      .executeTakeFirstOrThrow();
    expect(`${ktp.name} ${ktp.keywords}`.toLowerCase()).toMatch(/e-ktp/);
  });

  it('creates nothing on a second run', async () => {
    await organizationsModule.seed!(context());
    await seedStandardsDemo(context());
    const before = await versions();
    expect(await seedStandardsDemo(context())).toEqual({ logins: [], created: 0 });
    expect(await versions()).toEqual(before);
  });
});
