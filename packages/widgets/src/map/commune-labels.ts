import {layerGroup, marker, divIcon, type LayerGroup, type Map as LeafletMap} from 'leaflet/dist/leaflet-src.esm.js';
import type {Commune} from '@cpts-kit/contract';

/** Below this zoom the names would be a crowd: a region or a country shows no commune names. */
export const LABELS_MIN_ZOOM = 10;
/** Enough to find one's way; more would cover the map. */
const MAX_LABELS = 40;
const MAX_RETRIES = 60;
/** A little air between two names, in pixels. */
const GAP = 2;

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;

function textElement(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * The communes' names for a map without tiles. They sit in a pane under the markers' pane, so a
 * name never covers a pin or a cluster; only from zoom 10, the most populated first, and a name
 * that would overlap one already placed is left out, so names never cover each other either.
 */
export class CommuneLabels {
  private readonly layer: LayerGroup;
  private readonly communes: readonly Commune[];
  private retry: number | undefined;
  private retries = 0;

  constructor(
    private readonly map: LeafletMap,
    communes: readonly Commune[],
  ) {
    // Leaflet's marker pane is at z-index 600, its overlay pane at 400
    map.createPane('communes').style.zIndex = '450';
    this.layer = layerGroup([], {pane: 'communes'}).addTo(map);
    this.communes = [...communes].filter((c) => c.centre).sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  }

  /** Places the names for the current view, measured as drawn: a name's length in pixels depends on the font. */
  update(): void {
    this.layer.clearLayers();
    if (this.map.getZoom() < LABELS_MIN_ZOOM) return;
    const bounds = this.map.getBounds();
    const placed: DOMRect[] = [];
    for (const commune of this.communes) {
      if (placed.length >= MAX_LABELS) break;
      const {lat, lng} = commune.centre!;
      if (!bounds.contains([lat, lng])) continue;
      const label = document.createElement('span');
      label.append(textElement('span', 'commune-dot', ''), textElement('span', 'commune-name', commune.name));
      const m = marker([lat, lng], {pane: 'communes', icon: divIcon({className: 'commune-label', html: label, iconSize: undefined}), interactive: false, keyboard: false});
      m.addTo(this.layer);
      const box = label.getBoundingClientRect();
      if (box.width === 0) {
        // not laid out yet (the page is still rendering): measure again next frame, for a second at
        // most; a map hidden longer is measured again when shown (its size changes, and so its view)
        this.layer.clearLayers();
        if (this.retries++ < MAX_RETRIES) {
          this.retry ??= requestAnimationFrame(() => {
            this.retry = undefined;
            if (this.map.getContainer().isConnected) this.update();
          });
        }
        return;
      }
      this.retries = 0;
      if (placed.some((other) => overlaps(box, other))) this.layer.removeLayer(m);
      else placed.push(box);
    }
  }
}
