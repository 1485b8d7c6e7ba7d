import {css} from 'lit';

export const styles = css`
  :host {
    --padding: var(--cpts-spacing-m);
    --max-width: 36rem;
  }

  [part='base'] {
    max-width: var(--max-width);
  }

  .summary {
    display: grid;
    gap: var(--cpts-spacing-s);
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-radius: var(--cpts-radius);
  }

  .whose {
    font-weight: var(--cpts-font-weight-bold);
  }

  form {
    display: grid;
    gap: var(--cpts-spacing-l);
  }

  .choices {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .choices.two {
    grid-template-columns: 1fr 1fr;
  }

  /* big targets: thumbs on a phone, not a mouse pointer */
  .choice {
    display: flex;
    gap: var(--cpts-spacing-s);
    align-items: flex-start;
    min-height: 3rem;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
    cursor: pointer;
  }

  .choice:has(input:checked) {
    border-color: var(--cpts-color-primary);
    box-shadow: inset 0 0 0 1px var(--cpts-color-primary);
    background: var(--cpts-color-surface);
  }

  .choice span {
    display: grid;
    font-weight: var(--cpts-font-weight-bold);
  }

  .choice small {
    font-weight: normal;
    font-size: var(--cpts-font-size-small);
    color: var(--cpts-color-text-muted);
  }

  .checks {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .commune-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    max-height: 16rem;
    overflow: auto;
    padding: var(--cpts-spacing-s);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  input[type='number'],
  textarea {
    font: inherit;
    padding: var(--cpts-spacing-s);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  input[type='number'] {
    width: 6rem;
    min-height: 3rem;
    text-align: center;
  }

  textarea {
    width: 100%;
  }

  .stepper {
    display: flex;
    gap: var(--cpts-spacing-s);
    align-items: stretch;
  }

  .step {
    color: var(--cpts-color-primary);
    background: var(--cpts-color-background);
    border: 2px solid var(--cpts-color-primary);
    font-weight: var(--cpts-font-weight-bold);
    min-width: 3rem;
    font-size: var(--cpts-font-size-large);
  }

  .confirm {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
  }

  .status[data-kind='success'] {
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    color: var(--cpts-color-success);
    border-inline-start: 4px solid var(--cpts-color-success);
    background: var(--cpts-color-surface);
  }
`;
