import { COMPONENT_SCHEMAS, COMPONENTS, type ComponentKey, type VersionStatus } from './standards.content.js';

/**
 * How complete a standard is on the PEKPPP instrument's scale for indicator 1.a.Ak (domain.md §1.2), for
 * one version:
 *
 * 0. no component;
 * 1. some of the 14 components;
 * 2. all 14 components;
 * 3. … and adopted: ratified by decree or published (a superseded or withdrawn version is no longer in force);
 * 4. … and the public was involved: this version went to public consultation, and either at least one
 *    comment was approved or the consultation ran until its closing date. Forum minutes (FKP) will count
 *    too once the forums module exists;
 * 5. … and monitored/evaluated: published, and reviewed (`markReviewed`) within the review period
 *    (STANDARDS_REVIEW_MONTHS, 12 by default). Publication alone does not count as a review.
 *
 * The levels build on each other as the instrument's do: public involvement without adoption is still 2.
 * A component counts only when its stored value passes its schema.
 */

export interface CompletenessFacts {
  content: unknown;
  status: VersionStatus;
  consultationOpensAt: Date | null;
  consultationClosesAt: Date | null;
  approvedComments: number;
  publishedAt: Date | null;
  lastReviewedAt: Date | null;
}

export interface CompletenessReason {
  /** A key under `standards.completeness.reason.` in the catalog. */
  code: 'noComponents' | 'missingComponents' | 'notAdopted' | 'noPublicInvolvement' | 'notReviewed';
  params?: Record<string, string | number>;
}

export interface Completeness {
  level: 0 | 1 | 2 | 3 | 4 | 5;
  present: ComponentKey[];
  missing: ComponentKey[];
  criteria: { someComponents: boolean; allComponents: boolean; adopted: boolean; publicInvolvement: boolean; monitored: boolean };
  /** Every criterion not met, in the order of the scale. */
  reasons: CompletenessReason[];
  /** For a published version: when its next periodic review is due. */
  reviewDueAt: Date | null;
}

/** The same day `months` later (or earlier), on the last day of the month when that day does not exist. */
export function addMonths(date: Date, months: number): Date {
  const out = new Date(date.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/** Components whose stored value passes its schema. */
export function validComponents(content: unknown): ComponentKey[] {
  const source = (content && typeof content === 'object' ? content : {}) as Record<string, unknown>;
  return COMPONENTS.filter((key) => source[key] !== undefined && COMPONENT_SCHEMAS[key].safeParse(source[key]).success);
}

export function assessCompleteness(facts: CompletenessFacts, options: { now: Date; reviewMonths: number }): Completeness {
  const present = validComponents(facts.content);
  const missing = COMPONENTS.filter((key) => !present.includes(key));
  const baseline = facts.status === 'published' ? (facts.lastReviewedAt ?? facts.publishedAt) : null;
  const criteria = {
    someComponents: present.length > 0,
    allComponents: missing.length === 0,
    adopted: facts.status === 'ratified' || facts.status === 'published',
    publicInvolvement:
      facts.consultationOpensAt !== null &&
      (facts.approvedComments > 0 || (facts.consultationClosesAt !== null && facts.consultationClosesAt <= options.now)),
    monitored:
      facts.status === 'published' &&
      facts.lastReviewedAt !== null &&
      facts.lastReviewedAt >= addMonths(options.now, -options.reviewMonths),
  };
  const reasons: CompletenessReason[] = [];
  if (!criteria.someComponents) reasons.push({ code: 'noComponents' });
  else if (!criteria.allComponents) reasons.push({ code: 'missingComponents', params: { count: missing.length } });
  if (!criteria.adopted) reasons.push({ code: 'notAdopted' });
  if (!criteria.publicInvolvement) reasons.push({ code: 'noPublicInvolvement' });
  if (!criteria.monitored) reasons.push({ code: 'notReviewed', params: { months: options.reviewMonths } });

  const ladder = [criteria.someComponents, criteria.allComponents, criteria.adopted, criteria.publicInvolvement, criteria.monitored];
  const reached = ladder.findIndex((met) => !met);
  const level = (reached === -1 ? 5 : reached) as Completeness['level'];
  return {
    level,
    present,
    missing,
    criteria,
    reasons,
    reviewDueAt: baseline ? addMonths(baseline, options.reviewMonths) : null,
  };
}
