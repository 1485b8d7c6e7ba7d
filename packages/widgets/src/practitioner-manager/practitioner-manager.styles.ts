import {css} from 'lit';

/** What the practitioner manager adds to the shared form and coordinator styles. */
export const managerStyles = css`
  :host {
    --row-gap: var(--cpts-spacing-s);
    --drop-border-color: var(--cpts-color-border);
  }

  section {
    display: grid;
    gap: var(--cpts-spacing-m);
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

  .badge-inactive {
    margin-inline-start: var(--cpts-spacing-s);
    padding: 0 var(--cpts-spacing-s);
  }

  .link-url {
    width: 100%;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: var(--cpts-font-size-small);
  }

  .once {
    font-weight: var(--cpts-font-weight-bold);
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

  [part='preview'] .table-wrap,
  [part='errors'] .table-wrap {
    max-height: 24rem;
    overflow: auto;
  }
`;
