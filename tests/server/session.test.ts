import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {CoordinatorNames, Me} from '@cpts-kit/contract';
import {issueToken} from '../../packages/server/src/auth.js';
import {engines} from './databases.js';
import {harness, type Harness} from './helpers.js';

for (const engine of await engines()) {
  describe(`who holds the token, and the coordinators' names (${engine.name})`, () => {
    let h: Harness;
    const me = (token?: string) => h.call('GET', '/v1/territories/alpha/me', {token});
    const coordinators = (token?: string) => h.call('GET', '/v1/territories/alpha/coordinators', {token});

    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('names a coordinator by their token’s label, the name requests are assigned to', async () => {
      const res = await me(h.token);
      assert.equal(res.status, 200);
      assert.deepEqual(Me.parse(res.body), {kind: 'coordinator', name: 'test', label: 'test', practitionerId: null});
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      assert.ok(!res.text.includes(h.token), 'the token never comes back');
    });

    it('names an unlabelled coordinator token as the waiting list does', async () => {
      const {token, id} = await issueToken(h.db, {territory: 'alpha', kind: 'coordinator'});
      const body = Me.parse((await me(token)).body);
      assert.equal(body.label, null);
      assert.equal(body.name, `coordinateur ${id.slice(0, 8)}`);
    });

    it('names a practitioner from their personal link', async () => {
      const created = await h.call('POST', '/v1/territories/alpha/practitioners', {
        token: h.token,
        body: {profession: 'medecin_generaliste', communeInsee: '62765', title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre'},
      });
      assert.equal(created.status, 201, created.text);
      const link = await h.call('POST', `/v1/territories/alpha/practitioners/${created.body.id}/link`, {token: h.token, body: {expiresInDays: 30}});
      const body = Me.parse((await me(link.body.token as string)).body);
      assert.equal(body.kind, 'practitioner');
      assert.equal(body.name, 'Dr Claire Lefebvre');
      assert.equal(body.practitionerId, created.body.id);
      // a personal link does not list the coordinators
      assert.equal((await coordinators(link.body.token as string)).status, 401);
    });

    it('refuses no token, an unknown one and another territory’s', async () => {
      assert.equal((await me()).status, 401);
      assert.equal((await me('not-a-real-token-at-all')).status, 401);
      assert.equal((await me(h.betaToken)).status, 401);
      assert.equal((await coordinators()).status, 401);
      assert.equal((await coordinators(h.betaToken)).status, 401);
    });

    it('lists the live coordinators’ names once each, in order, without the revoked, the expired or another territory’s', async () => {
      await issueToken(h.db, {territory: 'alpha', kind: 'coordinator', label: 'Karim'});
      await issueToken(h.db, {territory: 'alpha', kind: 'coordinator', label: 'Karim'});
      await issueToken(h.db, {territory: 'alpha', kind: 'coordinator', label: 'Élodie'});
      const gone = await issueToken(h.db, {territory: 'alpha', kind: 'coordinator', label: 'Parti'});
      await h.db.query('update tokens set revoked_at = now() where id = $1', [gone.id]);
      const old = await issueToken(h.db, {territory: 'alpha', kind: 'coordinator', label: 'Expiré'});
      await h.db.query("update tokens set expires_at = now() - interval '1 day' where id = $1", [old.id]);
      await issueToken(h.db, {territory: 'beta', kind: 'coordinator', label: 'Ailleurs'});
      const res = await coordinators(h.token);
      assert.equal(res.status, 200);
      assert.deepEqual(CoordinatorNames.parse(res.body).names, ['Élodie', 'Karim', 'test']);
    });
  });
}
