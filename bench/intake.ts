// Intake POST throughput, on PGlite and on PostgreSQL, each beside a bare Hono server doing one
// plain insert on the same engine: the gap is what validation, encryption, idempotency and
// gapless numbering cost. Run alone with `node --import tsx bench/intake.ts`, or from bench/run.ts.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import {fmt, startProcess} from './lib.js';

const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
export const CONNECTIONS = 20;
const DEMO_TOKEN = 'bench-token-0123456789abcdef0123';

export interface IntakeLoadResult {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** A valid form for the demo territory (Saint-Omer); each request gets its own Idempotency-Key. */
const BODY = JSON.stringify({
  requester: {kind: 'pharmacist', name: 'Pharmacie du Centre', phone: '03 21 98 00 00'},
  person: {lastName: 'Dupont', firstNames: 'Marie Louise', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
  situation: {reason: 'gp_retired', since: '2026-06-01'},
  priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
  comment: 'Préfère être appelée le matin.',
  consent: true,
});

async function postLoad(name: string, url: string): Promise<IntakeLoadResult> {
  // one second unmeasured first, for both the baseline and the server: the JIT, not the design, is slow cold
  await postRun(url, 1);
  const result = await postRun(url, DURATION_S);
  return {name, requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts};
}

export async function postRun(url: string, duration: number, connections = CONNECTIONS): Promise<autocannon.Result> {
  let n = 0;
  const run = `${process.pid}-${Date.now()}`;
  return autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        body: BODY,
        setupRequest: (req) => ({...req, headers: {...req.headers, 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${++n}`}}),
      },
    ],
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({connectionString: PG_ADMIN_URL});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function throwawayPostgres(): Promise<{url: string; drop(): Promise<void>} | undefined> {
  const name = `cpts_bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  try {
    await adminQuery(`create database ${name}`);
  } catch (error) {
    console.warn(`PostgreSQL indisponible (${(error as Error).message}) : mesure PostgreSQL ignorée`);
    return undefined;
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`)};
}

/** Every variable that would make the server answer something other than 201 under load. */
export const SERVER_ENV = {CPTS_DEMO_TOKEN: DEMO_TOKEN, CPTS_SECRET_KEY: 'bench-secret-key', CPTS_RATE_LIMIT: '100000000'};

async function measurePair(label: string, serverEnv: Record<string, string>, bareEnv: Record<string, string>): Promise<IntakeLoadResult[]> {
  const results: IntakeLoadResult[] = [];
  const bare = await startProcess('bench/intake.ts', {...bareEnv, BENCH_BARE_INTAKE: '1'});
  try {
    results.push(await postLoad(`bare Hono + ${label} insert (baseline)`, `${bare.url}/v1/territories/demo/intake-requests`));
  } finally {
    await bare.stop();
  }
  const server = await startProcess('packages/server/src/main.ts', {...SERVER_ENV, ...serverEnv});
  try {
    results.push(await postLoad(`POST /v1/territories/demo/intake-requests (${label})`, `${server.url}/v1/territories/demo/intake-requests`));
  } finally {
    await server.stop();
  }
  return results;
}

/** Runs both engines and returns Markdown lines for bench/RESULTS.md. */
export async function benchIntake(say: (line?: string) => void = console.log): Promise<IntakeLoadResult[]> {
  const results: IntakeLoadResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cpts-bench-intake-'));
  try {
    results.push(...(await measurePair('PGlite files', {CPTS_DATA_DIR: join(dir, 'server'), DATABASE_URL: ''}, {BENCH_PGLITE_DIR: join(dir, 'bare')})));
    const postgres = await throwawayPostgres();
    if (postgres) {
      try {
        const bareDb = await throwawayPostgres();
        try {
          results.push(...(await measurePair('PostgreSQL', {DATABASE_URL: postgres.url}, {BENCH_PG_URL: bareDb!.url})));
        } finally {
          await bareDb?.drop();
        }
      } finally {
        await postgres.drop();
      }
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  say(`## Intake POST (autocannon, ${CONNECTIONS} connections, 1 s warm-up then ${DURATION_S} s each, a new Idempotency-Key per request)`);
  say();
  say('| route | req/s | p99 ms | non-2xx | errors |');
  say('|---|---:|---:|---:|---:|');
  for (const r of results) say(`| ${r.name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p99Ms)} | ${r.non2xx} | ${r.errors} |`);
  say();
  say('Budgets: intake POST on PGlite ≥ 2,000 req/s with p99 ≤ 50 ms (2 cores); on PostgreSQL ≥ 2,500 req/s.');
  say('The server runs with PGlite files (the default of `npm start`), not in memory; the rate limit is raised through `CPTS_RATE_LIMIT`.');
  say();
  return results;
}

/** The baseline: parse the JSON, one insert of the body as jsonb, answer 201. Nothing else. */
async function serveBare(): Promise<void> {
  const {serve} = await import('@hono/node-server');
  const {Hono} = await import('hono');
  const ddl = 'create table if not exists bare_intake (id uuid primary key, idempotency_key text unique, body jsonb not null, created_at timestamptz not null default now())';
  let insert: (id: string, key: string, body: string) => Promise<void>;
  if (process.env.BENCH_PG_URL) {
    const pool = new pg.Pool({connectionString: process.env.BENCH_PG_URL, max: 10});
    await pool.query(ddl);
    insert = async (id, key, body) => void (await pool.query('insert into bare_intake (id, idempotency_key, body) values ($1, $2, $3)', [id, key, body]));
  } else {
    const {PGlite} = await import('@electric-sql/pglite');
    const db = new PGlite(process.env.BENCH_PGLITE_DIR);
    await db.exec(ddl);
    insert = async (id, key, body) => void (await db.query('insert into bare_intake (id, idempotency_key, body) values ($1, $2, $3)', [id, key, body]));
  }
  const app = new Hono();
  app.get('/healthz', (c) => c.json({status: 'ok'}));
  app.post('/v1/territories/demo/intake-requests', async (c) => {
    const body: unknown = await c.req.json();
    const id = crypto.randomUUID();
    await insert(id, c.req.header('idempotency-key') ?? id, JSON.stringify(body));
    return c.json({id}, 201);
  });
  serve({fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1'});
}

if (process.env.BENCH_BARE_INTAKE === '1') {
  await serveBare();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchIntake();
}
