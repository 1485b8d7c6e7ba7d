import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {InternshipOffer, InternshipOfferList, internshipOfferExample} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, type Harness} from './helpers.js';

for (const engine of await engines()) {
  describe(`internship offers (${engine.name})`, () => {
    let h: Harness;
    const create = async (overrides: Record<string, unknown> = {}) => {
      const res = await h.call('POST', '/v1/territories/alpha/internship-offers', {token: h.token, body: {...internshipOfferExample, ...overrides}});
      assert.equal(res.status, 201, res.text);
      return InternshipOffer.parse(res.body);
    };
    const publicIds = async (query = '') =>
      InternshipOfferList.parse((await h.call('GET', `/v1/territories/alpha/internship-offers${query}`)).body).items.map((o) => o.id);
    before(async () => (h = await harness(engine)));
    after(() => h.close());

    it('creates offers as drafts that the public does not see', async () => {
      const offer = await create();
      assert.equal(offer.status, 'draft');
      assert.equal(offer.publishedAt, null);
      assert.ok(!(await publicIds()).includes(offer.id));
      assert.equal((await h.call('GET', `/v1/territories/alpha/internship-offers/${offer.id}`)).status, 404);
      assert.equal((await h.call('GET', `/v1/territories/alpha/internship-offers/${offer.id}`, {token: h.token})).status, 200);
    });

    it('publishes an offer, then archives it out of the public list', async () => {
      const offer = await create({title: 'Stage à publier'});
      const published = await h.call('POST', `/v1/territories/alpha/internship-offers/${offer.id}/publish`, {token: h.token});
      assert.equal(published.body.status, 'published');
      assert.ok(published.body.publishedAt);
      assert.ok((await publicIds()).includes(offer.id));
      const one = await h.call('GET', `/v1/territories/alpha/internship-offers/${offer.id}`);
      assert.equal(InternshipOffer.parse(one.body).title, 'Stage à publier');
      await h.call('POST', `/v1/territories/alpha/internship-offers/${offer.id}/archive`, {token: h.token});
      assert.ok(!(await publicIds()).includes(offer.id));
    });

    it('shows drafts to coordinators who ask for them, but never to the public', async () => {
      const draft = await create({title: 'Brouillon'});
      const asCoordinator = await h.call('GET', '/v1/territories/alpha/internship-offers?status=draft', {token: h.token});
      assert.ok(asCoordinator.body.items.some((o: {id: string}) => o.id === draft.id));
      assert.ok(!(await publicIds('?status=draft')).includes(draft.id));
    });

    it('filters published offers by kind, housing, period and text', async () => {
      const saspas = await create({title: 'SASPAS littoral', kind: 'saspas', housing: [], periods: ['2028-05']});
      await h.call('POST', `/v1/territories/alpha/internship-offers/${saspas.id}/publish`, {token: h.token});
      assert.deepEqual(await publicIds('?kind=saspas'), [saspas.id]);
      assert.ok((await publicIds('?housing=false')).includes(saspas.id));
      assert.ok(!(await publicIds('?housing=true')).includes(saspas.id));
      assert.deepEqual(await publicIds('?period=2028-05'), [saspas.id]);
      assert.deepEqual(await publicIds('?q=littoral'), [saspas.id]);
      assert.deepEqual(await publicIds('?q=100%25'), []);
    });

    it('serves the public list with an ETag and answers 304', async () => {
      const first = await h.call('GET', '/v1/territories/alpha/internship-offers');
      const etag = first.headers.get('ETag')!;
      assert.equal((await h.call('GET', '/v1/territories/alpha/internship-offers', {headers: {'If-None-Match': etag}})).status, 304);
      assert.equal(typeof first.body.total, 'number');
    });

    it('edits and deletes an offer', async () => {
      const offer = await create();
      const patched = await h.call('PATCH', `/v1/territories/alpha/internship-offers/${offer.id}`, {token: h.token, body: {places: 3, periods: ['2027-11']}});
      assert.equal(patched.body.places, 3);
      assert.deepEqual(patched.body.periods, ['2027-11']);
      assert.equal(patched.body.title, offer.title);
      const bad = await h.call('PATCH', `/v1/territories/alpha/internship-offers/${offer.id}`, {token: h.token, body: {places: 0}});
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors[0].path, 'places');
      assert.equal((await h.call('DELETE', `/v1/territories/alpha/internship-offers/${offer.id}`, {token: h.token})).status, 204);
      assert.equal((await h.call('GET', `/v1/territories/alpha/internship-offers/${offer.id}`, {token: h.token})).status, 404);
    });

    it('needs a coordinator to create, publish or delete', async () => {
      assert.equal((await h.call('POST', '/v1/territories/alpha/internship-offers', {body: internshipOfferExample})).status, 401);
      const offer = await create();
      assert.equal((await h.call('POST', `/v1/territories/alpha/internship-offers/${offer.id}/publish`, {token: h.betaToken})).status, 401);
      assert.equal((await h.call('DELETE', `/v1/territories/alpha/internship-offers/${offer.id}`)).status, 401);
    });
  });
}
