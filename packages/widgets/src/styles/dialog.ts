import {css} from 'lit';

/** A modal `<dialog>`'s box and backdrop, as the kit's confirmations and the offers' detail draw them; each sets its width and padding. */
export const dialogStyles = css`
  dialog {
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
`;
