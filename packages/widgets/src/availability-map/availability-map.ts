import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {PractitionerMap, PractitionerPublic, Territory} from '@cpts-kit/contract';
import {listPublicPractitioners, getTerritory, type CptsClient} from '@cpts-kit/sdk';
import {CptsConfigError} from '../internal/config-error.js';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {mapFrameStyles} from '../styles/map-frame.js';
import {tokens} from '../styles/tokens.js';
import {styles} from './availability-map.styles.js';
import type {MapBounds, MapEngine} from '../map/map-engine.js';
import {bboxParam, byName, defaultFilters, firstBy, inBounds, matchesFilters, type MapFilters} from './map-model.js';
import {renderDetails, renderFilters, renderLegend} from './map-parts.js';
import {RemoteMapSource, shownPoint, WORLD_BBOX, type RemoteView} from './remote-view.js';
import {CptsSelectEvent} from './select-event.js';
import {labelStrings} from '../translations/labels.js';
import {mapStrings} from './map-strings.js';
import {renderMapFrame} from '../map/map-frame.js';

type DataState = {status: 'loading'} | {status: 'error'; error: unknown} | {status: 'ready'; items: readonly PractitionerPublic[]};
export type MapView = 'map' | 'list';

/**
 * A territory that fits in one page of 200 loads at once and clusters in the page: panning costs
 * no request. A larger one asks the server for each view. Measured (bench/map.ts): a page of 200
 * is about 70 KB, and clustering 200 points in the page takes no time; a clustered view from the
 * server is a few KB whatever the territory's size, where loading page by page grows with it (180 KB
 * a page of 500, 36 MB for 100,000).
 */
const PAGE_SIZE = 200;
const LIST_STEP = 50;
const VIEW_DEBOUNCE_MS = 150;

/**
 * @summary The public map of practitioners who take new patients, with a list that always mirrors it.
 *
 * Shows only practitioners who chose to be public (the API guarantees it). Leaflet and
 * supercluster are downloaded only when the map is shown. Without `tiles` the map has a plain
 * background with the communes' centres and names; the list (« Liste ») needs no map at all.
 *
 * @fires cpts-select - A practitioner was chosen on the map or in the list; `detail` is the practitioner.
 * @fires cpts-error - The practitioners could not be fetched.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filters.
 * @csspart map - The map's box.
 * @csspart list - The list of practitioners in view.
 * @csspart list-item - One practitioner's button in the list.
 * @csspart details - The chosen practitioner's details.
 *
 * @cssproperty --map-height - Height of the map (24rem).
 */
export class CptsAvailabilityMap extends CptsElement {
  static override stringBundles = [mapStrings, labelStrings];
  static override styles = [tokens, base, mapFrameStyles, styles];

  // without the territory the map still shows the practitioners, framed on them: nothing to report
  private readonly territoryData = new TerritoryController(this, () => undefined, getTerritory);
  private engine: MapEngine<PractitionerPublic> | undefined;
  private engineLoading: Promise<void> | undefined;
  private loadedWith: CptsClient | undefined | null = null;
  private abort: AbortController | undefined;
  private viewTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly remoteSource = new RemoteMapSource();
  private remoteLoading: Promise<void> | undefined;
  private settleView: (() => void) | undefined;

  @state() private data: DataState = {status: 'loading'};
  /** Large territories: the server clusters each view and pages the list; undefined while the first view loads. */
  @state() private serverMode = false;
  @state() private remote: RemoteView | undefined;
  @state() private filters: MapFilters = defaultFilters;
  @state() private bounds: MapBounds | undefined;
  @state() private listLimit = LIST_STEP;
  @state() private selected: PractitionerPublic | undefined;

  /** Tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`). Unset: no tiles, the communes' names instead. */
  @property() tiles?: string;

  /** Attribution of the tiles, shown as text under the map (required by most tile providers). */
  @property({attribute: 'tiles-attribution'}) tilesAttribution?: string;

  /** `map` (map and list) or `list` (the list alone; the map's code is not even downloaded). */
  @property({reflect: true}) view: MapView = 'map';

  /** Practitioners to show instead of fetching them, for developers. */
  @property({attribute: false}) practitioners?: readonly PractitionerPublic[];

  /** Resolves once the map has drawn the current points (tests, screenshots, benchmarks). */
  async mapSettled(): Promise<void> {
    await this.updateComplete;
    await this.engineLoading;
    for (;;) {
      const remote = this.remoteLoading;
      await remote;
      await this.engine?.settled();
      await this.updateComplete;
      if (remote === this.remoteLoading) return;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.remoteSource.cancel();
    clearTimeout(this.viewTimer);
    this.engine?.destroy();
    this.engine = undefined;
    this.engineLoading = undefined;
    this.loadedWith = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.practitioners) {
      if (changed.has('practitioners')) this.data = {status: 'ready', items: this.practitioners};
      return;
    }
    const client = this.resolveClient();
    if (client !== this.loadedWith) {
      this.loadedWith = client;
      void this.loadAll(client);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.view === 'map' && this.data.status === 'ready' && this.territoryReady()) void this.ensureEngine();
    if (this.serverMode) {
      // the map view asks once the engine knows its bounds (ensureEngine); the list alone asks now
      const ready = this.view === 'list' || this.engine;
      if (ready && (changed.has('serverMode') || changed.has('filters') || changed.has('view'))) this.fetchView(0);
    } else if (this.engine && (changed.has('data') || changed.has('filters'))) void this.pushPoints();
    if (this.engine && changed.has('view') && this.view === 'map') this.engine.resize();
  }

  private territoryReady(): boolean {
    const status = this.territoryData.state?.status;
    return status === 'ready' || status === 'error';
  }

  private get territoryInfo(): Territory | undefined {
    const state = this.territoryData.state;
    return state?.status === 'ready' ? state.territory : undefined;
  }

  private filteredCache: {data: DataState; filters: MapFilters; items: readonly PractitionerPublic[]} | undefined;

  private get filtered(): readonly PractitionerPublic[] {
    const {data, filters} = this;
    if (this.filteredCache?.data !== data || this.filteredCache.filters !== filters) {
      const items = data.status === 'ready' ? data.items.filter((p) => matchesFilters(p, filters)) : [];
      this.filteredCache = {data, filters, items};
    }
    return this.filteredCache.items;
  }

  /** What the list shows: the filtered practitioners in the map's view (unsorted; on a large territory, the pages fetched so far). */
  get inView(): readonly PractitionerPublic[] {
    if (this.serverMode) return this.remote?.items ?? [];
    const bounds = this.view === 'map' ? this.bounds : undefined;
    return bounds ? this.filtered.filter((p) => inBounds(p, bounds)) : this.filtered;
  }

  /** How many the list counts: all of them, even those not fetched yet on a large territory. */
  private get inViewCount(): number {
    return this.serverMode ? (this.remote?.map?.total ?? 0) : this.inView.length;
  }

  /** The first page tells the territory's size: all of it when it fits, else the server takes over view by view. */
  private async loadAll(client: CptsClient | undefined): Promise<void> {
    this.abort?.abort();
    if (!client) {
      this.data = {status: 'error', error: new CptsConfigError('<cpts-availability-map>: set "api" and "territory", set "client", or place it inside <cpts-provider>')};
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.data = {status: 'loading'};
    try {
      const page = await listPublicPractitioners(client, {limit: PAGE_SIZE}, {signal: abort.signal});
      if (abort.signal.aborted) return;
      this.serverMode = page.nextCursor !== null;
      this.remote = undefined;
      this.data = {status: 'ready', items: this.serverMode ? [] : page.items};
    } catch (error) {
      if (abort.signal.aborted) return;
      this.data = {status: 'error', error};
      this.fireError(error);
    }
  }

  private currentBbox(): string {
    return this.view === 'map' && this.bounds ? bboxParam(this.bounds) : WORLD_BBOX;
  }

  /** Asks the server for the current view after `delay` ms; a newer call cancels an older one, sent or not. */
  private fetchView(delay = VIEW_DEBOUNCE_MS): void {
    clearTimeout(this.viewTimer);
    // the view replaced before it was even asked for: whoever waits on it waits on this one instead
    this.settleView?.();
    const client = this.resolveClient();
    if (!client) return;
    this.remoteLoading = new Promise<void>((resolve) => {
      this.settleView = resolve;
      this.viewTimer = setTimeout(() => {
        this.settleView = undefined;
        const bbox = this.currentBbox();
        const zoom = this.view === 'map' ? this.engine?.zoom() : 0;
        const drawClusters = (map: PractitionerMap) => {
          if (this.view === 'map') this.engine?.showClusters(map.clusters, map.points.map(shownPoint));
        };
        this.remoteSource
          .view(client, this.filters, bbox, zoom, LIST_STEP, drawClusters)
          .then((view) => {
            if (view) this.remote = view;
          })
          .catch((error: unknown) => {
            this.data = {status: 'error', error};
            this.fireError(error);
          })
          .finally(resolve);
      }, delay);
    });
  }

  private async showMoreRemote(): Promise<void> {
    const client = this.resolveClient();
    const remote = this.remote;
    if (!client || !remote?.nextCursor) return;
    const page = await this.remoteSource.more(client, this.filters, this.currentBbox(), remote.nextCursor, LIST_STEP);
    if (this.remote === remote) this.remote = {...remote, items: [...remote.items, ...page.items], nextCursor: page.nextCursor};
  }

  private ensureEngine(): Promise<void> {
    if (this.engineLoading) return this.engineLoading;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container || !this.shadowRoot) return Promise.resolve();
    const t = this.localize.strings;
    this.engineLoading = (async () => {
      const {createMapEngine} = await import('../map/map-engine.js');
      if (!this.isConnected || this.engine) return;
      const tilesUrl = this.tiles?.trim();
      this.engine = await createMapEngine<PractitionerPublic>({
        container,
        root: this.shadowRoot!,
        tiles: tilesUrl ? {url: tilesUrl, attribution: this.tilesAttribution ?? ''} : undefined,
        reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
        communes: this.territoryInfo?.communes ?? [],
        describePoint: (p) => `${p.displayName}, ${t.professions[p.profession]}${p.availability ? `, ${t.accepting[p.availability.accepting]}` : ''}`,
        describeCluster: (n, accepting) => t.map.cluster(n, accepting),
        onSelect: (p) => void this.selectFromMap(p),
        onViewChange: (b) => this.onViewChange(b),
      });
      this.engine.fitTerritory(this.filtered);
      this.bounds = this.engine.bounds();
      if (this.serverMode) this.fetchView(0);
      else await this.pushPoints();
    })();
    return this.engineLoading;
  }

  private async pushPoints(): Promise<void> {
    await this.engine?.setPoints(this.filtered);
  }

  private onViewChange(bounds: MapBounds): void {
    this.bounds = bounds;
    this.listLimit = LIST_STEP;
    if (this.serverMode) this.fetchView();
  }

  /** A server's marker carries only what the map needs: the list route gives the rest. */
  private async selectFromMap(p: PractitionerPublic): Promise<void> {
    const client = this.resolveClient();
    if (!this.serverMode || !client) return this.select(p, false);
    const known = this.remote?.items.find((item) => item.id === p.id);
    if (known) return this.select(known, false);
    try {
      const details = await this.remoteSource.details(client, p.id);
      if (details) this.select(details, false);
    } catch (error) {
      this.fireError(error);
    }
  }

  private select(practitioner: PractitionerPublic, fromList: boolean): void {
    this.selected = practitioner;
    this.dispatchEvent(new CptsSelectEvent(practitioner));
    if (!fromList) return;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#details-title')?.focus());
  }

  private setFilter(patch: Partial<MapFilters>): void {
    this.filters = {...this.filters, ...patch};
    this.listLimit = LIST_STEP;
  }

  private renderToggle(): TemplateResult {
    const t = this.localize.strings.map;
    return html`<div class="toggle" role="group" aria-label=${t.view}>
      <button type="button" aria-pressed=${this.view === 'map' ? 'true' : 'false'} @click=${() => (this.view = 'map')}>${t.showMap}</button>
      <button type="button" aria-pressed=${this.view === 'list' ? 'true' : 'false'} @click=${() => (this.view = 'list')}>${t.showList}</button>
    </div>`;
  }

  private renderMap(): TemplateResult {
    const t = this.localize.strings.map;
    const attribution = this.tiles?.trim() ? this.tilesAttribution : t.noTiles;
    return html`
      <div class="map-box" ?hidden=${this.view !== 'map'}>
        ${renderMapFrame({label: t.mapLabel, zoomIn: t.zoomIn, zoomOut: t.zoomOut, attribution, zoomBy: (delta) => this.engine?.zoomBy(delta)})}
        ${renderLegend(this.localize.strings, this.filters.acceptsNew)}
      </div>
    `;
  }

  private renderList(): TemplateResult {
    const t = this.localize.strings;
    const all = this.inView;
    // the server sorts its pages by name already
    const shown = this.serverMode ? all : firstBy(all, this.listLimit, byName);
    const count = this.inViewCount;
    return html`
      <div class="list-box">
        <p class="count" role="status" aria-live="polite">${t.map.inView(count)}</p>
        ${
          count === 0
            ? html`<p class="empty">${t.map.none}</p>`
            : html`<ul class="list" part="list">
              ${shown.map(
                (p) => html`<li>
                  <button type="button" part="list-item" data-id=${p.id} aria-current=${this.selected?.id === p.id ? 'true' : 'false'} @click=${() => this.select(p, true)}>
                    <span class="name">${p.displayName}</span>
                    <span class="meta">${t.professions[p.profession]}${this.communeName(p) ? ` · ${this.communeName(p)}` : ''}</span>
                    ${p.availability ? html`<span class="accepting" data-accepting=${p.availability.accepting}>${t.accepting[p.availability.accepting]}</span>` : nothing}
                  </button>
                </li>`,
              )}
            </ul>`
        }
        ${count > shown.length ? html`<button type="button" class="more" @click=${() => this.showMore()}>${t.map.showMore(count - shown.length)}</button>` : nothing}
      </div>
    `;
  }

  private showMore(): void {
    if (this.serverMode) void this.showMoreRemote();
    else this.listLimit += LIST_STEP;
  }

  private communeName(p: PractitionerPublic): string | undefined {
    return this.territoryInfo?.communes.find((c) => c.insee === p.communeInsee)?.name;
  }

  override render() {
    const t = this.localize.strings;
    const data = this.data;
    return html`
      <section part="base" lang=${this.localize.lang} aria-labelledby="map-title" aria-busy=${data.status === 'loading' ? 'true' : 'false'}>
        <h2 id="map-title" class="title">${this.filters.acceptsNew ? t.map.title : t.map.titleAll}</h2>
        ${data.status === 'loading' ? html`<p class="loading" role="status">${t.map.loading}</p>` : nothing}
        ${
          data.status === 'error'
            ? html`<div role="alert" class="alert"><p><strong>${t.map.loadError}</strong></p><p>${this.errorMessage(data.error)}</p>
              <button type="button" class="secondary" @click=${() => {
                this.loadedWith = null;
                this.requestUpdate();
              }}>${t.retry}</button></div>`
            : nothing
        }
        ${
          data.status === 'ready'
            ? html`
              ${renderFilters(t, {filters: this.filters, professions: this.serverMode ? undefined : new Set(data.items.map((p) => p.profession)), onChange: (patch) => this.setFilter(patch)})}
              ${this.renderToggle()}
              <div class="layout">
                ${this.renderMap()}
                <div class="side">${
                  this.selected
                    ? renderDetails(t, this.selected, {lang: this.localize.lang, commune: this.communeName(this.selected), close: () => (this.selected = undefined)})
                    : nothing
                } ${this.renderList()}</div>
              </div>
            `
            : nothing
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-availability-map': CptsAvailabilityMap;
  }
}
