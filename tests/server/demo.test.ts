import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {Board, Impact, InternshipOfferList, PublicPractitionerList, Stats, Territory, WaitingListPage} from '@cpts-kit/contract';
import {createApp} from '../../packages/server/src/app.js';
import {migrate, type Db} from '../../packages/server/src/db/index.js';
import {deriveKeys} from '../../packages/server/src/crypto.js';
import {ensureDemoToken, seedDemo} from '../../packages/server/src/seed.js';
import {seedRequestHistory} from '../../packages/server/src/seed-history.js';
import {seedWaitingList} from '../../packages/server/src/seed-waiting-list.js';
import {engines} from './databases.js';

for (const engine of await engines()) {
  describe(`the demo territory (${engine.name})`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    let token: string;
    before(async () => {
      ({db, cleanup} = await engine.open());
      await migrate(db);
      await seedDemo(db);
      await seedWaitingList(db, deriveKeys('x'));
      await seedRequestHistory(db, deriveKeys('x'));
      token = await ensureDemoToken(db);
      app = createApp({db, config: {secretKey: 'x', allowedOrigins: [], production: false, version: 'test'}});
    });
    after(() => cleanup());
    const get = async (path: string, auth = false) => (await app.request(path, auth ? {headers: {Authorization: `Bearer ${token}`}} : {})).json();

    it('covers the 53 communes of the CA du Pays de Saint-Omer with real names and postal codes', async () => {
      const territory = Territory.parse(await get('/v1/territories/demo'));
      assert.equal(territory.name, "CPTS de l'Audomarois (démo)");
      assert.equal(territory.communes.length, 53);
      const saintOmer = territory.communes.find((c) => c.insee === '62765');
      assert.deepEqual(saintOmer?.postalCodes, ['62500']);
      assert.ok(territory.communes.every((c) => c.centre !== null && (c.population ?? 0) > 0));
    });

    it('has about 80 practitioners of every profession, with every kind of freshness', async () => {
      const board = Board.parse(await get('/v1/territories/demo/availability-board', true));
      assert.equal(board.counts.total, 80);
      assert.equal(new Set(board.items.map((r) => r.profession)).size, 11);
      assert.ok(board.counts.fresh > 0 && board.counts.stale > 0 && board.counts.never > 0);
      const publicList = PublicPractitionerList.parse(await get('/v1/territories/demo/practitioners?limit=500'));
      assert.ok(publicList.items.length > 10 && publicList.items.length < 80, 'some practitioners are network-only');
    });

    it('publishes most internship offers, keeping drafts and archives out of the public list', async () => {
      const offers = InternshipOfferList.parse(await get('/v1/territories/demo/internship-offers'));
      assert.equal(offers.total, 9);
      assert.ok(offers.items.some((o) => o.housing.length > 0 && o.financialAid.length > 0));
      const drafts = InternshipOfferList.parse(await get('/v1/territories/demo/internship-offers?status=draft', true));
      assert.equal(drafts.total, 2);
    });

    it('shows a year of figures: its stats above the small-cell threshold, and its public impact', async () => {
      const stats = Stats.parse(await get('/v1/territories/demo/stats?publishable=true', true));
      assert.equal(stats.empty, false);
      assert.ok((stats.registered as number) > 250 && (stats.resolved.total as number) > 100);
      assert.ok(stats.byMonth.filter((m) => typeof m.registered === 'number' && m.registered > 10).length >= 10);
      assert.notEqual(stats.daysToSolution.median, null);
      const impact = Impact.parse(await get('/v1/territories/demo/impact'));
      assert.equal(impact.registered, stats.registered);
      assert.equal(typeof impact.foundDoctor, 'number');
    });

    it('opens the waiting list on the people waiting, the finished requests last', async () => {
      const page = WaitingListPage.parse(await get('/v1/territories/demo/intake-requests?limit=60', true));
      assert.equal(page.counts.received + page.counts.contacted + page.counts.oriented, 46);
      assert.ok(page.items.slice(0, 46).every((i) => ['received', 'contacted', 'oriented'].includes(i.status)));
    });
  });
}
