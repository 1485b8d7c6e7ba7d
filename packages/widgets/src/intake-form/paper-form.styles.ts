import {css} from 'lit';

/** The paper form: large type on screen and on A4 paper, boxes big enough for a shaky hand. */
export const paperStyles = css`
  :host {
    display: block;
  }

  .paper {
    font-size: 1.125rem;
    line-height: 1.5;
    max-width: 48rem;
  }

  .paper h2 {
    font-size: 1.5rem;
    margin: 0 0 var(--cpts-spacing-s);
  }

  .paper h3 {
    font-size: 1.25rem;
    margin: var(--cpts-spacing-l) 0 var(--cpts-spacing-s);
    border-bottom: 2px solid currentColor;
  }

  section {
    break-inside: avoid;
  }

  .choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
  }

  .choices li,
  .question {
    display: flex;
    gap: var(--cpts-spacing-s);
    align-items: baseline;
  }

  .question {
    flex-wrap: wrap;
    justify-content: space-between;
    padding: var(--cpts-spacing-xs) 0;
    border-bottom: 1px dotted currentColor;
  }

  .question .choices {
    display: flex;
    gap: var(--cpts-spacing-m);
  }

  .box {
    display: inline-block;
    flex: none;
    width: 1.1em;
    height: 1.1em;
    border: 2px solid currentColor;
    vertical-align: -0.15em;
  }

  .line {
    display: flex;
    gap: var(--cpts-spacing-s);
    align-items: flex-end;
    min-height: 2.5em;
  }

  .line .blank {
    flex: 1;
    border-bottom: 1px solid currentColor;
    min-width: 8rem;
  }

  .line .blank.date::before {
    content: '____ / ____ / ________';
    letter-spacing: 0.1em;
  }

  .lines .blank {
    display: block;
    min-height: 2.2em;
    border-bottom: 1px solid currentColor;
  }

  .hint,
  .optional {
    font-size: 0.95em;
    color: var(--cpts-color-text-muted);
  }

  .send-back {
    border: 2px solid currentColor;
    padding: var(--cpts-spacing-m);
    margin-top: var(--cpts-spacing-l);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-m);
    margin: var(--cpts-spacing-m) 0;
  }

  /* on paper: black on white, no buttons, the whole width of the A4 page */
  @media print {
    .paper {
      font-size: 14pt;
      max-width: none;
      color: #000;
    }

    .hint,
    .optional {
      color: #000;
    }

    .actions {
      display: none;
    }
  }
`;

/**
 * The A4 page itself: \`@page\` is ignored inside a shadow root, so the paper form adopts this
 * sheet into the document while it is shown (a constructed sheet: allowed by a strict CSP).
 */
export const pageRule = '@page { size: A4 portrait; margin: 15mm; }';
