import type {Impact, Stats, StatCount} from '@cpts-kit/contract';
import {CellTable, SMALL_CELL_MAX} from './stats-suppression.js';

const value = (count: StatCount): number => (typeof count === 'number' ? count : 0);

/**
 * The coordinator's figures made publishable: every count goes through one `CellTable` with the
 * sums a reader knows (the outcome of the registrations, each table's rows against its total), so
 * a hidden count cannot be recomputed from the others. Shares, rates and days are withheld where
 * they would give a hidden count away or describe fewer than 11 people.
 */
export function publishable(stats: Stats): Stats {
  const cells = new CellTable();
  const add = (count: StatCount) => cells.add(value(count));
  const registered = add(stats.registered);
  const duplicates = add(stats.duplicates);
  const resolved = {total: add(stats.resolved.total), viaCpts: add(stats.resolved.viaCpts), alone: add(stats.resolved.alone)};
  const open = add(stats.open);
  const closedTotal = add(stats.closed.total);
  const closedByReason = stats.closed.byReason.map((r) => add(r.count));
  const priorityAny = add(stats.priority.any.count);
  const criteria = stats.priority.byCriterion.map((c) => add(c.count));
  const homeVisits = add(stats.homeVisits.count);
  const daysBuckets = stats.daysToSolutionBuckets.map((b) => add(b.count));
  const waitingNow = add(stats.waitingNow);
  const waitingAge = stats.waitingAge.map((b) => add(b.count));
  const communes = stats.byCommune.map((c) => ({registered: add(c.registered), resolved: add(c.resolved), waitingNow: add(c.waitingNow)}));
  const reasons = stats.byReason.map((r) => add(r.count));
  const months = stats.byMonth.map((m) => ({registered: add(m.registered), resolved: add(m.resolved)}));

  cells.sums(registered, [resolved.total, open, closedTotal]);
  cells.sums(resolved.total, [resolved.viaCpts, resolved.alone]);
  cells.sums(closedTotal, closedByReason);
  cells.sums(registered, reasons);
  cells.sums(
    registered,
    months.map((m) => m.registered),
  );
  cells.sums(
    registered,
    communes.map((c) => c.registered),
  );
  cells.sums(
    resolved.total,
    communes.map((c) => c.resolved),
  );
  cells.sums(resolved.total, daysBuckets);
  cells.sums(
    waitingNow,
    communes.map((c) => c.waitingNow),
  );
  cells.sums(waitingNow, waitingAge);
  // a share's complement is a count too: « registered − with the criterion » must not give away a small one
  const complementOf = (part: number, count: StatCount) => cells.sums(registered, [part, add(value(stats.registered) - value(count))]);
  complementOf(priorityAny, stats.priority.any.count);
  stats.priority.byCriterion.forEach((c, i) => complementOf(criteria[i]!, c.count));
  complementOf(homeVisits, stats.homeVisits.count);

  const read = (i: number) => cells.read(i);
  const registeredShown = read(registered);
  const shareOf = (i: number) => {
    const n = read(i);
    return typeof n === 'number' && typeof registeredShown === 'number' && registeredShown > 0 ? n / registeredShown : null;
  };
  const enough = value(stats.resolved.total) > SMALL_CELL_MAX;
  return {
    ...stats,
    publishable: true,
    registered: registeredShown,
    duplicates: read(duplicates),
    resolved: {total: read(resolved.total), viaCpts: read(resolved.viaCpts), alone: read(resolved.alone)},
    open: read(open),
    closed: {total: read(closedTotal), byReason: stats.closed.byReason.map((r, i) => ({reason: r.reason, count: read(closedByReason[i]!)}))},
    priority: {
      any: {count: read(priorityAny), share: shareOf(priorityAny)},
      byCriterion: stats.priority.byCriterion.map((c, i) => ({criterion: c.criterion, count: read(criteria[i]!), share: shareOf(criteria[i]!)})),
    },
    homeVisits: {count: read(homeVisits), share: shareOf(homeVisits)},
    daysToSolution: enough ? stats.daysToSolution : {median: null, p90: null},
    daysToSolutionBuckets: stats.daysToSolutionBuckets.map((b, i) => ({...b, count: read(daysBuckets[i]!)})),
    waitingNow: read(waitingNow),
    waitingAge: stats.waitingAge.map((b, i) => ({...b, count: read(waitingAge[i]!)})),
    byCommune: stats.byCommune.map((c, i) => {
      const waiting = read(communes[i]!.waitingNow);
      return {
        ...c,
        registered: read(communes[i]!.registered),
        resolved: read(communes[i]!.resolved),
        waitingNow: waiting,
        waitingPer1000: typeof waiting === 'number' ? c.waitingPer1000 : null,
      };
    }),
    byReason: stats.byReason.map((r, i) => ({reason: r.reason, count: read(reasons[i]!)})),
    byMonth: stats.byMonth.map((m, i) => ({month: m.month, registered: read(months[i]!.registered), resolved: read(months[i]!.resolved)})),
  };
}

/**
 * The public summary from the figures since `since` (coordinator's, unsuppressed). What a reader
 * can subtract is declared too — found alone (found − via the CPTS), not found yet, without a
 * priority criterion — so no difference of two published counts gives a count from 1 to 10.
 */
export function impactOf(stats: Stats, territory: string): Impact {
  const cells = new CellTable();
  const registered = cells.add(value(stats.registered));
  const foundDoctor = cells.add(value(stats.resolved.total));
  const foundViaCpts = cells.add(value(stats.resolved.viaCpts));
  const priority = cells.add(value(stats.priority.any.count));
  const waitingNow = cells.add(value(stats.waitingNow));
  cells.sums(foundDoctor, [foundViaCpts, cells.add(value(stats.resolved.total) - value(stats.resolved.viaCpts))]);
  cells.sums(registered, [foundDoctor, cells.add(value(stats.registered) - value(stats.resolved.total))]);
  cells.sums(registered, [priority, cells.add(value(stats.registered) - value(stats.priority.any.count))]);
  return {
    territory,
    since: stats.from,
    computedAt: stats.computedAt,
    empty: value(stats.registered) === 0,
    registered: cells.read(registered),
    foundDoctor: cells.read(foundDoctor),
    foundViaCpts: cells.read(foundViaCpts),
    priority: cells.read(priority),
    waitingNow: cells.read(waitingNow),
  };
}
