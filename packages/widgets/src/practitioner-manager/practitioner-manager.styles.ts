import {css} from 'lit';

/** What the practitioner manager adds to the shared form and list styles. */
export const managerStyles = css`
  :host {
    --row-gap: var(--cpts-spacing-s);
    --drop-border-color: var(--cpts-color-border);
  }

  [part='base'] {
    display: grid;
    gap: var(--cpts-spacing-l);
  }

  section {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s);
    align-items: center;
  }

  .field {
    display: grid;
    gap: var(--cpts-spacing-xs);
  }

  label {
    font-weight: var(--cpts-font-weight-bold);
  }

  input,
  select {
    font: inherit;
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    min-height: 2.75rem;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    border: var(--cpts-border-width) solid var(--cpts-color-text-muted);
    border-radius: var(--cpts-radius);
    max-width: 100%;
  }

  .rows {
    display: grid;
    gap: var(--row-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .row {
    display: grid;
    gap: var(--cpts-spacing-xs);
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
    background: var(--cpts-color-background);
  }

  .row[data-active='false'] {
    background: var(--cpts-color-surface);
    border-style: dashed;
  }

  .row h3 {
    margin: 0;
    font-size: var(--cpts-font-size);
    font-weight: var(--cpts-font-weight-bold);
  }

  .row p {
    margin: 0;
  }

  .row .actions button {
    min-height: 2.25rem;
    font-size: var(--cpts-font-size-small);
  }

  .badge-inactive {
    display: inline-block;
    margin-inline-start: var(--cpts-spacing-s);
    padding: 0 var(--cpts-spacing-s);
    font-size: var(--cpts-font-size-small);
    font-weight: var(--cpts-font-weight-bold);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-text);
    border-radius: 999px;
  }

  .panel {
    display: grid;
    gap: var(--cpts-spacing-s);
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .panel p {
    margin: 0;
  }

  .link-url {
    width: 100%;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: var(--cpts-font-size-small);
  }

  .once {
    font-weight: var(--cpts-font-weight-bold);
  }

  .notice {
    margin: 0;
  }

  /* empty, the live region stays in place (to be announced later) but takes no room */
  .notice:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }

  section > p,
  .drop > p {
    margin: 0;
  }

  .drop {
    display: grid;
    gap: var(--cpts-spacing-xs);
    padding: var(--cpts-spacing-m);
    border: 2px dashed var(--drop-border-color);
    border-radius: var(--cpts-radius);
  }

  .drop[data-over] {
    --drop-border-color: var(--cpts-color-primary);
    background: var(--cpts-color-surface);
  }

  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--cpts-color-primary);
  }

  .table-wrap {
    max-width: 100%;
    max-height: 24rem;
    overflow: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--cpts-font-size-small);
  }

  caption {
    text-align: start;
    font-weight: var(--cpts-font-weight-bold);
    padding-bottom: var(--cpts-spacing-xs);
  }

  th,
  td {
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    text-align: start;
    vertical-align: top;
    border-bottom: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  th {
    background: var(--cpts-color-surface);
  }

  dialog {
    width: min(32rem, calc(100vw - 1rem));
    padding: var(--cpts-spacing-m);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  dialog > div {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  dialog p {
    margin: 0;
  }

  button.danger {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-error);
    border-color: var(--cpts-color-error);
  }
`;
