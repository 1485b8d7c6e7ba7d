import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {InternshipInterestList, InternshipOffer, InternshipOfferList, internshipOfferExample} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, type Harness} from './helpers.js';

const interest = (overrides: Record<string, unknown> = {}) => ({
  name: 'Léa Martin',
  email: 'lea.martin@etu.univ-exemple.fr',
  period: '2027-05',
  message: 'Interne en 3e semestre.',
  consent: true,
  ...overrides,
});

for (const engine of await engines()) {
  describe(`interest in internship offers (${engine.name})`, () => {
    let h: Harness;
    let published: InternshipOffer;
    let draft: InternshipOffer;
    const offers = '/v1/territories/alpha/internship-offers';
    const create = async (overrides: Record<string, unknown> = {}) => {
      const res = await h.call('POST', offers, {token: h.token, body: {...internshipOfferExample, ...overrides}});
      assert.equal(res.status, 201, res.text);
      return InternshipOffer.parse(res.body);
    };
    const publish = async (id: string) => assert.equal((await h.call('POST', `${offers}/${id}/publish`, {token: h.token})).status, 200);
    const express = (id: string, body: unknown, key: string | null = crypto.randomUUID()) =>
      h.call('POST', `${offers}/${id}/interests`, {body, headers: key ? {'Idempotency-Key': key} : {}});

    before(async () => {
      h = await harness(engine);
      published = await create({title: 'Stage publié'});
      await publish(published.id);
      draft = await create({title: 'Stage brouillon'});
    });
    after(() => h.close());

    it('records an interest in a published offer, and the coordinator reads it decrypted', async () => {
      const res = await express(published.id, interest());
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, 'received');
      const list = await h.call('GET', `${offers}/${published.id}/interests`, {token: h.token});
      assert.equal(list.status, 200, list.text);
      const items = InternshipInterestList.parse(list.body).items;
      const mine = items.find((i) => i.id === res.body.id);
      assert.deepEqual(mine && {name: mine.name, email: mine.email, period: mine.period, message: mine.message}, {
        name: 'Léa Martin',
        email: 'lea.martin@etu.univ-exemple.fr',
        period: '2027-05',
        message: 'Interne en 3e semestre.',
      });
    });

    it('keeps the name, e-mail and message encrypted in the database', async () => {
      await express(published.id, interest({name: 'Zoé Secrète', email: 'zoe.secrete@exemple.fr'}));
      const rows = await h.db.query<Record<string, unknown>>('select * from internship_interests');
      const stored = JSON.stringify(rows);
      assert.ok(!stored.includes('Zoé') && !stored.includes('zoe.secrete'), 'no personal field in clear');
      assert.match(String(rows[0]?.personal_encrypted), /^v1:/);
    });

    it('answers the same form sent twice with the same key once, with the first answer', async () => {
      const key = crypto.randomUUID();
      const first = await express(published.id, interest({name: 'Paul Double'}), key);
      const second = await express(published.id, interest({name: 'Paul Double'}), key);
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.equal(second.body.id, first.body.id);
      const items = InternshipInterestList.parse((await h.call('GET', `${offers}/${published.id}/interests`, {token: h.token})).body).items;
      assert.equal(items.filter((i) => i.name === 'Paul Double').length, 1);
    });

    it('refuses a key already used for another form with 422', async () => {
      const key = crypto.randomUUID();
      assert.equal((await express(published.id, interest({name: 'Anne Un'}), key)).status, 201);
      const reused = await express(published.id, interest({name: 'Anne Deux'}), key);
      assert.equal(reused.status, 422);
      assert.equal(reused.body.code, 'idempotency_key_reused');
    });

    it('requires an Idempotency-Key', async () => {
      const res = await express(published.id, interest(), null);
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'idempotency_key_required');
    });

    it('does not take interest in a draft, an archived or an unknown offer (404)', async () => {
      assert.equal((await express(draft.id, interest())).status, 404);
      const archived = await create({title: 'Stage archivé'});
      await publish(archived.id);
      assert.equal((await h.call('POST', `${offers}/${archived.id}/archive`, {token: h.token})).status, 200);
      assert.equal((await express(archived.id, interest())).status, 404);
      assert.equal((await express(crypto.randomUUID(), interest())).status, 404);
    });

    it('puts a period the offer does not propose under the period field', async () => {
      const res = await express(published.id, interest({period: '2030-01'}));
      assert.equal(res.status, 400);
      assert.deepEqual(
        res.body.errors.map((e: {path: string}) => e.path),
        ['period'],
      );
    });

    it('names each invalid field, in French, and refuses a filled honeypot or a missing consent', async () => {
      const res = await express(published.id, interest({name: '', email: 'pas-un-email', message: 'x'.repeat(1001)}));
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.errors.map((e: {path: string}) => e.path).sort(), ['email', 'message', 'name']);
      assert.match(res.body.errors.find((e: {path: string}) => e.path === 'email').message, /adresse e-mail invalide/);
      assert.equal((await express(published.id, interest({website: 'https://spam.example'}))).status, 400);
      assert.equal((await express(published.id, interest({consent: false}))).status, 400);
    });

    it('lists interests for coordinators of the territory only', async () => {
      assert.equal((await h.call('GET', `${offers}/${published.id}/interests`)).status, 401);
      const other = await h.call('GET', `${offers}/${published.id}/interests`, {token: h.betaToken});
      assert.notEqual(other.status, 200);
    });
  });

  describe(`internship offers at scale (${engine.name})`, () => {
    let h: Harness;
    const offers = '/v1/territories/alpha/internship-offers';
    before(async () => {
      h = await harness(engine);
      // 230 published offers, a third with housing, and 20 drafts: written directly, the API is tested elsewhere
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = 0; i < 250; i++) {
        const data = {
          ...internshipOfferExample,
          title: `Offre ${i}`,
          kind: i % 3 === 0 ? 'saspas' : 'mg_niveau_1',
          housing: i % 3 === 0 ? internshipOfferExample.housing : [],
        };
        params.push(crypto.randomUUID(), i < 230 ? 'published' : 'draft', JSON.stringify(data));
        const n = params.length;
        values.push(
          `($${n - 2}, 'alpha', $${n - 1}, $${n}::jsonb, now() - interval '${i} minutes', now() - interval '${i} minutes', case when $${n - 1} = 'published' then now() - interval '${i} minutes' end)`,
        );
      }
      await h.db.query(`insert into internship_offers (id, territory, status, data, created_at, updated_at, published_at) values ${values.join(', ')}`, params);
    });
    after(() => h.close());

    it('walks every published offer page by page, each once, with the total on every page', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await h.call('GET', `${offers}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200, res.text);
        const page = InternshipOfferList.parse(res.body);
        assert.equal(page.total, 230);
        assert.ok(page.items.every((o) => o.status === 'published'));
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.equal(new Set(seen).size, 230);
    });

    it('filters on the server before paginating, so totals count matches only', async () => {
      const page = InternshipOfferList.parse((await h.call('GET', `${offers}?kind=saspas&housing=true&limit=10`)).body);
      assert.equal(page.total, 77);
      assert.equal(page.items.length, 10);
      assert.ok(page.items.every((o) => o.kind === 'saspas' && o.housing.length > 0));
      const none = InternshipOfferList.parse((await h.call('GET', `${offers}?housing=false&kind=saspas`)).body);
      assert.equal(none.total, 0);
    });

    it('ignores status=draft from the public, and serves drafts to the coordinator', async () => {
      const pub = InternshipOfferList.parse((await h.call('GET', `${offers}?status=draft`)).body);
      assert.ok(pub.items.every((o) => o.status === 'published'));
      const coord = InternshipOfferList.parse((await h.call('GET', `${offers}?status=draft`, {token: h.token})).body);
      assert.equal(coord.total, 20);
    });

    it('lets shared caches keep the public list, but not a coordinator’s copy of it', async () => {
      const pub = await h.call('GET', `${offers}?limit=5`);
      assert.match(pub.headers.get('cache-control') ?? '', /^public/);
      assert.ok(pub.headers.get('etag'));
      const coord = await h.call('GET', `${offers}?limit=5`, {token: h.token});
      assert.match(coord.headers.get('cache-control') ?? '', /^private, no-cache/);
    });

    it('gives a public GET of one offer an ETag and answers 304 to it', async () => {
      const [first] = InternshipOfferList.parse((await h.call('GET', `${offers}?limit=1`)).body).items;
      const res = await h.call('GET', `${offers}/${first!.id}`);
      const etag = res.headers.get('etag');
      assert.ok(etag);
      assert.match(res.headers.get('cache-control') ?? '', /public/);
      assert.equal((await h.call('GET', `${offers}/${first!.id}`, {headers: {'If-None-Match': etag}})).status, 304);
    });
  });
}
