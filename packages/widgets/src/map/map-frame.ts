import {html, nothing, type TemplateResult} from 'lit';

/** What the map's box needs of the element that shows it. */
export interface MapFrameOptions {
  /** Accessible names: the map's region, and its two zoom buttons. */
  label: string;
  zoomIn: string;
  zoomOut: string;
  /** The tiles' attribution, or what is said when there are none; nothing when empty. */
  attribution: string | undefined;
  zoomBy(delta: number): void;
}

/**
 * The map's container, its zoom buttons and the attribution, as both maps draw them (styled by
 * `styles/map-frame.ts`). The engine mounts Leaflet into `.map`; this module loads none of it.
 */
export function renderMapFrame(o: MapFrameOptions): TemplateResult {
  return html`
    <div class="map-frame">
      <div class="map" part="map" role="region" aria-label=${o.label}></div>
      <div class="zoom">
        <button type="button" aria-label=${o.zoomIn} @click=${() => o.zoomBy(1)}>+</button>
        <button type="button" aria-label=${o.zoomOut} @click=${() => o.zoomBy(-1)}>−</button>
      </div>
    </div>
    ${o.attribution ? html`<p class="attribution">${o.attribution}</p>` : nothing}
  `;
}
