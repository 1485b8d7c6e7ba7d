import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {engines, type OpenedDb} from './databases.js';
import {intakeBody} from './helpers.js';
import {startServerProcess, type ServerProcess} from './processes.js';

const DEMO_TOKEN = 'two-instances-demo-token-0123456789abcd';
/** Small, so the shared budget runs out fast; each check below but the last uses addresses of its own. */
const RATE_LIMIT = 3;
const postgres = (await engines()).find((e) => e.name === 'postgres');

interface Created {
  status: number;
  body: {id?: string; reference?: string; code?: string};
  retryAfter: string | null;
}

async function postForm(server: ServerProcess, key: string, client: string, lastName: string): Promise<Created> {
  const res = await fetch(`${server.url}/v1/territories/demo/intake-requests`, {
    method: 'POST',
    // behind one trusted proxy the client is the last X-Forwarded-For entry; the first is the client's own say
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Forwarded-For': `192.0.2.250, ${client}`},
    body: JSON.stringify(intakeBody({person: {...intakeBody().person, lastName}})),
  });
  return {status: res.status, body: (await res.json()) as Created['body'], retryAfter: res.headers.get('Retry-After')};
}

describe('two servers started at the same moment on one PostgreSQL', {skip: postgres ? false : 'PostgreSQL introuvable', timeout: 240_000}, () => {
  let opened: OpenedDb;
  let servers: ServerProcess[] = [];
  before(async () => {
    opened = await postgres!.open();
    const env = {
      DATABASE_URL: opened.url!,
      CPTS_DEMO_TOKEN: DEMO_TOKEN,
      CPTS_SECRET_KEY: 'two-instances-secret',
      CPTS_RATE_LIMIT: String(RATE_LIMIT),
      CPTS_TRUST_PROXY: '1',
    };
    // both spawned before either is awaited: they race on the empty database
    const starting = [startServerProcess(env), startServerProcess(env)];
    const settled = await Promise.allSettled(starting);
    servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await opened?.cleanup();
  });

  it('both start, and the demo is seeded once', async () => {
    assert.equal(servers.length, 2);
    for (const s of servers) {
      assert.doesNotMatch(s.output(), /duplicate key|erreur|error/i);
      assert.equal((await fetch(`${s.url}/readyz`)).status, 200);
    }
    const count = async (sql: string) => (await opened.db.query<{n: number}>(sql))[0]!.n;
    assert.equal(await count('select count(*)::int as n from territories'), 1);
    assert.equal(await count("select count(*)::int as n from practitioners where territory = 'demo'"), 80);
    assert.equal(await count("select count(*)::int as n from internship_offers where territory = 'demo'"), 12);
    // 60 people waiting and 240 finished requests of the demo's history (seed-history.ts)
    assert.equal(await count("select count(*)::int as n from intake_requests where territory = 'demo'"), 300);
    assert.equal(await count("select count(*)::int as n from tokens where kind = 'coordinator' and label = 'démo'"), 1);
  });

  it('stores a form sent with one key to both servers at once once, and both answer with it', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `two-instances-same-key-${round}`;
      const answers = await Promise.all(servers.map((s) => postForm(s, key, `198.51.100.${10 + round}`, 'Doublonnée')));
      for (const a of answers) assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.equal(answers[0]!.body.id, answers[1]!.body.id);
      assert.equal(answers[0]!.body.reference, answers[1]!.body.reference);
      const rows = await opened.db.query('select 1 from idempotency_keys k join intake_requests r on r.id = k.resource_id where k.key = $1', [key]);
      assert.equal(rows.length, 1);
    }
  });

  it('numbers forms sent to both servers at once without a duplicate or a gap', async () => {
    const sent = Array.from({length: 40}, (_, i) => postForm(servers[i % 2]!, `two-instances-burst-${i}`, `203.0.113.${i + 1}`, 'Concurrente'));
    const answers = await Promise.all(sent);
    for (const a of answers) assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(new Set(answers.map((a) => a.body.reference)).size, 40);
    const references = await opened.db.query<{reference: string}>("select reference from intake_requests where territory = 'demo'");
    const byYear = new Map<string, number[]>();
    for (const {reference} of references) {
      const [, year, number] = /^DEMO-(\d{4})-(\d{6})$/.exec(reference)!;
      byYear.set(year!, [...(byYear.get(year!) ?? []), Number(number)]);
    }
    for (const [year, numbers] of byYear) {
      const sorted = numbers.sort((a, b) => a - b);
      assert.deepEqual(
        sorted,
        sorted.map((_, i) => i + 1),
        `references of ${year} run 1…n`,
      );
    }
  });

  it('shares one rate limit: the budget spread over both servers, the next form is refused', async () => {
    const client = '198.51.100.77';
    for (let i = 0; i < RATE_LIMIT; i++) {
      const ok = await postForm(servers[i % 2]!, `two-instances-limit-${i}`, client, 'Limitée');
      assert.equal(ok.status, 201, `form ${i + 1} of ${RATE_LIMIT}`);
    }
    for (const [n, server] of servers.entries()) {
      const refused = await postForm(server, `two-instances-limit-over-${n}`, client, 'Limitée');
      assert.equal(refused.status, 429, `server ${n + 1} refuses once the budget is spent on both`);
      assert.equal(refused.body.code, 'rate_limited');
      assert.ok(Number(refused.retryAfter) >= 1);
    }
    // another address still has its own budget
    assert.equal((await postForm(servers[1]!, 'two-instances-limit-other', '198.51.100.78', 'Limitée')).status, 201);
  });

  it('stops both cleanly on SIGTERM', async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    for (const s of servers) assert.equal((await s.exited).code, 0, s.output());
  });
});
