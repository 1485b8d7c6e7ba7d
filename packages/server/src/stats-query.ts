import type {CloseReason, PriorityCriterion} from '@cpts-kit/contract';
import type {Db} from './db/index.js';
import {addDays, type StatsPeriod} from './stats-period.js';

/** Buckets of days, both ends included; the last is open-ended. */
export const WAITING_AGE_BUCKETS: readonly (readonly [number, number | null])[] = [
  [0, 30],
  [31, 90],
  [91, 180],
  [181, 365],
  [366, null],
];
export const DAYS_TO_SOLUTION_BUCKETS: readonly (readonly [number, number | null])[] = [
  [0, 7],
  [8, 30],
  [31, 90],
  [91, 180],
  [181, null],
];

/** Closed without a solution: the close reasons that are neither a solution nor a duplicate. */
export const CLOSED_REASONS = ['moved_away', 'unreachable', 'withdrew', 'other'] as const satisfies readonly CloseReason[];

// What a request's status and close reason say of it. A close without a reason (an older PATCH) is « other ».
const DUPLICATE = `(r.status = 'closed' and r.close_reason = 'duplicate')`;
const VIA_CPTS = `(r.status = 'resolved' or (r.status = 'closed' and r.close_reason = 'found_via_cpts'))`;
const ALONE = `(r.status = 'closed' and r.close_reason = 'found_alone')`;
const SOLVED = `(${VIA_CPTS} or ${ALONE})`;
const OPEN = `r.status in ('received', 'contacted', 'oriented')`;
const closedFor = (reason: string) =>
  reason === 'other'
    ? `(r.status = 'closed' and (r.close_reason is null or r.close_reason not in ('found_via_cpts', 'found_alone', 'duplicate', 'moved_away', 'unreachable', 'withdrew')))`
    : `(r.status = 'closed' and r.close_reason = '${reason}')`;
const DAY = `(r.created_at at time zone 'UTC')::date`;

/** Each criterion as the request holds it: ages from the birth month at registration, to the month. */
export const CRITERION_SQL: Record<PriorityCriterion, string> = {
  age_70_plus: `r.birth_month <= ${DAY} - interval '70 years'`,
  under_6: `r.birth_month > ${DAY} - interval '6 years'`,
  ald: `r.priority->>'ald' = 'yes'`,
  css_ame: `r.priority->>'cssAme' = 'yes'`,
  pregnancy: `r.priority->>'pregnancy' = 'yes'`,
  disability: `r.priority->>'disability' = 'yes'`,
  home_visits: `r.priority->>'homeVisits' = 'yes'`,
  chronic_follow_up: `r.priority->>'chronicFollowUp' = 'yes'`,
};

const bucketSql = (days: string, buckets: readonly (readonly [number, number | null])[]) =>
  `case ${buckets.map(([min, max], i) => (max === null ? `when ${days} >= ${min} then ${i}` : `when ${days} <= ${max} then ${i}`)).join(' ')} else 0 end`;

// $1 territory, $2 first instant, $3 instant after the last day, $4 commune or null
const COHORT = `r.territory = $1 and r.created_at >= $2::timestamptz and r.created_at < $3::timestamptz and ($4::text is null or r.commune_insee = $4)`;

const TOTALS_SQL = `
  select count(*) filter (where not ${DUPLICATE})::int as registered,
         count(*) filter (where ${DUPLICATE})::int as duplicates,
         count(*) filter (where ${VIA_CPTS})::int as via_cpts,
         count(*) filter (where ${ALONE})::int as alone,
         count(*) filter (where ${OPEN})::int as open,
         ${CLOSED_REASONS.map((reason) => `count(*) filter (where ${closedFor(reason)})::int as closed_${reason}`).join(',\n         ')},
         count(*) filter (where r.has_priority and not ${DUPLICATE})::int as priority_any,
         ${Object.entries(CRITERION_SQL)
           .map(([criterion, sql]) => `count(*) filter (where ${sql} and not ${DUPLICATE})::int as criterion_${criterion}`)
           .join(',\n         ')}
    from intake_requests r where ${COHORT}`;

/** The cohort by commune, by reason and by month, in one scan. */
const GROUPS_SQL = `
  select case when grouping(insee) = 0 then 'commune' when grouping(reason) = 0 then 'reason' else 'month' end as dim,
         insee, reason, month, count(*)::int as registered, count(*) filter (where solved)::int as resolved
    from (select r.commune_insee as insee, coalesce(r.reason, 'other') as reason, to_char(r.created_at at time zone 'UTC', 'YYYY-MM') as month, ${SOLVED} as solved
            from intake_requests r where ${COHORT} and not ${DUPLICATE}) c
   group by grouping sets ((insee), (reason), (month))`;

/**
 * Solved requests of the cohort (days to solution) and solutions found in the period (the monthly
 * trend), dated by `status_at`: when the request last entered its status (migration 052), so a
 * reopened request counts once, at its last solution.
 */
const SOLUTIONS_SQL = `
  select days, month, count(*)::int as n
    from (select case when r.created_at >= $2::timestamptz
                      then greatest(0, (r.status_at at time zone 'UTC')::date - ${DAY}) end as days,
                 case when r.status_at >= $2::timestamptz and r.status_at < $3::timestamptz
                      then to_char(r.status_at at time zone 'UTC', 'YYYY-MM') end as month
            from intake_requests r
           where r.territory = $1 and ($4::text is null or r.commune_insee = $4) and ${SOLVED}
             and r.created_at < $3::timestamptz and (r.created_at >= $2::timestamptz or r.status_at >= $2::timestamptz)) s
   group by grouping sets ((days), (month))`;

/** Today's waiting list by commune and by age bucket. */
const WAITING_SQL = `
  select r.commune_insee as insee, ${bucketSql(`($2::date - ${DAY})`, WAITING_AGE_BUCKETS)} as bucket, count(*)::int as n
    from intake_requests r
   where r.territory = $1 and ${OPEN} and ($3::text is null or r.commune_insee = $3)
   group by 1, 2`;

export type TotalsRow = {registered: number; duplicates: number; via_cpts: number; alone: number; open: number; priority_any: number} & Record<
  `closed_${(typeof CLOSED_REASONS)[number]}` | `criterion_${PriorityCriterion}`,
  number
>;

export interface RawStats {
  totals: TotalsRow;
  /** The cohort by `dim`: one of insee, reason, month is set on each row. */
  groups: {dim: 'commune' | 'reason' | 'month'; insee: string | null; reason: string | null; month: string | null; registered: number; resolved: number}[];
  /** days set: the cohort's solved requests by days to solution; month set: solutions found in the period by month. */
  solutions: {days: number | null; month: string | null; n: number}[];
  waiting: {insee: string; bucket: number; n: number}[];
}

/** Every figure of a period, from four queries; the same SQL on PGlite and PostgreSQL. */
export async function queryStats(db: Db, territory: string, period: StatsPeriod, commune: string | null, today: string): Promise<RawStats> {
  const cohort = [territory, `${period.from}T00:00:00Z`, `${addDays(period.to, 1)}T00:00:00Z`, commune];
  const [totals] = await db.query<TotalsRow>(TOTALS_SQL, cohort);
  const groups = await db.query<RawStats['groups'][number]>(GROUPS_SQL, cohort);
  const solutions = await db.query<RawStats['solutions'][number]>(SOLUTIONS_SQL, cohort);
  const waiting = await db.query<RawStats['waiting'][number]>(WAITING_SQL, [territory, today, commune]);
  return {totals: totals!, groups, solutions: solutions.filter((s) => s.days !== null || s.month !== null), waiting};
}
