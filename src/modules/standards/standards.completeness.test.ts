import { describe, expect, it } from 'vitest';
import { standardContent } from './catalog.test-support.js';
import { addMonths, assessCompleteness, validComponents, type CompletenessFacts } from './standards.completeness.js';

const NOW = new Date('2026-11-22T03:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

const facts = (overrides: Partial<CompletenessFacts> = {}): CompletenessFacts => ({
  content: standardContent(),
  status: 'draft',
  consultationOpensAt: null,
  consultationClosesAt: null,
  approvedComments: 0,
  publishedAt: null,
  lastReviewedAt: null,
  ...overrides,
});
const level = (overrides: Partial<CompletenessFacts>, reviewMonths = 12) =>
  assessCompleteness(facts(overrides), { now: NOW, reviewMonths }).level;

describe('assessCompleteness (PEKPPP 1.a.Ak)', () => {
  it('counts only components whose stored value passes its schema', () => {
    expect(validComponents({ facilities: 'Ruang tunggu', timeLimit: { value: 0 }, unknown: 1 })).toEqual(['facilities']);
    expect(validComponents(null)).toEqual([]);
    expect(level({ content: {} })).toBe(0);
    expect(level({ content: { facilities: 'Ruang tunggu' } })).toBe(1);
    expect(level({})).toBe(2);
  });

  it('needs adoption for 3: ratified or published, not superseded or withdrawn', () => {
    expect(level({ status: 'ratified' })).toBe(3);
    expect(level({ status: 'published', publishedAt: ago(10) })).toBe(3);
    expect(level({ status: 'superseded', publishedAt: ago(400) })).toBe(2);
    expect(level({ status: 'withdrawn' })).toBe(2);
  });

  it('counts public involvement when an approved comment exists or the consultation ran until its closing date', () => {
    const ran = { consultationOpensAt: ago(20), consultationClosesAt: ago(5) };
    expect(level({ status: 'ratified', ...ran })).toBe(4);
    expect(level({ status: 'ratified', consultationOpensAt: ago(2), consultationClosesAt: new Date(NOW.getTime() + DAY) })).toBe(3);
    expect(
      level({ status: 'ratified', consultationOpensAt: ago(2), consultationClosesAt: new Date(NOW.getTime() + DAY), approvedComments: 1 }),
    ).toBe(4);
    // Without adoption, public involvement does not lift a standard above 2: the scale builds step by step.
    expect(level(ran)).toBe(2);
  });

  it('needs a review within the period for 5; publication alone is not a review', () => {
    const base = { status: 'published' as const, publishedAt: ago(30), consultationOpensAt: ago(60), consultationClosesAt: ago(45) };
    expect(level(base)).toBe(4);
    expect(level({ ...base, lastReviewedAt: ago(10) })).toBe(5);
    expect(level({ ...base, lastReviewedAt: ago(400) })).toBe(4);
    expect(level({ ...base, lastReviewedAt: ago(200) }, 6)).toBe(4);
    const assessed = assessCompleteness(facts({ ...base, lastReviewedAt: ago(10) }), { now: NOW, reviewMonths: 12 });
    expect(assessed.reviewDueAt).toEqual(addMonths(ago(10), 12));
    expect(assessed.reasons).toEqual([]);
  });

  it('lists every criterion not met, in the order of the scale', () => {
    const assessed = assessCompleteness(facts({ content: { facilities: 'Ruang tunggu' } }), { now: NOW, reviewMonths: 12 });
    expect(assessed.reasons).toEqual([
      { code: 'missingComponents', params: { count: 13 } },
      { code: 'notAdopted' },
      { code: 'noPublicInvolvement' },
      { code: 'notReviewed', params: { months: 12 } },
    ]);
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T05:00:00Z'), 1)).toEqual(new Date('2026-02-28T05:00:00Z'));
    expect(addMonths(new Date('2024-02-29T00:00:00Z'), 12)).toEqual(new Date('2025-02-28T00:00:00Z'));
    expect(addMonths(new Date('2026-03-15T00:00:00Z'), -12)).toEqual(new Date('2025-03-15T00:00:00Z'));
  });
});
