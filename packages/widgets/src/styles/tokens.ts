import {css} from 'lit';

/**
 * Design tokens. Declared on `:host`, so a page overrides them on the element itself
 * (`cpts-territory-contact { --cpts-color-primary: #7a1f5c }`): rules of the page beat `:host`.
 *
 * `civic` is a sober public-service look of our own for communes' sites. It deliberately borrows
 * nothing from the French State's design system (no Marianne font, no State blue, no logo): that
 * identity is reserved to State services.
 */
export const tokens = css`
  :host {
    --cpts-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --cpts-font-size: 1rem;
    --cpts-font-size-small: 0.875rem;
    --cpts-font-size-large: 1.25rem;
    --cpts-line-height: 1.5;
    --cpts-font-weight-bold: 600;

    --cpts-color-primary: #0b5cad;
    --cpts-color-primary-contrast: #ffffff;
    --cpts-color-text: #1b1f24;
    --cpts-color-text-muted: #4b5563;
    --cpts-color-background: #ffffff;
    --cpts-color-surface: #f5f7fa;
    --cpts-color-border: #c9d1db;
    --cpts-color-link: #0b5cad;
    --cpts-color-error: #b42318;
    --cpts-color-error-background: #fef3f2;
    --cpts-color-success: #117a3d;

    --cpts-radius: 0.5rem;
    --cpts-border-width: 1px;
    --cpts-spacing-xs: 0.25rem;
    --cpts-spacing-s: 0.5rem;
    --cpts-spacing-m: 1rem;
    --cpts-spacing-l: 1.5rem;

    --cpts-focus-ring-color: #0b5cad;
    --cpts-focus-ring-width: 3px;
    --cpts-focus-ring-offset: 2px;
  }

  /* the element's own theme wins; else the enclosing provider's (reflected as data-provider-theme) */
  :host([theme='civic']),
  :host([data-provider-theme='civic']:not([theme])) {
    --cpts-font-family: system-ui, 'Segoe UI', Arial, sans-serif;
    --cpts-font-weight-bold: 700;

    --cpts-color-primary: #1f3d4c;
    --cpts-color-primary-contrast: #ffffff;
    --cpts-color-text: #161616;
    --cpts-color-text-muted: #3f3f3f;
    --cpts-color-background: #ffffff;
    --cpts-color-surface: #f2f2ee;
    --cpts-color-border: #6b6b6b;
    --cpts-color-link: #1f3d4c;
    --cpts-color-error: #a4161a;
    --cpts-color-error-background: #fff0f0;

    --cpts-radius: 0;
    --cpts-border-width: 2px;

    --cpts-focus-ring-color: #e0a100;
    --cpts-focus-ring-width: 3px;
    --cpts-focus-ring-offset: 2px;
  }
`;
