import {css} from 'lit';

export const styles = css`
  :host {
    --map-height: 24rem;
  }

  [part='base'] {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  p {
    margin: 0;
  }

  .title {
    margin: 0;
    font-size: var(--cpts-font-size-large);
    line-height: 1.25;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s) var(--cpts-spacing-m);
    align-items: end;
    margin: 0;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .filters legend {
    padding: 0 var(--cpts-spacing-xs);
    font-weight: var(--cpts-font-weight-bold);
  }

  .filter {
    display: grid;
    gap: var(--cpts-spacing-xs);
  }

  select,
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    border-radius: var(--cpts-radius);
  }

  select {
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  .check {
    display: flex;
    gap: var(--cpts-spacing-s);
    align-items: center;
    min-height: 2.75rem;
  }

  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--cpts-color-primary);
  }

  .toggle {
    display: flex;
    gap: 0;
  }

  .toggle button,
  .secondary,
  .more {
    cursor: pointer;
    color: var(--cpts-color-primary);
    background: var(--cpts-color-background);
    border: 2px solid var(--cpts-color-primary);
    font-weight: var(--cpts-font-weight-bold);
  }

  .toggle button[aria-pressed='true'] {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
  }

  .layout {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  @media (min-width: 48rem) {
    .layout {
      grid-template-columns: 3fr 2fr;
      align-items: start;
    }
    :host([view='list']) .layout {
      grid-template-columns: 1fr;
    }
  }

  [hidden] {
    display: none !important;
  }

  .zoom button {
    cursor: pointer;
  }

  .side {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  .count {
    font-weight: var(--cpts-font-weight-bold);
  }

  .list {
    display: grid;
    gap: var(--cpts-spacing-xs);
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: calc(var(--map-height) + 4rem);
    overflow: auto;
  }

  .list button {
    display: grid;
    width: 100%;
    text-align: start;
    cursor: pointer;
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  .list button[aria-current='true'] {
    border-color: var(--cpts-color-primary);
    box-shadow: inset 4px 0 0 var(--cpts-color-primary);
  }

  .name {
    font-weight: var(--cpts-font-weight-bold);
  }

  .meta,
  .muted {
    color: var(--cpts-color-text-muted);
    font-size: var(--cpts-font-size-small);
  }

  .accepting[data-accepting='yes'],
  li[data-accepting='yes'] {
    color: var(--cpts-color-success);
  }

  .details h3 {
    margin: 0;
    font-size: var(--cpts-font-size-large);
  }

  .facts {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .legend {
    display: grid;
    gap: var(--cpts-spacing-xs);
    margin-top: var(--cpts-spacing-s);
    font-size: var(--cpts-font-size-small);
  }

  .legend-title {
    font-weight: var(--cpts-font-weight-bold);
  }

  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .legend li {
    display: flex;
    gap: var(--cpts-spacing-xs);
    align-items: center;
  }

  .key {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    color: #ffffff;
    font-size: 0.75rem;
    font-weight: var(--cpts-font-weight-bold);
    background: var(--cpts-color-text-muted);
  }

  .pin-key[data-accepting='yes'] {
    background: var(--cpts-color-success);
  }

  .pin-key[data-accepting='limited'] {
    background: #9a6700;
  }

  .pin-key[data-accepting='no'] {
    background: var(--cpts-color-error);
  }

  .cluster-key {
    width: 1.75rem;
    height: 1.75rem;
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    box-shadow: 0 0 0 3px var(--cpts-color-success);
    font-size: 0.625rem;
  }

  .alert {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    color: var(--cpts-color-error);
    background: var(--cpts-color-error-background);
    border-inline-start: 4px solid var(--cpts-color-error);
  }

  .loading {
    color: var(--cpts-color-text-muted);
  }
`;
