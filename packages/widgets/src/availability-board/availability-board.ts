import {html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {getAvailabilityBoard, getTerritory, type CptsClient} from '@cpts-kit/sdk';
import type {Board, BoardRow, Territory} from '@cpts-kit/contract';
import {coordinatorStrings} from '../coordinator/coordinator-strings.js';
import {sessionStyles} from '../coordinator/coordinator.styles.js';
import {CoordinatorSession} from '../coordinator/session.js';
import {isRefusal} from '../coordinator/session-store.js';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {controlStyles} from '../styles/controls.js';
import {mapFrameStyles} from '../styles/map-frame.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {styles} from './availability-board.styles.js';
import {BoardFormat, defaultColumns, type BoardColumn} from './board-columns.js';
import {boardCsv, downloadCsv} from './board-csv.js';
import {renderFilters} from './board-filters.js';
import {BoardMapView} from './board-map-view.js';
import {countRows, filterAndSort, indexRows, noBoardFilters, type BoardFilters, type BoardSort, type IndexedRow} from './board-model.js';
import {CptsBoardSelectEvent} from './board-select-event.js';
import {boardStrings} from './board-strings.js';
import {renderColumnsMenu, renderTable} from './board-table.js';

export type BoardView = 'list' | 'map';

/**
 * @summary Every practitioner's current availability, public or network-only, and how fresh it
 * is: for CPTS coordinators and regulators orienting a patient.
 *
 * A coordinator signs in with their token (kept in this element's memory only, never in storage
 * or an attribute; a page may set `token` instead). One request loads the whole territory
 * (hundreds of rows); filters, an accent-insensitive search, sorting (by family name, commune,
 * freshness, last declaration), the columns shown, counts and a CSV export of the filtered rows
 * then run in the page. The map view's code (Leaflet, supercluster) is downloaded only when the map
 * is first shown. Inside a `<cpts-provider>`, it takes part in the provider's coordinator session
 * (see `<cpts-coordinator-sign-in>`): one sign-in and one sign-out for every coordinator tool, and
 * a token refused mid-session asked for again above the board.
 *
 * @fires cpts-select - A row was chosen, in the table or on the map; `detail` is the `BoardRow`.
 * @fires cpts-signed-in - The coordinator signed in; `client` is the SDK client carrying the token.
 * @fires cpts-error - Something could not be loaded for a reason other than a refused token. `error` holds what the SDK threw.
 *
 * @csspart base - The wrapper.
 * @csspart status - The live status line: loading, counts, export.
 * @csspart sign-in - The token sign-in form (when this tool shows it).
 * @csspart sign-in-above - In a provider whose form is elsewhere: « Connectez-vous ci-dessus ».
 * @csspart session - Once signed in, alone or first of its provider: the line with the sign-out.
 * @csspart filters - The filters, search and sort.
 * @csspart columns - The menu of the table's columns.
 * @csspart list - The scrolling box around the table.
 * @csspart row - One practitioner's row of the table.
 * @csspart empty - The message shown when no row matches (or none exists).
 * @csspart error - A failure message, with its retry button.
 * @csspart export - The CSV export button.
 * @csspart map - The map's box.
 * @csspart details - The row chosen on the map.
 *
 * @cssproperty --padding - Inner spacing of the wrapper.
 * @cssproperty --map-height - Height of the map (28rem).
 */
export class CptsAvailabilityBoard extends CptsElement {
  static override stringBundles = [boardStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, controlStyles, sessionStyles, mapFrameStyles, styles];

  // the board works without the territory (communes then show by their INSEE code): nothing to report
  private readonly territoryController = new TerritoryController(this, () => undefined, getTerritory);
  private readonly session = new CoordinatorSession(this, {
    idPrefix: 'board',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    token: () => this.token,
    // the board's first read checks the token: signing in here costs one request
    verify: (client) => this.open(client),
    onSignedIn: (client, typed) => void this.signedIn(client, typed),
    onSignedOut: () => this.forget(),
  });
  private readonly map = new BoardMapView(this, {
    shown: () => this.session.client !== undefined && this.board !== undefined && this.view === 'map',
    rows: () => this.shown(),
    format: () => this.format(),
    select: (row) => this.select(row, 'map'),
    renderFailure: (error, retry) => this.renderFailure(error, retry),
  });
  private board: Board | undefined;
  /** The client `board` was read with: a sign-in this board checked needs no second read. */
  private boardClient: CptsClient | undefined;
  private loading = false;
  private loadError: unknown;
  private abort: AbortController | undefined;
  private notice = '';
  private selected: BoardRow | undefined;
  private indexed: {board: Board; territory: Territory | undefined; rows: IndexedRow[]} | undefined;
  private shownCache: {rows: IndexedRow[]; filters: BoardFilters; sort: BoardSort; shown: IndexedRow[]} | undefined;
  private filters: BoardFilters = noBoardFilters;
  private sort: BoardSort = 'name';
  private view: BoardView = 'list';
  /** Remembered for this page only: a shared computer's next coordinator starts from the defaults. */
  private columns: ReadonlySet<BoardColumn> = defaultColumns;

  /** A coordinator's token, for pages that have one (else the board asks for it). */
  @property({attribute: false}) token?: string;

  /** Tile URL template for the map view. Unset: no tiles, the communes' names instead. */
  @property() tiles?: string;

  /** Attribution of the tiles, shown as text under the map. */
  @property({attribute: 'tiles-attribution'}) tilesAttribution?: string;

  /** The rows shown now, filtered and sorted: what the table, the map and the CSV show. */
  get rows(): BoardRow[] {
    return this.shown().map((r) => r.row);
  }

  /** Resolves once the map view has drawn the current rows. */
  mapSettled(): Promise<void> {
    return this.map.settled();
  }

  get territoryData(): Territory | undefined {
    const state = this.territoryController.state;
    return state?.status === 'ready' ? state.territory : undefined;
  }

  reportError(error: unknown): void {
    this.fireError(error);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** The token's check, when signing in here: a refusal propagates, so the session says so by the field. */
  private async open(client: CptsClient): Promise<void> {
    try {
      const board = await getAvailabilityBoard(client);
      this.board = board;
      this.boardClient = client;
      this.notice = '';
      this.loadError = undefined;
    } catch (error) {
      if (!isRefusal(error)) this.fireError(error);
      throw error;
    }
  }

  /** Signed in (here, or in another tool of the provider): read the board unless this sign-in did. */
  private async signedIn(client: CptsClient, typed: boolean): Promise<void> {
    if (this.boardClient !== client) await this.reload();
    if (!typed) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  private async reload(): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    this.loadError = undefined;
    this.notice = '';
    this.requestUpdate();
    try {
      const board = await getAvailabilityBoard(client, undefined, {signal: abort.signal});
      if (!abort.signal.aborted) {
        this.board = board;
        this.boardClient = client;
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      // revoked or expired while the page was open, the token is asked for again above the board
      if (this.session.reportFailure(error) !== undefined) this.loadError = error;
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.requestUpdate();
      }
    }
  }

  private forget(): void {
    this.abort?.abort();
    this.board = undefined;
    this.boardClient = undefined;
    this.indexed = undefined;
    this.shownCache = undefined;
    this.selected = undefined;
    this.loading = false;
    this.loadError = undefined;
    this.map.destroy();
    this.notice = this.localize.strings.board.signedOut;
  }

  private communeName = (insee: string): string => this.territoryData?.communes.find((c) => c.insee === insee)?.name ?? insee;

  private format(): BoardFormat {
    return new BoardFormat(this.localize.strings, this.localize.lang, this.communeName);
  }

  private allRows(): IndexedRow[] {
    const board = this.board;
    if (!board) return [];
    const territory = this.territoryData;
    if (this.indexed?.board !== board || this.indexed.territory !== territory) {
      this.indexed = {board, territory, rows: indexRows(board.items, this.communeName)};
    }
    return this.indexed.rows;
  }

  private shown(): IndexedRow[] {
    const rows = this.allRows();
    const c = this.shownCache;
    if (c?.rows !== rows || c.filters !== this.filters || c.sort !== this.sort) {
      this.shownCache = {rows, filters: this.filters, sort: this.sort, shown: filterAndSort(rows, this.filters, this.sort)};
    }
    return this.shownCache!.shown;
  }

  private setView(view: BoardView): void {
    this.view = view;
    this.requestUpdate();
    if (view === 'map') void this.updateComplete.then(() => this.map.resize());
  }

  private select(row: BoardRow, from: 'list' | 'map'): void {
    this.selected = row;
    this.requestUpdate();
    this.dispatchEvent(new CptsBoardSelectEvent(row));
    if (from === 'map') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#board-details-title')?.focus());
  }

  /** The CSV of what the table shows, in the table's order, downloaded from the page. */
  exportCsv(): void {
    const rows = this.shown();
    downloadCsv(boardCsv(this.format(), rows), this.renderRoot as ShadowRoot);
    this.notice = this.localize.strings.board.exported(rows.length);
    this.requestUpdate();
  }

  private renderFailure(error: unknown, retry: () => void): TemplateResult {
    return html`<div role="alert" class="alert" part="error">
      <p><strong>${this.localize.strings.board.loadError}</strong></p>
      <p>${this.errorMessage(error)}</p>
      <button type="button" class="secondary" @click=${retry}>${this.localize.strings.retry}</button>
    </div>`;
  }

  private renderToolbar(canExport: boolean): TemplateResult {
    const t = this.localize.strings.board;
    return html`<div class="actions">
      <button type="button" class="secondary" ?disabled=${this.loading} @click=${() => this.reload()}>${t.refresh}</button>
      <button type="button" class="secondary" part="export" ?disabled=${!canExport} @click=${() => this.exportCsv()}>${t.exportCsv}</button>
    </div>`;
  }

  private renderViews(all: readonly IndexedRow[], shown: readonly IndexedRow[]): TemplateResult {
    const t = this.localize.strings.board;
    const format = this.format();
    const table = {
      columns: this.columns,
      selectedId: this.selected?.practitionerId,
      setColumns: (columns: ReadonlySet<BoardColumn>) => {
        this.columns = columns;
        this.requestUpdate();
      },
      select: (row: BoardRow) => this.select(row, 'list'),
    };
    const filters = {
      filters: this.filters,
      sort: this.sort,
      setFilter: (patch: Partial<BoardFilters>) => {
        this.filters = {...this.filters, ...patch};
        this.notice = '';
        this.requestUpdate();
      },
      setSort: (sort: BoardSort) => {
        this.sort = sort;
        this.requestUpdate();
      },
    };
    const list = this.view === 'list';
    return html`
      ${renderFilters(all, filters, this.localize.strings)}
      <div class="view-bar">
        <div class="toggle" role="group" aria-label=${t.view}>
          <button type="button" aria-pressed=${list ? 'true' : 'false'} @click=${() => this.setView('list')}>${t.showList}</button>
          <button type="button" aria-pressed=${list ? 'false' : 'true'} @click=${() => this.setView('map')}>${t.showMap}</button>
        </div>
        ${list ? renderColumnsMenu(format, table) : nothing}
      </div>
      ${shown.length === 0 ? html`<p class="empty" part="empty">${t.emptyFiltered}</p>` : nothing}
      ${list && shown.length > 0 ? renderTable(format, shown, all.length, table) : nothing}
      ${!list || this.map.started ? this.map.render(!list, this.selected, () => this.closeDetails()) : nothing}
    `;
  }

  private closeDetails(): void {
    this.selected = undefined;
    this.requestUpdate();
  }

  private renderBoard(board: Board): TemplateResult {
    const t = this.localize.strings.board;
    const all = this.allRows();
    const shown = this.shown();
    const counts = countRows(shown, all.length);
    const status = this.loading
      ? t.loading
      : [t.counts(counts.shown, counts.total), t.acceptingCount(counts.accepting), t.staleCount(counts.stale)].join(' · ') + (this.notice ? `. ${this.notice}` : '');
    return html`
      ${this.renderToolbar(shown.length > 0)}
      <p class="counts" part="status" role="status" aria-live="polite">${status}</p>
      <p class="hint">${t.staleRule(board.staleAfterDays)}</p>
      ${this.loadError !== undefined ? this.renderFailure(this.loadError, () => void this.reload()) : nothing}
      ${all.length === 0 ? html`<p class="empty" part="empty">${t.empty}</p>` : this.renderViews(all, shown)}
    `;
  }

  /** Checking a token the page set: no form to show meanwhile. */
  private get checkingToken(): boolean {
    return this.session.store.status === 'checking' && !!this.token && this.session.showsForm;
  }

  /** Tries the last sign-in again, after a failure that was not a refusal. */
  private retrySignIn(): void {
    if (this.token) void this.session.signIn(this.token);
    else this.renderRoot.querySelector<HTMLFormElement>('form[part="sign-in"]')?.requestSubmit();
  }

  private renderSignedOut(): TemplateResult {
    const t = this.localize.strings.board;
    if (this.checkingToken || (this.session.client && this.loading)) return html`<p class="loading" part="status" role="status">${t.loading}</p>`;
    const store = this.session.store;
    // a failure other than the token's is the board's to show, with a retry, where the form is
    const error = this.session.showsForm && store.problem === 'failed' ? store.error : undefined;
    return html`${error !== undefined ? this.renderFailure(error, () => this.retrySignIn()) : nothing}
      <p class="loading" role="status">${this.session.client ? '' : this.notice}</p>`;
  }

  override render() {
    const t = this.localize.strings.board;
    const busy = this.session.store.status === 'checking' || this.loading;
    return html`
      <section part="base" lang=${this.localize.lang} aria-labelledby="title">
        <h2 id="title" class="title" tabindex="-1">${t.title}</h2>
        ${this.checkingToken ? nothing : this.session.renderSignIn()}
        <div class="board" aria-busy=${busy ? 'true' : 'false'}>
          ${this.session.client && this.board ? this.renderBoard(this.board) : this.renderSignedOut()}
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-availability-board': CptsAvailabilityBoard;
  }
}
