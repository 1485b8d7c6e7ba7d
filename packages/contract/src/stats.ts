import * as z from 'zod/mini';
import {InseeCode, IsoDate, Timestamp} from './common.js';
import {IntakeReason, PriorityCriterion} from './intake.js';
import {CloseReason} from './waiting-list.js';
import {StatCount} from './stat-count.js';

// in modules of their own, so the public impact's chunk carries no schema of the coordinator's figures
export {Suppression, StatCount} from './stat-count.js';
export {Impact} from './impact.js';

/** A count and its share of the period's registrations (0–1); the share is null when the count is suppressed or nobody registered. */
export const StatShare = /* @__PURE__ */ z.object({count: StatCount, share: z.nullable(z.number())});
export type StatShare = z.infer<typeof StatShare>;

/** A bucket of days: from `minDays` to `maxDays` included; `maxDays` null for the open-ended last one. */
export const DaysBucket = /* @__PURE__ */ z.object({minDays: z.int(), maxDays: z.nullable(z.int()), count: StatCount});
export type DaysBucket = z.infer<typeof DaysBucket>;

export const CommuneStats = /* @__PURE__ */ z.object({
  insee: InseeCode,
  name: z.string(),
  /** From the reference data; null when unknown. */
  population: z.nullable(z.int()),
  registered: StatCount,
  resolved: StatCount,
  /** Open requests today, whatever their registration date. */
  waitingNow: StatCount,
  /** `waitingNow` per 1,000 inhabitants, one decimal; null without a population or when `waitingNow` is suppressed. */
  waitingPer1000: z.nullable(z.number()),
});
export type CommuneStats = z.infer<typeof CommuneStats>;

export const MonthStats = /* @__PURE__ */ z.object({
  /** `YYYY-MM` (UTC). */
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  /** Requests registered in that month. */
  registered: StatCount,
  /** Solutions found in that month (found through the CPTS or alone), whatever the registration month. */
  resolved: StatCount,
});
export type MonthStats = z.infer<typeof MonthStats>;

/**
 * What a CPTS reports for a period (UTC days, both ends included). Cohort figures (`registered`,
 * `resolved`, `open`, `closed`, `priority`, `homeVisits`, days to solution, `byReason`, the
 * commune's `registered` and `resolved`) count the requests registered in the period, as they
 * stand today; `registered = resolved.total + open + closed.total`. Requests closed as duplicates
 * are left out of every figure but `duplicates`. `waitingNow`, `waitingAge` and the commune's
 * `waitingNow` describe today's waiting list, whatever the period.
 */
export const Stats = /* @__PURE__ */ z.object({
  from: IsoDate,
  to: IsoDate,
  /** The commune filter, when one was asked. */
  commune: z.nullable(InseeCode),
  computedAt: Timestamp,
  /** Counts of 1–10 are suppressed (and what would reveal them): the figures may leave the coordinator's screen. */
  publishable: z.boolean(),
  /** Nothing registered in the period and nobody waiting: show an empty state; the lists are empty and the days null. */
  empty: z.boolean(),
  registered: StatCount,
  duplicates: StatCount,
  resolved: z.object({total: StatCount, viaCpts: StatCount, alone: StatCount}),
  open: StatCount,
  /** Closed without a solution, by reason (`found_*` are in `resolved`, `duplicate` in `duplicates`). */
  closed: z.object({total: StatCount, byReason: z.array(z.object({reason: CloseReason, count: StatCount}))}),
  /** Registered people meeting at least one priority criterion, then each criterion (one person may meet several). */
  priority: z.object({any: StatShare, byCriterion: z.array(z.object({criterion: PriorityCriterion, count: StatCount, share: z.nullable(z.number())}))}),
  /** Registered people needing home visits. */
  homeVisits: StatShare,
  /** Days from registration to solution of the period's resolved requests: median and 90th percentile (nearest rank); null without any (or, publishable, under 11). */
  daysToSolution: z.object({median: z.nullable(z.int()), p90: z.nullable(z.int())}),
  /** The period's resolved requests by days to solution: 0–7, 8–30, 31–90, 91–180, 181+. */
  daysToSolutionBuckets: z.array(DaysBucket),
  /** Open requests today. */
  waitingNow: StatCount,
  /** Today's open requests by days waiting: 0–30, 31–90, 91–180, 181–365, 366+. */
  waitingAge: z.array(DaysBucket),
  /** Every commune of the territory (or the filtered one), in the territory's order. */
  byCommune: z.array(CommuneStats),
  byReason: z.array(z.object({reason: IntakeReason, count: StatCount})),
  /** Every month of the period, oldest first. */
  byMonth: z.array(MonthStats),
});
export type Stats = z.infer<typeof Stats>;
