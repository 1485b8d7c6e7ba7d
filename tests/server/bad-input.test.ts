import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {ApiError} from '@cpts-kit/contract';
import {issueToken} from '../../packages/server/src/auth.js';
import {engines} from './databases.js';
import {harness, intakeBody, type Harness} from './helpers.js';

function assertProblem(res: {status: number; headers: Headers; body: unknown}, status: number): ApiError {
  assert.equal(res.status, status);
  assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
  const problem = ApiError.parse(res.body);
  assert.equal(problem.status, status);
  return problem;
}

for (const engine of await engines()) {
  describe(`bad input is refused with a useful problem (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(async () => {
      // after every mistake above, the server still answers normally
      assert.equal((await h.call('GET', '/healthz')).status, 200);
      await h.close();
    });

    it('refuses malformed JSON with 400 naming the body', async () => {
      const problem = assertProblem(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: '{"phone": '}), 400);
      assert.equal(problem.code, 'malformed_json');
      assert.deepEqual(
        problem.errors?.map((e) => e.path),
        ['body'],
      );
    });

    it('refuses a body that is not JSON with 415', async () => {
      const res = await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: 'phone=0321000000', headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
      assert.equal(assertProblem(res, 415).code, 'unsupported_media_type');
    });

    it('refuses a body over 64 KB with 413', async () => {
      const res = await h.call('POST', '/v1/territories/alpha/intake-requests', {
        body: intakeBody({comment: 'x'.repeat(70 * 1024)}),
        headers: {'Idempotency-Key': 'big-body-0001'},
      });
      assert.equal(assertProblem(res, 413).code, 'payload_too_large');
    });

    it('names each unknown field', async () => {
      const problem = assertProblem(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {phone: '03 21 00 00 00', colour: 'red', size: 3}}), 400);
      assert.deepEqual(problem.errors?.map((e) => e.path).sort(), ['colour', 'size']);
      assert.ok(problem.errors?.every((e) => e.message.includes('inconnu')));
    });

    it('names an out-of-range value, in French', async () => {
      const problem = assertProblem(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {retentionDays: 5}}), 400);
      assert.equal(problem.errors?.[0]?.path, 'retentionDays');
      assert.match(problem.errors?.[0]?.message ?? '', /30/);
      assert.doesNotMatch(problem.errors?.[0]?.message ?? '', /Too small/);
    });

    it('names nested fields with a dotted path', async () => {
      const body = intakeBody({person: {lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '12', communeInsee: '62765'}});
      const problem = assertProblem(await h.call('POST', '/v1/territories/alpha/intake-requests', {body, headers: {'Idempotency-Key': 'nested-0001'}}), 400);
      assert.ok(problem.errors?.some((e) => e.path === 'person.phone'));
    });

    it('answers in English when the caller prefers English', async () => {
      const problem = assertProblem(
        await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {retentionDays: 'long'}, headers: {'Accept-Language': 'en-GB,en;q=0.9'}}),
        400,
      );
      assert.match(problem.errors?.[0]?.message ?? '', /expected number/i);
    });

    it('refuses a bad query value naming the parameter', async () => {
      const problem = assertProblem(await h.call('GET', '/v1/territories/alpha/practitioners?limit=9999'), 400);
      assert.equal(problem.errors?.[0]?.path, 'limit');
    });

    it('answers 404 problem+json for an unknown route', async () => {
      assert.equal(assertProblem(await h.call('GET', '/v1/nothing-here'), 404).code, 'not_found');
    });

    it('refuses a reversed stats period, naming the field', async () => {
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      const res = await h.call('GET', `/v1/territories/alpha/stats?from=${day(10)}&to=${day(40)}`, {token: h.token});
      assert.equal(assertProblem(res, 400).errors?.[0]?.path, 'from');
    });
  });

  describe(`tokens (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    async function refusedBody(token: string | undefined): Promise<unknown> {
      const res = await h.call('GET', '/v1/territories/alpha/intake-requests', token === undefined ? {} : {token});
      assertProblem(res, 401);
      assert.equal(res.headers.get('WWW-Authenticate'), 'Bearer');
      return res.body;
    }

    it('refuses a missing, unknown, expired, revoked or foreign token with the very same answer', async () => {
      const expired = await issueToken(h.db, {territory: 'alpha', kind: 'coordinator', days: 1});
      await h.db.query("update tokens set expires_at = now() - interval '1 minute' where id = $1", [expired.id]);
      const revoked = await issueToken(h.db, {territory: 'alpha', kind: 'coordinator'});
      await h.db.query('update tokens set revoked_at = now() where id = $1', [revoked.id]);
      const bodies = [
        await refusedBody(undefined),
        await refusedBody('never-issued-token-aaaaaaaaaaaaaaaaaaaaaaaa'),
        await refusedBody(expired.token),
        await refusedBody(revoked.token),
        await refusedBody(h.betaToken),
      ];
      for (const body of bodies) assert.deepEqual(body, bodies[0]);
    });

    it('accepts a valid coordinator token', async () => {
      assert.equal((await h.call('GET', '/v1/territories/alpha/intake-requests', {token: h.token})).status, 200);
    });

    it('stores only a hash of each token', async () => {
      const rows = await h.db.query<{token_hash: string}>('select token_hash from tokens');
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== h.token));
    });
  });

  describe(`CORS (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine, {allowedOrigins: ['https://partenaire.example.org'], production: true})));
    after(() => h.close());

    it("allows the territory's own origins", async () => {
      const res = await h.call('GET', '/v1/territories/alpha', {headers: {Origin: 'https://www.mairie-alpha.fr'}});
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://www.mairie-alpha.fr');
      assert.match(res.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
    });

    it('allows the origins of CPTS_ALLOWED_ORIGINS on every territory', async () => {
      const res = await h.call('GET', '/v1/territories/beta', {headers: {Origin: 'https://partenaire.example.org'}});
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://partenaire.example.org');
    });

    it('gives no CORS header to another origin, nor to localhost in production', async () => {
      for (const origin of ['https://evil.example.com', 'http://localhost:3000']) {
        const res = await h.call('GET', '/v1/territories/alpha', {headers: {Origin: origin}});
        assert.equal(res.headers.get('Access-Control-Allow-Origin'), null, origin);
      }
      // alpha's origin is not allowed on beta
      const other = await h.call('GET', '/v1/territories/beta', {headers: {Origin: 'https://www.mairie-alpha.fr'}});
      assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
    });

    it('answers the preflight of the intake form', async () => {
      const res = await h.call('OPTIONS', '/v1/territories/alpha/intake-requests', {
        headers: {Origin: 'https://www.mairie-alpha.fr', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key'},
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://www.mairie-alpha.fr');
      const allowed = (res.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'content-type', 'idempotency-key', 'accept-language']) assert.ok(allowed.includes(header), header);
    });

    it('keeps the CORS header on error answers, so the page can read the problem', async () => {
      const res = await h.call('POST', '/v1/territories/alpha/intake-requests', {
        body: {},
        headers: {Origin: 'https://www.mairie-alpha.fr', 'Idempotency-Key': 'cors-error-01'},
      });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://www.mairie-alpha.fr');
    });
  });

  describe(`CORS outside production (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('allows localhost and 127.0.0.1 on any port', async () => {
      for (const origin of ['http://localhost:8000', 'http://127.0.0.1:6006']) {
        const res = await h.call('GET', '/v1/territories/alpha', {headers: {Origin: origin}});
        assert.equal(res.headers.get('Access-Control-Allow-Origin'), origin);
      }
    });
  });
}

for (const engine of await engines()) {
  describe(`odd requests never break the server (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('answers every odd request with a 4xx problem, never a 500', async () => {
      const key = {'Idempotency-Key': 'odd-request-01'};
      const cases: [string, string, Parameters<Harness['call']>[2]][] = [
        ['POST', '/v1/territories/alpha/intake-requests', {body: 'null', headers: key}],
        ['POST', '/v1/territories/alpha/intake-requests', {body: '[1,2]', headers: key}],
        ['POST', '/v1/territories/alpha/intake-requests', {body: '"texte"', headers: key}],
        ['POST', '/v1/territories/alpha/intake-requests', {body: '', headers: key}],
        ['POST', '/v1/territories/alpha/intake-requests', {body: '{"person": {"birthDate": "1948-02-31"}}', headers: key}],
        ['POST', '/v1/territories/alpha/intake-requests', {body: intakeBody({person: {__proto__: {x: 1}}}), headers: key}],
        ['GET', '/v1/territories/alpha/practitioners?limit=1&limit=2', {}],
        ['GET', '/v1/territories/alpha/practitioners?bbox=1,2,3', {}],
        ['GET', '/v1/territories/alpha/practitioners?homeVisits=peut-etre', {}],
        ['GET', '/v1/territories/alpha/internship-offers/pas-un-uuid', {}],
        ['GET', '/v1/territories/alpha/internship-offers/00000000-0000-4000-8000-000000000000', {}],
        ['GET', `/v1/territories/${'a'.repeat(300)}`, {}],
        ['GET', '/v1/territories/ALPHA', {}],
        ['GET', '/v1/territories/alpha/intake-requests', {headers: {Authorization: 'Basic dXNlcjpwYXNz'}}],
        ['GET', '/v1/territories/alpha/intake-requests', {headers: {Authorization: `Bearer ${'é'.repeat(40)}`}}],
        ['PATCH', '/v1/territories/alpha/practitioners/00000000-0000-4000-8000-000000000000', {token: h.token, body: {phone: '03 21 00 00 00'}}],
        ['PUT', '/v1/territories/alpha/availability', {body: {}}],
        ['DELETE', '/v1/territories/alpha', {}],
      ];
      for (const [method, path, options] of cases) {
        const res = await h.call(method, path, options);
        assert.ok(res.status >= 400 && res.status < 500, `${method} ${path} → ${res.status} ${res.text}`);
        assert.match(res.headers.get('Content-Type') ?? '', /problem\+json/, `${method} ${path}`);
      }
      assert.equal((await h.call('GET', '/healthz')).status, 200);
    });
  });
}
