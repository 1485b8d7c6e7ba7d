import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {BoardRow, Territory} from '@cpts-kit/contract';
import type {MapEngine, MapPoint} from '../map/map-engine.js';
import type {BoardFormat} from './board-columns.js';
import type {IndexedRow} from './board-model.js';
import {renderFreshness} from './board-table.js';
import {renderMapFrame} from '../map/map-frame.js';

type Point = MapPoint & {row: BoardRow};

export interface BoardMapHost extends ReactiveControllerHost, HTMLElement {
  readonly tiles?: string | undefined;
  readonly tilesAttribution?: string | undefined;
  readonly territoryData: Territory | undefined;
  readonly shadowRoot: ShadowRoot | null;
  reportError(error: unknown): void;
}

/** What the map shows, read from the board at each update. */
export interface BoardMapSource {
  /** Whether the map view is on screen (signed in, rows loaded, « Carte » chosen). */
  shown(): boolean;
  rows(): readonly IndexedRow[];
  format(): BoardFormat;
  select(row: BoardRow): void;
  /** Renders the failure with its Retry button. */
  renderFailure(error: unknown, retry: () => void): TemplateResult;
}

function toPoint(r: IndexedRow): Point {
  return {id: r.row.practitionerId, location: r.row.location, availability: r.row.availability, row: r.row};
}

/**
 * The board's map view: the shared map engine (Leaflet, supercluster) downloaded the first time the
 * coordinator asks for the map, then kept in step with the filtered rows.
 */
export class BoardMapView implements ReactiveController {
  private readonly host: BoardMapHost;
  private readonly source: BoardMapSource;
  private engine: MapEngine<Point> | undefined;
  private engineLoading: Promise<void> | undefined;
  private engineRows: readonly IndexedRow[] | undefined;
  private mapError: unknown;

  constructor(host: BoardMapHost, source: BoardMapSource) {
    this.host = host;
    this.source = source;
    host.addController(this);
  }

  /** Whether the map was asked for once: its box then stays in the page, hidden, so coming back is instant. */
  get started(): boolean {
    return this.engine !== undefined || this.engineLoading !== undefined;
  }

  hostUpdated(): void {
    // after a failure only the Retry button tries again: retrying here would loop, an error a pass
    if (this.source.shown() && this.mapError === undefined) void this.ensureEngine();
    const rows = this.source.rows();
    if (this.engine && rows !== this.engineRows) {
      this.engineRows = rows;
      void this.engine.setPoints(rows.map(toPoint));
    }
  }

  hostDisconnected(): void {
    this.destroy();
  }

  destroy(): void {
    this.engine?.destroy();
    this.engine = undefined;
    this.engineLoading = undefined;
    this.engineRows = undefined;
    this.mapError = undefined;
  }

  /** Resolves once the map has drawn the current rows (tests, screenshots). */
  async settled(): Promise<void> {
    await this.host.updateComplete;
    await this.engineLoading;
    await this.engine?.settled();
  }

  /** The map's box was hidden while the page's layout changed: Leaflet must measure it again. */
  resize(): void {
    this.engine?.resize();
  }

  private ensureEngine(): Promise<void> {
    if (this.engineLoading) return this.engineLoading;
    const root = this.host.shadowRoot;
    const container = root?.querySelector<HTMLElement>('.map');
    if (!root || !container) return Promise.resolve();
    this.mapError = undefined;
    this.engineLoading = this.startEngine(root, container).catch((error: unknown) => {
      this.mapError = error;
      this.engineLoading = undefined;
      this.host.reportError(error);
      this.host.requestUpdate();
    });
    return this.engineLoading;
  }

  private async startEngine(root: ShadowRoot, container: HTMLElement): Promise<void> {
    // downloaded only now: a coordinator who stays on the table never loads Leaflet
    const {createMapEngine} = await import('../map/map-engine.js');
    if (!this.host.isConnected || this.engine) return;
    if (!this.measurable(container)) {
      this.engineLoading = undefined;
      return;
    }
    const tiles = this.host.tiles?.trim();
    const engine = await createMapEngine<Point>({
      container,
      root,
      tiles: tiles ? {url: tiles, attribution: this.host.tilesAttribution ?? ''} : undefined,
      reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
      communes: this.host.territoryData?.communes ?? [],
      describePoint: ({row}) => this.describe(row),
      describeCluster: (n) => this.source.format().t.cluster(n),
      onSelect: (point) => this.source.select(point.row),
      onViewChange: () => undefined,
    });
    if (!this.measurable(container)) {
      // back to the table meanwhile: a hidden box has no size to fit the territory in; start again when shown
      engine.destroy();
      this.engineLoading = undefined;
      return;
    }
    this.engine = engine;
    const rows = this.source.rows();
    engine.fitTerritory(rows.map(toPoint));
    this.engineRows = rows;
    await engine.setPoints(rows.map(toPoint));
    this.host.requestUpdate();
  }

  /** Whether the map's box can be measured (false while the table is shown instead). */
  private measurable(container: HTMLElement): boolean {
    return this.host.isConnected && this.source.shown() && container.isConnected && container.offsetWidth > 0;
  }

  private describe(row: BoardRow): string {
    const format = this.source.format();
    const t = format.t;
    return [row.displayName, format.profession(row), row.availability ? t.acceptingShort[row.availability.accepting] : t.notDeclared, t.freshness[row.freshness]].join(', ');
  }

  private renderDetails(row: BoardRow, close: () => void): TemplateResult {
    const format = this.source.format();
    const t = format.t;
    const c = t.columns;
    const a = row.availability;
    return html`
      <section class="details" part="details" aria-labelledby="board-details-title">
        <h3 id="board-details-title" tabindex="-1">${row.displayName}</h3>
        <p>${format.profession(row)} · ${format.communeName(row.communeInsee)}</p>
        <p>${renderFreshness(format, row)}</p>
        ${
          a
            ? html`<dl>
              <dt>${c.accepting}</dt><dd>${format.accepting(row)}</dd>
              <dt>${c.scope}</dt><dd>${format.scope(row)}</dd>
              <dt>${c.homeVisits}</dt><dd>${format.yesNo(a.homeVisits)}</dd>
              <dt>${c.snp}</dt><dd>${a.snpSlotsThisWeek}</dd>
              <dt>${c.teleconsultation}</dt><dd>${format.yesNo(a.teleconsultation)}</dd>
              <dt>${c.msu}</dt><dd>${format.yesNo(a.hostsInterns)}</dd>
              <dt>${c.visibility}</dt><dd>${t.visibility[a.visibility]}</dd>
              ${a.noteForCoordinator ? html`<dt>${c.note}</dt><dd class="note">${a.noteForCoordinator}</dd>` : nothing}
            </dl>`
            : nothing
        }
        <button type="button" class="secondary" @click=${close}>${t.close}</button>
      </section>
    `;
  }

  /** `visible`: « Carte » is chosen (the box stays, hidden, once drawn); `selected`: the row whose details show. */
  render(visible: boolean, selected: BoardRow | undefined, closeDetails: () => void): TemplateResult {
    const t = this.source.format().t;
    const tiles = this.host.tiles?.trim();
    const attribution = tiles ? this.host.tilesAttribution : t.noTiles;
    return html`
      <div class="map-box" ?hidden=${!visible}>
        ${visible && !this.engine && this.mapError === undefined ? html`<p class="loading">${t.mapLoading}</p>` : nothing}
        ${this.mapError !== undefined ? this.source.renderFailure(this.mapError, () => void this.ensureEngine()) : nothing}
        ${renderMapFrame({label: t.mapLabel, zoomIn: t.zoomIn, zoomOut: t.zoomOut, attribution, zoomBy: (delta) => this.engine?.zoomBy(delta)})}
        ${selected ? this.renderDetails(selected, closeDetails) : nothing}
      </div>
    `;
  }
}
