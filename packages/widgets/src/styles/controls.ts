import {css} from 'lit';
import {messageStyles} from './messages.js';

/**
 * Controls and messages as the practitioner's declaration and the coordinators' board both draw
 * them: the framed box with its title, fields with their hints and errors, ticks, buttons
 * (`.primary`, `.secondary`), alerts, freshness badges. Buttons are `--control-height` tall (3rem:
 * a thumb on a phone); the box's inner spacing is `--padding`.
 */
export const controlStyles = css`
  ${messageStyles}

  p {
    margin: 0;
  }

  [part='base'] {
    display: grid;
    gap: var(--cpts-spacing-m);
    padding: var(--padding);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .title {
    margin: 0;
    font-size: var(--cpts-font-size-large);
    line-height: 1.25;
  }

  fieldset {
    display: grid;
    gap: var(--cpts-spacing-s);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend,
  .field > label {
    padding: 0;
    margin-bottom: var(--cpts-spacing-s);
    font-weight: var(--cpts-font-weight-bold);
  }

  .field {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
  }

  input[type='radio'],
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--cpts-color-primary);
  }

  .check {
    display: flex;
    gap: var(--cpts-spacing-s);
    align-items: flex-start;
    min-height: 2.75rem;
    cursor: pointer;
  }

  button {
    font: inherit;
    min-height: var(--control-height, 3rem);
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    border-radius: var(--cpts-radius);
    cursor: pointer;
  }

  button:disabled {
    cursor: default;
    opacity: 0.6;
  }

  .primary {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border: var(--cpts-border-width) solid var(--cpts-color-primary);
    font-weight: var(--cpts-font-weight-bold);
  }

  .loading {
    color: var(--cpts-color-text-muted);
  }

  .secondary {
    color: var(--cpts-color-primary);
    background: var(--cpts-color-background);
    border: 2px solid var(--cpts-color-primary);
    font-weight: var(--cpts-font-weight-bold);
  }

  .alert {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
  }

  /* a declaration's freshness, as the practitioner and the coordinators both see it */
  .badge {
    display: inline-block;
    margin-inline-end: var(--cpts-spacing-s);
    padding: 0 var(--cpts-spacing-s);
    font-size: var(--cpts-font-size-small);
    font-weight: var(--cpts-font-weight-bold);
    border: var(--cpts-border-width) solid currentColor;
    border-radius: var(--cpts-radius);
  }

  .badge[data-freshness='fresh'] {
    color: var(--cpts-color-success);
  }

  .badge[data-freshness='stale'],
  .badge[data-freshness='never'] {
    color: var(--cpts-color-error);
  }
`;
