import {css} from 'lit';

/**
 * What a field says and what a failure looks like, the same in every widget: the hint, the error
 * by the field, and the error box (`.alert` in the board and the practitioner's page, `.failure`
 * and `.error-summary` in the kit's forms). `formStyles` and `controlStyles` both include it.
 */
export const messageStyles = css`
  .hint {
    margin: 0;
    color: var(--cpts-color-text-muted);
    font-size: var(--cpts-font-size-small);
  }

  .field-error {
    margin: 0;
    color: var(--cpts-color-error);
    font-weight: var(--cpts-font-weight-bold);
  }

  .alert,
  .error-summary,
  .failure {
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    color: var(--cpts-color-error);
    background: var(--cpts-color-error-background);
    border-inline-start: 4px solid var(--cpts-color-error);
  }
`;
