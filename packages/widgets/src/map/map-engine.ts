// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- brings the module's types into every program that imports the engine (Storybook's too)
/// <reference path="./leaflet-esm.d.ts" />
// Everything heavy of the map: Leaflet, its stylesheet, supercluster. The element imports this
// module with `import()` only when a map is shown, so the build puts it (and Leaflet, and
// supercluster) in chunks a page without a map never downloads.
import {
  divIcon,
  latLngBounds,
  layerGroup,
  map as createLeafletMap,
  marker,
  tileLayer,
  type LatLngBounds,
  type LayerGroup,
  type Map as LeafletMap,
} from 'leaflet/dist/leaflet-src.esm.js';
import type {Accepting, Commune, LatLng} from '@cpts-kit/contract';
import {createClusterIndex, WORKER_THRESHOLD, type ClusterIndex} from './cluster-index.js';
import {CommuneLabels, type Obstacle} from './commune-labels.js';
import type {Box} from './label-placement.js';
import type {BBoxTuple, ClusterItem} from './cluster-protocol.js';
// Leaflet's stylesheet stays beside the public map for now (it is being rebuilt from the package); it belongs here
import {leafletStyles} from './leaflet-styles.js';
import {markerStyles} from './marker-styles.js';

export interface MapBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** What the engine draws: the public map's practitioners, or the coordinators' board rows. */
export interface MapPoint {
  id: string;
  location: LatLng;
  availability: {accepting: Accepting} | null;
}

export interface MapEngineOptions<P extends MapPoint = MapPoint> {
  container: HTMLElement;
  root: ShadowRoot;
  tiles?: {url: string; attribution: string} | undefined;
  reducedMotion: boolean;
  communes: readonly Commune[];
  /** Accessible names of markers. */
  describePoint: (point: P) => string;
  /** `accepting`: how many of the `count` take new patients. */
  describeCluster: (count: number, accepting: number) => string;
  onSelect: (point: P) => void;
  /** The view moved (pan, zoom, resize): the list shows what is in view. */
  onViewChange: (bounds: MapBounds) => void;
}

/** A cluster made by the server: where a click on it zooms to comes with it. */
export interface RemoteCluster {
  lat: number;
  lng: number;
  count: number;
  accepting: number;
  zoom: number;
}

export interface MapEngine<P extends MapPoint = MapPoint> {
  /** Replaces the points (after a filter or a load) and redraws what is in view. */
  setPoints(points: readonly P[]): Promise<void>;
  /** Draws clusters and points made elsewhere (the server) for the current view; the engine indexes nothing. */
  showClusters(clusters: readonly RemoteCluster[], points: readonly P[]): void;
  /** The current zoom level (an integer: the map snaps to whole levels). */
  zoom(): number;
  /** Frames the territory (its communes, else the points). */
  fitTerritory(points: readonly P[]): void;
  bounds(): MapBounds;
  zoomBy(delta: number): void;
  /** The size changed (the map was hidden, the page resized). */
  resize(): void;
  /** Resolves after the drawing that the last change started. */
  settled(): Promise<void>;
  destroy(): void;
}

/** Leaflet's stylesheet and the markers' join the element's own ones, once per shadow root. */
function adoptLeafletStyles(root: ShadowRoot): void {
  const sheets = [leafletStyles.styleSheet, markerStyles.styleSheet].filter((s): s is CSSStyleSheet => !!s && !root.adoptedStyleSheets.includes(s));
  if (sheets.length > 0) root.adoptedStyleSheets = [...sheets, ...root.adoptedStyleSheets];
}

function toBounds(b: LatLngBounds): MapBounds {
  return {west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth()};
}

function textElement(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

const PIN_GLYPHS: Record<Accepting | 'unknown', string> = {yes: '✓', limited: '½', no: '✕', unknown: '?'};

/**
 * What a marker's shape covers around its point, shadow included (marker-styles.ts): the names of
 * the communes keep clear of it. A pin's icon is 28 px square above its point, and its tip, the
 * square's corner turned 45°, reaches 6 px below it.
 */
const PIN_BOX: Box = {left: -16, top: -30, right: 16, bottom: 9};
const clusterSize = (count: number) => (count < 10 ? 34 : count < 100 ? 40 : 48);
function clusterBox(count: number): Box {
  const half = clusterSize(count) / 2;
  return {left: -half - 2, top: -half - 2, right: half + 2, bottom: half + 4};
}

export async function createMapEngine<P extends MapPoint>(options: MapEngineOptions<P>): Promise<MapEngine<P>> {
  adoptLeafletStyles(options.root);
  const animate = !options.reducedMotion;
  const map: LeafletMap = createLeafletMap(options.container, {
    // attribution is rendered by the element as text: Leaflet's control writes innerHTML, which Trusted Types forbid
    attributionControl: false,
    // its buttons are written with innerHTML too: the element draws its own
    zoomControl: false,
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
    inertia: animate,
    zoomSnap: 1,
    minZoom: 3,
    maxZoom: 18,
  });
  if (options.tiles) tileLayer(options.tiles.url, {maxZoom: 19}).addTo(map);

  const communeLabels = new CommuneLabels(map, options.communes);

  const markerLayer: LayerGroup = layerGroup().addTo(map);
  let points: readonly P[] = [];
  let index: ClusterIndex | undefined;
  let indexSize = -1;
  let generation = 0;
  let drawing: Promise<void> = Promise.resolve();
  // point sets load one after the other: a filter changed mid-load must not race the previous load
  let loading: Promise<void> = Promise.resolve();

  function bboxOfView(): BBoxTuple {
    const b = map.getBounds();
    return [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
  }

  function pointMarker(item: Extract<ClusterItem, {kind: 'point'}>) {
    const point = points[item.index];
    if (!point) return undefined;
    return pinMarker(point, item.lat, item.lng);
  }

  function pinMarker(point: P, lat: number, lng: number) {
    const accepting = point.availability?.accepting ?? 'unknown';
    const pin = document.createElement('span');
    pin.className = 'pin-shape';
    // a shape inside the pin as well as its colour: colour alone says nothing to a colour-blind reader
    pin.append(textElement('span', 'pin-glyph', PIN_GLYPHS[accepting]));
    const m = marker([lat, lng], {
      icon: divIcon({className: `pin accepting-${accepting}`, html: pin, iconSize: [28, 28], iconAnchor: [14, 28]}),
      keyboard: true,
      riseOnHover: true,
    });
    m.on('add', () => {
      const element = m.getElement();
      element?.setAttribute('aria-label', options.describePoint(point));
      element?.setAttribute('data-id', point.id);
    });
    m.on('click', () => options.onSelect(point));
    return m;
  }

  function clusterIcon(count: number, accepting: number) {
    const size = clusterSize(count);
    const body = document.createElement('span');
    body.className = 'cluster-body';
    body.append(textElement('span', 'cluster-count', String(count)));
    // how many take new patients: a green share of the ring, and the number when not all do. Drawn
    // by CSS from the attribute: the marker's aria-label says it in words, and its visible text stays the count
    if (accepting < count) {
      const note = textElement('span', 'cluster-accepting', '');
      note.dataset['accepting'] = String(accepting);
      body.append(note);
    }
    return divIcon({className: 'cluster', html: body, iconSize: [size, size]});
  }

  function clusterMarker(lat: number, lng: number, count: number, accepting: number, expand: () => Promise<number>) {
    const m = marker([lat, lng], {icon: clusterIcon(count, accepting), keyboard: true});
    m.on('add', () => {
      const element = m.getElement();
      element?.setAttribute('aria-label', options.describeCluster(count, accepting));
      element?.setAttribute('data-count', String(count));
      element?.setAttribute('data-accepting', String(accepting));
      // set through the CSSOM, which a strict style-src allows (a style attribute it would not)
      element?.style.setProperty('--accepting-share', String(count > 0 ? accepting / count : 0));
    });
    m.on('click', () => {
      void expand().then((zoom) => map.setView([lat, lng], Math.min(zoom, map.getMaxZoom()), {animate}));
    });
    return m;
  }

  function localClusterMarker(item: Extract<ClusterItem, {kind: 'cluster'}>) {
    // a worker that has died answers with a rejection: zoom in one step instead
    const expand = () => (index ? index.expansionZoom(item.id).catch(() => map.getZoom() + 1) : Promise.resolve(map.getZoom() + 1));
    return clusterMarker(item.lat, item.lng, item.count, item.accepting, expand);
  }

  /** Draws the clusters of the current view; a newer draw makes an older one drop its result. */
  async function draw(): Promise<void> {
    const mine = ++generation;
    if (!index) return;
    const items = await index.clusters(bboxOfView(), map.getZoom());
    if (mine !== generation) return;
    markerLayer.clearLayers();
    const obstacles: Obstacle[] = [];
    for (const item of items) {
      const m = item.kind === 'cluster' ? localClusterMarker(item) : pointMarker(item);
      if (!m) continue;
      m.addTo(markerLayer);
      obstacles.push({lat: item.lat, lng: item.lng, box: item.kind === 'cluster' ? clusterBox(item.count) : PIN_BOX});
    }
    communeLabels.setObstacles(obstacles);
  }

  function redraw(): Promise<void> {
    drawing = draw();
    return drawing;
  }

  map.on('moveend', () => {
    options.onViewChange(toBounds(map.getBounds()));
    // clustering in the page: the names are placed once the new view's markers are drawn. From the
    // server: they are placed now around the markers still shown, and again when the view's come
    if (index) void redraw();
    else communeLabels.update();
  });

  function showClusters(clusters: readonly RemoteCluster[], shown: readonly P[]): void {
    generation++;
    markerLayer.clearLayers();
    for (const c of clusters) clusterMarker(c.lat, c.lng, c.count, c.accepting, () => Promise.resolve(c.zoom)).addTo(markerLayer);
    for (const p of shown) pinMarker(p, p.location.lat, p.location.lng).addTo(markerLayer);
    communeLabels.setObstacles([
      ...clusters.map((c) => ({lat: c.lat, lng: c.lng, box: clusterBox(c.count)})),
      ...shown.map((p) => ({lat: p.location.lat, lng: p.location.lng, box: PIN_BOX})),
    ]);
  }

  function fitTerritory(list: readonly P[]): void {
    const centres = options.communes.flatMap((c) => (c.centre ? [[c.centre.lat, c.centre.lng] as [number, number]] : []));
    const coords = centres.length > 0 ? centres : list.map((p) => [p.location.lat, p.location.lng] as [number, number]);
    if (coords.length === 0) map.setView([46.6, 2.4], 5, {animate: false});
    else map.fitBounds(latLngBounds(coords), {padding: [16, 16], animate: false});
  }

  async function loadPoints(next: readonly P[]): Promise<void> {
    const coords = new Float64Array(next.length * 2);
    const accepting = new Uint8Array(next.length);
    next.forEach((p, i) => {
      coords[2 * i] = p.location.lng;
      coords[2 * i + 1] = p.location.lat;
      accepting[i] = p.availability?.accepting === 'yes' || p.availability?.accepting === 'limited' ? 1 : 0;
    });
    // the worker decision is made per size class: a filter that shrinks the set keeps the same index kind
    const large = next.length > WORKER_THRESHOLD;
    if (!index || indexSize > WORKER_THRESHOLD !== large) {
      index?.terminate();
      index = await createClusterIndex(next.length);
    }
    indexSize = next.length;
    await index.load(coords, accepting);
    // only now: a draw answered by the previous index still refers to the previous points
    points = next;
    await redraw();
  }

  return {
    setPoints(next) {
      loading = loading.catch(() => undefined).then(() => loadPoints(next));
      return loading;
    },
    showClusters,
    zoom: () => map.getZoom(),
    fitTerritory,
    bounds: () => toBounds(map.getBounds()),
    zoomBy: (delta) => map.setZoom(map.getZoom() + delta, {animate}),
    resize: () => map.invalidateSize({animate: false}),
    async settled() {
      // a load may start a draw, and a draw may follow a move: wait until neither changes
      for (;;) {
        const [l, d] = [loading, drawing];
        await Promise.allSettled([l, d]);
        if (l === loading && d === drawing) return;
      }
    },
    destroy() {
      generation++;
      index?.terminate();
      // Leaflet ends a zoom animation from a 250 ms timer that map.remove() does not clear: fired
      // after removal, it reads the deleted panes and throws. Ending the animation here makes the
      // timer a no-op (Leaflet checks this flag first).
      (map as unknown as {_animatingZoom: boolean})._animatingZoom = false;
      map.remove();
    },
  };
}
