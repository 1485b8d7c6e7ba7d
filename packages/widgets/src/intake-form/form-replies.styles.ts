import {css} from 'lit';

// The styles of what the form shows once sent (the error summary, the receipt and its print): they
// come with the sending code, and the element adds them to its own then (see CptsIntakeForm).
export const replyStyles = css`
  .error-summary {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
    padding: var(--cpts-spacing-m);
    border: 4px solid var(--cpts-color-error);
    background: var(--cpts-color-background);
  }

  .error-summary ul {
    margin: var(--cpts-spacing-s) 0 0;
    padding-inline-start: var(--cpts-spacing-l);
  }

  .error-summary h2 {
    font-size: var(--cpts-font-size-large);
  }

  .error-summary a {
    color: var(--cpts-color-error);
    font-weight: var(--cpts-font-weight-bold);
  }

  .receipt {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  .receipt h3 {
    font-size: var(--cpts-font-size-large);
    color: var(--cpts-color-success);
  }

  .receipt dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
  }

  .receipt dt {
    color: var(--cpts-color-text-muted);
  }

  .receipt dd {
    margin: 0;
  }

  .reference {
    font-size: var(--cpts-font-size-large);
    font-weight: var(--cpts-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-m);
  }

  /* the printed receipt: reference, date, name, commune and the phone; never the health answers */
  @media print {
    .actions {
      display: none;
    }

    .receipt h3 {
      color: #000;
    }
  }
`;
