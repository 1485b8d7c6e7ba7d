import {css} from 'lit';
import {messageStyles} from './messages.js';

/** Buttons, fields, error messages: shared by every form of the kit (the interest form, the coordinator tools). */
export const formStyles = css`
  ${messageStyles}

  :host {
    --field-gap: var(--cpts-spacing-m);
  }

  button,
  .button-link {
    display: inline-block;
    font: inherit;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border: var(--cpts-border-width) solid var(--cpts-color-primary);
    border-radius: var(--cpts-radius);
    cursor: pointer;
    text-decoration: none;
    min-height: 2.75rem;
    line-height: 1.5;
  }

  a.button-link {
    color: var(--cpts-color-primary-contrast);
  }

  button.secondary {
    color: var(--cpts-color-primary);
    background: var(--cpts-color-background);
  }

  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  :is(button, a, input, select, textarea, [tabindex]):focus-visible {
    outline: var(--cpts-focus-ring-width) solid var(--cpts-focus-ring-color);
    outline-offset: var(--cpts-focus-ring-offset);
  }

  form {
    display: grid;
    gap: var(--field-gap);
  }

  fieldset {
    display: grid;
    gap: var(--cpts-spacing-s);
    margin: 0;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m) var(--cpts-spacing-m);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  legend {
    font-weight: var(--cpts-font-weight-bold);
  }

  .field {
    display: grid;
    gap: var(--cpts-spacing-xs);
    min-width: 0;
  }

  .field.checkbox {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: var(--cpts-spacing-s);
  }

  .field.checkbox .field-error {
    grid-column: 1 / -1;
  }

  label {
    font-weight: var(--cpts-font-weight-bold);
  }

  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    width: 100%;
    min-height: 2.75rem;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
  }

  [aria-invalid='true'] {
    border-color: var(--cpts-color-error);
    border-width: 2px;
  }

  .error-summary h4,
  .error-summary h3 {
    margin: 0 0 var(--cpts-spacing-xs);
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--cpts-color-error);
  }

  .failure p {
    margin: 0;
  }

  .success {
    margin: 0;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    border-inline-start: 4px solid var(--cpts-color-success);
    background: var(--cpts-color-surface);
  }

  /* a date people know, typed in three boxes (day, month, year), as GOV.UK asks */
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-m);
  }

  .date-part {
    display: grid;
    gap: var(--cpts-spacing-xs);
  }

  .date-part label {
    font-weight: normal;
  }

  .date input.day {
    width: 3.5rem;
  }

  .date input.year {
    width: 5rem;
  }

  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
`;

/** The list, its cards and the detail dialog. */
