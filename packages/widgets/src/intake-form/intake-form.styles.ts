import {css} from 'lit';

export const styles = css`
  :host {
    --padding: var(--cpts-spacing-l);
    --gap: var(--cpts-spacing-l);
    --max-width: 42rem;
  }

  /* set again inside: a page rule on the host, such as * { color: purple !important }, beats :host and is inherited */
  [part='base'] {
    font-family: var(--cpts-font-family);
    font-size: var(--cpts-font-size);
    line-height: var(--cpts-line-height);
    color: var(--cpts-color-text);
    text-transform: none;
    letter-spacing: normal;
    display: grid;
    gap: var(--cpts-spacing-m);
    max-width: var(--max-width);
    padding: var(--padding);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  p {
    margin: 0;
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
    font-weight: var(--cpts-font-weight-bold);
  }

  .title {
    font-size: var(--cpts-font-size-large);
  }

  form {
    display: grid;
    gap: var(--gap);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    font-weight: var(--cpts-font-weight-bold);
  }

  .section {
    display: grid;
    gap: var(--gap);
    padding-top: var(--cpts-spacing-m);
    border-top: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  .section > legend {
    float: left;
    width: 100%;
    font-size: var(--cpts-font-size-large);
  }

  .section > legend + * {
    clear: both;
  }

  .field {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
  }

  .field > legend {
    margin-bottom: var(--cpts-spacing-xs);
  }

  .field--error {
    padding-inline-start: var(--cpts-spacing-m);
    border-inline-start: 4px solid var(--cpts-color-error);
  }

  label {
    font-weight: var(--cpts-font-weight-bold);
  }

  .choice label,
  .date-part label {
    font-weight: normal;
  }

  .optional,
  .hint {
    color: var(--cpts-color-text-muted);
    font-weight: normal;
  }

  .error-message {
    color: var(--cpts-color-error);
    font-weight: var(--cpts-font-weight-bold);
  }

  input[type='text'],
  input[type='tel'],
  input[type='email'],
  textarea {
    font: inherit;
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    width: 100%;
    max-width: 30rem;
    min-height: 2.75rem;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    border: 2px solid var(--cpts-color-text-muted);
    border-radius: calc(var(--cpts-radius) / 2);
    text-transform: none;
    letter-spacing: normal;
  }

  input.narrow {
    max-width: 14rem;
  }

  input.day {
    width: 3.5rem;
  }

  input.year {
    width: 5rem;
  }

  textarea {
    max-width: 100%;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--cpts-color-error);
  }

  .date {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-m);
  }

  .date-part {
    display: grid;
    gap: var(--cpts-spacing-xs);
  }

  .choices {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .choices--inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s) var(--cpts-spacing-l);
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--cpts-spacing-s);
  }

  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--cpts-color-primary);
  }

  .count {
    color: var(--cpts-color-text-muted);
    font-size: var(--cpts-font-size-small);
  }

  .count--over {
    color: var(--cpts-color-error);
    font-weight: var(--cpts-font-weight-bold);
  }

  .priority-note:empty {
    display: none;
  }

  .priority-note strong {
    display: inline-block;
    margin-top: var(--cpts-spacing-xs);
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border-radius: var(--cpts-radius);
  }

  .warning,
  .alternative,
  .privacy {
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-inline-start: 4px solid var(--cpts-color-primary);
  }

  .alternative {
    display: grid;
    gap: var(--cpts-spacing-s);
  }

  .phone {
    font-weight: var(--cpts-font-weight-bold);
  }

  .commune-choices ul {
    margin: var(--cpts-spacing-s) 0 0;
    padding-inline-start: var(--cpts-spacing-l);
  }

  .link-button {
    font: inherit;
    padding: 0;
    color: var(--cpts-color-link);
    background: none;
    border: 0;
    text-decoration: underline;
    text-transform: none;
    cursor: pointer;
  }

  .failure {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
    padding: var(--cpts-spacing-m);
    border: 4px solid var(--cpts-color-error);
    background: var(--cpts-color-background);
  }

  .button {
    font: inherit;
    font-weight: var(--cpts-font-weight-bold);
    justify-self: start;
    min-height: 2.75rem;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-l);
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border: var(--cpts-border-width) solid var(--cpts-color-primary);
    border-radius: var(--cpts-radius);
    text-transform: none;
    letter-spacing: normal;
    cursor: pointer;
  }

  .button--secondary {
    color: var(--cpts-color-primary);
    background: var(--cpts-color-background);
  }

  .button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  .status:empty {
    display: none;
  }

  /* off-screen rather than display:none: some bots skip fields that are not rendered */
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  /* printed, the form (or its paper version) and the receipt drop the frame and the page's title */
  @media print {
    [part='base'] {
      border: 0;
      padding: 0;
    }

    .title {
      display: none;
    }
  }
`;
