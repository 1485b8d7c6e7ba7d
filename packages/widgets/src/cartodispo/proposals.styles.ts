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

  .contact dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--cpts-spacing-xs) var(--cpts-spacing-m);
    margin: 0;
  }

  .contact dd {
    margin: 0;
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
