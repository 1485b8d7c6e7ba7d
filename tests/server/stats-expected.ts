/**
 * The figures of a generated history, computed here in plain JavaScript from the generated
 * requests, independently of the server's SQL: the stats tests compare the two.
 */
import {CloseReason, IntakeReason, PriorityCriterion, type Stats} from '@cpts-kit/contract';
import type {GeneratedRequest} from './stats-history.js';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const dayNumber = (d: Date | string) => Math.floor((typeof d === 'string' ? Date.parse(`${d}T00:00:00Z`) : d.getTime()) / DAY);
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

const isDuplicate = (r: GeneratedRequest) => r.status === 'closed' && r.closeReason === 'duplicate';
const isViaCpts = (r: GeneratedRequest) => r.status === 'resolved' || (r.status === 'closed' && r.closeReason === 'found_via_cpts');
const isAlone = (r: GeneratedRequest) => r.status === 'closed' && r.closeReason === 'found_alone';
const isOpen = (r: GeneratedRequest) => r.status === 'received' || r.status === 'contacted' || r.status === 'oriented';

function meets(r: GeneratedRequest, criterion: PriorityCriterion): boolean {
  const created = monthIndex(dayOf(r.createdAt));
  const born = monthIndex(r.birthMonth);
  switch (criterion) {
    case 'age_70_plus':
      return born <= created - 70 * 12;
    case 'under_6':
      return born > created - 6 * 12;
    case 'ald':
      return r.priority.ald === 'yes';
    case 'css_ame':
      return r.priority.cssAme === 'yes';
    case 'pregnancy':
      return r.priority.pregnancy === 'yes';
    case 'disability':
      return r.priority.disability === 'yes';
    case 'home_visits':
      return r.priority.homeVisits === 'yes';
    case 'chronic_follow_up':
      return r.priority.chronicFollowUp === 'yes';
  }
}

function nearestRank(sorted: number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((percent * sorted.length) / 100) - 1]!;
}

const countIn = (values: number[], min: number, max: number | null) => values.filter((v) => v >= min && (max === null || v <= max)).length;

export interface ExpectedContext {
  from: string;
  to: string;
  today: string;
  commune: string | null;
  /** The territory's communes in its order, with their population. */
  communes: {insee: string; name: string; population: number | null}[];
}

/** Every figure but `computedAt`. */
export function expectedStats(all: readonly GeneratedRequest[], ctx: ExpectedContext): Omit<Stats, 'computedAt'> {
  const mine = all.filter((r) => ctx.commune === null || r.commune === ctx.commune);
  const inPeriod = (d: Date) => dayOf(d) >= ctx.from && dayOf(d) <= ctx.to;
  const cohortAll = mine.filter((r) => inPeriod(r.createdAt));
  const cohort = cohortAll.filter((r) => !isDuplicate(r));
  const registered = cohort.length;
  const share = (n: number) => (registered > 0 ? n / registered : null);
  const solved = cohort.filter((r) => isViaCpts(r) || isAlone(r));
  const days = solved.map((r) => Math.max(0, dayNumber(r.finishedAt!) - dayNumber(r.createdAt))).sort((a, b) => a - b);
  const waiting = mine.filter(isOpen);
  const waitingDays = waiting.map((r) => dayNumber(ctx.today) - dayNumber(r.createdAt));
  const empty = registered === 0 && waiting.length === 0;
  const closedReasons = CloseReason.options.filter((c) => !['found_via_cpts', 'found_alone', 'duplicate'].includes(c));
  const months: string[] = [];
  for (let m = monthIndex(ctx.from); m <= monthIndex(ctx.to); m++) months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const communeRows = ctx.commune === null ? ctx.communes : ctx.communes.filter((c) => c.insee === ctx.commune);
  const criterionCount = (c: PriorityCriterion) => cohort.filter((r) => meets(r, c)).length;
  return {
    from: ctx.from,
    to: ctx.to,
    commune: ctx.commune,
    publishable: false,
    empty,
    registered,
    duplicates: cohortAll.length - cohort.length,
    resolved: {total: solved.length, viaCpts: cohort.filter(isViaCpts).length, alone: cohort.filter(isAlone).length},
    open: cohort.filter(isOpen).length,
    closed: {
      total: cohort.filter((r) => r.status === 'closed' && closedReasons.includes(r.closeReason!)).length,
      byReason: closedReasons.map((reason) => ({reason, count: cohort.filter((r) => r.status === 'closed' && r.closeReason === reason).length})),
    },
    priority: {
      any: {count: cohort.filter((r) => r.hasPriority).length, share: share(cohort.filter((r) => r.hasPriority).length)},
      byCriterion: PriorityCriterion.options.map((criterion) => ({criterion, count: criterionCount(criterion), share: share(criterionCount(criterion))})),
    },
    homeVisits: {count: criterionCount('home_visits'), share: share(criterionCount('home_visits'))},
    daysToSolution: {median: nearestRank(days, 50), p90: nearestRank(days, 90)},
    daysToSolutionBuckets: empty
      ? []
      : [
          [0, 7],
          [8, 30],
          [31, 90],
          [91, 180],
          [181, null],
        ].map(([min, max]) => ({minDays: min!, maxDays: max ?? null, count: countIn(days, min!, max ?? null)})),
    waitingNow: waiting.length,
    waitingAge: empty
      ? []
      : [
          [0, 30],
          [31, 90],
          [91, 180],
          [181, 365],
          [366, null],
        ].map(([min, max]) => ({minDays: min!, maxDays: max ?? null, count: countIn(waitingDays, min!, max ?? null)})),
    byCommune: empty
      ? []
      : communeRows.map((c) => {
          const w = waiting.filter((r) => r.commune === c.insee).length;
          return {
            ...c,
            registered: cohort.filter((r) => r.commune === c.insee).length,
            resolved: solved.filter((r) => r.commune === c.insee).length,
            waitingNow: w,
            waitingPer1000: c.population ? Math.round((w * 10_000) / c.population) / 10 : null,
          };
        }),
    byReason: empty ? [] : IntakeReason.options.map((reason) => ({reason, count: cohort.filter((r) => r.reason === reason).length})),
    byMonth: empty
      ? []
      : months.map((month) => ({
          month,
          registered: cohort.filter((r) => dayOf(r.createdAt).startsWith(month)).length,
          resolved: mine.filter((r) => (isViaCpts(r) || isAlone(r)) && inPeriod(r.finishedAt!) && dayOf(r.finishedAt!).startsWith(month)).length,
        })),
  };
}
