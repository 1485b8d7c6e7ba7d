import {layerGroup, marker, divIcon, type LayerGroup, type Map as LeafletMap} from 'leaflet/dist/leaflet-src.esm.js';
import type {Commune} from '@cpts-kit/contract';
import {BoxGrid, dotBox, moved, placeName, type Box, type Size} from './label-placement.js';

/** Below this zoom the names would be a crowd: a region or a country shows no commune names. */
export const LABELS_MIN_ZOOM = 10;
/** Enough to find one's way; more would cover the map. */
const MAX_LABELS = 40;
const MAX_RETRIES = 60;

/** A marker drawn on the map: where it is, and the box its shape covers around that point, in pixels. */
export interface Obstacle {
  lat: number;
  lng: number;
  box: Box;
}

function textElement(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * The communes' names for a map without tiles. They sit in a pane under the markers' pane, and a
 * name is placed where no marker would cover it: beside its dot on the right, left, above or below,
 * else moved a little aside of the marker on its dot, else left out at this zoom. Only from zoom 10,
 * the most populated first, and a name that would overlap one already placed is left out, so names
 * never cover each other either. Each name is measured once; placing them is arithmetic.
 */
export class CommuneLabels {
  private readonly layer: LayerGroup;
  private readonly pane: HTMLElement;
  private readonly communes: readonly Commune[];
  private readonly sizes = new Map<Commune, Size>();
  private obstacles: readonly Obstacle[] = [];
  private retry: number | undefined;
  private retries = 0;

  constructor(
    private readonly map: LeafletMap,
    communes: readonly Commune[],
  ) {
    this.pane = map.createPane('communes');
    // Leaflet's marker pane is at z-index 600, its overlay pane at 400
    this.pane.style.zIndex = '450';
    this.layer = layerGroup([], {pane: 'communes'}).addTo(map);
    this.communes = [...communes].filter((c) => c.centre).sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    // a web font that arrives after the first measure changes every name's length
    const remeasure = () => {
      this.sizes.clear();
      this.update();
    };
    document.fonts?.addEventListener('loadingdone', remeasure);
    map.on('unload', () => document.fonts?.removeEventListener('loadingdone', remeasure));
  }

  /** The markers now drawn: the names make way for them. */
  setObstacles(obstacles: readonly Obstacle[]): void {
    this.obstacles = obstacles;
    this.update();
  }

  /** Places the names for the current view, around the markers last given. */
  update(): void {
    this.layer.clearLayers();
    if (this.map.getZoom() < LABELS_MIN_ZOOM || this.communes.length === 0 || !this.measure()) return;
    const bounds = this.map.getBounds();
    const markers = new BoxGrid();
    for (const o of this.obstacles) {
      const p = this.map.latLngToContainerPoint([o.lat, o.lng]);
      markers.add(moved(o.box, p.x, p.y));
    }
    const names = new BoxGrid();
    let placed = 0;
    for (const commune of this.communes) {
      if (placed >= MAX_LABELS) break;
      const {lat, lng} = commune.centre!;
      if (!bounds.contains([lat, lng])) continue;
      const {x, y} = this.map.latLngToContainerPoint([lat, lng]);
      const dot = dotBox(x, y);
      if (names.hit(dot)) continue;
      const name = placeName(x, y, this.sizes.get(commune)!, markers, names);
      if (!name) continue;
      names.add(dot);
      names.add(name);
      this.draw(commune, name.left - x, name.top - y);
      placed++;
    }
  }

  private draw(commune: Commune, dx: number, dy: number): void {
    const name = textElement('span', 'commune-name', commune.name);
    // through the CSSOM, which a strict style-src allows (a style attribute it would not)
    name.style.left = `${dx}px`;
    name.style.top = `${dy}px`;
    const label = document.createElement('span');
    label.append(textElement('span', 'commune-dot', ''), name);
    const m = marker([commune.centre!.lat, commune.centre!.lng], {
      pane: 'communes',
      icon: divIcon({className: 'commune-label', html: label, iconSize: undefined}),
      interactive: false,
      keyboard: false,
    });
    m.addTo(this.layer);
  }

  /**
   * Measures the names not measured yet, all in one layout, as drawn (a name's length in pixels
   * depends on the font). False while the map is not laid out (the page is still rendering, or the
   * map is hidden): measured again next frame for a second at most, then when its view next changes.
   */
  private measure(): boolean {
    const missing = this.communes.filter((c) => !this.sizes.has(c));
    if (missing.length === 0) return true;
    const probe = document.createElement('div');
    probe.className = 'commune-probe';
    const spans = missing.map((c) => probe.appendChild(textElement('span', 'commune-name', c.name)));
    this.pane.append(probe);
    // offset sizes, not client rects: a zoom animation scales the pane, not the names as drawn after it
    const sizes = spans.map((s) => ({width: s.offsetWidth + 1, height: s.offsetHeight}));
    probe.remove();
    if (sizes[0]!.height === 0) {
      if (this.retries++ < MAX_RETRIES) {
        this.retry ??= requestAnimationFrame(() => {
          this.retry = undefined;
          if (this.map.getContainer().isConnected) this.update();
        });
      }
      return false;
    }
    this.retries = 0;
    missing.forEach((c, i) => this.sizes.set(c, sizes[i]!));
    return true;
  }
}
