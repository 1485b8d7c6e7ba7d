import {css} from 'lit';
import {dialogStyles} from '../styles/dialog.js';

// moved to the shared styles: the coordinator kit and other features use it too
export {formStyles} from '../styles/form.js';

export const listStyles = css`
  :host {
    --card-min-width: 16rem;
  }

  [part='base'] {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--cpts-spacing-s) var(--cpts-spacing-m);
    align-items: end;
    margin: 0;
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .filters .search {
    grid-column: 1 / -1;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s) var(--cpts-spacing-m);
    align-items: center;
    justify-content: space-between;
  }

  .toolbar .field {
    grid-template-columns: auto minmax(0, 12rem);
    align-items: center;
    gap: var(--cpts-spacing-s);
  }

  .count {
    margin: 0;
    font-weight: var(--cpts-font-weight-bold);
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--card-min-width)), 1fr));
    gap: var(--cpts-spacing-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    display: grid;
    gap: var(--cpts-spacing-xs);
    align-content: start;
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
    min-width: 0;
  }

  .card h3,
  .card-title {
    margin: 0;
    font-size: var(--cpts-font-size-large);
    font-weight: var(--cpts-font-weight-bold);
    line-height: 1.25;
  }

  .card p {
    margin: 0;
  }

  .card .open {
    justify-self: start;
    margin-top: var(--cpts-spacing-s);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .badge {
    padding: 0 var(--cpts-spacing-s);
    font-size: var(--cpts-font-size-small);
    font-weight: var(--cpts-font-weight-bold);
    color: var(--cpts-color-text);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: 999px;
  }

  .muted {
    color: var(--cpts-color-text-muted);
  }

  .empty {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
    padding: var(--cpts-spacing-m);
    border: var(--cpts-border-width) dashed var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .empty p,
  .status {
    margin: 0;
  }

  /* the error box itself is .alert (styles/messages.ts) */
  [role='alert'].load-error {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
  }

  [role='alert'].load-error p {
    margin: 0;
  }

  ${dialogStyles}

  dialog {
    width: min(48rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
  }

  .dialog-bar {
    position: sticky;
    top: 0;
    display: flex;
    justify-content: flex-end;
    gap: var(--cpts-spacing-s);
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-bottom: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  .dialog-body {
    display: grid;
    gap: var(--cpts-spacing-l);
    padding: var(--cpts-spacing-m);
  }

  .detail {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  .detail h2 {
    font-size: 1.5rem;
  }

  .detail section {
    display: grid;
    gap: var(--cpts-spacing-xs);
  }

  .detail p,
  .detail ul {
    margin: 0;
  }

  .detail ul {
    padding-inline-start: 1.25rem;
  }

  .para {
    white-space: pre-line;
  }

  .meta {
    color: var(--cpts-color-text-muted);
  }

  @media print {
    :host([data-detail-open]) .list-view {
      display: none;
    }

    dialog[open] {
      position: static;
      width: auto;
      max-height: none;
      border: 0;
      overflow: visible;
    }

    dialog::backdrop,
    .dialog-bar,
    cpts-offer-interest,
    .filters,
    .toolbar,
    .card .open,
    .more {
      display: none;
    }

    .card {
      break-inside: avoid;
    }
  }
`;
