import {css} from 'lit';

/** `<cpts-stats>`: the period, the figure cards, each chart beside its table, and the printed page. */
export const statsStyles = css`
  fieldset {
    display: grid;
    gap: var(--cpts-spacing-s);
    margin: 0;
    padding: var(--cpts-spacing-m);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  legend {
    font-weight: var(--cpts-font-weight-bold);
  }

  .presets,
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s);
    align-items: end;
  }

  .presets button[aria-pressed='true'] {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
  }

  .dates .field {
    display: grid;
    gap: var(--cpts-spacing-xs);
  }

  .results {
    display: grid;
    gap: var(--cpts-spacing-l);
  }

  .period-text,
  .hint {
    margin: 0;
  }

  .hint {
    font-size: var(--cpts-font-size-small);
    color: var(--cpts-color-text-muted);
  }

  .publishable {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
  }

  .empty {
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .empty p {
    margin: 0;
  }

  section {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  h3 {
    margin: 0;
    font-size: var(--cpts-font-size-large);
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--cpts-spacing-s);
    margin: 0;
  }

  .figure {
    display: grid;
    align-content: start;
    gap: var(--cpts-spacing-xs);
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .figure dt {
    font-size: var(--cpts-font-size-small);
  }

  .figure dd {
    display: grid;
    margin: 0;
  }

  .figure .value {
    font-size: var(--cpts-font-size-large);
    font-weight: var(--cpts-font-weight-bold);
  }

  .figure .detail {
    font-size: var(--cpts-font-size-small);
    color: var(--cpts-color-text-muted);
  }

  .chart-layout {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--cpts-spacing-m);
    align-items: start;
  }

  figure {
    display: grid;
    gap: var(--cpts-spacing-s);
    margin: 0;
  }

  .table-block {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
  }

  .table-block .table-wrap {
    width: 100%;
  }

  /* words wrap between words in a table (the host's overflow-wrap: anywhere would cut « Commune »); a wide table scrolls */
  table {
    overflow-wrap: normal;
  }

  details.figures-table summary {
    cursor: pointer;
    color: var(--cpts-color-link);
  }

  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  button.csv {
    min-height: 2.25rem;
    font-size: var(--cpts-font-size-small);
  }

  .tables {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--cpts-spacing-m);
    align-items: start;
  }

  /* the ACI file: the figures, the charts and their tables; no buttons, no fields, no page colours */
  @media print {
    :host {
      font-size: 10pt;
    }

    button,
    form.period,
    .publishable,
    .session,
    .sign-in-above,
    .notice {
      display: none !important;
    }

    section,
    figure,
    table,
    .figure {
      break-inside: avoid;
    }

    .figure {
      background: none;
    }

    .chart-layout {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
