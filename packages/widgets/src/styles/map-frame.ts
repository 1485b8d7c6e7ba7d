import {css} from 'lit';

/**
 * The map's box as the public map and the board's map view both draw it: a plain land colour
 * when there are no tiles, the zoom buttons over its corner, the attribution under it. The
 * map's container is `.map` inside a `.map-frame`; its height is `--map-height`. `.details` is the
 * box that tells of the marker chosen on the map.
 */
export const mapFrameStyles = css`
  .map {
    height: var(--map-height);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
    /* no tiles: a plain land colour, so the communes' names read as places */
    background: #eef1ea;
  }

  .map-frame {
    position: relative;
  }

  .zoom {
    position: absolute;
    z-index: 1000;
    top: var(--cpts-spacing-s);
    inset-inline-end: var(--cpts-spacing-s);
    display: grid;
    gap: 2px;
  }

  .zoom button {
    min-width: 2.75rem;
    font-size: var(--cpts-font-size-large);
    font-weight: var(--cpts-font-weight-bold);
    color: var(--cpts-color-text);
    background: var(--cpts-color-background);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
  }

  .attribution {
    font-size: var(--cpts-font-size-small);
    color: var(--cpts-color-text-muted);
  }

  .details {
    display: grid;
    gap: var(--cpts-spacing-xs);
    justify-items: start;
    padding: var(--cpts-spacing-m);
    background: var(--cpts-color-surface);
    border: var(--cpts-border-width) solid var(--cpts-color-border);
    border-radius: var(--cpts-radius);
  }
`;
