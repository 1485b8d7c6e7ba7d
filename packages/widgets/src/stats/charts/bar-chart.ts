import {html, svg, type TemplateResult} from 'lit';
import {niceTicks, round} from './scale.js';

/** One series of bars: registrations, solutions… Its colour is the chart's `series-N` class. */
export interface BarSeries {
  label: string;
  values: readonly number[];
}

export interface BarChartOptions {
  /** Prefix of the chart's ids, unique in its shadow root (the title's and description's ids). */
  id: string;
  /** The accessible name: what the chart shows. */
  title: string;
  /** The accessible description: what a sighted reader takes from it (totals, the peak). */
  description: string;
  /** One label per group of bars, left to right (months, waiting-time bands). */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** The words of an axis value (« 1 200 »), in the page's language. */
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = {top: 12, right: 8, bottom: 36, left: 48};

/**
 * Vertical bars, grouped by category (one bar per series): an SVG of a few hundred bytes whose
 * text is real text, that scales with its box and prints sharp. `role="img"` with its title and
 * description as name and description: screen readers announce it as one picture, and the data
 * table beside it (the caller's) gives every figure.
 */
export function barChart(options: BarChartOptions): TemplateResult {
  const {id, categories, series} = options;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => round(MARGIN.top + plotHeight - (value / top) * plotHeight);
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = (band * 0.8) / Math.max(1, series.length);
  // a label every `every` categories, so 12 or 24 months' labels do not overlap (the table names them all)
  const every = Math.ceil(categories.length / 7);

  const grid = ticks.map(
    (tick) => svg`<line class="grid" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(tick)} y2=${y(tick)}></line>
      <text class="axis" x=${MARGIN.left - 6} y=${y(tick)} text-anchor="end" dominant-baseline="middle">${options.format(tick)}</text>`,
  );
  const bars = categories.map((category, c) => {
    const x0 = MARGIN.left + c * band + band * 0.1;
    const label =
      c % every === 0 ? svg`<text class="axis" x=${round(MARGIN.left + (c + 0.5) * band)} y=${HEIGHT - MARGIN.bottom + 16} text-anchor="middle">${category}</text>` : null;
    return svg`${series.map((s, i) => {
      const value = s.values[c] ?? 0;
      const height = round(MARGIN.top + plotHeight - y(value));
      return svg`<rect class=${`bar series-${i}`} x=${round(x0 + i * barWidth)} y=${y(value)} width=${round(Math.max(1, barWidth - 1))} height=${height}></rect>`;
    })}${label}`;
  });
  return html`<svg class="chart" viewBox=${`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby=${`${id}-title`} aria-describedby=${`${id}-desc`}>
    <title id=${`${id}-title`}>${options.title}</title>
    <desc id=${`${id}-desc`}>${options.description}</desc>
    ${grid}
    <line class="baseline" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>
    ${bars}
  </svg>`;
}

/** The key of a chart's series, as text beside it (it prints, and needs no tooltip). */
export function chartLegend(labels: readonly string[]): TemplateResult {
  return html`<ul class="legend">
    ${labels.map((label, i) => html`<li><span class=${`swatch series-${i}`} aria-hidden="true"></span>${label}</li>`)}
  </ul>`;
}
