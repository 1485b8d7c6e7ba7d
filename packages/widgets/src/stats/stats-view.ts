import {html, nothing, type TemplateResult} from 'lit';
import type {Stats} from '@cpts-kit/contract';
import {barChart, chartLegend} from './charts/bar-chart.js';
import {dotMap, type MapPoint} from './charts/dot-map.js';
import {formatMonth} from './period.js';
import {countValue, type StatsFormat} from './stats-format.js';
import {bucketLabel, type StatTable, type TableId} from './stats-tables.js';

/** What the views need from the element. */
export interface StatsView {
  f: StatsFormat;
  stats: Stats;
  tables: readonly StatTable[];
  /** The territory's communes' centres, by INSEE code (the map places them). */
  centres: ReadonlyMap<string, {lat: number; lng: number}>;
  download: (table: StatTable) => void;
}

/** A table of figures with its caption, and the button that downloads it as CSV. */
export function renderTable(view: StatsView, table: StatTable): TemplateResult {
  const captionId = `st-${table.id}-caption`;
  return html`<div class="table-block">
    <!-- a wide table scrolls sideways: focusable and named, so a keyboard can scroll it too -->
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby=${captionId}>
      <table part="table" data-table=${table.id}>
        <caption id=${captionId}>${table.caption}</caption>
        <thead>
          <tr>
            ${table.header.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            ([first, ...rest]) =>
              html`<tr>
                <th scope="row">${view.f.cell(first ?? '')}</th>
                ${rest.map((cell) => html`<td class=${typeof cell === 'string' ? '' : 'num'}>${view.f.cell(cell)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <button type="button" class="secondary csv" id=${`st-${table.id}-csv`} aria-describedby=${captionId} @click=${() => view.download(table)}>${view.f.t.downloadCsv}</button>
  </div>`;
}

const tableOf = (view: StatsView, id: TableId) => view.tables.find((t) => t.id === id)!;

/** The key figures as cards: what the ACI report asks first. */
export function renderFigures(view: StatsView): TemplateResult {
  const {f, stats} = view;
  const t = f.t.figures;
  const card = (label: string, value: string, detail?: string) =>
    html`<div class="figure"><dt>${label}</dt><dd><span class="value">${value}</span>${detail ? html`<span class="detail">${detail}</span>` : nothing}</dd></div>`;
  return html`<section class="figures-section" aria-labelledby="st-figures-title">
    <h3 id="st-figures-title">${f.t.tables.figures}</h3>
    <dl class="figures" part="figures">
      ${card(t.registered, f.count(stats.registered))}
      ${card(t.resolved, f.count(stats.resolved.total), f.t.resolvedSplit(f.count(stats.resolved.viaCpts), f.count(stats.resolved.alone)))}
      ${card(t.open, f.count(stats.open))} ${card(t.closed, f.count(stats.closed.total))}
      ${card(t.priority, f.count(stats.priority.any.count), f.t.shareOfRegistered(f.share(stats.priority.any.share)))}
      ${card(t.homeVisits, f.count(stats.homeVisits.count), f.t.shareOfRegistered(f.share(stats.homeVisits.share)))}
      ${card(t.median, f.days(stats.daysToSolution.median))} ${card(t.p90, f.days(stats.daysToSolution.p90))} ${card(t.waitingNow, f.count(stats.waitingNow))}
    </dl>
    <details class="figures-table">
      <summary>${f.t.figuresTable}</summary>
      ${renderTable(view, tableOf(view, 'figures'))}
    </details>
  </section>`;
}

/** A chart and its data table side by side (stacked on a narrow screen). */
function chartSection(view: StatsView, id: TableId, title: string, chart: TemplateResult): TemplateResult {
  return html`<section class="chart-section" aria-labelledby=${`st-${id}-heading`} part="chart">
    <h3 id=${`st-${id}-heading`}>${title}</h3>
    <div class="chart-layout">
      <figure>${chart}</figure>
      ${renderTable(view, tableOf(view, id))}
    </div>
  </section>`;
}

export function renderMonthly(view: StatsView): TemplateResult {
  const {f, stats} = view;
  const t = f.t.charts;
  const registered = stats.byMonth.map((m) => countValue(m.registered));
  const resolved = stats.byMonth.map((m) => countValue(m.resolved));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const chart = barChart({
    id: 'st-chart-months',
    title: t.monthly,
    description: t.monthlyDescription(f.number(sum(registered)), f.number(sum(resolved)), stats.byMonth.length),
    categories: stats.byMonth.map((m) => formatMonth(m.month, f.lang, 'short')),
    series: [
      {label: f.t.columns.registered, values: registered},
      {label: f.t.columns.resolved, values: resolved},
    ],
    format: (v) => f.number(v),
  });
  return chartSection(view, 'months', t.monthly, html`${chart}${chartLegend([f.t.columns.registered, f.t.columns.resolved])}`);
}

export function renderDaysToSolution(view: StatsView): TemplateResult {
  const {f, stats} = view;
  const t = f.t.charts;
  const chart = barChart({
    id: 'st-chart-days',
    title: t.daysToSolution,
    description: t.daysDescription(f.days(stats.daysToSolution.median), f.days(stats.daysToSolution.p90)),
    categories: stats.daysToSolutionBuckets.map((b) => bucketLabel(f, b)),
    series: [{label: f.t.columns.people, values: stats.daysToSolutionBuckets.map((b) => countValue(b.count))}],
    format: (v) => f.number(v),
  });
  return chartSection(view, 'daysToSolution', t.daysToSolution, chart);
}

export function renderWaitingAge(view: StatsView): TemplateResult {
  const {f, stats} = view;
  const t = f.t.charts;
  const oldest = [...stats.waitingAge].reverse().find((b) => countValue(b.count) > 0);
  const chart = barChart({
    id: 'st-chart-age',
    title: t.waitingAge,
    description: t.waitingAgeDescription(f.count(stats.waitingNow), oldest ? bucketLabel(f, oldest) : f.t.notAvailable),
    categories: stats.waitingAge.map((b) => bucketLabel(f, b)),
    series: [{label: f.t.columns.people, values: stats.waitingAge.map((b) => countValue(b.count))}],
    format: (v) => f.number(v),
  });
  return chartSection(view, 'waitingAge', t.waitingAge, chart);
}

export function renderMap(view: StatsView): TemplateResult {
  const {f, stats} = view;
  const t = f.t.charts;
  const points: (MapPoint & {waiting: string})[] = stats.byCommune.flatMap((k) => {
    const centre = view.centres.get(k.insee);
    return centre ? [{name: k.name, centre, population: k.population, value: k.waitingPer1000, waiting: f.count(k.waitingNow)}] : [];
  });
  const highest = [...points].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  const chart = dotMap({
    id: 'st-chart-map',
    title: t.map,
    description: t.mapDescription(highest && (highest.value ?? 0) > 0 ? `${highest.name}, ${f.rate(highest.value)}` : t.mapNobody),
    points,
    pointLabel: (p) => t.mapPoint(p.name, f.rate(p.value), p.waiting),
    classLabel: (from, to) => t.mapClass(from === 0 ? '0' : f.rate(from), f.rate(to)),
    zeroLabel: t.mapZero,
    unknownLabel: t.mapUnknown,
  });
  return chartSection(view, 'communes', t.map, chart);
}

/** The tables without a chart: by reason of registering, by priority criterion, closed by reason. */
export function renderOtherTables(view: StatsView): TemplateResult {
  return html`<section class="tables" aria-labelledby="st-tables-title">
    <h3 id="st-tables-title" class="visually-hidden">${view.f.t.charts.data}</h3>
    ${(['reasons', 'priority', 'closed'] as const).map((id) => renderTable(view, tableOf(view, id)))}
  </section>`;
}
