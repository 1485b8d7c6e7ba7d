import {layerGroup, marker, divIcon, type LayerGroup, type Map as LeafletMap} from 'leaflet/dist/leaflet-src.esm.js';
import type {Commune} from '@cpts-kit/contract';

/** Below this zoom the names would be a crowd: a region or a country shows no commune names. */
export const LABELS_MIN_ZOOM = 10;
/** Enough to find one's way; more would cover the map. */
const MAX_LABELS = 40;
/** Estimated box of a name, in pixels: the dot, then the text at 0.75rem. */
const CHAR_WIDTH = 6.5;
const LABEL_HEIGHT = 16;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

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

  constructor(
    private readonly map: LeafletMap,
    communes: readonly Commune[],
  ) {
    // Leaflet's marker pane is at z-index 600, its overlay pane at 400
    map.createPane('communes').style.zIndex = '450';
    this.layer = layerGroup([], {pane: 'communes'}).addTo(map);
    this.communes = [...communes].filter((c) => c.centre).sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  }

  /** Places the names for the current view. */
  update(): void {
    this.layer.clearLayers();
    if (this.map.getZoom() < LABELS_MIN_ZOOM) return;
    const bounds = this.map.getBounds();
    const placed: Box[] = [];
    for (const commune of this.communes) {
      if (placed.length >= MAX_LABELS) break;
      const {lat, lng} = commune.centre!;
      if (!bounds.contains([lat, lng])) continue;
      const at = this.map.latLngToContainerPoint([lat, lng]);
      const box = {x0: at.x - 4, y0: at.y - LABEL_HEIGHT / 2, x1: at.x + 8 + commune.name.length * CHAR_WIDTH, y1: at.y + LABEL_HEIGHT / 2};
      if (placed.some((other) => overlaps(box, other))) continue;
      placed.push(box);
      const label = document.createElement('span');
      label.append(textElement('span', 'commune-dot', ''), textElement('span', 'commune-name', commune.name));
      marker([lat, lng], {pane: 'communes', icon: divIcon({className: 'commune-label', html: label, iconSize: undefined}), interactive: false, keyboard: false}).addTo(
        this.layer,
      );
    }
  }
}
