import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {Territory} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, type Harness} from './helpers.js';

for (const engine of await engines()) {
  describe(`territory and health (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('says it is alive on /healthz, and ready on /readyz once its database is migrated', async () => {
      const alive = await h.call('GET', '/healthz');
      assert.equal(alive.status, 200);
      assert.deepEqual(alive.body, {status: 'ok', version: 'test'});
      const ready = await h.call('GET', '/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.body, {status: 'ready', database: 'up', migrations: 'done', version: 'test'});
    });

    it('is not ready while a migration this version needs is missing', async () => {
      const [last] = await h.db.query<{version: string}>('select version from schema_migrations order by version desc limit 1');
      await h.db.query('delete from schema_migrations where version = $1', [last!.version]);
      try {
        const res = await h.call('GET', '/readyz');
        assert.equal(res.status, 503);
        assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=UTF-8');
        assert.equal(res.body.code, 'not_ready');
        assert.match(res.body.detail, new RegExp(`Migrations en attente : ${last!.version}`));
      } finally {
        await h.db.query('insert into schema_migrations (version) values ($1)', [last!.version]);
      }
    });

    it('shows a territory to anyone, with its communes, and without its allowed origins', async () => {
      const res = await h.call('GET', '/v1/territories/alpha');
      assert.equal(res.status, 200);
      const territory = Territory.parse(res.body);
      assert.equal(territory.name, 'CPTS Alpha');
      assert.deepEqual(territory.communes.map((c) => c.insee).sort(), ['62040', '62691', '62765']);
      assert.equal(territory.communes.find((c) => c.insee === '62765')?.name, 'Saint-Omer');
      assert.equal(territory.allowedOrigins, undefined);
    });

    it('shows the allowed origins to a coordinator', async () => {
      const res = await h.call('GET', '/v1/territories/alpha', {token: h.token});
      assert.deepEqual(res.body.allowedOrigins, ['https://www.mairie-alpha.fr']);
    });

    it('answers 304 when the client already has the current version, and 200 after a change', async () => {
      const first = await h.call('GET', '/v1/territories/alpha');
      const etag = first.headers.get('ETag');
      assert.ok(etag);
      assert.match(first.headers.get('Cache-Control') ?? '', /public/);
      const again = await h.call('GET', '/v1/territories/alpha', {headers: {'If-None-Match': etag}});
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {retentionDays: 400}});
      const changed = await h.call('GET', '/v1/territories/alpha', {headers: {'If-None-Match': etag}});
      assert.equal(changed.status, 200);
      assert.equal(changed.body.retentionDays, 400);
    });

    it('lets a coordinator edit the territory and returns what was saved', async () => {
      const res = await h.call('PATCH', '/v1/territories/alpha', {
        token: h.token,
        body: {phone: '03 21 11 22 33', privacyNotice: {summary: 'Nouvelle notice.', url: 'https://alpha.example.fr/rgpd'}, allowedOrigins: ['https://www.ville-alpha.fr']},
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.phone, '03 21 11 22 33');
      assert.deepEqual(res.body.privacyNotice, {summary: 'Nouvelle notice.', url: 'https://alpha.example.fr/rgpd'});
      assert.deepEqual(res.body.allowedOrigins, ['https://www.ville-alpha.fr']);
      const publicView = await h.call('GET', '/v1/territories/alpha');
      assert.equal(publicView.body.phone, '03 21 11 22 33');
    });

    it('shows a change made straight in the database at once, as the CLI or another server would make it', async () => {
      const before = await h.call('GET', '/v1/territories/alpha');
      // no version bump here: the database moves the version itself (migration 012)
      await h.db.query("update territories set phone = '03 21 99 99 99' where slug = 'alpha'");
      const changed = await h.call('GET', '/v1/territories/alpha', {headers: {'If-None-Match': before.headers.get('ETag')!}});
      assert.equal(changed.status, 200);
      assert.equal(Territory.parse(changed.body).phone, '03 21 99 99 99');
      assert.notEqual(changed.headers.get('ETag'), before.headers.get('ETag'));
      await h.db.query("insert into territory_communes (territory, insee, name) values ('alpha', '62001', 'Commune ajoutée')");
      const withCommune = Territory.parse((await h.call('GET', '/v1/territories/alpha')).body);
      assert.ok(withCommune.communes.some((c) => c.insee === '62001'));
      await h.db.query("delete from territory_communes where territory = 'alpha' and insee = '62001'");
      const withoutCommune = Territory.parse((await h.call('GET', '/v1/territories/alpha')).body);
      assert.ok(!withoutCommune.communes.some((c) => c.insee === '62001'));
    });

    it('serves the edited territory right after a PATCH, to the public and to coordinators', async () => {
      const publicBefore = await h.call('GET', '/v1/territories/alpha');
      const patched = await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {name: 'CPTS Alpha renommée', allowedOrigins: ['https://www.alpha.example.fr']}});
      assert.equal(patched.status, 200, patched.text);
      const publicAfter = await h.call('GET', '/v1/territories/alpha', {headers: {'If-None-Match': publicBefore.headers.get('ETag')!}});
      assert.equal(publicAfter.status, 200);
      assert.equal(publicAfter.body.name, 'CPTS Alpha renommée');
      assert.equal(publicAfter.body.allowedOrigins, undefined);
      const coordinator = await h.call('GET', '/v1/territories/alpha', {token: h.token});
      assert.deepEqual(coordinator.body.allowedOrigins, ['https://www.alpha.example.fr']);
      assert.match(coordinator.headers.get('Cache-Control') ?? '', /private/);
      assert.notEqual(coordinator.headers.get('ETag'), publicAfter.headers.get('ETag'));
      await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {name: 'CPTS Alpha', allowedOrigins: ['https://www.mairie-alpha.fr']}});
    });

    it('refuses an edit without a token, and one from another territory', async () => {
      assert.equal((await h.call('PATCH', '/v1/territories/alpha', {body: {name: 'Piratée'}})).status, 401);
      assert.equal((await h.call('PATCH', '/v1/territories/alpha', {token: h.betaToken, body: {name: 'Piratée'}})).status, 401);
      assert.equal((await h.call('GET', '/v1/territories/alpha')).body.name, 'CPTS Alpha');
    });

    it('answers 404 problem+json for an unknown territory', async () => {
      const res = await h.call('GET', '/v1/territories/nowhere');
      assert.equal(res.status, 404);
      assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
      assert.equal(res.body.code, 'not_found');
      assert.match(res.body.detail, /nowhere/);
    });
  });
}

describe('health when the database is down', () => {
  const broken = {
    kind: 'pglite' as const,
    query: () => Promise.reject(new Error('connexion refusée')),
    exec: () => Promise.reject(new Error('connexion refusée')),
    transaction: () => Promise.reject(new Error('connexion refusée')),
    close: async () => {},
  };
  const config = {secretKey: 'x', allowedOrigins: [], production: false, version: 'test'};

  it('stays alive on /healthz, which asks nothing of the database', async () => {
    const {createApp} = await import('../../packages/server/src/app.js');
    const res = await createApp({db: broken, config}).request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {status: 'ok', version: 'test'});
  });

  it('is not ready on /readyz: 503 problem+json saying why', async () => {
    const {createApp} = await import('../../packages/server/src/app.js');
    const res = await createApp({db: broken, config}).request('/readyz');
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=UTF-8');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as {code: string; detail: string};
    assert.equal(body.code, 'not_ready');
    assert.equal(body.detail, 'La base de données ne répond pas.');
  });

  it('is not ready once it begins to shut down', async () => {
    const {createApp} = await import('../../packages/server/src/app.js');
    const {openPglite, migrate} = await import('../../packages/server/src/db/index.js');
    const db = await openPglite();
    try {
      await migrate(db);
      const stopping = new AbortController();
      const app = createApp({db, config, stopping: stopping.signal});
      assert.equal((await app.request('/readyz')).status, 200);
      stopping.abort();
      const res = await app.request('/readyz');
      assert.equal(res.status, 503);
      assert.match(((await res.json()) as {detail: string}).detail, /Arrêt en cours/);
    } finally {
      await db.close();
    }
  });
});
