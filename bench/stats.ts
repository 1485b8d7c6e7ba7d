// Stats over 100,000 requests on PGlite: two years of a generated history on the demo territory's 53
// communes (with status histories, reopenings, duplicates). Times `GET …/stats` for the default
// 12 months, for the whole retention, publishable, and the public impact (cold, then cached). Run
// alone with `node --import tsx bench/stats.ts` or from bench/run.ts (`--only=stats`).
// In-process requests (app.request): SQL, assembly, suppression, JSON. Reported, never asserted.
import {pathToFileURL} from 'node:url';
import {createApp} from '../packages/server/src/app.js';
import {issueToken} from '../packages/server/src/auth.js';
import {migrate, openPglite} from '../packages/server/src/db/index.js';
import {seedDemo} from '../packages/server/src/seed.js';
import {generateHistory, writeHistory} from '../tests/server/stats-history.js';
import {fmt} from './lib.js';

const REQUESTS = 100_000;
const SECRET = 'bench-secret-key-not-for-production';
const RUNS = 10;

export async function benchStats(): Promise<string[]> {
  const db = await openPglite();
  try {
    await migrate(db);
    await seedDemo(db);
    const communes = (await db.query<{insee: string}>("select insee from territory_communes where territory = 'demo' order by population desc nulls last")).map(
      (c) => c.insee,
    );
    const started = performance.now();
    await writeHistory(db, 'demo', generateHistory({territory: 'demo', communes, count: REQUESTS, days: 729}));
    // PostgreSQL's autovacuum would have analysed tables this size; PGlite runs no autovacuum
    await db.query('analyze');
    const loadMs = performance.now() - started;
    const {token} = await issueToken(db, {territory: 'demo', kind: 'coordinator', label: 'bench'});
    const app = createApp({db, config: {secretKey: SECRET, allowedOrigins: [], production: false, version: 'bench', rateLimitPerMinute: 0, trustProxy: 0}});
    // PGlite runs on this thread: its CPU time is the work done, whatever else the machine runs
    const get = async (path: string, auth = true): Promise<{wall: number; cpu: number}> => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const res = await app.request(path, auth ? {headers: {Authorization: `Bearer ${token}`}} : {});
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.text();
      const used = process.cpuUsage(cpu);
      return {wall: performance.now() - t, cpu: (used.user + used.system) / 1000};
    };
    const median = async (path: string) => {
      const runs: {wall: number; cpu: number}[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await get(path));
      const at = (values: number[], q: number) => values.sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
      return {
        median: at(
          runs.map((r) => r.wall),
          0.5,
        ),
        worst: at(
          runs.map((r) => r.wall),
          1,
        ),
        cpu: at(
          runs.map((r) => r.cpu),
          0.5,
        ),
      };
    };
    const cold = await get('/v1/territories/demo/stats');
    const year = await median('/v1/territories/demo/stats');
    const from = new Date(Date.now() - 729 * 86_400_000).toISOString().slice(0, 10);
    const all = await median(`/v1/territories/demo/stats?from=${from}`);
    const published = await median('/v1/territories/demo/stats?publishable=true');
    const commune = await median(`/v1/territories/demo/stats?commune=${communes[0]}`);
    const impactCold = await get('/v1/territories/demo/impact', false);
    const impactCached = await get('/v1/territories/demo/impact', false);
    const row = (what: string, t: {median: number; worst: number; cpu: number}) => `| ${what} | ${t.median.toFixed(0)} | ${t.worst.toFixed(0)} | ${t.cpu.toFixed(0)} |`;
    return [
      `## Stats (${fmt(REQUESTS)} requests over two years, PGlite)`,
      '',
      `In-process requests (\`app.request\`, no network) on the demo territory's 53 communes, loaded in ${fmt(loadMs)} ms; budget ≤ 500 ms. Median and worst of ${RUNS} calls (wall clock), and the median CPU time of the process (PGlite runs on its thread: the work itself, less sensitive to a loaded machine).`,
      '',
      '| `GET …/stats` | median ms | worst ms | median CPU ms |',
      '|---|---:|---:|---:|',
      `| the first call (cold) | ${cold.wall.toFixed(0)} | | ${cold.cpu.toFixed(0)} |`,
      row('the last 12 months (default)', year),
      row('two years (the whole retention)', all),
      row('the last 12 months, publishable (suppressed)', published),
      row('one commune, 12 months', commune),
      '',
      `The public \`…/impact\`: ${impactCold.wall.toFixed(0)} ms computed, ${impactCached.wall.toFixed(1)} ms from its cache (recomputed at most once a minute).`,
      '',
    ];
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchStats()) console.log(line);
}
