import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {readConfig} from '../../packages/server/src/config.js';
import {IntakeWriter} from '../../packages/server/src/intake-writer.js';
import {clientKey, RateLimiter} from '../../packages/server/src/rate-limit.js';
import {parisYear} from '../../packages/server/src/routes/intake.js';
import {engines} from './databases.js';
import {harness, intakeBody, type Harness} from './helpers.js';

const PATH = '/v1/territories/alpha/intake-requests';
const newKey = () => `public-${crypto.randomUUID()}`;

describe('the rate limiter', () => {
  it('lets a burst of the whole minute through, then one request per share of the minute', () => {
    let now = 0;
    const limiter = new RateLimiter(30, () => now);
    for (let i = 0; i < 30; i++) assert.equal(limiter.take('a').ok, true, `request ${i + 1}`);
    const refused = limiter.take('a');
    assert.deepEqual(refused, {ok: false, retryAfterSeconds: 2});
    assert.equal(limiter.take('b').ok, true, 'another client has its own share');
    now += 2000;
    assert.equal(limiter.take('a').ok, true);
    assert.equal(limiter.take('a').ok, false);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
  });

  it('allows 30 forms a minute by default, configurable, and trusts X-Forwarded-For only when told', () => {
    assert.equal(readConfig({}).rateLimitPerMinute, 30);
    assert.equal(readConfig({CPTS_RATE_LIMIT: '120'}).rateLimitPerMinute, 120);
    assert.equal(readConfig({}).trustProxy, 0);
    assert.equal(readConfig({CPTS_TRUST_PROXY: 'true'}).trustProxy, 1);
    assert.throws(() => readConfig({CPTS_RATE_LIMIT: 'beaucoup'}), /CPTS_RATE_LIMIT/);
  });

  it('keeps the crash test hook off in production whatever the variable says', () => {
    assert.equal(readConfig({CPTS_TEST_CRASH_AFTER_COMMIT: '1'}).testCrashAfterCommit, true);
    assert.equal(readConfig({CPTS_TEST_CRASH_AFTER_COMMIT: '1', NODE_ENV: 'production'}).testCrashAfterCommit, false);
    assert.equal(readConfig({}).testCrashAfterCommit, false);
  });
});

for (const engine of await engines()) {
  describe(`rate limit on the public form (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine, {rateLimitPerMinute: 3})));
    after(() => h.close());

    const post = (remoteAddress: string, headers: Record<string, string> = {}) =>
      h.call('POST', PATH, {body: intakeBody(), remoteAddress, headers: {'Idempotency-Key': newKey(), ...headers}});

    it('answers 429 problem+json with Retry-After and the CPTS phone once an address has sent its share', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await post('198.51.100.1')).status, 201);
      const res = await post('198.51.100.1');
      assert.equal(res.status, 429);
      assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      assert.equal(res.body.code, 'rate_limited');
      assert.ok(Number(res.headers.get('Retry-After')) >= 1);
      assert.match(res.body.detail, /03 21 00 00 00/);
      assert.equal((await post('198.51.100.2')).status, 201, 'another address is not limited');
    });

    it('ignores X-Forwarded-For when no proxy is trusted, so a client cannot pick a new address each time', async () => {
      for (let i = 0; i < 3; i++) await post('198.51.100.3', {'X-Forwarded-For': `203.0.113.${i}`});
      assert.equal((await post('198.51.100.3', {'X-Forwarded-For': '203.0.113.99'})).status, 429);
    });
  });

  describe(`rate limit behind a trusted proxy (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine, {rateLimitPerMinute: 2, trustProxy: 1})));
    after(() => h.close());

    it('counts each client by the address the proxy saw, not by what the client claims', async () => {
      const viaProxy = (forwarded: string) =>
        h.call('POST', PATH, {body: intakeBody(), remoteAddress: '10.0.0.1', headers: {'Idempotency-Key': newKey(), 'X-Forwarded-For': forwarded}});
      assert.equal((await viaProxy('192.0.2.10')).status, 201);
      assert.equal((await viaProxy('1.1.1.1, 192.0.2.10')).status, 201);
      assert.equal((await viaProxy('8.8.8.8, 192.0.2.10')).status, 429, 'a made-up first entry does not reset the count');
      assert.equal((await viaProxy('192.0.2.11')).status, 201, 'another client behind the same proxy');
    });
  });

  describe(`CORS on the public form (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine, {production: true})));
    after(() => h.close());

    it('lets an allow-listed site post the form and read the answer', async () => {
      const res = await h.call('POST', PATH, {body: intakeBody(), headers: {Origin: 'https://www.mairie-alpha.fr', 'Idempotency-Key': newKey()}});
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://www.mairie-alpha.fr');
      assert.match(res.headers.get('Access-Control-Expose-Headers') ?? '', /Location/);
    });

    it('gives a site outside the allow-list no permission for the preflight with Idempotency-Key', async () => {
      const res = await h.call('OPTIONS', PATH, {
        headers: {Origin: 'https://formulaire-pirate.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key'},
      });
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
    });
  });
}

describe('reference years', () => {
  it('follow the calendar in Paris, not in UTC', () => {
    assert.equal(parisYear(new Date('2026-12-31T22:59:59Z')), 2026);
    assert.equal(parisYear(new Date('2026-12-31T23:00:00Z')), 2027, 'midnight in Paris');
    assert.equal(parisYear(new Date('2027-07-01T12:00:00Z')), 2027);
  });
});

for (const engine of await engines()) {
  describe(`group commit (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('lets the server wait, before closing the database, for forms still queued', async () => {
      const writer = new IntakeWriter(h.db);
      const at = new Date();
      const item = (n: number) => ({
        territory: 'alpha',
        year: at.getUTCFullYear(),
        referencePrefix: 'ALPHA-TEST-',
        key: `queued-${n}-${crypto.randomUUID()}`,
        operation: 'createIntakeRequest',
        bodyHash: 'h',
        id: crypto.randomUUID(),
        historyId: crypto.randomUUID(),
        communeInsee: '62765',
        hasPriority: false,
        priority: {},
        personalEncrypted: 'v1:x',
        dedupeHmac: `q${n}`,
        at,
      });
      const items = [item(1), item(2), item(3)];
      const answers = items.map((i) => writer.insert(i));
      await writer.idle();
      const stored = await h.db.query<{id: string}>('select id from intake_requests where id = any($1::uuid[])', [items.map((i) => i.id)]);
      assert.equal(stored.length, 3, 'all three were written before idle() resolved');
      assert.deepEqual(
        (await Promise.all(answers)).map((a) => a?.id),
        items.map((i) => i.id),
      );
    });
  });
}
