import {css} from 'lit';
import {dialogStyles} from '../styles/dialog.js';

/**
 * The session's lines (`coordinator/session.ts`): signed in with its sign-out, « Connectez-vous
 * ci-dessus » with its link-looking button. Part of `coordinatorStyles`; a tool with a look of its
 * own (the availability board) lists it alone.
 */
export const sessionStyles = css`
  .session {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s);
    align-items: center;
  }

  .session p,
  .sign-in-above {
    margin: 0;
  }

  button.link {
    min-height: 0;
    padding: 0;
    color: var(--cpts-color-primary);
    background: none;
    border: none;
    text-decoration: underline;
  }
`;

/**
 * What every coordinator tool shares beyond the form styles: the toolbar, the session line, dense
 * tables with one menu of actions per row, panels, confirmation dialogs, the live notice.
 */
export const coordinatorStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    display: grid;
    gap: var(--cpts-spacing-l);
    min-width: 0;
  }

  h2 {
    margin: 0;
  }

  /* a short label beside a name: a status, a priority criterion, « Désactivé » */
  .badge {
    display: inline-block;
    padding: 0 var(--cpts-spacing-xs);
    font-size: var(--cpts-font-size-small);
    font-weight: var(--cpts-font-weight-bold);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-text);
    border-radius: 999px;
    white-space: nowrap;
  }

  .actions,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s);
    align-items: center;
  }

  ${sessionStyles}

  .toolbar h2 {
    margin-inline-end: auto;
  }

  button.danger {
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-error);
    border-color: var(--cpts-color-error);
  }

  .notice {
    margin: 0;
  }

  /* empty, the live region stays in place (to be announced later) but takes no room */
  .notice:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }

  .panel {
    display: grid;
    gap: var(--cpts-spacing-s);
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .panel p {
    margin: 0;
  }

  .table-wrap {
    max-width: 100%;
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--cpts-font-size-small);
  }

  caption {
    text-align: start;
    font-weight: var(--cpts-font-weight-bold);
    padding-bottom: var(--cpts-spacing-xs);
  }

  th,
  td {
    padding: var(--cpts-spacing-xs) var(--cpts-spacing-s);
    text-align: start;
    vertical-align: top;
    border-bottom: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  thead th {
    background: var(--cpts-color-surface);
  }

  tbody th {
    font-weight: var(--cpts-font-weight-bold);
  }

  tr[data-active='false'] {
    background: var(--cpts-color-surface);
  }

  .menu {
    position: relative;
  }

  .menu > button {
    min-height: 2.25rem;
    font-size: var(--cpts-font-size-small);
    white-space: nowrap;
  }

  .menu ul {
    position: absolute;
    inset-inline-end: 0;
    z-index: 1;
    display: grid;
    min-width: 14rem;
    margin: var(--cpts-spacing-xs) 0 0;
    padding: var(--cpts-spacing-xs);
    list-style: none;
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }

  .menu ul[hidden] {
    display: none;
  }

  .menu li button {
    width: 100%;
    min-height: 2.25rem;
    text-align: start;
    color: var(--cpts-color-text);
    background: none;
    border-color: transparent;
    font-size: var(--cpts-font-size-small);
  }

  .menu li button:hover {
    background: var(--cpts-color-surface);
  }

  ${dialogStyles}

  dialog {
    width: min(32rem, calc(100vw - 1rem));
    padding: var(--cpts-spacing-m);
  }

  dialog > div {
    display: grid;
    gap: var(--cpts-spacing-m);
  }

  dialog p {
    margin: 0;
  }
`;
