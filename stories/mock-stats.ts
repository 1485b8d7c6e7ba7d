/**
 * The stats routes for the stories' mock API (see mock-client.ts): `GET …/stats` computed from the
 * period asked (one row per month of it), its publishable variant with small counts suppressed,
 * the period checks the server makes (French 400s), and the public `GET …/impact`.
 */
import type {CommuneStats, DaysBucket, Impact, StatCount, Stats} from '@cpts-kit/contract';

/**
 * - `demo`: figures for the demo territory's six communes, whatever the period.
 * - `empty`: nobody registered and nobody waiting (a territory just set up).
 */
export type StatsMockBehaviour = 'demo' | 'empty';

/**
 * - `demo`: switched on, with figures.
 * - `small`: switched on, with counts under 11 (suppressed).
 * - `empty`: switched on, nobody registered yet.
 * - `off`: the territory does not publish its impact (404).
 */
export type ImpactMockBehaviour = 'demo' | 'small' | 'empty' | 'off';

type Problem = (status: number, code: string, title: string, errors?: {path: string; code: string; message: string}[]) => Response;

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The months from `from` to `to`, `YYYY-MM`, oldest first. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 400; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

const communes: {insee: string; name: string; population: number}[] = [
  {insee: '62765', name: 'Saint-Omer', population: 14661},
  {insee: '62040', name: 'Arques', population: 9655},
  {insee: '62525', name: 'Longuenesse', population: 10568},
  {insee: '62139', name: 'Blendecques', population: 4908},
  {insee: '62902', name: 'Wizernes', population: 3323},
  {insee: '62309', name: 'Esquerdes', population: 1619},
];

const buckets = (limits: [number, number | null][], counts: number[]): DaysBucket[] => limits.map(([minDays, maxDays], i) => ({minDays, maxDays, count: counts[i] ?? 0}));

/** The coordinator's figures for a period: plain counts, consistent with one another. */
export function demoStats(from: string, to: string, empty = false): Stats {
  const months = monthsOf(from, to);
  const zero = empty ? 0 : 1;
  const byMonth = months.map((month, i) => ({month, registered: zero * (28 + ((i * 7) % 13)), resolved: zero * (14 + ((i * 5) % 11))}));
  const registered = byMonth.reduce((sum, m) => sum + m.registered, 0);
  const viaCpts = Math.round(registered * 0.38);
  const alone = Math.round(registered * 0.1);
  const closedByReason = [
    {reason: 'moved_away' as const, count: Math.round(registered * 0.04)},
    {reason: 'unreachable' as const, count: Math.round(registered * 0.05)},
    {reason: 'withdrew' as const, count: zero * 3},
    {reason: 'other' as const, count: zero * 2},
  ];
  const closed = closedByReason.reduce((sum, r) => sum + r.count, 0);
  const priority = Math.round(registered * 0.34);
  const homeVisits = Math.round(registered * 0.07);
  const share = (n: number) => (registered ? Math.round((n / registered) * 1000) / 1000 : null);
  const weights = [0.32, 0.2, 0.24, 0.12, 0.08, 0.04];
  const waitingNow = zero * 64;
  const byCommune: CommuneStats[] = communes.map((c, i) => {
    const waiting = Math.round(waitingNow * weights[i]!);
    return {
      ...c,
      registered: Math.round(registered * weights[i]!),
      resolved: Math.round((viaCpts + alone) * weights[i]!),
      waitingNow: waiting,
      waitingPer1000: Math.round((waiting / c.population) * 10_000) / 10,
    };
  });
  const resolved = viaCpts + alone;
  return {
    from,
    to,
    commune: null,
    computedAt: new Date().toISOString(),
    publishable: false,
    empty,
    registered,
    duplicates: zero * 4,
    resolved: {total: resolved, viaCpts, alone},
    open: registered - resolved - closed,
    closed: {total: closed, byReason: closedByReason},
    priority: {
      any: {count: priority, share: share(priority)},
      byCriterion: [
        {criterion: 'age_70_plus', count: Math.round(priority * 0.45), share: share(Math.round(priority * 0.45))},
        {criterion: 'ald', count: Math.round(priority * 0.4), share: share(Math.round(priority * 0.4))},
        {criterion: 'under_6', count: Math.round(priority * 0.15), share: share(Math.round(priority * 0.15))},
        {criterion: 'css_ame', count: zero * 7, share: share(zero * 7)},
      ],
    },
    homeVisits: {count: homeVisits, share: share(homeVisits)},
    daysToSolution: empty ? {median: null, p90: null} : {median: 41, p90: 132},
    daysToSolutionBuckets: buckets(
      [
        [0, 7],
        [8, 30],
        [31, 90],
        [91, 180],
        [181, null],
      ],
      [0.1, 0.3, 0.35, 0.17, 0.08].map((w) => Math.round(resolved * w)),
    ),
    waitingNow,
    waitingAge: buckets(
      [
        [0, 30],
        [31, 90],
        [91, 180],
        [181, 365],
        [366, null],
      ],
      [18, 21, 14, 8, 3].map((n) => zero * n),
    ),
    byCommune,
    byReason: [
      {reason: 'gp_retired', count: Math.round(registered * 0.46)},
      {reason: 'moved_in', count: Math.round(registered * 0.27)},
      {reason: 'too_far', count: Math.round(registered * 0.09)},
      {reason: 'no_home_visits', count: Math.round(registered * 0.06)},
      {reason: 'relationship_ended', count: zero * 5},
      {reason: 'never_had', count: zero * 9},
      {reason: 'other', count: zero * 4},
    ],
    byMonth,
  };
}

/** Counts of 1 to 10 become « moins de 11 »; the split of solutions hides its other half (complementary). */
function suppress(count: StatCount): StatCount {
  return typeof count === 'number' && count > 0 && count < 11 ? {suppressed: 'lessThan11'} : count;
}

export function publishable(stats: Stats): Stats {
  const s = suppress;
  const viaCpts = s(stats.resolved.viaCpts);
  const alone = s(stats.resolved.alone);
  const hidden = typeof viaCpts !== 'number' || typeof alone !== 'number';
  return {
    ...stats,
    publishable: true,
    registered: s(stats.registered),
    duplicates: s(stats.duplicates),
    resolved: {
      total: s(stats.resolved.total),
      viaCpts: hidden && typeof viaCpts === 'number' ? {suppressed: 'complementary'} : viaCpts,
      alone: hidden && typeof alone === 'number' ? {suppressed: 'complementary'} : alone,
    },
    closed: {total: s(stats.closed.total), byReason: stats.closed.byReason.map((r) => ({...r, count: s(r.count)}))},
    priority: {
      any: {count: s(stats.priority.any.count), share: typeof s(stats.priority.any.count) === 'number' ? stats.priority.any.share : null},
      byCriterion: stats.priority.byCriterion.map((p) => ({...p, count: s(p.count), share: typeof s(p.count) === 'number' ? p.share : null})),
    },
    byCommune: stats.byCommune.map((c) => ({
      ...c,
      registered: s(c.registered),
      resolved: s(c.resolved),
      waitingNow: s(c.waitingNow),
      waitingPer1000: typeof s(c.waitingNow) === 'number' ? c.waitingPer1000 : null,
    })),
    byReason: stats.byReason.map((r) => ({...r, count: s(r.count)})),
  };
}

/** The server's checks of a period, with its French words; undefined when the period is fine. */
function periodProblem(from: string, to: string, retentionDays: number, problem: Problem): Response | undefined {
  const today = isoDay(new Date());
  const oldest = isoDay(new Date(Date.now() - retentionDays * DAY_MS));
  if (to > today) return problem(400, 'invalid_period', 'Période invalide', [{path: 'to', code: 'in_future', message: 'La fin de la période ne peut pas être dans le futur'}]);
  if (from > to) return problem(400, 'invalid_period', 'Période invalide', [{path: 'to', code: 'before_start', message: 'La fin de la période doit venir après son début'}]);
  if (from < oldest) {
    return problem(400, 'invalid_period', 'Période invalide', [
      {path: 'from', code: 'beyond_retention', message: `Le début de la période dépasse la durée de conservation (${retentionDays} jours)`},
    ]);
  }
  return undefined;
}

export function answerStats(request: Request, behaviour: StatsMockBehaviour, retentionDays: number, problem: Problem): Response {
  const query = new URL(request.url).searchParams;
  const today = new Date();
  const from = query.get('from') ?? isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)));
  const to = query.get('to') ?? isoDay(today);
  const refused = periodProblem(from, to, retentionDays, problem);
  if (refused) return refused;
  const stats = demoStats(from, to, behaviour === 'empty');
  return Response.json(query.get('publishable') === 'true' ? publishable(stats) : stats);
}

export function answerImpact(behaviour: ImpactMockBehaviour, problem: Problem): Response {
  if (behaviour === 'off') return problem(404, 'not_found', 'Ce territoire ne publie pas son impact');
  const since = '2026-01-01';
  const base = {territory: 'demo', since, computedAt: new Date().toISOString(), empty: behaviour === 'empty'};
  const counts: Record<Exclude<ImpactMockBehaviour, 'off'>, Omit<Impact, keyof typeof base>> = {
    demo: {registered: 412, foundDoctor: 198, foundViaCpts: 151, priority: 140, waitingNow: 64},
    small: {registered: 23, foundDoctor: {suppressed: 'lessThan11'}, foundViaCpts: {suppressed: 'complementary'}, priority: {suppressed: 'lessThan11'}, waitingNow: 14},
    empty: {registered: 0, foundDoctor: 0, foundViaCpts: 0, priority: 0, waitingNow: 0},
  };
  return Response.json({...base, ...counts[behaviour]} satisfies Impact);
}
