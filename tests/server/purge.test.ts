import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {purgeAll, purgeExpiredIdempotencyKeys, purgeTerritory} from '../../packages/server/src/purge.js';
import {engines} from './databases.js';
import {harness, intakeBody, type Harness} from './helpers.js';

const DAY = 86_400_000;

for (const engine of await engines()) {
  describe(`purge of requests past the retention period (${engine.name})`, () => {
    let h: Harness;
    const ids: Record<string, string> = {};
    const keys: Record<string, string> = {};
    const post = async (name: string, territory = 'alpha', commune = '62765') => {
      keys[name] = `purge-${name}-${crypto.randomUUID()}`;
      const res = await h.call('POST', `/v1/territories/${territory}/intake-requests`, {
        body: intakeBody({person: {...intakeBody().person, lastName: name, communeInsee: commune}}),
        headers: {'Idempotency-Key': keys[name]},
      });
      assert.equal(res.status, 201);
      ids[name] = res.body.id;
    };
    /** Moves a request, its history and its key `days` into the past. */
    const age = (name: string, days: number) =>
      Promise.all([
        h.db.query(`update intake_requests set created_at = created_at - make_interval(days => $2), updated_at = updated_at - make_interval(days => $2) where id = $1`, [
          ids[name],
          days,
        ]),
        h.db.query(`update intake_status_history set at = at - make_interval(days => $2) where request_id = $1`, [ids[name], days]),
        h.db.query(`update idempotency_keys set created_at = created_at - make_interval(days => $2) where resource_id = $1`, [ids[name], days]),
      ]);
    const exists = async (name: string) => (await h.db.query('select 1 from intake_requests where id = $1', [ids[name]])).length === 1;

    before(async () => {
      h = await harness(engine);
      await h.db.query("update territories set retention_days = 365 where slug in ('alpha', 'beta')");
      await post('Ancienne');
      await post('Recente');
      await post('Suivie');
      await post('Autreterritoire', 'beta', '59350');
      await age('Ancienne', 400);
      await age('Suivie', 400);
      await age('Autreterritoire', 400);
      // a coordinator changed its status 10 days ago: the clock restarts from there
      await h.call('PATCH', `/v1/territories/alpha/intake-requests/${ids.Suivie}`, {token: h.token, body: {status: 'contacted'}});
      await h.db.query(`update intake_status_history set at = now() - interval '10 days' where request_id = $1 and status = 'contacted'`, [ids.Suivie]);
      // messages: about the old request, about a recent one, and one never sent for 400 days (no SMTP)
      const message = (name: string, requestId: string | null, daysAgo: number) =>
        h.db.query(
          `insert into outbox (id, territory, kind, language, data, message_id, dedupe_key, created_at)
           values ($1, 'alpha', 'receipt', 'fr', $2, $3, $4, now() - make_interval(days => $5))`,
          [crypto.randomUUID(), JSON.stringify(requestId ? {requestId} : {}), `<${name}@alpha.cpts-kit>`, `test:${name}`, daysAgo],
        );
      await message('ancienne', ids.Ancienne!, 1);
      await message('recente', ids.Recente!, 1);
      await message('jamais-envoye', null, 400);
    });
    after(() => h.close());

    it('counts without deleting on a dry run', async () => {
      const counts = await purgeTerritory(h.db, 'alpha', {dryRun: true});
      assert.deepEqual(counts, {requests: 1, history: 1, idempotencyKeys: 2});
      assert.ok(await exists('Ancienne'));
    });

    it('deletes requests past the retention period with their history and keys, and audits it', async () => {
      const counts = await purgeTerritory(h.db, 'alpha', {actor: 'test'});
      assert.deepEqual(counts, {requests: 1, history: 1, idempotencyKeys: 2});
      assert.equal(await exists('Ancienne'), false);
      assert.deepEqual(await h.db.query('select 1 from intake_status_history where request_id = $1', [ids.Ancienne]), []);
      assert.deepEqual(await h.db.query('select 1 from idempotency_keys where key = $1', [keys.Ancienne]), []);
      const messages = await h.db.query<{dedupe_key: string}>("select dedupe_key from outbox where dedupe_key like 'test:%' order by dedupe_key");
      assert.deepEqual(
        messages.map((m) => m.dedupe_key),
        ['test:recente'],
      );
      const [entry] = await h.db.query<{actor: string; details: unknown}>("select actor, details from audit_log where territory = 'alpha' and action = 'intake.purge'");
      assert.equal(entry?.actor, 'test');
      assert.deepEqual(entry?.details, counts);
    });

    it('keeps recent requests, requests whose status changed recently, and other territories', async () => {
      assert.ok(await exists('Recente'));
      assert.ok(await exists('Suivie'));
      assert.ok(await exists('Autreterritoire'));
    });

    it('keeps a used Idempotency-Key at least 24 hours, then forgets it', async () => {
      await post('Cle');
      await h.db.query(`update idempotency_keys set created_at = now() - interval '23 hours' where key = $1`, [keys.Cle]);
      await purgeExpiredIdempotencyKeys(h.db);
      assert.equal((await h.db.query('select 1 from idempotency_keys where key = $1', [keys.Cle])).length, 1);
      const replay = await h.call('POST', '/v1/territories/alpha/intake-requests', {
        body: intakeBody({person: {...intakeBody().person, lastName: 'Cle'}}),
        headers: {'Idempotency-Key': keys.Cle!},
      });
      assert.equal(replay.body.id, ids.Cle, 'a 23-hour-old key still replays its answer');
      await h.db.query(`update idempotency_keys set created_at = $2 where key = $1`, [keys.Cle, new Date(Date.now() - DAY - 60_000)]);
      assert.ok((await purgeExpiredIdempotencyKeys(h.db)) >= 1);
      assert.deepEqual(await h.db.query('select 1 from idempotency_keys where key = $1', [keys.Cle]), []);
      assert.ok(await exists('Cle'), 'forgetting the key keeps the request');
    });
  });
}

for (const engine of await engines()) {
  describe(`the server's hourly purge (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('applies every territory’s retention and audits only when it deleted something', async () => {
      const res = await h.call('POST', '/v1/territories/beta/intake-requests', {
        body: intakeBody({person: {...intakeBody().person, communeInsee: '59350'}}),
        headers: {'Idempotency-Key': `hourly-${crypto.randomUUID()}`},
      });
      await h.db.query("update intake_requests set created_at = now() - interval '800 days' where id = $1", [res.body.id]);
      await h.db.query("update intake_status_history set at = now() - interval '800 days' where request_id = $1", [res.body.id]);
      await purgeAll(h.db);
      assert.deepEqual(await h.db.query('select 1 from intake_requests where id = $1', [res.body.id]), []);
      const audits = await h.db.query<{territory: string}>("select territory from audit_log where action = 'intake.purge' order by territory");
      assert.deepEqual(
        audits.map((a) => a.territory),
        ['beta'],
      );
    });
  });
}
