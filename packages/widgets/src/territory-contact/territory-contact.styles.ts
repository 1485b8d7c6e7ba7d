import {css} from 'lit';

export const styles = css`
  :host {
    --padding: var(--cpts-spacing-m);
    --gap: var(--cpts-spacing-s);
  }

  [part='base'] {
    display: grid;
    gap: var(--gap);
    padding: var(--padding);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  [part='name'] {
    margin: 0;
    font-size: var(--cpts-font-size-large);
    font-weight: var(--cpts-font-weight-bold);
    line-height: 1.25;
    color: var(--cpts-color-text);
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
  }

  dt {
    color: var(--cpts-color-text-muted);
  }

  dd {
    margin: 0;
  }

  [part='phone'] {
    font-weight: var(--cpts-font-weight-bold);
    white-space: nowrap;
  }

  .status {
    margin: 0;
    color: var(--cpts-color-text-muted);
  }

  [role='alert'] {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
    margin: 0;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    color: var(--cpts-color-error);
    background: var(--cpts-color-error-background);
    border-inline-start: 4px solid var(--cpts-color-error);
  }

  [role='alert'] p {
    margin: 0;
  }

  button {
    font: inherit;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border: var(--cpts-border-width) solid var(--cpts-color-primary);
    border-radius: var(--cpts-radius);
    cursor: pointer;
  }
`;
