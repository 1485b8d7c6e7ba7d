import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {migrate} from '../../packages/server/src/db/index.js';
import {SharedLimits} from '../../packages/server/src/rate-limit-shared.js';
import {engines, type OpenedDb} from './databases.js';
import {harness, intakeBody, type Harness} from './helpers.js';

const postgres = (await engines()).find((e) => e.name === 'postgres');

describe('per-client budgets shared through PostgreSQL', {skip: postgres ? false : 'PostgreSQL introuvable'}, () => {
  let opened: OpenedDb;
  before(async () => {
    opened = await postgres!.open();
    await migrate(opened.db);
  });
  after(() => opened?.cleanup());

  it('lets a burst of the whole minute through, then refuses with the wait for the next share, as the in-process bucket does', async () => {
    const limits = new SharedLimits(opened.db);
    for (let i = 0; i < 3; i++) assert.equal((await limits.take('burst', 'a', 3)).ok, true, `request ${i + 1}`);
    const refused = await limits.take('burst', 'a', 3);
    assert.equal(refused.ok, false);
    // one share of a 3-a-minute budget is 20 s, less the time these statements took
    assert.ok(!refused.ok && refused.retryAfterSeconds > 10 && refused.retryAfterSeconds <= 20, JSON.stringify(refused));
    assert.equal((await limits.take('burst', 'b', 3)).ok, true, 'another client has its own share');
    assert.equal((await limits.take('other-route', 'a', 3)).ok, true, 'another route has its own budget');
  });

  it('refills with the time the database measured', async () => {
    const limits = new SharedLimits(opened.db);
    for (let i = 0; i < 2; i++) await limits.take('refill', 'a', 2);
    assert.equal((await limits.take('refill', 'a', 2)).ok, false);
    // 30 s later (one share of a 2-a-minute budget), told by moving the bucket's clock back
    await opened.db.query("update rate_limits set at = at - interval '30 seconds' where scope = 'refill'");
    assert.equal((await limits.take('refill', 'a', 2)).ok, true);
    assert.equal((await limits.take('refill', 'a', 2)).ok, false);
  });

  it('gives the last token to one of two servers taking at once, never to both', async () => {
    const servers = [new SharedLimits(opened.db), new SharedLimits(opened.db)];
    const taken = await Promise.all(Array.from({length: 20}, (_, i) => servers[i % 2]!.take('race', 'a', 5)));
    assert.equal(taken.filter((t) => t.ok).length, 5);
  });

  it('forgets buckets untouched for two minutes', async () => {
    let now = 0;
    const limits = new SharedLimits(opened.db, () => now);
    await limits.take('sweep', 'old', 5);
    await opened.db.query("update rate_limits set at = at - interval '3 minutes' where scope = 'sweep'");
    now = 120_000;
    await limits.take('sweep', 'new', 5);
    // the sweep runs beside the request, not in its way: wait until it is done
    for (let i = 0; i < 50; i++) {
      const rows = await opened.db.query<{client: string}>("select client from rate_limits where scope = 'sweep' order by client");
      if (rows.length === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(await opened.db.query("select client from rate_limits where scope = 'sweep'"), [{client: 'new'}]);
  });
});

describe('the public form on PostgreSQL', {skip: postgres ? false : 'PostgreSQL introuvable'}, () => {
  let h: Harness;
  before(async () => (h = await harness(postgres!, {rateLimitPerMinute: 5})));
  after(() => h?.close());

  it('takes from the shared budget, under the route as its scope and the client address', async () => {
    const res = await h.call('POST', '/v1/territories/alpha/intake-requests', {
      body: intakeBody(),
      remoteAddress: '192.0.2.44',
      headers: {'Idempotency-Key': 'shared-limit-0001'},
    });
    assert.equal(res.status, 201);
    assert.deepEqual(await h.db.query('select scope, client, tokens from rate_limits'), [{scope: '/v1/territories/:t/intake-requests', client: '192.0.2.44', tokens: 4}]);
  });
});
