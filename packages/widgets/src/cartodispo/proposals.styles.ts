import {css} from 'lit';

/** The proposals and waiting-people cards of `<cpts-cartodispo>`. */
export const proposalsStyles = css`
  .proposals {
    display: grid;
    gap: var(--cpts-spacing-s);
    margin-block-start: var(--cpts-spacing-l);
  }

  .cards {
    display: grid;
    gap: var(--cpts-spacing-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    display: grid;
    gap: var(--cpts-spacing-s);
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    border: 1px solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }

  .card h4,
  .card h5 {
    margin: 0;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
    padding-inline-start: var(--cpts-spacing-m);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cpts-spacing-s);
  }

  form.decline {
    gap: var(--cpts-spacing-xs);
  }

  .contact {
    display: grid;
    gap: var(--cpts-spacing-s);
    justify-items: start;
    padding: var(--cpts-spacing-s) var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border-radius: var(--cpts-radius);
  }

  /* one column: a phone's width leaves no room for labels beside the values */
  .contact dl {
    justify-self: stretch;
    display: grid;
    gap: var(--cpts-spacing-xs);
    margin: 0;
  }

  .contact dt {
    font-weight: var(--cpts-font-weight-bold);
  }

  .contact dd {
    margin: 0 0 var(--cpts-spacing-xs);
    overflow-wrap: anywhere;
  }

  .status:empty {
    display: none;
  }

  .forget {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
    margin-block-start: var(--cpts-spacing-l);
  }
`;
