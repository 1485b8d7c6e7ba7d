import {css} from 'lit';

export const styles = css`
  :host {
    --gap: var(--cpts-spacing-m);
  }

  [part='base'] {
    display: grid;
    gap: var(--gap);
  }

  p {
    margin: 0;
  }

  .title {
    font-size: var(--cpts-font-size-large);
  }

  .field--error {
    padding-inline-start: var(--cpts-spacing-m);
    border-inline-start: 4px solid var(--cpts-color-error);
  }

  input.reference {
    max-width: 18rem;
    text-transform: uppercase;
    font-variant-numeric: tabular-nums;
  }

  .outcome:empty {
    display: none;
  }

  .outcome {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .answer,
  .failure {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .answer {
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    border-inline-start: 4px solid var(--cpts-color-success);
    background: var(--cpts-color-surface);
  }

  .answer button {
    justify-self: start;
  }

  .failure a,
  .answer a {
    color: inherit;
    font-weight: var(--cpts-font-weight-bold);
  }
`;
