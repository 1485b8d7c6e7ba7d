import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {Board, OwnAvailability, Practitioner, PublicPractitionerList} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {declaration, harness, type Harness} from './helpers.js';

for (const engine of await engines()) {
  describe(`practitioners and availability (${engine.name})`, () => {
    let h: Harness;
    const create = async (body: Record<string, unknown>) => {
      const res = await h.call('POST', '/v1/territories/alpha/practitioners', {token: h.token, body: {profession: 'medecin_generaliste', communeInsee: '62765', ...body}});
      assert.equal(res.status, 201, res.text);
      return Practitioner.parse(res.body);
    };
    const linkFor = async (id: string) => {
      const res = await h.call('POST', `/v1/territories/alpha/practitioners/${id}/link`, {token: h.token, body: {expiresInDays: 30}});
      assert.equal(res.status, 201);
      return res.body.token as string;
    };
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('adds a practitioner placed at the centre of their commune', async () => {
      const p = await create({title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre', phone: '03 21 38 00 00'});
      assert.equal(p.displayName, 'Dr Claire Lefebvre');
      assert.equal(p.freshness, 'never');
      assert.equal(p.availability, null);
      assert.ok(Math.abs(p.location.lat - 50.75) < 0.05);
    });

    it('refuses a commune outside the territory', async () => {
      const res = await h.call('POST', '/v1/territories/alpha/practitioners', {
        token: h.token,
        body: {profession: 'infirmier', firstName: 'A', lastName: 'B', communeInsee: '59350'},
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].path, 'communeInsee');
    });

    it('refuses an RPPS number with a wrong check digit', async () => {
      const res = await h.call('POST', '/v1/territories/alpha/practitioners', {
        token: h.token,
        body: {profession: 'infirmier', firstName: 'A', lastName: 'B', communeInsee: '62765', rpps: '10003456783'},
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].path, 'rpps');
    });

    it('lets a practitioner declare from their personal link, keeping every declaration', async () => {
      const p = await create({firstName: 'Marc', lastName: 'Dubois'});
      const token = await linkFor(p.id);
      const before = OwnAvailability.parse((await h.call('GET', '/v1/territories/alpha/availability', {token})).body);
      assert.equal(before.practitioner.displayName, 'Marc Dubois');
      assert.equal(before.current, null);
      assert.equal(before.freshness, 'never');
      const put = await h.call('PUT', '/v1/territories/alpha/availability', {token, body: declaration({accepting: 'yes'})});
      assert.equal(put.status, 200);
      assert.equal(put.body.accepting, 'yes');
      assert.equal(put.body.declaredBy, 'practitioner');
      await h.call('PUT', '/v1/territories/alpha/availability', {token, body: declaration({accepting: 'no'})});
      const after = OwnAvailability.parse((await h.call('GET', '/v1/territories/alpha/availability', {token})).body);
      assert.equal(after.current?.accepting, 'no');
      assert.equal(after.freshness, 'fresh');
      const [row] = await h.db.query<{count: number}>('select count(*)::int as count from availability_declarations where practitioner_id = $1', [p.id]);
      assert.equal(row?.count, 2);
    });

    it('refuses a coordinator token on the practitioner page, and a personal link on coordinator routes', async () => {
      const p = await create({firstName: 'Léa', lastName: 'Martin'});
      const token = await linkFor(p.id);
      assert.equal((await h.call('GET', '/v1/territories/alpha/availability', {token: h.token})).status, 401);
      assert.equal((await h.call('GET', '/v1/territories/alpha/availability-board', {token})).status, 401);
    });

    it('stops a revoked personal link from working', async () => {
      const p = await create({firstName: 'Hugo', lastName: 'Petit'});
      const token = await linkFor(p.id);
      assert.equal((await h.call('DELETE', `/v1/territories/alpha/practitioners/${p.id}/link`, {token: h.token})).status, 204);
      assert.equal((await h.call('GET', '/v1/territories/alpha/availability', {token})).status, 401);
    });

    it('shows the public only practitioners whose latest declaration is public, with public fields only', async () => {
      const shown = await create({firstName: 'Public', lastName: 'Visible', email: 'prive@example.fr', rpps: '10003456786'});
      const hidden = await create({firstName: 'Reseau', lastName: 'Seulement'});
      const turnedPrivate = await create({firstName: 'Devenu', lastName: 'Prive'});
      await h.call('PUT', '/v1/territories/alpha/availability', {
        token: await linkFor(shown.id),
        body: declaration({visibility: 'public', noteForCoordinator: 'note privée'}),
      });
      await h.call('PUT', '/v1/territories/alpha/availability', {token: await linkFor(hidden.id), body: declaration({visibility: 'network'})});
      const t3 = await linkFor(turnedPrivate.id);
      await h.call('PUT', '/v1/territories/alpha/availability', {token: t3, body: declaration({visibility: 'public'})});
      await h.call('PUT', '/v1/territories/alpha/availability', {token: t3, body: declaration({visibility: 'network'})});
      const res = await h.call('GET', '/v1/territories/alpha/practitioners');
      const list = PublicPractitionerList.parse(res.body);
      const ids = list.items.map((p) => p.id);
      assert.ok(ids.includes(shown.id));
      assert.ok(!ids.includes(hidden.id));
      assert.ok(!ids.includes(turnedPrivate.id));
      assert.ok(!res.text.includes('prive@example.fr'));
      assert.ok(!res.text.includes('10003456786'));
      assert.ok(!res.text.includes('note privée'));
    });

    it('filters the public list by profession, acceptance, home visits, text and map bounds', async () => {
      const kine = await create({profession: 'masseur_kinesitherapeute', firstName: 'Kiné', lastName: 'Filtrable', communeInsee: '62040'});
      await h.call('PUT', '/v1/territories/alpha/availability', {token: await linkFor(kine.id), body: declaration({accepting: 'yes', homeVisits: false})});
      const get = async (q: string) => PublicPractitionerList.parse((await h.call('GET', `/v1/territories/alpha/practitioners?${q}`)).body).items.map((p) => p.id);
      assert.deepEqual(await get('profession=masseur_kinesitherapeute'), [kine.id]);
      assert.ok((await get('accepting=yes')).includes(kine.id));
      assert.ok(!(await get('accepting=no')).includes(kine.id));
      assert.ok(!(await get('homeVisits=true')).includes(kine.id));
      assert.deepEqual(await get('q=filtrable'), [kine.id]);
      assert.deepEqual(await get('q=Arques&profession=masseur_kinesitherapeute'), [kine.id]);
      assert.ok((await get(`bbox=${kine.location.lng - 0.01},${kine.location.lat - 0.01},${kine.location.lng + 0.01},${kine.location.lat + 0.01}`)).includes(kine.id));
      assert.ok(!(await get('bbox=5,45,5.1,45.1')).includes(kine.id));
    });

    it('pages the public list with a cursor', async () => {
      const first = await h.call('GET', '/v1/territories/alpha/practitioners?limit=1');
      assert.equal(first.body.items.length, 1);
      assert.ok(first.body.nextCursor);
      const second = await h.call('GET', `/v1/territories/alpha/practitioners?limit=1&cursor=${first.body.nextCursor}`);
      assert.notEqual(second.body.items[0].id, first.body.items[0].id);
      assert.equal((await h.call('GET', '/v1/territories/alpha/practitioners?cursor=nonsense')).status, 400);
    });

    it('shows coordinators every practitioner on the board with freshness', async () => {
      const stale = await create({firstName: 'Ancien', lastName: 'Declarant'});
      await h.call('PUT', '/v1/territories/alpha/availability', {token: await linkFor(stale.id), body: declaration()});
      await h.db.query("update availability_declarations set declared_at = now() - interval '90 days' where practitioner_id = $1", [stale.id]);
      const res = await h.call('GET', '/v1/territories/alpha/availability-board', {token: h.token});
      const board = Board.parse(res.body);
      const row = board.items.find((r) => r.practitionerId === stale.id);
      assert.equal(row?.freshness, 'stale');
      assert.equal(row?.daysSinceDeclaration, 90);
      assert.equal(board.counts.total, board.items.length);
      assert.equal(board.counts.fresh + board.counts.stale + board.counts.never, board.counts.total);
      const onlyStale = Board.parse((await h.call('GET', '/v1/territories/alpha/availability-board?freshness=stale', {token: h.token})).body);
      assert.ok(onlyStale.items.every((r) => r.freshness === 'stale'));
    });

    it('edits, deactivates and deletes a practitioner', async () => {
      const p = await create({firstName: 'Edit', lastName: 'Able'});
      const token = await linkFor(p.id);
      const patched = await h.call('PATCH', `/v1/territories/alpha/practitioners/${p.id}`, {token: h.token, body: {phone: '03 21 38 11 11', communeInsee: '62040'}});
      assert.equal(patched.body.phone, '03 21 38 11 11');
      assert.equal(patched.body.communeInsee, '62040');
      assert.notDeepEqual(patched.body.location, p.location);
      await h.call('PATCH', `/v1/territories/alpha/practitioners/${p.id}`, {token: h.token, body: {active: false}});
      // a deactivated practitioner's link stops working
      assert.equal((await h.call('GET', '/v1/territories/alpha/availability', {token})).status, 401);
      assert.equal((await h.call('DELETE', `/v1/territories/alpha/practitioners/${p.id}`, {token: h.token})).status, 204);
      assert.equal((await h.call('GET', `/v1/territories/alpha/practitioners/${p.id}`, {token: h.token})).status, 404);
    });
  });
}
