import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {Profession as ProfessionSchema, type Accepting, type PractitionerPublic, type Profession, type Territory} from '@cpts-kit/contract';
import {listPublicPractitioners, type CptsClient} from '@cpts-kit/sdk';
import {CptsConfigError} from '../internal/config-error.js';
import {CptsElement} from '../internal/cpts-element.js';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {mapFrameStyles} from '../styles/map-frame.js';
import {tokens} from '../styles/tokens.js';
import {styles} from './availability-map.styles.js';
import type {MapBounds, MapEngine} from '../map/map-engine.js';
import {bboxParam, byName, firstBy, inBounds, matchesFilters, noFilters, type MapFilters} from './map-model.js';
import {CptsSelectEvent} from './select-event.js';
import {labelStrings} from '../translations/labels.js';
import {mapStrings} from './map-strings.js';
import {renderMapFrame} from '../map/map-frame.js';

type DataState = {status: 'loading'} | {status: 'error'; error: unknown} | {status: 'ready'; items: readonly PractitionerPublic[]};
export type MapView = 'map' | 'list';

const PAGE_SIZE = 500;
/** Up to this many practitioners load at once; a larger territory loads what the map shows. */
const MAX_LOADED = 5_000;
const LIST_STEP = 50;
const BBOX_DEBOUNCE_MS = 300;
const ACCEPTING: readonly Accepting[] = ['yes', 'limited', 'no'];

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

  private readonly territoryData = new TerritoryController(this, () => {
    // without the territory the map still shows the practitioners, framed on them
  });
  private engine: MapEngine<PractitionerPublic> | undefined;
  private engineLoading: Promise<void> | undefined;
  private loadedWith: CptsClient | undefined | null = null;
  private abort: AbortController | undefined;
  private bboxTimer: ReturnType<typeof setTimeout> | undefined;
  private bboxMode = false;

  @state() private data: DataState = {status: 'loading'};
  @state() private filters: MapFilters = noFilters;
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
    await this.engine?.settled();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    clearTimeout(this.bboxTimer);
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
    if (this.engine && (changed.has('data') || changed.has('filters'))) void this.pushPoints();
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

  /** What the list shows: the filtered practitioners in the map's view (unsorted). */
  get inView(): readonly PractitionerPublic[] {
    const bounds = this.view === 'map' ? this.bounds : undefined;
    return bounds ? this.filtered.filter((p) => inBounds(p, bounds)) : this.filtered;
  }

  private async loadAll(client: CptsClient | undefined, bbox?: MapBounds): Promise<void> {
    this.abort?.abort();
    if (!client) {
      this.data = {status: 'error', error: new CptsConfigError('<cpts-availability-map>: set "api" and "territory", set "client", or place it inside <cpts-provider>')};
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    if (!bbox) this.data = {status: 'loading'};
    try {
      const items: PractitionerPublic[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPublicPractitioners(client, {limit: PAGE_SIZE, ...(cursor ? {cursor} : {}), ...(bbox ? {bbox: bboxParam(bbox)} : {})}, {signal: abort.signal});
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < MAX_LOADED);
      if (abort.signal.aborted) return;
      // more than we load at once: from now on, fetch what the map shows as it moves
      if (cursor && !bbox) this.bboxMode = true;
      this.data = {status: 'ready', items};
    } catch (error) {
      if (abort.signal.aborted) return;
      this.data = {status: 'error', error};
      this.fireError(error);
    }
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
        describeCluster: (n) => t.map.cluster(n),
        onSelect: (p) => this.select(p, false),
        onViewChange: (b) => this.onViewChange(b),
      });
      this.engine.fitTerritory(this.filtered);
      this.bounds = this.engine.bounds();
      await this.pushPoints();
    })();
    return this.engineLoading;
  }

  private async pushPoints(): Promise<void> {
    await this.engine?.setPoints(this.filtered);
  }

  private onViewChange(bounds: MapBounds): void {
    this.bounds = bounds;
    this.listLimit = LIST_STEP;
    if (!this.bboxMode || this.practitioners) return;
    clearTimeout(this.bboxTimer);
    this.bboxTimer = setTimeout(() => void this.loadAll(this.resolveClient(), bounds), BBOX_DEBOUNCE_MS);
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

  private renderFilters(items: readonly PractitionerPublic[]): TemplateResult {
    const t = this.localize.strings;
    const present = new Set(items.map((p) => p.profession));
    const professions = (ProfessionSchema.options as readonly Profession[]).filter((p) => present.has(p) || p === this.filters.profession);
    return html`
      <fieldset class="filters" part="filters">
        <legend>${t.map.filters}</legend>
        <div class="filter">
          <label for="f-profession">${t.map.profession}</label>
          <select id="f-profession" @change=${(e: Event) => this.setFilter({profession: (e.target as HTMLSelectElement).value as Profession | ''})}>
            <option value="" ?selected=${this.filters.profession === ''}>${t.map.anyProfession}</option>
            ${professions.map((p) => html`<option value=${p} ?selected=${this.filters.profession === p}>${t.professions[p]}</option>`)}
          </select>
        </div>
        <div class="filter">
          <label for="f-accepting">${t.map.accepting}</label>
          <select id="f-accepting" @change=${(e: Event) => this.setFilter({accepting: (e.target as HTMLSelectElement).value as Accepting | ''})}>
            <option value="" ?selected=${this.filters.accepting === ''}>${t.map.anyAccepting}</option>
            ${ACCEPTING.map((a) => html`<option value=${a} ?selected=${this.filters.accepting === a}>${t.map.acceptingOptions[a]}</option>`)}
          </select>
        </div>
        <label class="check"><input id="f-home" type="checkbox" .checked=${live(this.filters.homeVisits)}
          @change=${(e: Event) => this.setFilter({homeVisits: (e.target as HTMLInputElement).checked})}>${t.map.homeVisits}</label>
      </fieldset>
    `;
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
      </div>
    `;
  }

  private renderList(): TemplateResult {
    const t = this.localize.strings;
    const all = this.inView;
    const shown = firstBy(all, this.listLimit, byName);
    return html`
      <div class="list-box">
        <p class="count" role="status" aria-live="polite">${t.map.inView(all.length)}</p>
        ${
          all.length === 0
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
        ${
          all.length > shown.length
            ? html`<button type="button" class="more" @click=${() => (this.listLimit += LIST_STEP)}>${t.map.showMore(all.length - shown.length)}</button>`
            : nothing
        }
      </div>
    `;
  }

  private communeName(p: PractitionerPublic): string | undefined {
    return this.territoryInfo?.communes.find((c) => c.insee === p.communeInsee)?.name;
  }

  private renderDetails(p: PractitionerPublic): TemplateResult {
    const t = this.localize.strings;
    const a = p.availability;
    const date = a ? new Intl.DateTimeFormat(this.localize.lang, {dateStyle: 'long'}).format(new Date(a.declaredAt)) : undefined;
    return html`
      <section class="details" part="details" aria-labelledby="details-title">
        <h3 id="details-title" tabindex="-1">${p.displayName}</h3>
        <p>${t.professions[p.profession]}</p>
        ${p.practiceName ? html`<p>${p.practiceName}</p>` : nothing}
        ${p.address || this.communeName(p) ? html`<p>${[p.address, this.communeName(p)].filter(Boolean).join(', ')}</p>` : nothing}
        ${p.phone ? html`<p><a href=${telHref(p.phone)} aria-label=${t.map.call(formatFrenchPhone(p.phone))}>${formatFrenchPhone(p.phone)}</a></p>` : nothing}
        ${
          a
            ? html`<ul class="facts">
              <li data-accepting=${a.accepting}>${t.accepting[a.accepting]}</li>
              <li>${a.homeVisits ? t.map.homeVisitsYes : t.map.homeVisitsNo}</li>
              ${a.teleconsultation ? html`<li>${t.map.teleconsultation}</li>` : nothing}
              <li class="muted">${t.map.updated(date!)}</li>
            </ul>`
            : nothing
        }
        <button type="button" class="secondary" @click=${() => (this.selected = undefined)}>${t.map.close}</button>
      </section>
    `;
  }

  override render() {
    const t = this.localize.strings;
    const data = this.data;
    return html`
      <section part="base" lang=${this.localize.lang} aria-labelledby="map-title" aria-busy=${data.status === 'loading' ? 'true' : 'false'}>
        <h2 id="map-title" class="title">${t.map.title}</h2>
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
              ${this.renderFilters(data.items)} ${this.renderToggle()}
              <div class="layout">
                ${this.renderMap()}
                <div class="side">${this.selected ? this.renderDetails(this.selected) : nothing} ${this.renderList()}</div>
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
