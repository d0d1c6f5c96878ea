import { beforeEach, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../platform/access/access.js';
import { buildApplyFixture, submittedApplication, type ApplyFixture } from './applications.test-support.js';
import { complianceReport, median } from './compliance.js';
import * as P from './process.js';
import { at, generateOutput, MONDAY } from './process.test-support.js';

eachDatabase('deadline compliance', (db) => {
  let fx: ApplyFixture;
  const ctx = (actor: Actor, now: () => Date) => fx.ctx(actor, now);

  /** Claims, pays, issues and completes an application on `day` (an instant). */
  async function completeOn(day: string) {
    const now = at(day);
    const processor = ctx(fx.staff.processor, now);
    let app = await submittedApplication(fx, { now: MONDAY });
    app = await P.claim(processor, app.id, app.version);
    app = await P.recordPayment(processor, app.id, app.version, { method: 'cash', amount: 40_000, reference: `KW-${app.id.slice(0, 8)}` });
    const { application } = await generateOutput(processor, app);
    return P.complete(processor, app.id, application.version);
  }

  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
  });

  it('counts decisions on time and late, open overdue cases and the median working days, per unit and per service', async () => {
    await completeOn('2026-02-03T03:00:00Z'); // on time, 1 working day
    await completeOn('2026-02-12T03:00:00Z'); // late (due 9 February), 8 working days
    let rejected = await submittedApplication(fx, { now: MONDAY });
    rejected = await P.claim(ctx(fx.staff.processor, at('2026-02-04T03:00:00Z')), rejected.id, rejected.version);
    await P.reject(ctx(fx.staff.processor, at('2026-02-04T03:00:00Z')), rejected.id, rejected.version, {
      reason: 'Bukan penduduk Badung.',
      legalBasis: 'Perpres 96/2018 Pasal 3',
    }); // on time, 2 working days
    await submittedApplication(fx, { now: MONDAY }); // still open on 20 February: overdue
    await submittedApplication(fx, { now: at('2026-02-19T02:00:00Z') }); // open, not yet due

    const report = await complianceReport(ctx(fx.staff.processor, at('2026-02-20T02:00:00Z')), { from: '2026-02-01', to: '2026-02-28' });
    const figures = { decided: 3, onTime: 2, late: 1, onTimePercent: 66.7, openOverdue: 1, medianWorkingDays: 2 };
    expect(report.units).toEqual([{ id: fx.unitId, name: 'Bidang Pelayanan Pencatatan Sipil', ...figures }]);
    expect(report.services).toEqual([
      { id: fx.service.id, name: 'Penerbitan Akta Kelahiran', unitName: 'Bidang Pelayanan Pencatatan Sipil', ...figures },
    ]);

    // The period is of decisions: January holds none of them; the overdue case is counted whatever the period.
    const january = await complianceReport(ctx(fx.staff.processor, at('2026-02-20T02:00:00Z')), { from: '2026-01-01', to: '2026-01-31' });
    expect(january.units).toEqual([
      {
        id: fx.unitId,
        name: 'Bidang Pelayanan Pencatatan Sipil',
        decided: 0,
        onTime: 0,
        late: 0,
        onTimePercent: null,
        openOverdue: 1,
        medianWorkingDays: null,
      },
    ]);
    // Staff of another unit see none of it.
    const other = await complianceReport(ctx(fx.staff.otherUnit, at('2026-02-20T02:00:00Z')), { from: '2026-02-01', to: '2026-02-28' });
    expect(other).toEqual({ from: '2026-02-01', to: '2026-02-28', units: [], services: [] });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
