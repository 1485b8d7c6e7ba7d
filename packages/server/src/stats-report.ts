import {IntakeReason, PriorityCriterion, type Commune, type CommuneStats, type DaysBucket, type Stats} from '@cpts-kit/contract';
import {findCommune} from './communes.js';
import {monthsOf, type StatsPeriod} from './stats-period.js';
import {CLOSED_REASONS, DAYS_TO_SOLUTION_BUCKETS, WAITING_AGE_BUCKETS, type RawStats} from './stats-query.js';

export interface ReportContext {
  period: StatsPeriod;
  commune: string | null;
  /** The territory's communes, in its order. */
  communes: readonly Commune[];
  computedAt: Date;
}

/** The nearest-rank percentile (the smallest value with at least `percent` % of the values at or below it) of a histogram. */
export function percentile(histogram: ReadonlyMap<number, number>, percent: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  // integer arithmetic: 0.9 * 70 is 63.00000000000001 in floating point
  const rank = Math.ceil((percent * total) / 100);
  let seen = 0;
  for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(days)!;
    if (seen >= rank) return days;
  }
  return null;
}

function bucketsOf(bounds: readonly (readonly [number, number | null])[], countOf: (index: number) => number): DaysBucket[] {
  return bounds.map(([minDays, maxDays], i) => ({minDays, maxDays, count: countOf(i)}));
}

const per1000 = (waiting: number, population: number | null) => (population ? Math.round((waiting * 10_000) / population) / 10 : null);

/** The coordinator's figures: every count a plain integer. */
export function buildStats(raw: RawStats, ctx: ReportContext): Stats {
  const t = raw.totals;
  const registered = t.registered;
  const share = (n: number) => (registered > 0 ? n / registered : null);
  const waitingByCommune = new Map<string, number>();
  const waitingByBucket = new Map<number, number>();
  for (const w of raw.waiting) {
    waitingByCommune.set(w.insee, (waitingByCommune.get(w.insee) ?? 0) + w.n);
    waitingByBucket.set(w.bucket, (waitingByBucket.get(w.bucket) ?? 0) + w.n);
  }
  const waitingNow = [...waitingByCommune.values()].reduce((a, b) => a + b, 0);
  const days = new Map<number, number>();
  const resolvedInMonth = new Map<string, number>();
  for (const s of raw.solutions) {
    if (s.days !== null) days.set(s.days, (days.get(s.days) ?? 0) + s.n);
    else if (s.month !== null) resolvedInMonth.set(s.month, s.n);
  }
  const byDim = (dim: RawStats['groups'][number]['dim']) => raw.groups.filter((g) => g.dim === dim);
  const cohortByCommune = new Map(byDim('commune').map((g) => [g.insee!, g]));
  const registeredInMonth = new Map(byDim('month').map((g) => [g.month!, g.registered]));
  const empty = registered === 0 && waitingNow === 0;
  const dayBuckets = new Map<number, number>();
  for (const [d, n] of days) {
    const i = DAYS_TO_SOLUTION_BUCKETS.findIndex(([min, max]) => d >= min && (max === null || d <= max));
    dayBuckets.set(i, (dayBuckets.get(i) ?? 0) + n);
  }
  return {
    from: ctx.period.from,
    to: ctx.period.to,
    commune: ctx.commune,
    computedAt: ctx.computedAt.toISOString(),
    publishable: false,
    empty,
    registered,
    duplicates: t.duplicates,
    resolved: {total: t.via_cpts + t.alone, viaCpts: t.via_cpts, alone: t.alone},
    open: t.open,
    closed: {
      total: CLOSED_REASONS.reduce((sum, reason) => sum + t[`closed_${reason}`], 0),
      byReason: CLOSED_REASONS.map((reason) => ({reason, count: t[`closed_${reason}`]})),
    },
    priority: {
      any: {count: t.priority_any, share: share(t.priority_any)},
      byCriterion: PriorityCriterion.options.map((criterion) => ({criterion, count: t[`criterion_${criterion}`], share: share(t[`criterion_${criterion}`])})),
    },
    homeVisits: {count: t.criterion_home_visits, share: share(t.criterion_home_visits)},
    daysToSolution: {median: percentile(days, 50), p90: percentile(days, 90)},
    daysToSolutionBuckets: empty ? [] : bucketsOf(DAYS_TO_SOLUTION_BUCKETS, (i) => dayBuckets.get(i) ?? 0),
    waitingNow,
    waitingAge: empty ? [] : bucketsOf(WAITING_AGE_BUCKETS, (i) => waitingByBucket.get(i) ?? 0),
    byCommune: empty ? [] : communeRows(ctx, cohortByCommune, waitingByCommune),
    byReason: empty ? [] : IntakeReason.options.map((reason) => ({reason, count: byDim('reason').find((g) => g.reason === reason)?.registered ?? 0})),
    byMonth: empty ? [] : monthsOf(ctx.period).map((month) => ({month, registered: registeredInMonth.get(month) ?? 0, resolved: resolvedInMonth.get(month) ?? 0})),
  };
}

/** The territory's communes in its order, then any other commune a request names (one taken out of the territory since). */
function communeRows(ctx: ReportContext, cohort: Map<string, {registered: number; resolved: number}>, waiting: Map<string, number>): CommuneStats[] {
  const listed = ctx.commune === null ? ctx.communes : ctx.communes.filter((c) => c.insee === ctx.commune);
  const known = new Set(listed.map((c) => c.insee));
  const others = [...new Set([...cohort.keys(), ...waiting.keys()])].filter((insee) => !known.has(insee)).sort();
  const rows = [...listed.map((c) => ({insee: c.insee, name: c.name, population: c.population})), ...others.map((insee) => otherCommune(insee))];
  return rows.map((c) => {
    const w = waiting.get(c.insee) ?? 0;
    return {...c, registered: cohort.get(c.insee)?.registered ?? 0, resolved: cohort.get(c.insee)?.resolved ?? 0, waitingNow: w, waitingPer1000: per1000(w, c.population)};
  });
}

function otherCommune(insee: string): {insee: string; name: string; population: number | null} {
  const commune = findCommune(insee);
  return {insee, name: commune?.name ?? insee, population: commune?.population ?? null};
}
