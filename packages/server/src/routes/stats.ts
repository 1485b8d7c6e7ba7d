import {StatsQuery, type Stats} from '@cpts-kit/contract';
import {Hono} from 'hono';
import {requireAuth} from '../auth.js';
import type {Db} from '../db/index.js';
import type {AppEnv, Deps, TerritoryRow} from '../env.js';
import {jsonTextWithEtag, jsonWithEtag, strongEtag} from '../http.js';
import {notFound, validationProblem} from '../problems.js';
import {isoDay, monthStart, resolvePeriod, type StatsPeriod} from '../stats-period.js';
import {impactOf, publishable} from '../stats-publish.js';
import {queryStats} from '../stats-query.js';
import {buildStats} from '../stats-report.js';
import type {CommuneCache} from '../territories.js';
import {validate} from '../validate.js';

/** How long a computed impact is served before it is computed again; clients revalidate with its ETag. */
const IMPACT_TTL_MS = 60_000;

async function computeStats(db: Db, communes: CommuneCache, territory: TerritoryRow, period: StatsPeriod, commune: string | null, now: Date): Promise<Stats> {
  const raw = await queryStats(db, territory.slug, period, commune, isoDay(now));
  return buildStats(raw, {period, commune, communes: await communes.list(territory.slug), computedAt: now});
}

/**
 * The impact's period: this month and the 11 before, never before the retention nor the month of
 * the oldest request kept, so « depuis » names the first month with data.
 */
async function impactPeriod(db: Db, territory: TerritoryRow, today: string): Promise<StatsPeriod> {
  const [oldest] = await db.query<{day: string | null}>(`select to_char(min(created_at) at time zone 'UTC', 'YYYY-MM-DD') as day from intake_requests where territory = $1`, [
    territory.slug,
  ]);
  const candidates = [monthStart(today, 11), monthStart(resolvePeriod({}, today, territory.retention_days).from), oldest?.day ? monthStart(oldest.day) : today];
  const from = candidates.reduce((a, b) => (a > b ? a : b));
  return {from: from > today ? today : from, to: today};
}

/** The public summary per territory, computed at most once a minute per process, whatever the traffic. */
class ImpactCache {
  private readonly entries = new Map<string, {until: number; body: Promise<{text: string; etag: string}>}>();

  constructor(
    private readonly db: Db,
    private readonly communes: CommuneCache,
  ) {}

  get(territory: TerritoryRow): Promise<{text: string; etag: string}> {
    const now = Date.now();
    const entry = this.entries.get(territory.slug);
    if (entry && entry.until > now) return entry.body;
    const body = this.compute(territory);
    body.catch(() => this.entries.delete(territory.slug));
    this.entries.set(territory.slug, {until: now + IMPACT_TTL_MS, body});
    return body;
  }

  private async compute(territory: TerritoryRow): Promise<{text: string; etag: string}> {
    const now = new Date();
    const period = await impactPeriod(this.db, territory, isoDay(now));
    const stats = await computeStats(this.db, this.communes, territory, period, null, now);
    const impact = impactOf(stats, territory.name);
    const text = JSON.stringify(impact);
    return {text, etag: strongEtag(text)};
  }
}

export function statsRoutes({db, communes}: Deps) {
  const impacts = new ImpactCache(db, communes);
  return new Hono<AppEnv>()
    .get('/v1/territories/:t/stats', requireAuth(db, 'coordinator'), validate('query', StatsQuery), async (c) => {
      const query = c.req.valid('query');
      const territory = c.get('territory');
      const now = new Date();
      const period = resolvePeriod(query, isoDay(now), territory.retention_days);
      const commune = query.commune ?? null;
      if (commune !== null && !(await communes.includes(territory.slug, commune))) {
        throw validationProblem([{path: 'commune', code: 'unknown_commune', message: `la commune ${commune} n'est pas dans ce territoire`}]);
      }
      const stats = await computeStats(db, communes, territory, period, commune, now);
      return jsonWithEtag(c, query.publishable ? publishable(stats) : stats, 'private');
    })
    .get('/v1/territories/:t/impact', async (c) => {
      const territory = c.get('territory');
      if (!territory.publish_impact) throw notFound(`Le territoire « ${territory.slug} » ne publie pas ses chiffres.`);
      const body = await impacts.get(territory);
      return jsonTextWithEtag(c, body.text, 'public', body.etag);
    });
}
