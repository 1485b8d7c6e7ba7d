import {css} from 'lit';

/**
 * Shared by every element. Host pages (WordPress themes, CMS) often style `*`, `a` or `p`
 * aggressively; shadow DOM keeps their selectors out, and `all: initial` stops the inherited
 * properties (font, colour, line-height, text-align…) from leaking in through the host.
 */
export const base = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--cpts-font-family);
    font-size: var(--cpts-font-size);
    line-height: var(--cpts-line-height);
    color: var(--cpts-color-text);
    text-align: start;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  a {
    color: var(--cpts-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  :focus {
    outline: none;
  }

  :focus-visible {
    outline: var(--cpts-focus-ring-width) solid var(--cpts-focus-ring-color);
    outline-offset: var(--cpts-focus-ring-offset);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
