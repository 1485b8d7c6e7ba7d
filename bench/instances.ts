// Intake POST with one server and with two servers on one PostgreSQL, in the same run, and the
// ratio: what a second instance behind a proxy buys when both share the database (group commit,
// gapless numbering and the shared rate limit all meet in PostgreSQL). Run alone with
// `node --import tsx bench/instances.ts`, or `bench/run.ts --only=intake-instances`.
import {pathToFileURL} from 'node:url';
import {fmt, startProcess, type Child} from './lib.js';
import {CONNECTIONS, DURATION_S, postRun, SERVER_ENV, throwawayPostgres} from './intake.js';

const PATH = '/v1/territories/demo/intake-requests';

export interface InstancesResult {
  instances: number;
  /** Whether each form also took from the shared rate limit. */
  limited: boolean;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** The same 20 connections in all, split evenly over the servers, for the same time. */
async function load(servers: Child[], limited: boolean): Promise<InstancesResult> {
  const each = CONNECTIONS / servers.length;
  await Promise.all(servers.map((s) => postRun(s.url + PATH, 1, each)));
  const runs = await Promise.all(servers.map((s) => postRun(s.url + PATH, DURATION_S, each)));
  return {
    instances: servers.length,
    limited,
    requestsPerSecond: runs.reduce((n, r) => n + r.requests.average, 0),
    p99Ms: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

async function measure(instances: number, limited = true): Promise<InstancesResult | undefined> {
  const database = await throwawayPostgres();
  if (!database) return undefined;
  const servers: Child[] = [];
  try {
    // started together, as a deployment does: the start-up lock lets one seed the demo
    const started = await Promise.allSettled(
      Array.from({length: instances}, () =>
        startProcess('packages/server/src/main.ts', {...SERVER_ENV, DATABASE_URL: database.url, ...(limited ? {} : {CPTS_RATE_LIMIT: '0'})}, '/readyz'),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return await load(servers, limited);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
  }
}

/** Markdown lines for bench/RESULTS.md. */
export async function benchInstances(say: (line?: string) => void = console.log): Promise<InstancesResult[]> {
  const one = await measure(1);
  const two = one && (await measure(2));
  const unlimited = two && (await measure(1, false));
  say(`## Intake POST, one and two servers on one PostgreSQL (autocannon, ${CONNECTIONS} connections in all, 1 s warm-up then ${DURATION_S} s each)`);
  say();
  if (!one || !two || !unlimited) {
    say('PostgreSQL unreachable: not measured.');
    say();
    return [];
  }
  say('| servers | shared rate limit | req/s (sum) | p99 ms (worst) | non-2xx | errors |');
  say('|---:|---|---:|---:|---:|---:|');
  for (const r of [one, two, unlimited]) say(`| ${r.instances} | ${r.limited ? 'on' : 'off'} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p99Ms)} | ${r.non2xx} | ${r.errors} |`);
  say();
  say(
    `Two servers / one: **×${(two.requestsPerSecond / one.requestsPerSecond).toFixed(2)}**. Each run has its own fresh database, both servers started at the same moment; the load generator splits its connections evenly (a proxy's round robin). In the first two rows every request takes from the shared rate limit (one client address: one row of \`rate_limits\`, the worst case), raised through \`CPTS_RATE_LIMIT\`; the last row turns it off (\`CPTS_RATE_LIMIT=0\`) to show what the shared limit costs. Servers, PostgreSQL and the load generator share the machine's cores: on 2 cores a second server mostly competes with the others for CPU, so the ratio says what the database side costs, not what a second machine would give.`,
  );
  say();
  return [one, two, unlimited];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchInstances();
}
