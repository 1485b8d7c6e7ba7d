import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {RequestStatus} from '@cpts-kit/contract';
import {readConfig} from '../../packages/server/src/config.js';
import {parisDay, purgeStatusAttempts, REFERENCE_WINDOW_HOURS, takeLookupTry, TRIES_PER_CLIENT, TRIES_PER_REFERENCE} from '../../packages/server/src/request-status.js';
import {engines} from './databases.js';
import {harness, intakeBody, type Called, type Harness} from './helpers.js';

const STATUS = '/v1/territories/alpha/request-status';
const BIRTH = '1951-07-04';

/** Registers someone on `alpha` and gives back the request's id and reference. */
async function register(h: Harness, birthDate = BIRTH): Promise<{id: string; reference: string}> {
  const body = intakeBody({person: {lastName: 'Quesnoy', firstNames: 'Odile', birthDate, phone: '06 11 22 33 44', communeInsee: '62765'}});
  const res = await h.call('POST', '/v1/territories/alpha/intake-requests', {body, headers: {'Idempotency-Key': `status-${crypto.randomUUID()}`}});
  assert.equal(res.status, 201, res.text);
  return res.body as {id: string; reference: string};
}

describe('the status lookup, without a database', () => {
  it('gives the day in France, not in UTC', () => {
    assert.equal(parisDay(new Date('2026-03-02T23:30:00Z')), '2026-03-03');
    assert.equal(parisDay(new Date('2026-07-14T21:59:00Z')), '2026-07-14');
  });

  it('allows 10 lookups a minute per address by default, configurable', () => {
    assert.equal(readConfig({}).statusRateLimitPerMinute, 10);
    assert.equal(readConfig({CPTS_STATUS_RATE_LIMIT: '3'}).statusRateLimitPerMinute, 3);
    assert.throws(() => readConfig({CPTS_STATUS_RATE_LIMIT: 'dix'}), /CPTS_STATUS_RATE_LIMIT/);
  });
});

for (const engine of await engines()) {
  describe(`where my request stands (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    const lookup = (body: unknown, headers: Record<string, string> = {}) => h.call('POST', STATUS, {body, headers});
    const move = (id: string, body: unknown) => h.call('POST', `/v1/territories/alpha/intake-requests/${id}/transitions`, {token: h.token, body});

    it('answers a new request as received today, with the CPTS’s name and phone and nothing about the person', async () => {
      const {reference} = await register(h);
      const res = await lookup({reference, birthDate: BIRTH});
      assert.equal(res.status, 200, res.text);
      const today = parisDay(new Date());
      assert.deepEqual(RequestStatus.parse(res.body), {
        reference,
        status: 'received',
        receivedOn: today,
        since: today,
        closedBecause: null,
        territory: {name: 'CPTS Alpha', phone: '03 21 00 00 00'},
      });
      assert.equal(res.headers.get('Cache-Control'), 'no-store');
      for (const personal of ['Quesnoy', 'Odile', '1951', '06 11 22 33 44', '62765', 'gp_retired']) assert.ok(!res.text.includes(personal), `the answer holds ${personal}`);
    });

    it('reads the reference as people copy it: lower case and spaces around', async () => {
      const {reference} = await register(h);
      const res = await lookup({reference: `  ${reference.toLowerCase()} `, birthDate: BIRTH});
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.reference, reference);
    });

    it('follows each step of the waiting list in the person’s words', async () => {
      const {id, reference} = await register(h);
      const statusNow = async () => (await lookup({reference, birthDate: BIRTH})).body.status as string;
      assert.equal((await move(id, {to: 'contacted'})).status, 200);
      assert.equal(await statusNow(), 'in_progress');
      assert.equal((await move(id, {to: 'oriented'})).status, 200);
      assert.equal(await statusNow(), 'oriented');
      assert.equal((await move(id, {to: 'resolved'})).status, 200);
      assert.equal(await statusNow(), 'resolved');
    });

    it('says why a closed request was closed, without the coordinator’s note', async () => {
      const {id, reference} = await register(h);
      assert.equal((await move(id, {to: 'closed', closeReason: 'unreachable', note: 'Trois appels sans réponse, messagerie pleine.'})).status, 200);
      const res = await lookup({reference, birthDate: BIRTH});
      assert.equal(res.body.status, 'closed');
      assert.equal(res.body.closedBecause, 'unreachable');
      assert.ok(!res.text.includes('messagerie'));
      const found = await register(h);
      await move(found.id, {to: 'closed', closeReason: 'found_alone'});
      assert.equal((await lookup({reference: found.reference, birthDate: BIRTH})).body.closedBecause, 'found');
    });

    it('dates the current status from its last change', async () => {
      const {id, reference} = await register(h);
      await move(id, {to: 'contacted'});
      await h.db.query(`update intake_requests set created_at = '2026-03-03T10:00:00Z' where id = $1`, [id]);
      await h.db.query(
        `update intake_status_history set at = case status when 'received' then '2026-03-03T10:00:00Z'::timestamptz else '2026-03-10T09:00:00Z' end where request_id = $1`,
        [id],
      );
      const res = await lookup({reference, birthDate: BIRTH});
      assert.equal(res.body.receivedOn, '2026-03-03');
      assert.equal(res.body.since, '2026-03-10');
    });

    it('gives one and the same answer to an unknown reference, a wrong birth date and another territory’s reference', async () => {
      const {reference} = await register(h);
      const beta = await h.call('POST', '/v1/territories/beta/intake-requests', {
        body: intakeBody({person: {lastName: 'Quesnoy', firstNames: 'Odile', birthDate: BIRTH, phone: '06 11 22 33 44', communeInsee: '59350'}}),
        headers: {'Idempotency-Key': `status-${crypto.randomUUID()}`},
      });
      assert.equal(beta.status, 201, beta.text);
      const [prefix, year] = reference.split('-');
      const answers = await Promise.all([
        lookup({reference, birthDate: '1951-07-05'}),
        lookup({reference: `${prefix}-${year}-999999`, birthDate: BIRTH}),
        lookup({reference: beta.body.reference, birthDate: BIRTH}),
        lookup({reference: `ZZ-${year}-000001`, birthDate: BIRTH}),
      ]);
      for (const res of answers) {
        assert.equal(res.status, 404);
        assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
        assert.equal(res.headers.get('Cache-Control'), 'no-store');
      }
      // the same body but for `instance`, which is the path (the same too)
      assert.equal(new Set(answers.map((a) => a.text)).size, 1, answers.map((a) => a.text).join('\n'));
      assert.equal(answers[0].body.code, 'not_found');
    });

    it('refuses a malformed reference or an impossible date with a 400 naming the field, in French', async () => {
      const bad = await lookup({reference: 'DEMO-26-12', birthDate: '1951-02-30'});
      assert.equal(bad.status, 400);
      const byPath = Object.fromEntries((bad.body.errors as {path: string; message: string}[]).map((e) => [e.path, e.message]));
      assert.match(byPath.reference ?? '', /référence invalide/);
      assert.ok(byPath.birthDate, bad.text);
      const future = await lookup({reference: 'ALPHA-2026-000001', birthDate: '2999-01-01'});
      assert.equal(future.status, 400);
      assert.match(future.body.errors[0].message, /passée et plausible/);
      const missing = await lookup({reference: 'ALPHA-2026-000001'});
      assert.equal(missing.status, 400);
      assert.equal(missing.body.errors[0].path, 'birthDate');
      const extra = await lookup({reference: 'ALPHA-2026-000001', birthDate: BIRTH, lastName: 'Quesnoy'});
      assert.equal(extra.status, 400);
      assert.equal(extra.body.errors[0].path, 'lastName');
      const notJson = await h.call('POST', STATUS, {body: '{', headers: {'Content-Type': 'application/json'}});
      assert.equal(notJson.status, 400);
    });

    const wrongFrom = (reference: string, remoteAddress: string) => h.call('POST', STATUS, {body: {reference, birthDate: '1951-07-05'}, remoteAddress});
    const rightFrom = (reference: string, remoteAddress: string) => h.call('POST', STATUS, {body: {reference, birthDate: BIRTH}, remoteAddress});
    const assertLocked = (locked: Called, what: string) => {
      assert.equal(locked.status, 429, what);
      assert.equal(locked.body.code, 'rate_limited');
      assert.match(locked.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const seconds = Number(locked.headers.get('Retry-After'));
      assert.ok(seconds > 0 && seconds <= REFERENCE_WINDOW_HOURS * 3600, String(seconds));
      assert.equal(locked.body.retryAfter, seconds, 'the body says it too, for a widget');
      assert.match(locked.body.detail, /^Trop d’essais\. Réessayez dans \d+ min, ou appelez la CPTS au 03 21 00 00 00\.$/);
    };

    it('locks one client out of a reference after its tries, whether or not it exists, and only that client', async () => {
      const {reference} = await register(h);
      const [prefix, year] = reference.split('-');
      const unknown = `${prefix}-${year}-888888`;
      for (const ref of [reference, unknown]) {
        for (let i = 0; i < TRIES_PER_CLIENT; i++) assert.equal((await wrongFrom(ref, '198.51.100.7')).status, 404);
        assertLocked(await rightFrom(ref, '198.51.100.7'), `${ref} is locked for this address, even with the right birth date`);
      }
      const elsewhere = await rightFrom(reference, '203.0.113.40');
      assert.equal(elsewhere.status, 200, `a second address still gets its answer: ${elsewhere.text}`);
      assert.equal((await rightFrom(unknown, '203.0.113.40')).status, 404, 'and the unknown reference the same 404 as ever');
      const other = await register(h);
      assert.equal((await rightFrom(other.reference, '198.51.100.7')).status, 200, 'the locked address may still look up another reference');
      // the refused tries did not count towards the reference's total: one address cannot use it up
      for (let i = 0; i < 20; i++) await wrongFrom(reference, '198.51.100.7');
      const [total] = await h.db.query<{tries: number}>('select tries from request_status_attempts where reference = $1', [reference]);
      assert.equal(total?.tries, TRIES_PER_CLIENT + 1);
    });

    it('counts an IPv6 site as one client, whichever /64 of it asks', async () => {
      const {reference} = await register(h);
      for (let i = 0; i < TRIES_PER_CLIENT; i++) assert.equal((await wrongFrom(reference, `2001:db8:5:${i.toString(16)}::1`)).status, 404);
      assertLocked(await rightFrom(reference, '2001:db8:5:ff::1'), 'another /64 of the same /48');
      assert.equal((await rightFrom(reference, '2001:db8:6::1')).status, 200, 'another site');
    });

    it('locks a reference for everyone once many addresses together used its total', async () => {
      const {reference} = await register(h);
      const addresses = TRIES_PER_REFERENCE / TRIES_PER_CLIENT;
      for (let a = 0; a < addresses; a++) for (let i = 0; i < TRIES_PER_CLIENT; i++) assert.equal((await wrongFrom(reference, `192.0.2.${a}`)).status, 404);
      assertLocked(await rightFrom(reference, '192.0.2.200'), 'a new address once the total is used up');
      // the refused try is given back to that address: it gets its own tries once the total is free again
      const [own] = await h.db.query<{tries: number}>('select tries from request_status_client_attempts where reference = $1 and tries > 0 order by tries limit 1', [
        reference,
      ]);
      assert.equal(own?.tries, TRIES_PER_CLIENT);
      const [fresh] = await h.db.query<{n: number}>('select count(*)::int as n from request_status_client_attempts where reference = $1 and tries = 0', [reference]);
      assert.equal(fresh?.n, 1);
    });

    it('keeps no client address in the database', async () => {
      const {reference} = await register(h);
      await wrongFrom(reference, '198.51.100.99');
      const rows = await h.db.query<{client: string}>('select client from request_status_client_attempts where reference = $1', [reference]);
      assert.equal(rows.length, 1);
      assert.match(rows[0]!.client, /^[0-9a-f]{32}$/);
    });

    it('forgets a client’s typos once the right birth date is given', async () => {
      const {reference} = await register(h);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < TRIES_PER_CLIENT - 1; i++) assert.equal((await wrongFrom(reference, '198.51.100.50')).status, 404);
        assert.equal((await rightFrom(reference, '198.51.100.50')).status, 200);
      }
    });

    it('opens a locked reference again once its window is over, and the purge forgets finished windows', async () => {
      const now = new Date('2026-05-01T08:00:00Z');
      const ref = 'ALPHA-2026-777777';
      for (let i = 0; i < TRIES_PER_CLIENT; i++) assert.equal((await takeLookupTry(h.db, 'alpha', ref, 'one', now)).ok, true);
      assert.equal((await takeLookupTry(h.db, 'alpha', ref, 'one', now)).ok, false);
      const later = new Date(now.getTime() + REFERENCE_WINDOW_HOURS * 3_600_000);
      assert.equal((await takeLookupTry(h.db, 'alpha', ref, 'one', later)).ok, true);
      const [row] = await h.db.query<{tries: number}>('select tries from request_status_client_attempts where reference = $1', [ref]);
      assert.equal(row?.tries, 1);
      assert.equal(await purgeStatusAttempts(h.db, new Date(later.getTime() + REFERENCE_WINDOW_HOURS * 3_600_000)), 2);
      assert.deepEqual(await h.db.query('select 1 from request_status_client_attempts where reference = $1', [ref]), []);
      assert.deepEqual(await h.db.query('select 1 from request_status_attempts where reference = $1', [ref]), []);
    });

    it('counts concurrent tries one by one, per client and in all', async () => {
      const one = await Promise.all(Array.from({length: TRIES_PER_CLIENT + 5}, () => takeLookupTry(h.db, 'alpha', 'ALPHA-2026-666666', 'same')));
      assert.equal(one.filter((r) => r.ok).length, TRIES_PER_CLIENT);
      const many = await Promise.all(Array.from({length: TRIES_PER_REFERENCE + 20}, (_, i) => takeLookupTry(h.db, 'alpha', 'ALPHA-2026-555555', `client-${i}`)));
      assert.equal(many.filter((r) => r.ok).length, TRIES_PER_REFERENCE);
    });
  });

  describe(`the status lookup’s limit per address (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine, {statusRateLimitPerMinute: 3})));
    after(() => h.close());

    it('answers 429 problem+json with Retry-After once an address has used its share, right pairs included', async () => {
      const {reference} = await register(h);
      const from = (remoteAddress: string, birthDate: string) => h.call('POST', STATUS, {body: {reference, birthDate}, remoteAddress});
      assert.equal((await from('203.0.113.5', '1951-07-05')).status, 404);
      assert.equal((await from('203.0.113.5', '1951-07-06')).status, 404);
      assert.equal((await from('203.0.113.5', BIRTH)).status, 200);
      const refused = await from('203.0.113.5', BIRTH);
      assert.equal(refused.status, 429);
      assert.match(refused.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      assert.ok(Number(refused.headers.get('Retry-After')) >= 1);
      assert.match(refused.body.detail, /Réessayez dans \d+ min/);
      assert.equal((await from('203.0.113.6', BIRTH)).status, 200, 'another address is not limited');
    });
  });
}
