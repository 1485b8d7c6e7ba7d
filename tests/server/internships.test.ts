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
    const publicIds = async (query = '') => InternshipOfferList.parse((await h.call('GET', `/v1/territories/alpha/internship-offers${query}`)).body).items.map((o) => o.id);
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

    it('finds offers whatever the accents and case of the search or of the offer', async () => {
      const offer = await create({
        title: 'Stage en ÉCOLE de sages-femmes',
        discipline: 'Maïeutique',
        practiceName: 'Maison de santé Saint-Éloi',
        description: 'Cafe\u0301 offert.',
      });
      await h.call('POST', `/v1/territories/alpha/internship-offers/${offer.id}/publish`, {token: h.token});
      for (const q of ['ecole', 'École', 'ÉCOLE', 'maieutique', 'MAÏEUTIQUE', 'saint-eloi', 'café', 'cafe']) {
        assert.deepEqual(await publicIds(`?q=${encodeURIComponent(q)}`), [offer.id], q);
      }
      assert.deepEqual(await publicIds(`?discipline=${encodeURIComponent('maieutique')}`), [offer.id]);
      // a match never spans two fields: the title ends with « femmes », the practice starts with « Maison »
      assert.deepEqual(await publicIds(`?q=${encodeURIComponent('femmesmaison')}`), []);
    });

    it('counts the matches again once an offer is published', async () => {
      const list = async () => InternshipOfferList.parse((await h.call('GET', '/v1/territories/alpha/internship-offers?q=zanzibar')).body);
      assert.equal((await list()).total, 0);
      const offer = await create({title: 'Stage à Zanzibar'});
      assert.equal((await list()).total, 0);
      await h.call('POST', `/v1/territories/alpha/internship-offers/${offer.id}/publish`, {token: h.token});
      const after = await list();
      assert.equal(after.total, 1);
      assert.deepEqual(
        after.items.map((o) => o.id),
        [offer.id],
      );
      await h.call('DELETE', `/v1/territories/alpha/internship-offers/${offer.id}`, {token: h.token});
      assert.equal((await list()).total, 0);
    });

    it('pages with a cursor that neither skips nor repeats offers when new ones are published meanwhile', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const offer = await create({title: `Stage paginé ${i}`, discipline: 'Pagination'});
        await h.call('POST', `/v1/territories/alpha/internship-offers/${offer.id}/publish`, {token: h.token});
        ids.unshift(offer.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await h.call('GET', `/v1/territories/alpha/internship-offers?discipline=pagination&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200, res.text);
        const page = InternshipOfferList.parse(res.body);
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor;
        if (pages++ === 0) {
          // published after the first page was served: it goes on top, the pages after it do not shift
          const late = await create({title: 'Stage paginé tardif', discipline: 'Pagination'});
          await h.call('POST', `/v1/territories/alpha/internship-offers/${late.id}/publish`, {token: h.token});
        }
      } while (cursor);
      assert.deepEqual(seen, ids);
      const bad = await h.call(
        'GET',
        `/v1/territories/alpha/internship-offers?cursor=${Buffer.from('k:2026-02-31T00:00:00.000000Z 00000000-0000-4000-8000-000000000000').toString('base64url')}`,
      );
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors[0].path, 'cursor');
      // a year JavaScript's dates take and PostgreSQL's do not: still the client's mistake, not a 500
      const yearZero = await h.call(
        'GET',
        `/v1/territories/alpha/internship-offers?cursor=${Buffer.from('k:0000-01-01T00:00:00.000000Z 00000000-0000-4000-8000-000000000000').toString('base64url')}`,
      );
      assert.equal(yearZero.status, 400);
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
