import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {IntakeRequest, IntakeRequestCreated} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, intakeBody, type Harness} from './helpers.js';

const YEAR = new Date().getFullYear();

for (const engine of await engines()) {
  describe(`intake requests (${engine.name})`, () => {
    let h: Harness;
    let counter = 0;
    const post = (body: unknown, key = `key-${engine.name}-${++counter}-${crypto.randomUUID()}`) =>
      h.call('POST', '/v1/territories/alpha/intake-requests', {body, headers: {'Idempotency-Key': key}});
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('registers a person and gives a reference of the territory and year', async () => {
      const res = await post(intakeBody());
      assert.equal(res.status, 201);
      const created = IntakeRequestCreated.parse(res.body);
      assert.match(created.reference, new RegExp(`^ALPHA-(${YEAR}|${YEAR + 1})-\\d{6}$`));
      assert.equal(created.status, 'received');
      assert.equal(res.headers.get('Location'), `/v1/territories/alpha/intake-requests/${created.id}`);
    });

    it('numbers references one after the other, without gaps, even after refused submissions', async () => {
      const a = await post(intakeBody());
      await post(intakeBody({consent: false}));
      const b = await post(intakeBody());
      const n = (ref: string) => Number(ref.slice(-6));
      assert.equal(n(b.body.reference), n(a.body.reference) + 1);
    });

    it('stores a retried submission once and answers it the same way', async () => {
      const key = `retry-${crypto.randomUUID()}`;
      const first = await post(intakeBody(), key);
      const second = await post(intakeBody(), key);
      assert.equal(second.status, 201);
      assert.deepEqual(second.body, first.body);
      const [row] = await h.db.query<{count: number}>('select count(*)::int as count from intake_requests where id = $1', [first.body.id]);
      assert.equal(row?.count, 1);
    });

    it('answers 409 to a retry sent while the first is still being stored, then replays the first answer', async () => {
      const key = `race-${crypto.randomUUID()}`;
      const results = await Promise.all([post(intakeBody(), key), post(intakeBody(), key), post(intakeBody(), key)]);
      const created = results.filter((r) => r.status === 201);
      const inFlight = results.filter((r) => r.status === 409);
      assert.equal(created.length, 1, JSON.stringify(results.map((r) => r.status)));
      assert.equal(inFlight.length, 2);
      for (const r of inFlight) {
        assert.equal(r.body.code, 'idempotency_in_flight');
        assert.match(r.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
        assert.equal(r.headers.get('Retry-After'), '1');
      }
      const retried = await post(intakeBody(), key);
      assert.equal(retried.status, 201);
      assert.deepEqual(retried.body, created[0]!.body);
      const [row] = await h.db.query<{count: number}>(
        'select count(*)::int as count from idempotency_keys k join intake_requests r on r.id = k.resource_id where k.key = $1',
        [key],
      );
      assert.equal(row?.count, 1);
    });

    it('numbers 50 forms sent at once 1 to 50, without gap or duplicate', async () => {
      const before = await h.db.query<{last_number: number}>("select last_number from intake_counters where territory = 'beta'");
      assert.deepEqual(before, []);
      const forms = Array.from({length: 50}, (_, i) =>
        h.call('POST', '/v1/territories/beta/intake-requests', {
          body: intakeBody({person: {...intakeBody().person, lastName: `Personne${i}`, communeInsee: '59350'}}),
          headers: {'Idempotency-Key': `fifty-${i}-${crypto.randomUUID()}`},
        }),
      );
      const results = await Promise.all(forms);
      assert.ok(
        results.every((r) => r.status === 201),
        JSON.stringify(results.map((r) => r.status)),
      );
      const numbers = results.map((r) => Number(r.body.reference.slice(-6))).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({length: 50}, (_, i) => i + 1),
      );
      assert.ok(results.every((r) => r.body.reference.startsWith('BETA-')));
      const [stored] = await h.db.query<{count: number}>("select count(*)::int as count from intake_requests where territory = 'beta'");
      assert.equal(stored?.count, 50);
    });

    it('refuses the same key with another body with 422', async () => {
      const key = `reuse-${crypto.randomUUID()}`;
      await post(intakeBody(), key);
      const res = await post(intakeBody({comment: 'autre chose'}), key);
      assert.equal(res.status, 422);
      assert.equal(res.body.code, 'idempotency_key_reused');
    });

    it('requires an Idempotency-Key', async () => {
      const res = await h.call('POST', '/v1/territories/alpha/intake-requests', {body: intakeBody()});
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].path, 'Idempotency-Key');
    });

    it('refuses a commune outside the territory, naming the field', async () => {
      const res = await post(intakeBody({person: {...intakeBody().person, communeInsee: '59350'}}));
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].path, 'person.communeInsee');
    });

    it('refuses the form when the hidden honeypot field is filled, and stores nothing', async () => {
      const count = async () => (await h.db.query<{n: number}>("select count(*)::int as n from intake_requests where territory = 'alpha'"))[0]?.n;
      const counter = async () => (await h.db.query<{n: number}>("select last_number as n from intake_counters where territory = 'alpha'"))[0]?.n;
      const [requestsBefore, counterBefore] = [await count(), await counter()];
      const key = `honeypot-${crypto.randomUUID()}`;
      const res = await post(intakeBody({website: 'http://spam.example'}), key);
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].path, 'website');
      assert.equal(await count(), requestsBefore);
      assert.equal(await counter(), counterBefore, 'no reference number is used up');
      assert.deepEqual(await h.db.query('select 1 from idempotency_keys where key = $1', [key]), []);
    });

    it('encrypts personal fields at rest', async () => {
      const res = await post(intakeBody({person: {...intakeBody().person, lastName: 'Zyxwvutsrq'}, comment: 'Appeler le matin'}));
      const [row] = await h.db.query<Record<string, unknown>>('select * from intake_requests where id = $1', [res.body.id]);
      const raw = JSON.stringify(row);
      assert.ok(!raw.includes('Zyxwvutsrq'));
      assert.ok(!raw.includes('Appeler le matin'));
      assert.ok(!raw.includes('06 12 34 56 78'));
    });

    it('lets a coordinator read a request, decrypted, with its priority criteria', async () => {
      const res = await post(intakeBody({comment: 'Préfère le matin'}));
      const read = await h.call('GET', `/v1/territories/alpha/intake-requests/${res.body.id}`, {token: h.token});
      assert.equal(read.status, 200);
      const request = IntakeRequest.parse(read.body);
      assert.equal(request.person.lastName, 'Dupont');
      assert.equal(request.comment, 'Préfère le matin');
      assert.deepEqual(request.priorityCriteria, ['age_70_plus', 'ald', 'home_visits', 'chronic_follow_up']);
      assert.deepEqual(
        request.history.map((c) => c.status),
        ['received'],
      );
    });

    describe('a probable duplicate', () => {
      const read = async (id: string) => (await h.call('GET', `/v1/territories/alpha/intake-requests/${id}`, {token: h.token})).body as {possibleDuplicateOf: string | null};
      const person = (lastName: string, firstNames: string) => ({...intakeBody().person, lastName, firstNames, birthDate: '1961-07-04'});

      it('is stored and linked to the open request it repeats, despite case, accents, hyphens and spaces', async () => {
        const first = await post(intakeBody({person: person('Lefèvre', 'Anne-Sophie')}));
        const second = await post(intakeBody({person: person('  LEFEVRE ', 'anne  sophie')}));
        assert.equal(first.status, 201);
        assert.equal(second.status, 201, 'neither refused…');
        assert.notEqual(second.body.id, first.body.id, '…nor merged into the first');
        assert.equal((await read(second.body.id)).possibleDuplicateOf, first.body.id);
        assert.equal((await read(first.body.id)).possibleDuplicateOf, null);
      });

      it('is flagged in the list that the coordinator works', async () => {
        const first = await post(intakeBody({person: person('Martin', 'Élodie')}));
        const second = await post(intakeBody({person: person('MARTIN', 'Elodie')}));
        const list = await h.call('GET', '/v1/territories/alpha/intake-requests?limit=100', {token: h.token});
        const item = list.body.items.find((r: {id: string}) => r.id === second.body.id);
        assert.equal(item.possibleDuplicateOf, first.body.id);
      });

      it('is not flagged when the earlier request is closed, nor for another birth date', async () => {
        const first = await post(intakeBody({person: person('Bernard', 'Paul')}));
        const other = await post(intakeBody({person: {...person('Bernard', 'Paul'), birthDate: '1962-07-04'}}));
        assert.equal((await read(other.body.id)).possibleDuplicateOf, null);
        await h.call('PATCH', `/v1/territories/alpha/intake-requests/${first.body.id}`, {token: h.token, body: {status: 'closed'}});
        const again = await post(intakeBody({person: person('Bernard', 'Paul')}));
        assert.equal((await read(again.body.id)).possibleDuplicateOf, null);
      });

      it('is linked when both arrive at the same moment', async () => {
        const [a, b] = await Promise.all([post(intakeBody({person: person('Simultané', 'Luc')})), post(intakeBody({person: person('simultane', 'luc')}))]);
        const links = [(await read(a.body.id)).possibleDuplicateOf, (await read(b.body.id)).possibleDuplicateOf];
        assert.deepEqual(links.filter(Boolean).length, 1, JSON.stringify(links));
        assert.ok(links.includes(a.body.id) || links.includes(b.body.id));
      });
    });

    it('records each status change with who and when', async () => {
      const res = await post(intakeBody());
      const patched = await h.call('PATCH', `/v1/territories/alpha/intake-requests/${res.body.id}`, {
        token: h.token,
        body: {status: 'contacted', notes: 'Rappelée.', assignedTo: 'Julie'},
      });
      assert.equal(patched.status, 200);
      const request = IntakeRequest.parse(patched.body);
      assert.equal(request.status, 'contacted');
      assert.equal(request.notes, 'Rappelée.');
      assert.equal(request.assignedTo, 'Julie');
      assert.deepEqual(
        request.history.map((c) => c.status),
        ['received', 'contacted'],
      );
      assert.match(request.history[1]!.by, /^coordinateur:/);
      const [audit] = await h.db.query<{action: string}>("select action from audit_log where target = $1 and action = 'intake.patch'", [res.body.id]);
      assert.ok(audit);
    });

    it('lists requests newest first, with filters and pages', async () => {
      const all = await h.call('GET', '/v1/territories/alpha/intake-requests?limit=2', {token: h.token});
      assert.equal(all.status, 200);
      assert.equal(all.body.items.length, 2);
      assert.ok(all.body.nextCursor);
      const next = await h.call('GET', `/v1/territories/alpha/intake-requests?limit=2&cursor=${all.body.nextCursor}`, {token: h.token});
      assert.notEqual(next.body.items[0].id, all.body.items[0].id);
      const contacted = await h.call('GET', '/v1/territories/alpha/intake-requests?status=contacted', {token: h.token});
      assert.ok(contacted.body.items.length >= 1);
      assert.ok(contacted.body.items.every((r: {status: string}) => r.status === 'contacted'));
    });

    it("never shows one territory's requests to another territory's coordinator", async () => {
      const res = await post(intakeBody());
      assert.equal((await h.call('GET', `/v1/territories/beta/intake-requests/${res.body.id}`, {token: h.betaToken})).status, 404);
      const list = await h.call('GET', '/v1/territories/beta/intake-requests?limit=100', {token: h.betaToken});
      assert.ok(list.body.items.length > 0);
      assert.ok(list.body.items.every((r: {id: string; reference: string}) => r.id !== res.body.id && r.reference.startsWith('BETA-')));
    });
  });
}
