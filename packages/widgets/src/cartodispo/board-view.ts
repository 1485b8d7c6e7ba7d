import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {Profession as ProfessionSchema, type Accepting, type Board, type BoardRow, type Freshness, type Profession, type Territory} from '@cpts-kit/contract';
import {getAvailabilityBoard, isCptsApiError, type CptsClient} from '@cpts-kit/sdk';
import type {MapEngine, MapPoint} from '../availability-map/map-engine.js';
import type {LanguageCode, Translation} from '../translations/translation.js';
import {
  boardSorts,
  countRows,
  filterAndSort,
  hasFilters,
  indexRows,
  noBoardFilters,
  toCsv,
  type BoardFilters,
  type BoardSort,
  type IndexedRow,
} from './board-model.js';
import {boardStrings, type BoardStrings} from './board-strings.js';
import {SharedSignInController} from '../events/signed-in.js';
import {CptsConfigError} from '../internal/config-error.js';
import {CptsBoardSelectEvent} from './board-events.js';

/** What the board needs from the element that shows it. */
export interface BoardHost extends ReactiveControllerHost, HTMLElement {
  /** The client without a token (provider, `client`, or `api` + `territory`). */
  resolveClient(): CptsClient | undefined;
  /** Whether the element is in `board` mode (the board then signs in and listens). */
  readonly boardActive: boolean;
  /** A coordinator token set by the page. */
  readonly coordinatorToken: string | undefined;
  readonly territoryData: Territory | undefined;
  readonly langCode: LanguageCode;
  readonly sharedStrings: Translation;
  readonly tiles?: string | undefined;
  readonly tilesAttribution?: string | undefined;
  readonly shadowRoot: ShadowRoot | null;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
}

export type BoardViewMode = 'list' | 'map';

type Phase =
  | {kind: 'signed-out'; failed: boolean; error?: unknown}
  | {kind: 'signing-in'; from: 'form' | 'token' | 'shared'}
  | {kind: 'signed-in'; client: CptsClient};

type Point = MapPoint & {row: BoardRow};

const ACCEPTING: readonly Accepting[] = ['yes', 'limited', 'no'];
const FRESHNESS: readonly Freshness[] = ['fresh', 'stale', 'never'];

/**
 * `<cpts-cartodispo mode="board">`: every practitioner (public and network-only) with their
 * current availability and how fresh it is, for a coordinator orienting a patient. One request
 * loads the whole territory (hundreds of rows); filters, search and sort then run in the page.
 */
export class BoardView implements ReactiveController {
  private readonly host: BoardHost;
  private phase: Phase = {kind: 'signed-out', failed: false};
  private tokenInput = '';
  private signedInWith: string | undefined;
  private board: Board | undefined;
  private indexed: IndexedRow[] = [];
  private indexedFor: {board: Board; territory: Territory | undefined} | undefined;
  private loading = false;
  private loadError: unknown;
  private abort: AbortController | undefined;
  private notice = '';
  private selected: BoardRow | undefined;
  private engine: MapEngine<Point> | undefined;
  private engineLoading: Promise<void> | undefined;
  private engineRows: readonly IndexedRow[] | undefined;
  private mapError: unknown;
  /** Another coordinator tool inside the same provider signed in: use its client, no second token. */
  private readonly sharedSignIn: SharedSignInController;
  filters: BoardFilters = noBoardFilters;
  sort: BoardSort = 'name';
  view: BoardViewMode = 'list';

  constructor(host: BoardHost) {
    this.host = host;
    host.addController(this);
    this.sharedSignIn = new SharedSignInController(host, (client) => {
      if (host.boardActive && this.phase.kind === 'signed-out') void this.start(client, 'shared');
    });
  }

  private get t(): BoardStrings {
    return boardStrings[this.host.langCode];
  }

  /** The rows the table (and the map, and the CSV) show now. */
  get shownRows(): BoardRow[] {
    return this.shown().map((r) => r.row);
  }

  /** Resolves once the map has drawn the current rows (tests, screenshots). */
  async mapSettled(): Promise<void> {
    await this.host.updateComplete;
    await this.engineLoading;
    await this.engine?.settled();
  }

  hostUpdate(): void {
    if (!this.host.boardActive) return;
    const token = this.host.coordinatorToken?.trim();
    if (token && token !== this.signedInWith) {
      this.signedInWith = token;
      void this.signIn(token, 'token');
    }
  }

  hostUpdated(): void {
    if (this.phase.kind !== 'signed-in' || !this.board) return;
    // after a failure only the Retry button tries again: retrying here would loop, an error a pass
    if (this.view === 'map' && this.mapError === undefined) void this.ensureEngine();
    const rows = this.shown();
    if (this.engine && rows !== this.engineRows) {
      this.engineRows = rows;
      void this.engine.setPoints(rows.map(toPoint));
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.destroyEngine();
  }

  private destroyEngine(): void {
    this.engine?.destroy();
    this.engine = undefined;
    this.engineLoading = undefined;
    this.engineRows = undefined;
  }

  private async signIn(token: string, from: 'form' | 'token'): Promise<void> {
    const base = this.host.resolveClient();
    if (!base) {
      this.setPhase({kind: 'signed-out', failed: false, error: new CptsConfigError('<cpts-cartodispo>: set "api" and "territory", set "client", or place it inside <cpts-provider>')});
      return;
    }
    const client = base.withToken(token.trim());
    if (await this.start(client, from)) {
      // the other tools of the page may use the same sign-in (they listen on the provider)
      this.sharedSignIn.announce(client);
    }
  }

  /** Loads the board with `client`; a refused token leaves the board signed out. */
  private async start(client: CptsClient, from: 'form' | 'token' | 'shared'): Promise<boolean> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.notice = '';
    this.setPhase({kind: 'signing-in', from});
    try {
      const board = await getAvailabilityBoard(client, undefined, {signal: abort.signal});
      if (abort.signal.aborted) return false;
      this.board = board;
      this.loadError = undefined;
      this.setPhase({kind: 'signed-in', client});
      await this.host.updateComplete;
      if (from === 'form') this.host.shadowRoot?.querySelector<HTMLElement>('#title')?.focus();
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      if (isRefused(error)) {
        this.setPhase({kind: 'signed-out', failed: from !== 'shared'});
        await this.host.updateComplete;
        if (from === 'form') this.host.shadowRoot?.querySelector<HTMLInputElement>('#board-token')?.focus();
      } else {
        this.setPhase({kind: 'signed-out', failed: false, error});
        this.host.reportError(error);
      }
      return false;
    }
  }

  private async reload(): Promise<void> {
    if (this.phase.kind !== 'signed-in') return;
    const client = this.phase.client;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    this.loadError = undefined;
    this.notice = '';
    this.host.requestUpdate();
    try {
      const board = await getAvailabilityBoard(client, undefined, {signal: abort.signal});
      if (abort.signal.aborted) return;
      this.board = board;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (isRefused(error)) {
        // revoked or expired while the page was open: ask for a token again
        this.signOut(true);
        return;
      }
      this.loadError = error;
      this.host.reportError(error);
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  private signOut(failed = false): void {
    this.abort?.abort();
    this.board = undefined;
    this.indexed = [];
    this.indexedFor = undefined;
    this.selected = undefined;
    this.loading = false;
    this.loadError = undefined;
    this.tokenInput = '';
    this.destroyEngine();
    this.mapError = undefined;
    this.notice = failed ? '' : this.t.signedOut;
    this.setPhase({kind: 'signed-out', failed});
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLInputElement>('#board-token')?.focus());
  }

  private setPhase(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  private communeName = (insee: string): string => this.host.territoryData?.communes.find((c) => c.insee === insee)?.name ?? insee;

  private rows(): IndexedRow[] {
    const board = this.board;
    if (!board) return [];
    const territory = this.host.territoryData;
    if (this.indexedFor?.board !== board || this.indexedFor.territory !== territory) {
      this.indexed = indexRows(board.items, this.communeName);
      this.indexedFor = {board, territory};
      this.shownCache = undefined;
    }
    return this.indexed;
  }

  private shownCache: {rows: IndexedRow[]; filters: BoardFilters; sort: BoardSort; shown: IndexedRow[]} | undefined;

  private shown(): IndexedRow[] {
    const rows = this.rows();
    const c = this.shownCache;
    if (c?.rows !== rows || c.filters !== this.filters || c.sort !== this.sort) {
      this.shownCache = {rows, filters: this.filters, sort: this.sort, shown: filterAndSort(rows, this.filters, this.sort)};
    }
    return this.shownCache!.shown;
  }

  private setFilter(patch: Partial<BoardFilters>): void {
    this.filters = {...this.filters, ...patch};
    this.notice = '';
    this.host.requestUpdate();
  }

  private setView(view: BoardViewMode): void {
    this.view = view;
    this.host.requestUpdate();
    if (view === 'map') void this.host.updateComplete.then(() => this.engine?.resize());
  }

  private select(row: BoardRow, from: 'list' | 'map'): void {
    this.selected = row;
    this.host.requestUpdate();
    this.host.dispatchEvent(new CptsBoardSelectEvent(row));
    if (from === 'map') void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>('#board-details-title')?.focus());
  }

  private ensureEngine(): Promise<void> {
    if (this.engineLoading) return this.engineLoading;
    const root = this.host.shadowRoot;
    const container = root?.querySelector<HTMLElement>('.map');
    if (!root || !container) return Promise.resolve();
    const t = this.t;
    const shared = this.host.sharedStrings;
    this.mapError = undefined;
    this.engineLoading = (async () => {
      try {
        // downloaded only now: a coordinator who stays on the table never loads Leaflet
        const {createMapEngine} = await import('../availability-map/map-engine.js');
        if (!this.host.isConnected || this.engine) return;
        const tiles = this.host.tiles?.trim();
        const engine = await createMapEngine<Point>({
          container,
          root,
          tiles: tiles ? {url: tiles, attribution: this.host.tilesAttribution ?? ''} : undefined,
          reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
          communes: this.host.territoryData?.communes ?? [],
          describePoint: ({row}) =>
            [row.displayName, shared.professions[row.profession], row.availability ? t.acceptingShort[row.availability.accepting] : t.notDeclared, t.freshness[row.freshness]].join(', '),
          describeCluster: (n) => t.cluster(n),
          onSelect: (point) => this.select(point.row, 'map'),
          onViewChange: () => undefined,
        });
        this.engine = engine;
        const rows = this.shown();
        engine.fitTerritory(rows.map(toPoint));
        this.engineRows = rows;
        await engine.setPoints(rows.map(toPoint));
      } catch (error) {
        this.mapError = error;
        this.engineLoading = undefined;
        this.host.reportError(error);
      }
      this.host.requestUpdate();
    })();
    return this.engineLoading;
  }

  private date(iso: string, style: 'medium' | 'short' = 'medium'): string {
    return new Intl.DateTimeFormat(this.host.langCode, {dateStyle: style}).format(new Date(iso));
  }

  private acceptingText(row: BoardRow): string {
    const a = row.availability;
    if (!a) return this.t.none;
    if (a.accepting === 'no') return this.t.acceptingShort.no;
    return `${this.t.acceptingShort[a.accepting]} · ${a.monthlyQuota === null ? this.t.noQuota : this.t.quota(a.monthlyQuota)}`;
  }

  private scopeText(row: BoardRow): string {
    const a = row.availability;
    if (!a || a.accepting === 'no') return this.t.none;
    const names = a.patientScope.map((s) => this.t.scopes[s]);
    if (a.patientScope.includes('chosen_communes') && a.scopeCommunes.length > 0) {
      names.push(`(${a.scopeCommunes.map(this.communeName).join(', ')})`);
    }
    return names.join(', ');
  }

  private yesNo(value: boolean | undefined): string {
    return value === undefined ? this.t.none : value ? this.t.yes : this.t.no;
  }

  /** The CSV of what the table shows, in the table's order, downloaded from the page (no server round trip). */
  exportCsv(): void {
    const t = this.t;
    const c = t.columns;
    const shared = this.host.sharedStrings;
    const header = [c.name, c.profession, c.commune, c.accepting, c.quota, c.scope, c.homeVisits, c.snp, c.teleconsultation, c.msu, c.visibility, c.freshness, c.declaredAt, c.note];
    const rows = this.shown().map(({row, communeName}) => {
      const a = row.availability;
      return [
        row.displayName,
        shared.professions[row.profession],
        communeName,
        a ? t.acceptingShort[a.accepting] : t.notDeclared,
        a?.monthlyQuota != null ? String(a.monthlyQuota) : '',
        a ? this.scopeText(row).replace(t.none, '') : '',
        a ? this.yesNo(a.homeVisits) : '',
        a ? String(a.snpSlotsThisWeek) : '',
        a ? this.yesNo(a.teleconsultation) : '',
        a ? this.yesNo(a.hostsInterns) : '',
        a ? t.visibility[a.visibility] : '',
        t.freshness[row.freshness],
        a ? this.date(a.declaredAt, 'short') : '',
        a?.noteForCoordinator ?? '',
      ];
    });
    const blob = new Blob([toCsv(header, rows)], {type: 'text/csv;charset=utf-8'});
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `disponibilites-${new Date().toISOString().slice(0, 10)}.csv`;
    link.hidden = true;
    this.host.shadowRoot?.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.notice = t.exported(rows.length);
    this.host.requestUpdate();
  }

  private renderSignIn(): TemplateResult {
    const t = this.t;
    const phase = this.phase;
    const failed = phase.kind === 'signed-out' && phase.failed;
    const checking = phase.kind === 'signing-in';
    const error = phase.kind === 'signed-out' ? phase.error : undefined;
    return html`
      <form part="sign-in" class="board-sign-in" novalidate aria-labelledby="board-sign-in-title"
        @submit=${(e: Event) => {
          e.preventDefault();
          this.signedInWith = undefined;
          void this.signIn(this.tokenInput, 'form');
        }}>
        <h3 id="board-sign-in-title">${t.signInTitle}</h3>
        <p>${t.signInIntro}</p>
        <div class="field">
          <label for="board-token">${t.token}</label>
          <p class="hint" id="board-token-hint">${t.tokenHint}</p>
          ${failed ? html`<p class="field-error" id="board-token-error"><span class="visually-hidden">${t.errorPrefix} </span>${t.signInError}</p>` : nothing}
          <input id="board-token" type="password" autocomplete="off" spellcheck="false" aria-invalid=${failed ? 'true' : 'false'}
            aria-describedby=${failed ? 'board-token-hint board-token-error' : 'board-token-hint'}
            .value=${live(this.tokenInput)}
            @input=${(e: Event) => (this.tokenInput = (e.target as HTMLInputElement).value)} />
        </div>
        <div><button type="submit" class="primary" ?disabled=${checking}>${t.signIn}</button></div>
        <p role="status" class="loading">${checking ? t.checking : this.notice}</p>
      </form>
      ${error !== undefined ? this.renderFailure(error, () => this.signIn(this.signedInWith ?? this.tokenInput, this.signedInWith ? 'token' : 'form')) : nothing}
    `;
  }

  private renderFailure(error: unknown, retry: () => void): TemplateResult {
    return html`<div role="alert" class="alert" part="error">
      <p><strong>${this.t.loadError}</strong></p>
      <p>${this.host.describeError(error)}</p>
      <button type="button" class="secondary" @click=${retry}>${this.host.sharedStrings.retry}</button>
    </div>`;
  }

  private renderFilters(rows: readonly IndexedRow[]): TemplateResult {
    const t = this.t;
    const f = this.filters;
    const shared = this.host.sharedStrings;
    const present = new Set(rows.map((r) => r.row.profession));
    const professions = (ProfessionSchema.options as readonly Profession[]).filter((p) => present.has(p) || p === f.profession);
    const communes = [...new Map(rows.map((r) => [r.row.communeInsee, r.communeName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
    const select = <T extends string>(id: string, label: string, value: string, any: string, options: readonly (readonly [T, string])[], onChange: (v: T | '') => void) =>
      html`<div class="filter">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as T | '')}>
          <option value="" ?selected=${value === ''}>${any}</option>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${value === v}>${text}</option>`)}
        </select>
      </div>`;
    const check = (id: string, label: string, key: 'homeVisits' | 'snp' | 'msu') =>
      html`<label class="check"><input id=${id} type="checkbox" .checked=${live(f[key])} @change=${(e: Event) => this.setFilter({[key]: (e.target as HTMLInputElement).checked})} />${label}</label>`;
    return html`
      <fieldset part="filters" class="board-filters">
        <legend>${t.filtersLegend}</legend>
        <div class="filter search">
          <label for="board-q">${t.search}</label>
          <input id="board-q" type="search" aria-describedby="board-q-hint" .value=${live(f.q)} @input=${(e: Event) => this.setFilter({q: (e.target as HTMLInputElement).value})} />
          <p class="hint" id="board-q-hint">${t.searchHint}</p>
        </div>
        <div class="filter-row">
          ${select('board-profession', t.profession, f.profession, t.anyProfession, professions.map((p) => [p, shared.professions[p]] as const), (profession) => this.setFilter({profession}))}
          ${select('board-commune', t.commune, f.commune, t.anyCommune, communes, (commune) => this.setFilter({commune}))}
          ${select('board-accepting', t.accepting, f.accepting, t.anyAccepting, ACCEPTING.map((a) => [a, t.acceptingFilter[a]] as const), (accepting) => this.setFilter({accepting}))}
          ${select('board-freshness', t.freshnessFilter, f.freshness, t.anyFreshness, FRESHNESS.map((v) => [v, t.freshness[v]] as const), (freshness) => this.setFilter({freshness}))}
          <div class="filter">
            <label for="board-sort">${t.sort}</label>
            <select id="board-sort" @change=${(e: Event) => {
              this.sort = (e.target as HTMLSelectElement).value as BoardSort;
              this.host.requestUpdate();
            }}>
              ${boardSorts.map((s) => html`<option value=${s} ?selected=${this.sort === s}>${t.sorts[s]}</option>`)}
            </select>
          </div>
        </div>
        <div class="checks-row">
          ${check('board-home', t.homeVisits, 'homeVisits')} ${check('board-snp', t.snp, 'snp')} ${check('board-msu', t.msu, 'msu')}
        </div>
        ${hasFilters(f) ? html`<div><button type="button" class="secondary" @click=${() => this.setFilter(noBoardFilters)}>${t.reset}</button></div>` : nothing}
      </fieldset>
    `;
  }

  private renderFreshness(row: BoardRow): TemplateResult {
    const a = row.availability;
    return html`<span class="badge" data-freshness=${row.freshness}>${this.t.freshness[row.freshness]}</span>${a
      ? html` <span class="muted">${this.t.declaredOn(this.date(a.declaredAt))}</span>`
      : nothing}`;
  }

  private renderTable(rows: readonly IndexedRow[]): TemplateResult {
    const t = this.t;
    const c = t.columns;
    const shared = this.host.sharedStrings;
    // freshness right after « new patients »: the two a coordinator reads together, before any scrolling
    return html`
      <div class="table-wrap" part="list" role="region" aria-labelledby="board-caption" tabindex="0">
        <table>
          <caption id="board-caption">${t.caption}<span class="visually-hidden">, ${t.counts(rows.length, this.board?.items.length ?? 0)}</span></caption>
          <thead>
            <tr>
              <th scope="col">${c.name}</th>
              <th scope="col">${c.profession}</th>
              <th scope="col">${c.commune}</th>
              <th scope="col">${c.accepting}</th>
              <th scope="col">${c.freshness}</th>
              <th scope="col">${c.scope}</th>
              <th scope="col">${c.homeVisits}</th>
              <th scope="col">${c.snp}</th>
              <th scope="col">${c.teleconsultation}</th>
              <th scope="col">${c.msu}</th>
              <th scope="col">${c.visibility}</th>
              <th scope="col">${c.note}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(({row, communeName}) => {
              const a = row.availability;
              const selected = this.selected?.practitionerId === row.practitionerId;
              return html`<tr part="row" data-id=${row.practitionerId} data-freshness=${row.freshness} class=${selected ? 'selected' : ''}>
                <th scope="row">
                  <button type="button" class="row-name" aria-pressed=${selected ? 'true' : 'false'} @click=${() => this.select(row, 'list')}>${row.displayName}</button>
                  ${row.active ? nothing : html`<span class="badge inactive">${t.inactive}</span>`}
                </th>
                <td>${shared.professions[row.profession]}</td>
                <td>${communeName}</td>
                <td data-accepting=${a?.accepting ?? 'none'}>${this.acceptingText(row)}</td>
                <td class="freshness">${this.renderFreshness(row)}</td>
                <td>${this.scopeText(row)}</td>
                <td>${this.yesNo(a?.homeVisits)}</td>
                <td class="num">${a ? String(a.snpSlotsThisWeek) : t.none}</td>
                <td>${this.yesNo(a?.teleconsultation)}</td>
                <td>${this.yesNo(a?.hostsInterns)}</td>
                <td>${a ? t.visibility[a.visibility] : t.none}</td>
                <td class="note">${a?.noteForCoordinator ?? ''}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderDetails(row: BoardRow): TemplateResult {
    const t = this.t;
    const c = t.columns;
    const a = row.availability;
    return html`
      <section class="details" part="details" aria-labelledby="board-details-title">
        <h3 id="board-details-title" tabindex="-1">${row.displayName}</h3>
        <p>${this.host.sharedStrings.professions[row.profession]} · ${this.communeName(row.communeInsee)}</p>
        <p>${this.renderFreshness(row)}</p>
        ${a
          ? html`<dl>
              <dt>${c.accepting}</dt><dd>${this.acceptingText(row)}</dd>
              <dt>${c.scope}</dt><dd>${this.scopeText(row)}</dd>
              <dt>${c.homeVisits}</dt><dd>${this.yesNo(a.homeVisits)}</dd>
              <dt>${c.snp}</dt><dd>${a.snpSlotsThisWeek}</dd>
              <dt>${c.teleconsultation}</dt><dd>${this.yesNo(a.teleconsultation)}</dd>
              <dt>${c.msu}</dt><dd>${this.yesNo(a.hostsInterns)}</dd>
              <dt>${c.visibility}</dt><dd>${t.visibility[a.visibility]}</dd>
              ${a.noteForCoordinator ? html`<dt>${c.note}</dt><dd class="note">${a.noteForCoordinator}</dd>` : nothing}
            </dl>`
          : nothing}
        <button type="button" class="secondary" @click=${() => {
          this.selected = undefined;
          this.host.requestUpdate();
        }}>${t.close}</button>
      </section>
    `;
  }

  private renderMap(): TemplateResult {
    const t = this.t;
    const tiles = this.host.tiles?.trim();
    const attribution = tiles ? this.host.tilesAttribution : t.noTiles;
    return html`
      <div class="map-box" ?hidden=${this.view !== 'map'}>
        ${this.view === 'map' && !this.engine && !this.mapError ? html`<p class="loading">${t.mapLoading}</p>` : nothing}
        ${this.mapError !== undefined ? this.renderFailure(this.mapError, () => void this.ensureEngine()) : nothing}
        <div class="map-frame">
          <div class="map" part="map" role="region" aria-label=${t.mapLabel}></div>
          <div class="zoom">
            <button type="button" aria-label=${t.zoomIn} @click=${() => this.engine?.zoomBy(1)}>+</button>
            <button type="button" aria-label=${t.zoomOut} @click=${() => this.engine?.zoomBy(-1)}>−</button>
          </div>
        </div>
        ${attribution ? html`<p class="attribution">${attribution}</p>` : nothing}
        ${this.selected ? this.renderDetails(this.selected) : nothing}
      </div>
    `;
  }

  private renderBoard(): TemplateResult {
    const t = this.t;
    const board = this.board!;
    const all = this.rows();
    const shown = this.shown();
    const counts = countRows(shown, all.length);
    const status = this.loading
      ? t.loading
      : [t.counts(counts.shown, counts.total), t.acceptingCount(counts.accepting), t.staleCount(counts.stale)].join(' · ') + (this.notice ? `. ${this.notice}` : '');
    return html`
      <div class="board-toolbar">
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${this.loading} @click=${() => this.reload()}>${t.refresh}</button>
          <button type="button" class="secondary" part="export" ?disabled=${shown.length === 0} @click=${() => this.exportCsv()}>${t.exportCsv}</button>
          <button type="button" class="secondary" @click=${() => this.signOut()}>${t.signOut}</button>
        </div>
      </div>
      <p class="counts" part="status" role="status" aria-live="polite">${status}</p>
      <p class="hint">${t.staleRule(board.staleAfterDays)}</p>
      ${this.loadError !== undefined ? this.renderFailure(this.loadError, () => void this.reload()) : nothing}
      ${all.length === 0
        ? html`<p class="empty" part="empty">${t.empty}</p>`
        : html`
            ${this.renderFilters(all)}
            <div class="toggle" role="group" aria-label=${t.view}>
              <button type="button" aria-pressed=${this.view === 'list' ? 'true' : 'false'} @click=${() => this.setView('list')}>${t.showList}</button>
              <button type="button" aria-pressed=${this.view === 'map' ? 'true' : 'false'} @click=${() => this.setView('map')}>${t.showMap}</button>
            </div>
            ${shown.length === 0 ? html`<p class="empty" part="empty">${t.emptyFiltered}</p>` : nothing}
            ${this.view === 'list' && shown.length > 0 ? this.renderTable(shown) : nothing}
            ${this.view === 'map' || this.engine ? this.renderMap() : nothing}
          `}
    `;
  }

  render(): TemplateResult {
    const phase = this.phase;
    return html`<div class="board" aria-busy=${phase.kind === 'signing-in' || this.loading ? 'true' : 'false'}>
      ${phase.kind === 'signed-in'
        ? this.renderBoard()
        : phase.kind === 'signing-in' && phase.from !== 'form'
          ? html`<p class="loading" part="status" role="status">${this.t.loading}</p>`
          : this.renderSignIn()}
    </div>`;
  }
}

function toPoint(r: IndexedRow): Point {
  return {id: r.row.practitionerId, location: r.row.location, availability: r.row.availability, row: r.row};
}

/** 401/403: the token is unknown, expired or revoked. */
function isRefused(error: unknown): boolean {
  return isCptsApiError(error) && (error.status === 401 || error.status === 403);
}
