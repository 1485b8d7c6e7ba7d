import {css} from 'lit';

/**
 * Wide, dense, a table first; the controls' shared look is in styles/controls.ts, the session's
 * lines in coordinator/coordinator.styles.ts (`sessionStyles`).
 */
export const styles = css`
  :host {
    --padding: var(--cpts-spacing-m);
    --map-height: 28rem;
    --control-height: 2.75rem;
  }

  .board {
    display: grid;
    gap: var(--cpts-spacing-m);
    min-width: 0;
  }

  .board h3 {
    margin: 0;
    font-size: var(--cpts-font-size);
  }

  /* the coordinator session's form and lines (coordinator/session.ts), in the board's look */
  .sign-in {
    display: grid;
    gap: var(--cpts-spacing-m);
    max-width: 32rem;
  }

  .sign-in h2 {
    margin: 0;
    font-size: var(--cpts-font-size);
  }

  input[type='password'],
  .board input[type='search'],
  .board select {
    font: inherit;
    min-height: 2.75rem;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  input[type='password'],
  .board input[type='search'] {
    width: 100%;
    max-width: 28rem;
  }

  .actions,
  .view-bar,
  .filter-row,
  .checks-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s) var(--cpts-spacing-m);
    align-items: end;
  }

  .counts {
    font-weight: var(--cpts-font-weight-bold);
  }

  .board-filters {
    gap: var(--cpts-spacing-m);
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-radius: var(--cpts-radius);
  }

  .board-filters legend {
    float: left;
    margin: 0;
  }

  .board-filters legend + * {
    clear: both;
  }

  .filter {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
  }

  .filter label {
    font-weight: var(--cpts-font-weight-bold);
  }

  .view-bar {
    align-items: start;
  }

  .toggle {
    display: flex;
    gap: 0;
  }

  .columns summary {
    display: flex;
    align-items: center;
    min-height: var(--control-height);
    padding: 0 var(--cpts-spacing-m);
    color: var(--cpts-color-primary);
    border: 2px solid var(--cpts-color-primary);
    border-radius: var(--cpts-radius);
    font-weight: var(--cpts-font-weight-bold);
    cursor: pointer;
  }

  /* display: flex hides the browser's triangle: draw one, silent for screen readers (they say « expanded ») */
  .columns summary::before {
    content: '▸' / '';
    margin-inline-end: var(--cpts-spacing-s);
  }

  .columns[open] summary::before {
    content: '▾' / '';
  }

  .columns[open] summary {
    margin-bottom: var(--cpts-spacing-s);
  }

  .columns fieldset {
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-radius: var(--cpts-radius);
  }

  .column-checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0 var(--cpts-spacing-m);
  }

  .toggle button {
    color: var(--cpts-color-primary);
    background: var(--cpts-color-background);
    border: 2px solid var(--cpts-color-primary);
    font-weight: var(--cpts-font-weight-bold);
  }

  .toggle button:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }

  .toggle button:last-child {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }

  .toggle button[aria-pressed='true'] {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
  }

  .table-wrap {
    overflow-x: auto;
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  /* a scroll box remains for a phone; on a desktop the columns chosen wrap to fit */
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--cpts-font-size-small);
  }

  caption {
    padding: var(--cpts-spacing-s);
    text-align: start;
    font-weight: var(--cpts-font-weight-bold);
  }

  th,
  td {
    /* tight sideways: eight columns share a 940 px frame */
    padding: var(--cpts-spacing-xs) 0.375rem;
    text-align: start;
    vertical-align: top;
    border-top: 1px solid var(--cpts-color-border);
    /* the host's overflow-wrap: anywhere would cut « Psychologue » in two in a narrow column */
    overflow-wrap: normal;
    hyphens: auto;
  }

  thead th {
    background: var(--cpts-color-surface);
  }

  tbody th {
    font-weight: var(--cpts-font-weight-bold);
    min-width: 7rem;
  }

  /* free text: a pasted link or a long name must wrap, not widen the table past its frame */
  tbody th,
  td[data-column='note'] {
    overflow-wrap: anywhere;
  }

  tr.selected {
    background: var(--cpts-color-surface);
    box-shadow: inset 4px 0 0 var(--cpts-color-primary);
  }

  .row-name {
    min-height: 0 !important;
    padding: 0;
    text-align: start;
    color: var(--cpts-color-link);
    background: none;
    border: 0;
    font-weight: var(--cpts-font-weight-bold);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  td[data-column='snp'] {
    text-align: end;
  }

  td[data-column='note'] {
    min-width: 8rem;
    white-space: pre-line;
  }

  td[data-accepting='yes'] {
    color: var(--cpts-color-success);
    font-weight: var(--cpts-font-weight-bold);
  }

  .badge.inactive {
    color: var(--cpts-color-text-muted);
  }

  .muted {
    color: var(--cpts-color-text-muted);
  }

  .empty {
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-radius: var(--cpts-radius);
  }

  [hidden] {
    display: none !important;
  }

  .map-box {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .zoom button {
    padding: 0;
  }

  .details dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
  }

  .details dt {
    font-weight: var(--cpts-font-weight-bold);
  }

  .details dd {
    margin: 0;
  }
`;
