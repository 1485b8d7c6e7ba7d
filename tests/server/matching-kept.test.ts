import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {MatchList, OwnProposals, ProposalList} from '@cpts-kit/contract';
import {migrate} from '../../packages/server/src/db/index.js';
import {engines} from './databases.js';
import {declaration, harness, intakeBody, type Harness} from './helpers.js';

// Migration 080 keeps each practitioner's latest declaration and their places taken per month in
// tables the matching reads instead of recounting. Whatever changes a declaration or a proposal,
// those tables must say what recounting from the source says.

const none = {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'no'};
const open = {accepting: 'yes', patientScope: ['all'], homeVisits: false, homeVisitCommunes: [], monthlyQuota: 3};

for (const engine of await engines()) {
  describe(`matching's kept declarations and places (${engine.name})`, () => {
    let h: Harness;
    const t = '/v1/territories/alpha';
    const gp: Record<string, {id: string; link: string}> = {};

    /** The kept rows next to the same facts recounted from declarations and proposals. */
    async function assertKeptRight(step: string) {
      const kept = await h.db.query<{practitioner_id: string; declaration_id: string; quota: number | null; accepting: boolean}>(
        'select practitioner_id, declaration_id, quota, accepting from practitioner_current_availability order by practitioner_id',
      );
      const latest = await h.db.query<{practitioner_id: string; declaration_id: string; quota: number | null; accepting: boolean}>(
        `select distinct on (practitioner_id) practitioner_id, id as declaration_id, (declaration->>'monthlyQuota')::int as quota,
                coalesce(declaration->>'accepting', 'no') in ('yes', 'limited') as accepting
           from availability_declarations order by practitioner_id, declared_at desc, id desc`,
      );
      assert.deepEqual(kept, latest, `latest declarations after ${step}`);
      const places = await h.db.query<{territory: string; month: string; practitioner_id: string; taken: number}>(
        `select territory, to_char(month, 'YYYY-MM') as month, practitioner_id, taken from practitioner_month_places where taken > 0
          order by territory, month, practitioner_id`,
      );
      const counted = await h.db.query<{territory: string; month: string; practitioner_id: string; taken: number}>(
        `select territory, to_char(accepted_at at time zone 'Europe/Paris', 'YYYY-MM') as month, practitioner_id, count(*)::int as taken
           from proposals where status = 'accepted' group by 1, 2, 3 order by 1, 2, 3`,
      );
      assert.deepEqual(places, counted, `places per month after ${step}`);
    }

    async function addGp(key: string, lastName: string, communeInsee: string, declared: Record<string, unknown> | null) {
      const created = await h.call('POST', `${t}/practitioners`, {token: h.token, body: {profession: 'medecin_generaliste', communeInsee, firstName: 'Jo', lastName}});
      assert.equal(created.status, 201, created.text);
      const link = await h.call('POST', `${t}/practitioners/${created.body.id}/link`, {token: h.token, body: {expiresInDays: 30}});
      gp[key] = {id: created.body.id, link: link.body.token};
      if (declared) await declare(key, declared);
    }
    async function declare(key: string, declared: Record<string, unknown>) {
      const put = await h.call('PUT', `${t}/availability`, {token: gp[key]!.link, body: declaration(declared)});
      assert.equal(put.status, 200, put.text);
    }
    const intake = async (lastName: string) => {
      const body = intakeBody({person: {...intakeBody().person, lastName, birthDate: '1985-01-10', communeInsee: '62040'}, priority: none});
      const res = await h.call('POST', `${t}/intake-requests`, {body, headers: {'Idempotency-Key': crypto.randomUUID()}});
      assert.equal(res.status, 201, res.text);
      return res.body.id as string;
    };
    const propose = async (id: string, key: string) => {
      const res = await h.call('POST', `${t}/intake-requests/${id}/proposals`, {token: h.token, body: {practitionerIds: [gp[key]!.id]}});
      assert.equal(res.status, 201, res.text);
      return ProposalList.parse(res.body).items[0]!.id;
    };
    const answer = async (key: string, proposal: string, verb: 'accept' | 'decline') => {
      const res = await h.call('POST', `${t}/proposals/${proposal}/${verb}`, {token: gp[key]!.link, body: verb === 'decline' ? {reason: 'too_far'} : undefined});
      assert.equal(res.status, 200, res.text);
    };
    const quota = async (key: string) => OwnProposals.parse((await h.call('GET', `${t}/proposals`, {token: gp[key]!.link})).body).quota;
    const placesLeft = async (requestId: string, key: string) => {
      const res = await h.call('GET', `${t}/intake-requests/${requestId}/matches`, {token: h.token});
      assert.equal(res.status, 200, res.text);
      const list = MatchList.parse(res.body);
      return [...list.items, ...list.apart].find((m) => m.practitioner.id === gp[key]!.id)?.placesLeft;
    };

    before(async () => {
      h = await harness(engine);
    });
    after(() => h.close());

    it('follows every new declaration, and not an older one recorded late', async () => {
      await addGp('a', 'Adam', '62040', {...open, monthlyQuota: 2});
      await addGp('b', 'Brun', '62040', null);
      await assertKeptRight('the first declarations');
      await declare('a', {...open, monthlyQuota: 4});
      await declare('b', {...open, accepting: 'no'});
      await assertKeptRight('a second declaration');
      // a declaration older than the current one, inserted after it (a transaction that began earlier)
      await h.db.query(
        `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_at, declared_by)
         values ($1, $2, $3, 'public', now() - interval '3 days', 'practitioner')`,
        [crypto.randomUUID(), gp.a!.id, JSON.stringify(declaration({...open, monthlyQuota: 9}))],
      );
      assert.equal((await quota('a')).monthlyQuota, 4);
      await assertKeptRight('an older declaration recorded late');
    });

    it('counts places taken on accepting, never on a decline, a withdrawal or a filled proposal', async () => {
      const first = await intake('Un');
      await answer('a', await propose(first, 'a'), 'accept');
      assert.deepEqual(await quota('a'), {monthlyQuota: 4, usedThisMonth: 1, placesLeft: 3});
      await assertKeptRight('an accept');

      const second = await intake('Deux');
      await answer('a', await propose(second, 'a'), 'decline');
      const withdrawn = await propose(second, 'a');
      assert.equal((await h.call('POST', `${t}/proposals/${withdrawn}/withdraw`, {token: h.token})).status, 200);
      await addGp('c', 'Caron', '62040', {...open});
      await propose(second, 'a');
      await answer('c', await propose(second, 'c'), 'accept');
      assert.equal((await quota('a')).usedThisMonth, 1, 'a filled proposal takes no place');
      assert.equal((await quota('c')).usedThisMonth, 1);
      await assertKeptRight('a decline, a withdrawal, an accept filling another proposal');
      assert.equal(await placesLeft(await intake('Trois'), 'a'), 3);
    });

    it('gives the places back when the month changes, and keeps last month’s count apart', async () => {
      const third = await intake('Quatre');
      await answer('a', await propose(third, 'a'), 'accept');
      assert.equal((await quota('a')).usedThisMonth, 2);
      // the two accepts happened last month (accepted_at moved back): this month starts with none used
      await h.db.query(`update proposals set accepted_at = accepted_at - interval '1 month' where practitioner_id = $1 and status = 'accepted'`, [gp.a!.id]);
      assert.deepEqual(await quota('a'), {monthlyQuota: 4, usedThisMonth: 0, placesLeft: 4});
      assert.equal(await placesLeft(await intake('Cinq'), 'a'), 4);
      await assertKeptRight('a month change');
    });

    it('stays right through bulk changes, purges and deletions', async () => {
      // every declaration rewritten at once (as a key rotation does), one back-dated past the others
      await h.db.query(`update availability_declarations set declaration = jsonb_set(declaration, '{monthlyQuota}', '6')`);
      await h.db.query(`update availability_declarations set declared_at = now() - interval '90 days' where practitioner_id = $1`, [gp.b!.id]);
      await assertKeptRight('declarations rewritten');
      assert.equal((await quota('a')).monthlyQuota, 6);
      // a request deleted with its accepted proposal (the retention purge deletes requests so)
      const [taken] = await h.db.query<{request_id: string}>(`select request_id from proposals where practitioner_id = $1 and status = 'accepted'`, [gp.c!.id]);
      await h.db.query('delete from intake_requests where id = $1', [taken!.request_id]);
      assert.equal((await quota('c')).usedThisMonth, 0);
      await assertKeptRight('a request deleted');
      // a practitioner deleted with their declarations and proposals
      assert.equal((await h.call('DELETE', `${t}/practitioners/${gp.a!.id}`, {token: h.token})).status, 204);
      await assertKeptRight('a practitioner deleted');
      await h.db.query('delete from availability_declarations where practitioner_id = $1', [gp.b!.id]);
      assert.equal((await quota('b')).monthlyQuota, null);
      await assertKeptRight('declarations deleted');
    });

    it('fills the kept tables from what a database held before the migration', async () => {
      await addGp('d', 'Dumas', '62040', {...open, monthlyQuota: 5});
      await answer('d', await propose(await intake('Six'), 'd'), 'accept');
      // back to before 080, then data written without its triggers
      await h.db.exec(`
        drop function declarations_current_changed() cascade;
        drop function proposals_places_changed() cascade;
        drop function current_availability_refresh(uuid[], boolean), month_places_apply(text[], date[], uuid[], integer[]);
        drop table practitioner_current_availability, practitioner_month_places;
        drop function quota_month(timestamptz);
        delete from schema_migrations where version like '080_%';`);
      await h.db.query(
        `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_at, declared_by)
         values ($1, $2, $3, 'public', now(), 'practitioner')`,
        [crypto.randomUUID(), gp.d!.id, JSON.stringify(declaration({...open, monthlyQuota: 7}))],
      );
      await h.db.query(`update proposals set accepted_at = accepted_at - interval '2 months' where practitioner_id = $1`, [gp.c!.id]);
      assert.deepEqual(
        (await migrate(h.db)).map((v) => v.slice(0, 3)),
        ['080'],
      );
      await assertKeptRight('the migration');
      assert.deepEqual(await quota('d'), {monthlyQuota: 7, usedThisMonth: 1, placesLeft: 6});
    });
  });
}
