import {css} from 'lit';

/** What the waiting list adds to the shared form and coordinator styles: tabs, dense rows, the detail's facts. */
export const waitingListStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tabs button {
    min-height: 2.25rem;
    font-size: var(--cpts-font-size-small);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border-color: var(--cpts-color-border);
  }

  .tabs button[aria-pressed='true'] {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border-color: var(--cpts-color-primary);
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--cpts-spacing-s);
    align-items: end;
  }

  .filters .field {
    margin: 0;
  }

  .filters .actions,
  .search .actions {
    grid-column: 1 / -1;
  }

  .search {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  table.dense td,
  table.dense th {
    padding: 0.25rem var(--cpts-spacing-xs);
    white-space: nowrap;
  }

  table.dense td.name,
  table.dense th.name {
    min-width: 11rem;
    white-space: normal;
  }

  /* the criteria wrap inside their cell rather than squeeze the name */
  table.dense td.criteria {
    min-width: 12rem;
    white-space: normal;
  }

  table.dense button.link {
    text-align: start;
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }


  .badge.priority {
    color: var(--cpts-color-error);
    border-color: var(--cpts-color-error);
  }

  .detail {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  .detail-grid > * {
    align-content: start;
  }

  .detail-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--cpts-spacing-m);
  }

  dl {
    display: grid;
    grid-template-columns: minmax(0, 45%) 1fr;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    margin: 0;
  }

  dt {
    font-weight: var(--cpts-font-weight-bold);
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .para {
    white-space: pre-line;
  }

  .history {
    margin: 0;
    padding-inline-start: var(--cpts-spacing-m);
  }

  .history li + li {
    margin-top: var(--cpts-spacing-xs);
  }

  .muted {
    color: var(--cpts-color-text-muted);
  }

  .matches-panel {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .matches-panel p {
    margin: 0;
  }

  .matches-panel h5 {
    font-size: inherit;
    margin-top: var(--cpts-spacing-s);
  }

  .matches,
  .proposals {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .match {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--cpts-spacing-s);
    align-items: start;
  }

  .match > :not(input) {
    grid-column: 2;
  }

  .match[data-refused] label {
    color: var(--cpts-color-error);
  }

  h3,
  h4,
  h5 {
    margin: 0;
  }
`;
