import {css} from 'lit';

export const styles = css`
  :host {
    --padding: 0;
    --font-size: var(--cpts-font-size-large);
  }

  /* nothing to say (not published, not read yet, failed): no room taken in the page */
  :host(:not([state='ready'])) {
    display: none;
  }

  [part='base'] {
    padding: var(--padding);
  }

  [part='summary'] {
    margin: 0;
    font-size: var(--font-size);
    line-height: 1.4;
  }
`;
