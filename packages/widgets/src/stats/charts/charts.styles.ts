import {css} from 'lit';

/**
 * The charts' look. Colours are custom properties (a CPTS may match its charter); the defaults
 * reach 3:1 against white, as WCAG's non-text contrast asks, and stay apart in greyscale (a dark
 * blue and a light amber), for the ACI file printed in black and white.
 */
export const chartStyles = css`
  :host {
    --chart-color-1: #0b5cad;
    --chart-color-2: #c2410c;
    --chart-text-color: var(--cpts-color-text);
    --chart-grid-color: #d5dbe3;
    --map-color-0: #ffffff;
    --map-color-1: #c6dbef;
    --map-color-2: #6baed6;
    --map-color-3: #2171b5;
    --map-color-4: #08306b;
    --map-color-unknown: #e5e7eb;
  }

  svg.chart {
    display: block;
    width: 100%;
    height: auto;
    max-width: 40rem;
    font-family: inherit;
    overflow: visible;
  }

  svg.map {
    max-width: 30rem;
  }

  .axis,
  .place {
    font-size: 12px;
    fill: var(--chart-text-color);
  }

  .place {
    font-weight: var(--cpts-font-weight-bold);
    paint-order: stroke;
    stroke: var(--cpts-color-background);
    stroke-width: 3px;
  }

  .grid {
    stroke: var(--chart-grid-color);
    stroke-width: 1;
  }

  .baseline {
    stroke: var(--chart-text-color);
    stroke-width: 1;
  }

  .series-0 {
    fill: var(--chart-color-1);
    background: var(--chart-color-1);
  }

  .series-1 {
    fill: var(--chart-color-2);
    background: var(--chart-color-2);
  }

  /* every dot outlined: the palest class must still show on white, as must the legend's swatch */
  .dot {
    stroke: var(--chart-text-color);
    stroke-width: 0.75;
  }

  .class-0 {
    fill: var(--map-color-0);
    background: var(--map-color-0);
  }

  .class-1 {
    fill: var(--map-color-1);
    background: var(--map-color-1);
  }

  .class-2 {
    fill: var(--map-color-2);
    background: var(--map-color-2);
  }

  .class-3 {
    fill: var(--map-color-3);
    background: var(--map-color-3);
  }

  .class-4 {
    fill: var(--map-color-4);
    background: var(--map-color-4);
  }

  .class-unknown {
    fill: var(--map-color-unknown);
    background: var(--map-color-unknown);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--cpts-font-size-small);
  }

  .legend li {
    display: flex;
    gap: var(--cpts-spacing-xs);
    align-items: center;
  }

  .swatch {
    display: inline-block;
    width: 0.9rem;
    height: 0.9rem;
    border: 1px solid var(--chart-text-color);
  }

  .swatch.dot {
    border-radius: 50%;
  }

  /* print the colours as they are: browsers drop backgrounds by default, and the legend is backgrounds */
  @media print {
    .swatch,
    svg.chart {
      print-color-adjust: exact;
    }
  }
`;
