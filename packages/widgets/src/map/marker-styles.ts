import {css} from 'lit';

/**
 * The markers' look, inside Leaflet's panes (in the element's shadow root). Part of the lazily
 * loaded engine: every element that shows a map gets them with it, and a page without one never.
 */
export const markerStyles = css`
  .pin {
    background: none;
    border: 0;
  }

  .pin-shape {
    display: block;
    width: 28px;
    height: 28px;
    border-radius: 50% 50% 50% 0;
    transform: rotate(-45deg);
    background: var(--cpts-color-text-muted);
    border: 3px solid #ffffff;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.4);
  }

  .pin-glyph {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    transform: rotate(45deg);
    color: #ffffff;
    font-size: 13px;
    font-weight: var(--cpts-font-weight-bold);
    line-height: 1;
  }

  .pin.accepting-yes .pin-shape {
    background: var(--cpts-color-success);
  }

  .pin.accepting-limited .pin-shape {
    background: #9a6700;
  }

  .pin.accepting-no .pin-shape {
    background: var(--cpts-color-error);
  }

  /* the ring shows the share that takes new patients (green), the rest grey */
  .cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    padding: 4px;
    box-sizing: border-box;
    background: conic-gradient(var(--cpts-color-success) calc(var(--accepting-share, 0) * 1turn), #6e7781 0);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.4);
  }

  .cluster-body {
    display: grid;
    place-items: center;
    align-content: center;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    color: var(--cpts-color-primary-contrast);
    background: var(--cpts-color-primary);
    border: 2px solid #ffffff;
    box-sizing: border-box;
    font-weight: var(--cpts-font-weight-bold);
    line-height: 1.05;
  }

  .cluster-accepting::after {
    content: attr(data-accepting) ' ✓';
    font-size: 0.625rem;
    font-weight: normal;
  }

  .leaflet-marker-icon:focus-visible {
    outline: var(--cpts-focus-ring-width) solid var(--cpts-focus-ring-color);
    outline-offset: 2px;
  }

  .commune-label {
    background: none;
    border: 0;
    pointer-events: none;
  }

  /* the icon's corner is the commune's centre: the dot sits on it, the name where commune-labels.ts placed it */
  .commune-dot {
    position: absolute;
    left: -4px;
    top: -4px;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #3f3f3f;
  }

  .commune-name {
    position: absolute;
    white-space: nowrap;
    font-size: 0.75rem;
    color: #1b1f24;
    text-shadow: 0 0 2px #ffffff, 0 0 2px #ffffff;
  }

  /* names are measured in it once, laid out exactly as drawn */
  .commune-probe {
    position: absolute;
    visibility: hidden;
  }
`;
