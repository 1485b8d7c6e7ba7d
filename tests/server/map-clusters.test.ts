import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PractitionerMap, PublicPractitionerList} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {declaration, harness, type Harness} from './helpers.js';

const PROFESSIONS = ['medecin_generaliste', 'infirmier', 'sage_femme'];
const ACCEPTING = ['yes', 'limited', 'no'];
const COUNT = 240;
const WORLD = '-180,-90,180,90';

for (const engine of await engines()) {
  describe(`the public map's clusters (${engine.name})`, () => {
    let h: Harness;
    const mapOf = async (query: string, headers: Record<string, string> = {}) => h.call('GET', `/v1/territories/alpha/practitioners/map?${query}`, {headers});
    const map = async (query: string) => {
      const res = await mapOf(query);
      assert.equal(res.status, 200, res.text);
      return PractitionerMap.parse(res.body);
    };
    /** Every practitioner the public list gives for these filters, page after page. */
    const listAll = async (query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await h.call('GET', `/v1/territories/alpha/practitioners?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200, res.text);
        const page = PublicPractitionerList.parse(res.body);
        ids.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const shown = (m: PractitionerMap) => m.clusters.reduce((n, c) => n + c.count, 0) + m.points.length;

    before(async () => {
      h = await harness(engine);
      // a grid over the Audomarois, each practitioner with a public declaration but the last ten
      await h.db.query(
        `insert into practitioners (id, territory, profession, first_name, last_name, commune_insee, lat, lng, active)
         select gen_random_uuid(), 'alpha', ($1::text[])[1 + i % 3], 'Prénom', 'Carte' || lpad(i::text, 4, '0'), '62765',
                50.6 + (i / 20) * 0.025, 2.1 + (i % 20) * 0.02, i % 37 <> 0
           from generate_series(0, $2::int - 1) as i`,
        [PROFESSIONS, COUNT],
      );
      await h.db.query(
        `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_by)
         select gen_random_uuid(), p.id, $2::jsonb || jsonb_build_object('accepting', ($1::text[])[1 + n % 3], 'homeVisits', n % 2 = 0),
                case when n >= $3::int - 10 then 'network' else 'public' end, 'practitioner'
           from (select id, substring(last_name from 6)::int as n from practitioners where last_name like 'Carte%') p`,
        [ACCEPTING, JSON.stringify(declaration()), COUNT],
      );
    });
    after(() => h.close());

    it('answers clusters and points whose counts add up to the public list’s total', async () => {
      const listed = await listAll('');
      // the inactive and the non-public ones are left out
      assert.ok(listed.length > 200 && listed.length < COUNT, String(listed.length));
      for (const zoom of [3, 9, 12, 16, 17]) {
        const m = await map(`bbox=${WORLD}&zoom=${zoom}`);
        assert.equal(m.total, listed.length, `zoom ${zoom}`);
        assert.equal(shown(m), listed.length, `zoom ${zoom}`);
      }
      const far = await map(`bbox=${WORLD}&zoom=3`);
      assert.ok(far.clusters.length >= 1 && far.clusters.length < 10, 'far out, a few clusters');
      const near = await map(`bbox=${WORLD}&zoom=17`);
      assert.equal(near.clusters.length, 0, 'close in, every practitioner on their own');
      assert.deepEqual(near.points.map((p) => p.id).sort(), [...listed].sort());
    });

    it('says how many in each cluster take new patients', async () => {
      const accepting = (await listAll('acceptsNew=true')).length;
      const m = await map(`bbox=${WORLD}&zoom=8`);
      const inPoints = m.points.filter((p) => p.accepting === 'yes' || p.accepting === 'limited').length;
      assert.equal(m.clusters.reduce((n, c) => n + c.accepting, 0) + inPoints, accepting);
      for (const c of m.clusters) assert.ok(c.accepting <= c.count && c.zoom > 8, JSON.stringify(c));
    });

    it('keeps to the bbox, counting what the list gives for the same bbox', async () => {
      const bbox = '2.15,50.65,2.3,50.75';
      const [west, south, east, north] = bbox.split(',').map(Number) as [number, number, number, number];
      const m = await map(`bbox=${bbox}&zoom=17`);
      assert.equal(m.total, (await listAll(`bbox=${bbox}`)).length);
      assert.ok(m.total > 0 && m.total < 100);
      for (const p of m.points) assert.ok(p.lng >= west && p.lng <= east && p.lat >= south && p.lat <= north, JSON.stringify(p));
    });

    it('applies the filters on the server, as the list does', async () => {
      const filters = 'profession=infirmier&acceptsNew=true&homeVisits=true';
      const listed = await listAll(filters);
      assert.ok(listed.length > 5);
      const m = await map(`bbox=${WORLD}&zoom=17&${filters}`);
      assert.equal(m.total, listed.length);
      assert.deepEqual(m.points.map((p) => p.id).sort(), [...listed].sort());
      assert.ok(m.points.every((p) => p.profession === 'infirmier' && p.accepting !== 'no'));
      const no = await map(`bbox=${WORLD}&zoom=5&accepting=no`);
      assert.equal(no.total, (await listAll('accepting=no')).length);
      assert.equal(
        no.clusters.reduce((n, c) => n + c.accepting, 0),
        0,
      );
    });

    it('refuses a bad bbox or zoom, naming the field in French', async () => {
      for (const [query, field] of [
        ['bbox=1,2,3&zoom=5', 'bbox'],
        ['bbox=3,50,2,51&zoom=5', 'bbox'],
        ['bbox=-200,50,2,51&zoom=5', 'bbox'],
        [`zoom=5`, 'bbox'],
        [`bbox=${WORLD}`, 'zoom'],
        [`bbox=${WORLD}&zoom=abc`, 'zoom'],
        [`bbox=${WORLD}&zoom=25`, 'zoom'],
        [`bbox=${WORLD}&zoom=5&acceptsNew=peut-être`, 'acceptsNew'],
      ] as const) {
        const res = await mapOf(query);
        assert.equal(res.status, 400, query);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal(res.body.errors[0].path, field, query);
        assert.doesNotMatch(res.body.errors[0].message, /\b(expected|invalid input|too big)\b/i, query);
      }
    });

    it('answers 304 to a client that has the view, and is cacheable', async () => {
      const first = await mapOf(`bbox=${WORLD}&zoom=6`);
      const etag = first.headers.get('etag');
      assert.ok(etag);
      assert.match(first.headers.get('cache-control') ?? '', /public/);
      const again = await mapOf(`bbox=${WORLD}&zoom=6`, {'If-None-Match': etag});
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      assert.notEqual((await mapOf(`bbox=${WORLD}&zoom=7`)).headers.get('etag'), etag, 'another view, another tag');
    });

    it('is fresh as soon as a practitioner declares or is deactivated', async () => {
      const query = `bbox=${WORLD}&zoom=17&acceptsNew=true`;
      const before = await mapOf(query);
      const [closed] = await h.db.query<{id: string}>(
        `select p.id from practitioners p join availability_declarations a on a.practitioner_id = p.id
          where p.territory = 'alpha' and p.active and a.visibility = 'public' and a.declaration->>'accepting' = 'no' limit 1`,
      );
      const link = await h.call('POST', `/v1/territories/alpha/practitioners/${closed!.id}/link`, {token: h.token, body: {expiresInDays: 30}});
      const put = await h.call('PUT', '/v1/territories/alpha/availability', {token: link.body.token, body: declaration({accepting: 'yes'})});
      assert.equal(put.status, 200, put.text);
      const after = await mapOf(query, {'If-None-Match': before.headers.get('etag')!});
      assert.equal(after.status, 200);
      assert.equal(after.body.total, before.body.total + 1);
      assert.ok(after.body.points.some((p: {id: string}) => p.id === closed!.id));

      const patch = await h.call('PATCH', `/v1/territories/alpha/practitioners/${closed!.id}`, {token: h.token, body: {active: false}});
      assert.equal(patch.status, 200, patch.text);
      assert.equal((await map(query)).total, before.body.total);
    });

    it('stays exact through every kind of change, by any writer, re-reading only what changed', async () => {
      const query = `bbox=${WORLD}&zoom=17`;
      /** The map's points against the public list's practitioners, with their positions. */
      const same = async (what: string) => {
        const m = await map(query);
        const listed = await listAll('');
        assert.deepEqual(m.points.map((p) => p.id).sort(), [...listed].sort(), what);
        return new Map(m.points.map((p) => [p.id, p]));
      };
      const before = await same('at first');
      const [moved, gone, renamedId] = [...before.keys()];
      await h.db.query('update practitioners set lat = lat + 0.001 where id = $1', [moved]);
      const after = await same('after a script moved one');
      assert.equal(after.get(moved!)!.lat, Math.round((before.get(moved!)!.lat + 0.001) * 1e5) / 1e5);
      await h.db.query('delete from practitioners where id = $1', [gone]);
      assert.equal((await same('after a script deleted one')).has(gone!), false);
      await h.db.query('delete from availability_declarations where practitioner_id = $1', [moved]);
      assert.equal((await same('after its declarations were deleted')).has(moved!), false);
      // a log pruned meanwhile: everything is read again, still exact
      await h.db.query(`update practitioners set first_name = 'Renommé' where id = $1`, [renamedId]);
      await h.db.query('delete from practitioner_map_changes');
      const renamed = await same('after a change whose log was pruned');
      assert.match(renamed.get(renamedId!)!.name, /^Renommé /);
    });

    it('shows nothing of another territory', async () => {
      const m = PractitionerMap.parse((await h.call('GET', `/v1/territories/beta/practitioners/map?bbox=${WORLD}&zoom=5`)).body);
      assert.equal(m.total, 0);
      assert.deepEqual([m.clusters, m.points], [[], []]);
      const unknown = await h.call('GET', `/v1/territories/nulle-part/practitioners/map?bbox=${WORLD}&zoom=5`);
      assert.equal(unknown.status, 404);
    });

    it('gives one practitioner’s public details by id, as a marker chosen on the map needs', async () => {
      const m = await map(`bbox=${WORLD}&zoom=17`);
      const point = m.points[0]!;
      const res = await h.call('GET', `/v1/territories/alpha/practitioners?id=${point.id}`);
      const list = PublicPractitionerList.parse(res.body);
      assert.deepEqual(
        list.items.map((p) => [p.id, p.displayName, p.profession]),
        [[point.id, point.name, point.profession]],
      );
      assert.equal((await h.call('GET', '/v1/territories/alpha/practitioners?id=pas-un-uuid')).body.errors[0].path, 'id');
    });
  });
}
