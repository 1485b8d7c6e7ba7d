import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {Impact, Stats, type StatCount} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, intakeBody, type Harness} from './helpers.js';
import {expectedStats, type ExpectedContext} from './stats-expected.js';
import {generateHistory, writeHistory, type GeneratedRequest} from './stats-history.js';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const monthStart = (day: string, back: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
};
const hidden = (c: StatCount) => typeof c !== 'number';

for (const engine of await engines()) {
  describe(`the stats (${engine.name})`, () => {
    let h: Harness;
    let history: GeneratedRequest[];
    let communes: ExpectedContext['communes'];
    const stats = async (query = '', token = h.token) => h.call('GET', `/v1/territories/alpha/stats${query}`, {token});
    const compare = async (query: string, ctx: Omit<ExpectedContext, 'communes' | 'today'>) => {
      const res = await stats(query);
      assert.equal(res.status, 200, res.text);
      const body = Stats.parse(res.body);
      const {computedAt, ...figures} = body;
      assert.ok(Date.parse(computedAt) > Date.now() - 60_000);
      assert.deepEqual(figures, expectedStats(history, {...ctx, today: today(), communes}));
      return body;
    };

    before(async () => {
      h = await harness(engine);
      communes = await h.db.query("select insee, name, population from territory_communes where territory = 'alpha' order by name, insee");
      history = generateHistory({territory: 'alpha', communes: ['62765', '62040', '62691'], count: 20_000, days: 729});
      await writeHistory(h.db, 'alpha', history);
    });
    after(() => h.close());

    it('refuses a caller without a coordinator token, or another territory’s', async () => {
      assert.equal((await h.call('GET', '/v1/territories/alpha/stats')).status, 401);
      assert.equal((await stats('', h.betaToken)).status, 401);
    });

    it('gives the last 12 months by default, equal to an independent computation of 20,000 generated requests', async () => {
      const body = await compare('', {from: monthStart(today(), 11), to: today(), commune: null});
      assert.ok((body.registered as number) > 8_000 && !body.empty);
      assert.equal(body.registered, (body.resolved.total as number) + (body.open as number) + (body.closed.total as number));
      assert.equal(body.byMonth.length, 12);
    });

    it('gives a chosen period, and one commune, equal to the independent computation', async () => {
      await compare(`?from=${daysAgo(700)}&to=${daysAgo(200)}`, {from: daysAgo(700), to: daysAgo(200), commune: null});
      await compare(`?from=${daysAgo(400)}&to=${today()}&commune=62691`, {from: daysAgo(400), to: today(), commune: '62691'});
      await compare(`?from=${today()}&to=${today()}`, {from: today(), to: today(), commune: null});
    });

    it('refuses a reversed period, a future day, a period beyond the retention, a day that does not exist, a commune outside the territory, naming the field', async () => {
      const refused = async (query: string, path: string, code: string) => {
        const res = await stats(query);
        assert.equal(res.status, 400, query);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal(res.body.errors[0].path, path, query);
        assert.equal(res.body.errors[0].code, code, query);
        return res.body.errors[0].message as string;
      };
      assert.match(await refused(`?from=${daysAgo(10)}&to=${daysAgo(20)}`, 'from', 'reversed_period'), /doit précéder/);
      assert.match(await refused(`?to=${daysAgo(-3)}`, 'to', 'future_date'), /futur/);
      assert.match(await refused(`?from=${daysAgo(-3)}`, 'from', 'future_date'), /futur/);
      assert.match(await refused(`?from=${daysAgo(800)}`, 'from', 'beyond_retention'), /conservation \(730 jours\)/);
      assert.match(await refused(`?to=${daysAgo(900)}`, 'to', 'beyond_retention'), /conservation/);
      await refused('?from=2026-02-30', 'from', 'invalid_format');
      await refused('?from=hier', 'from', 'invalid_format');
      assert.match(await refused('?commune=59350', 'commune', 'unknown_commune'), /pas dans ce territoire/);
    });

    it('says an empty territory is empty rather than showing zeros as data', async () => {
      const res = await h.call('GET', '/v1/territories/beta/stats', {token: h.betaToken});
      const body = Stats.parse(res.body);
      assert.equal(body.empty, true);
      assert.deepEqual([body.byCommune, body.byMonth, body.byReason, body.waitingAge, body.daysToSolutionBuckets], [[], [], [], [], []]);
      assert.deepEqual(body.daysToSolution, {median: null, p90: null});
      assert.equal(body.priority.any.share, null);
    });

    describe('publishable figures', () => {
      it('shows every count of 1 to 10 as « moins de 11 » and hides what would let one be recomputed', async () => {
        const raw = Stats.parse((await stats(`?from=${daysAgo(60)}&to=${today()}`)).body);
        const body = Stats.parse((await stats(`?from=${daysAgo(60)}&to=${today()}&publishable=true`)).body);
        assert.equal(body.publishable, true);
        const pairs: [StatCount, StatCount][] = [
          [raw.registered, body.registered],
          [raw.duplicates, body.duplicates],
          ...raw.byCommune.flatMap((c, i): [StatCount, StatCount][] => [
            [c.registered, body.byCommune[i]!.registered],
            [c.resolved, body.byCommune[i]!.resolved],
            [c.waitingNow, body.byCommune[i]!.waitingNow],
          ]),
          ...raw.closed.byReason.map((r, i): [StatCount, StatCount] => [r.count, body.closed.byReason[i]!.count]),
          ...raw.byMonth.map((m, i): [StatCount, StatCount] => [m.resolved, body.byMonth[i]!.resolved]),
        ];
        for (const [value, shown] of pairs) {
          if (typeof value === 'number' && value >= 1 && value <= 10) assert.deepEqual(shown, {suppressed: 'lessThan11'});
          else if (typeof shown === 'number') assert.equal(shown, value);
        }
        // the village's few requests are hidden, and so is one other commune's count: the total stays shown
        const village = body.byCommune.find((c) => c.insee === '62691')!;
        const rawVillage = raw.byCommune.find((c) => c.insee === '62691')!;
        if (typeof rawVillage.registered === 'number' && rawVillage.registered <= 10 && rawVillage.registered > 0) {
          assert.ok(hidden(village.registered));
          assert.equal(body.byCommune.filter((c) => hidden(c.registered)).length >= 2 || hidden(body.registered), true);
        }
        // no table has exactly one hidden cell next to a shown total
        const oneHidden = (total: StatCount, parts: StatCount[]) => !hidden(total) && parts.filter(hidden).length === 1;
        assert.equal(
          oneHidden(
            body.registered,
            body.byCommune.map((c) => c.registered),
          ),
          false,
        );
        assert.equal(
          oneHidden(
            body.waitingNow,
            body.waitingAge.map((b) => b.count),
          ),
          false,
        );
        assert.equal(
          oneHidden(
            body.closed.total,
            body.closed.byReason.map((r) => r.count),
          ),
          false,
        );
        assert.equal(oneHidden(body.registered, [body.resolved.total, body.open, body.closed.total]), false);
      });

      it('hides a small commune’s counts in a small territory and leaves nothing to recompute', async () => {
        // beta: 14 requests in Lille... all in one commune of the territory, some from a commune taken out since
        const beta = generateHistory({territory: 'beta', communes: ['59350', '59350', '59350', '62765'], count: 40, days: 300, seed: 7});
        await writeHistory(h.db, 'beta', beta);
        const res = await h.call('GET', `/v1/territories/beta/stats?from=${daysAgo(300)}&publishable=true`, {token: h.betaToken});
        const body = Stats.parse(res.body);
        const raw = Stats.parse((await h.call('GET', `/v1/territories/beta/stats?from=${daysAgo(300)}`, {token: h.betaToken})).body);
        const other = raw.byCommune.find((c) => c.insee === '62765')!;
        assert.equal(body.byCommune.length, 2, 'the commune outside the territory is listed too');
        assert.ok((other.registered as number) >= 1 && (other.registered as number) <= 10);
        assert.deepEqual(body.byCommune[1]!.registered, {suppressed: 'lessThan11'});
        assert.deepEqual(body.byCommune[0]!.registered, {suppressed: 'complementary'}, 'Lille would be the total minus the other');
        assert.equal(body.registered, raw.registered);
        if (typeof raw.resolved.total === 'number' && raw.resolved.total <= 10) assert.deepEqual(body.daysToSolution, {median: null, p90: null});
      });
    });

    describe('the public impact', () => {
      it('answers 404 until the territory switches it on', async () => {
        const res = await h.call('GET', '/v1/territories/alpha/impact');
        assert.equal(res.status, 404);
        assert.match(res.body.detail, /ne publie pas/);
      });

      it('gives the suppressed summary, without a token, with an ETag and a short max-age', async () => {
        const patched = await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {publishImpact: true}});
        assert.equal(patched.status, 200);
        assert.equal(patched.body.publishImpact, true);
        const res = await h.call('GET', '/v1/territories/alpha/impact');
        assert.equal(res.status, 200, res.text);
        const impact = Impact.parse(res.body);
        assert.equal(impact.since, monthStart(today(), 11));
        const raw = Stats.parse((await stats(`?from=${impact.since}`)).body);
        assert.equal(impact.registered, raw.registered);
        assert.equal(impact.foundDoctor, raw.resolved.total);
        assert.equal(impact.foundViaCpts, raw.resolved.viaCpts);
        assert.equal(impact.priority, raw.priority.any.count);
        assert.match(res.headers.get('cache-control') ?? '', /public, max-age=\d+/);
        const again = await h.call('GET', '/v1/territories/alpha/impact', {headers: {'If-None-Match': res.headers.get('etag')!}});
        assert.equal(again.status, 304);
      });

      it('starts at the oldest request kept, and hides small counts', async () => {
        await h.call('PATCH', '/v1/territories/beta', {token: h.betaToken, body: {publishImpact: true}});
        const impact = Impact.parse((await h.call('GET', '/v1/territories/beta/impact')).body);
        assert.ok(impact.since >= monthStart(daysAgo(300), 0));
        assert.equal(impact.empty, false);
        for (const count of [impact.registered, impact.foundDoctor, impact.foundViaCpts, impact.priority, impact.waitingNow]) {
          assert.ok(typeof count !== 'number' || count === 0 || count > 10);
        }
      });
    });

    it('counts the requests the form writes by reason (kept in clear), and their solution on its day', async () => {
      const before = Stats.parse((await stats(`?from=${today()}`)).body);
      const posted = await h.call('POST', '/v1/territories/alpha/intake-requests', {
        body: intakeBody({situation: {reason: 'moved_in'}}),
        headers: {'Idempotency-Key': crypto.randomUUID()},
      });
      assert.equal(posted.status, 201);
      const after = Stats.parse((await stats(`?from=${today()}`)).body);
      const movedIn = (s: Stats) => s.byReason.find((r) => r.reason === 'moved_in')?.count ?? 0;
      assert.equal((movedIn(after) as number) - (movedIn(before) as number), 1);
      assert.equal((after.registered as number) - (before.registered as number), 1);

      // solved through the lifecycle: counted on the day of its solution, once even when reopened
      const move = (to: string, extra: Record<string, unknown> = {}) =>
        h.call('POST', `/v1/territories/alpha/intake-requests/${posted.body.id}/transitions`, {token: h.token, body: {to, ...extra}});
      for (const to of ['contacted', 'resolved', 'contacted', 'resolved']) assert.equal((await move(to)).status, 200, to);
      const solved = Stats.parse((await stats(`?from=${today()}`)).body);
      assert.equal((solved.resolved.viaCpts as number) - (after.resolved.viaCpts as number), 1);
      assert.equal((solved.byMonth.at(-1)!.resolved as number) - (after.byMonth.at(-1)!.resolved as number), 1);
      assert.equal((solved.daysToSolutionBuckets[0]!.count as number) - (after.daysToSolutionBuckets[0]!.count as number), 1);
    });
  });
}
