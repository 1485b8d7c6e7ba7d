import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Stats, StatCount} from '@cpts-kit/contract';
import {seededRandom} from '../../packages/server/src/seed.js';
import {resolvePeriod, monthsOf} from '../../packages/server/src/stats-period.js';
import {CellTable, suppressCells, type Equation} from '../../packages/server/src/stats-suppression.js';
import {impactOf} from '../../packages/server/src/stats-publish.js';

const less = {suppressed: 'lessThan11'} as const;
const masked = {suppressed: 'complementary'} as const;
const isHidden = (c: StatCount) => typeof c !== 'number';

/** What a reader can do with the published table: solve any equation that has one unknown. */
function recomputable(out: StatCount[], equations: readonly Equation[]): boolean {
  return equations.some(({total, parts}) => [total, ...parts].filter((i) => isHidden(out[i]!)).length === 1);
}

describe('small-cell suppression', () => {
  it('publishes 0 and counts of 11 or more, and shows 1 to 10 as « moins de 11 »', () => {
    assert.deepEqual(suppressCells([0, 1, 10, 11, 250], []), [0, less, less, 11, 250]);
  });

  it('hides the smallest other commune when one small commune would be the total minus the rest', () => {
    // total 68 = Saint-Omer 40 + Arques 25 + Saint-Augustin 3
    const out = suppressCells([68, 40, 25, 3], [{total: 0, parts: [1, 2, 3]}]);
    assert.deepEqual(out, [68, 40, masked, less]);
  });

  it('leaves two small communes alone: neither can be recomputed', () => {
    assert.deepEqual(suppressCells([50, 42, 5, 3], [{total: 0, parts: [1, 2, 3]}]), [50, 42, less, less]);
  });

  it('hides a commune rather than a zero, and nothing when a small total already hides its parts', () => {
    assert.deepEqual(suppressCells([30, 0, 26, 4], [{total: 0, parts: [1, 2, 3]}]), [30, 0, masked, less]);
    assert.deepEqual(suppressCells([7, 0, 7], [{total: 0, parts: [1, 2]}]), [less, 0, less]);
  });

  it('follows a hidden count into every table it belongs to, until none has exactly one hidden cell', () => {
    // registered 100 = resolved 40 + open 55 + closed 5; resolved 40 = via the CPTS 31 + alone 9; closed 5 = moved 5 + other 0
    const equations = [
      {total: 0, parts: [1, 2, 3]},
      {total: 1, parts: [4, 5]},
      {total: 3, parts: [6, 7]},
    ];
    const out = suppressCells([100, 40, 55, 5, 31, 9, 5, 0], equations);
    assert.deepEqual([out[3], out[5], out[6]], [less, less, less]);
    // closed would be 100 − resolved − open: resolved is hidden, which in turn hides « alone » with it
    assert.deepEqual(out[1], masked);
    assert.deepEqual([out[0], out[2], out[4], out[7]], [100, 55, 31, 0]);
    assert.equal(recomputable(out, equations), false);
  });

  it('never leaves a table recomputable, on random small territories', () => {
    const random = seededRandom(2026);
    for (let round = 0; round < 500; round++) {
      const communes = 2 + Math.floor(random() * 8);
      const parts = Array.from({length: communes}, () => (random() < 0.5 ? Math.floor(random() * 12) : Math.floor(random() * 80)));
      const months = Array.from({length: 3}, () => 0);
      parts.forEach((p, i) => (months[i % 3]! += p));
      const total = parts.reduce((a, b) => a + b, 0);
      const values = [total, ...parts, ...months];
      const equations = [
        {total: 0, parts: parts.map((_, i) => 1 + i)},
        {total: 0, parts: months.map((_, i) => 1 + communes + i)},
      ];
      const out = suppressCells(values, equations);
      assert.equal(recomputable(out, equations), false, JSON.stringify(values));
      values.forEach((v, i) => {
        if (v >= 1 && v <= 10) assert.deepEqual(out[i], less);
        else if (!isHidden(out[i]!)) assert.equal(out[i], v);
      });
    }
  });

  it('reads cells through a table, once the sums are declared', () => {
    const table = new CellTable();
    const total = table.add(20);
    const a = table.add(15);
    const b = table.add(5);
    table.sums(total, [a, b]);
    table.sums(total, []);
    assert.deepEqual([table.read(total), table.read(a), table.read(b)], [20, masked, less]);
  });
});

describe('the public impact', () => {
  /** The figures `impactOf` reads; the rest of a report plays no part in it. */
  const figures = (registered: number, found: number, viaCpts: number, priority: number) =>
    ({
      from: '2026-01-01',
      computedAt: '2026-12-07T08:00:00.000Z',
      registered,
      resolved: {total: found, viaCpts, alone: found - viaCpts},
      priority: {any: {count: priority, share: null}},
      waitingNow: 30,
    }) as unknown as Stats;
  const shown = (count: StatCount): number | undefined => (typeof count === 'number' ? count : undefined);

  it('never lets two published counts subtract to one from 1 to 10', () => {
    // 25 found a doctor, 19 through the CPTS: publishing both would tell that 6 found one alone
    const alone = impactOf(figures(40, 25, 19, 20), 'demo');
    assert.ok(shown(alone.foundDoctor) === undefined || shown(alone.foundViaCpts) === undefined);
    // 40 registered, 33 with a priority criterion: 7 without one
    const withoutPriority = impactOf(figures(40, 20, 20, 33), 'demo');
    assert.ok(shown(withoutPriority.registered) === undefined || shown(withoutPriority.priority) === undefined);
  });

  it('publishes large counts whose differences are large too', () => {
    const impact = impactOf(figures(400, 200, 150, 120), 'demo');
    assert.deepEqual([impact.registered, impact.foundDoctor, impact.foundViaCpts, impact.priority, impact.waitingNow], [400, 200, 150, 120, 30]);
  });
});

describe('the stats period', () => {
  it('defaults to this month and the 11 before, not earlier than the retention', () => {
    assert.deepEqual(resolvePeriod({}, '2026-12-07', 730), {from: '2026-01-01', to: '2026-12-07'});
    assert.deepEqual(resolvePeriod({}, '2026-12-07', 100), {from: '2026-08-29', to: '2026-12-07'});
    assert.deepEqual(resolvePeriod({to: '2026-06-30'}, '2026-12-07', 730), {from: '2025-07-01', to: '2026-06-30'});
  });

  it('lists every month the period touches', () => {
    assert.deepEqual(monthsOf({from: '2025-11-15', to: '2026-02-01'}), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(monthsOf({from: '2026-12-07', to: '2026-12-07'}), ['2026-12']);
  });
});
