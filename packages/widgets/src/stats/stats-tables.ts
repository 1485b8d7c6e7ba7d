import type {CloseReason, DaysBucket, IntakeReason, PriorityCriterion, Stats} from '@cpts-kit/contract';
import {csvCell} from '../coordinator/csv.js';
import type {Cell, StatsFormat} from './stats-format.js';
import {formatMonth} from './period.js';

export type TableId = 'figures' | 'months' | 'daysToSolution' | 'waitingAge' | 'communes' | 'reasons' | 'priority' | 'closed';

/** One table of figures: shown on screen beside its chart, and downloaded as CSV from the same rows. */
export interface StatTable {
  id: TableId;
  caption: string;
  header: string[];
  rows: Cell[][];
}

/** The shared labels the tables name reasons and criteria with. */
export interface TableLabels {
  intakeReasons: Record<IntakeReason, string>;
  priorityCriteria: Record<PriorityCriterion, string>;
}

export const bucketLabel = (f: StatsFormat, bucket: DaysBucket) => f.t.bucket(f.number(bucket.minDays), bucket.maxDays === null ? null : f.number(bucket.maxDays));

/** Every table of `stats`, in the order the widget shows them. */
export function statsTables(stats: Stats, f: StatsFormat, labels: TableLabels): StatTable[] {
  const t = f.t;
  const c = t.columns;
  const shown = (reason: CloseReason) => reason !== 'found_via_cpts' && reason !== 'found_alone' && reason !== 'duplicate';
  return [
    {
      id: 'figures',
      caption: t.tables.figures,
      header: [c.figure, c.value],
      rows: [
        [t.figures.registered, {count: stats.registered}],
        [t.figures.resolved, {count: stats.resolved.total}],
        [t.figures.viaCpts, {count: stats.resolved.viaCpts}],
        [t.figures.alone, {count: stats.resolved.alone}],
        [t.figures.open, {count: stats.open}],
        [t.figures.closed, {count: stats.closed.total}],
        [t.figures.priority, {count: stats.priority.any.count}],
        [t.figures.priorityShare, {share: stats.priority.any.share}],
        [t.figures.homeVisits, {count: stats.homeVisits.count}],
        [t.figures.homeVisitsShare, {share: stats.homeVisits.share}],
        [t.figures.median, {days: stats.daysToSolution.median}],
        [t.figures.p90, {days: stats.daysToSolution.p90}],
        [t.figures.waitingNow, {count: stats.waitingNow}],
        [t.figures.duplicates, {count: stats.duplicates}],
      ],
    },
    {
      id: 'months',
      caption: t.tables.months,
      header: [c.month, c.registered, c.resolved],
      rows: stats.byMonth.map((m) => [formatMonth(m.month, f.lang), {count: m.registered}, {count: m.resolved}]),
    },
    {id: 'daysToSolution', caption: t.tables.daysToSolution, header: [c.days, c.people], rows: stats.daysToSolutionBuckets.map((b) => [bucketLabel(f, b), {count: b.count}])},
    {id: 'waitingAge', caption: t.tables.waitingAge, header: [c.waitingFor, c.people], rows: stats.waitingAge.map((b) => [bucketLabel(f, b), {count: b.count}])},
    {
      id: 'communes',
      caption: t.tables.communes,
      header: [c.commune, c.population, c.registered, c.resolved, c.waitingNow, c.per1000],
      rows: stats.byCommune.map((k) => [
        k.name,
        k.population === null ? t.notAvailable : f.number(k.population),
        {count: k.registered},
        {count: k.resolved},
        {count: k.waitingNow},
        {rate: k.waitingPer1000},
      ]),
    },
    {id: 'reasons', caption: t.tables.reasons, header: [c.reason, c.registered], rows: stats.byReason.map((r) => [labels.intakeReasons[r.reason], {count: r.count}])},
    {
      id: 'priority',
      caption: t.tables.priority,
      header: [c.criterion, c.people, c.share],
      rows: [
        [t.anyCriterion, {count: stats.priority.any.count}, {share: stats.priority.any.share}],
        ...stats.priority.byCriterion.map((p): Cell[] => [labels.priorityCriteria[p.criterion], {count: p.count}, {share: p.share}]),
      ],
    },
    {
      id: 'closed',
      caption: t.tables.closed,
      header: [c.closeReason, c.people],
      rows: [...stats.closed.byReason.filter((r) => shown(r.reason)).map((r): Cell[] => [t.closeReasons[r.reason], {count: r.count}]), [t.total, {count: stats.closed.total}]],
    },
  ];
}

/** One table as CSV lines (no byte order mark: the caller puts one at the start of the file). */
export function tableCsvLines(table: StatTable, f: StatsFormat): string[] {
  return [table.header, ...table.rows.map((row) => row.map((cell) => f.cell(cell)))].map((cells) => cells.map(csvCell).join(';'));
}

/**
 * A CSV of one table, or of several one after the other (their caption above each, a blank line
 * between): `;`-separated, CRLF, with a byte order mark for Excel. `heading` starts the file (the
 * territory and the period), so a file forwarded alone still says what it counts.
 */
export function tablesCsv(tables: readonly StatTable[], f: StatsFormat, heading: readonly string[]): string {
  const sections = tables.map((table) => [csvCell(table.caption), ...tableCsvLines(table, f)].join('\r\n'));
  return `\uFEFF${[heading.map(csvCell).join('\r\n'), ...sections].join('\r\n\r\n')}\r\n`;
}
