import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {BoardRow, Commune, IntakeStatus, StatusCounts, WaitingListItem, WaitingRequest} from '@cpts-kit/contract';
import {exportIntakeRequests, getAvailabilityBoard, getIntakeRequest, listIntakeRequests, searchIntakeRequests, getTerritory, type CptsClient} from '@cpts-kit/sdk';
import {coordinatorStrings} from '../coordinator/coordinator-strings.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {downloadFile} from '../coordinator/download.js';
import {CoordinatorSession} from '../coordinator/session.js';
import {CptsElement} from '../internal/cpts-element.js';
import {defineElement} from '../internal/define-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {assigneeNames} from './assignee-names.js';
import {CptsAssistedIntake} from './assisted-form.js';
import {renderDetail} from './detail-view.js';
import {CptsIntakeActions} from './intake-actions.js';
import {CptsIntakeMatches} from './intake-matches.js';
import {renderList, type ListView} from './list-view.js';
import {CptsPractitionerOffers} from './practitioner-offers.js';
import type {CptsIntakeChangedEvent, CptsIntakeRegisteredEvent} from './waiting-list-events.js';
import {CptsWaitingListImport} from './waiting-list-import.js';
import {appendRows, exportFileName, knownAssignees, noFilters, queryOf, waitingDaysOf, type ListFilters} from './waiting-list-model.js';
import {waitingListStrings} from './waiting-list-strings.js';
import {waitingListStyles} from './waiting-list.styles.js';

/** Rows per page: a screenful and more; « Afficher plus » asks the server for the next. */
const PAGE_SIZE = 50;

/**
 * @summary A coordinator's waiting list: every registration of the territory, counted by status,
 * in triage order (priority criteria first, then the longest wait) or by date, filtered and
 * searched (reference, last name, phone); one request opened with everything collected, its calls
 * and history, and the actions that move it from arrival to a médecin traitant found. Also
 * registers a person who called or sent the paper form, exports the filtered list as CSV and
 * imports an existing list.
 *
 * Signs in through the coordinator session of its `<cpts-provider>` (see
 * `<cpts-coordinator-sign-in>`), or by itself when used alone. Nothing personal goes to storage,
 * the URL or the console: a search is sent in a POST body.
 *
 * @fires cpts-signed-in - The coordinator signed in here; `client` is the SDK client carrying the token.
 * @fires cpts-intake-changed - A request was changed; `detail` is the request as saved.
 * @fires cpts-intake-registered - A person who called or sent the paper form was registered.
 * @fires cpts-intakes-imported - An existing list was imported.
 * @fires cpts-error - A request failed.
 *
 * @csspart base - The wrapper.
 * @csspart sign-in - The sign-in form (when this tool shows it).
 * @csspart sign-in-above - In a provider whose form is elsewhere: « Connectez-vous ci-dessus ».
 * @csspart session - Once signed in, alone or first of its provider: the line with the sign-out.
 * @csspart status - What just happened (an `aria-live` region).
 * @csspart tabs - The statuses with their counts.
 * @csspart filters - The filters' form.
 * @csspart search - The search form.
 * @csspart list - The table of requests.
 * @csspart row - One request.
 * @csspart detail - The request opened.
 */
export class CptsWaitingList extends CptsElement {
  static override stringBundles = [waitingListStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, waitingListStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error), getTerritory);
  private readonly session = new CoordinatorSession(this, {
    idPrefix: 'wl',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    onSignedIn: (client, typed) => void this.signedIn(client, typed),
    onSignedOut: () => this.forget(),
    token: () => this.token,
  });
  /** The list's request in flight: a newer one (another filter) makes its answer moot. */
  private listing: AbortController | undefined;
  /** The row the request was opened from, to give focus back on « Retour ». */
  private openerId: string | undefined;

  @state() private filters: ListFilters = noFilters();
  @state() private counts: StatusCounts | undefined;
  @state() private rows: WaitingListItem[] | undefined;
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private searchText = '';
  @state() private searched: string | undefined;
  @state() private daysInvalid = false;
  @state() private opened: WaitingRequest | undefined;
  @state() private practitioners: BoardRow[] = [];
  /** The signed-in coordinator's name, and the territory's coordinators': for assigning. */
  @state() private me: string | undefined;
  @state() private coordinators: string[] = [];
  @state() private panel: 'register' | 'import' | undefined;
  @state() private exporting = false;
  @state() private notice = '';
  @state() private failure: string | undefined;

  /** A coordinator's token, if the page has one; otherwise the session asks for it. */
  @property({attribute: false}) token?: string;

  constructor() {
    super();
    defineElement('cpts-intake-actions', CptsIntakeActions);
    defineElement('cpts-intake-matches', CptsIntakeMatches);
    defineElement('cpts-practitioner-offers', CptsPractitionerOffers);
    defineElement('cpts-assisted-intake', CptsAssistedIntake);
    defineElement('cpts-waiting-list-import', CptsWaitingListImport);
  }

  private get communes(): Commune[] {
    const state = this.territoryData.state;
    return state?.status === 'ready' ? state.territory.communes : [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listing?.abort();
  }

  private focusOn(selector: string, fallback = '#wl-title'): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>(fallback))?.focus());
  }

  /** Reports a failure: a refused token asks for it again (what was typed stays), else it is shown. */
  private report(error: unknown): void {
    this.failure = this.session.reportFailure(error);
  }

  /** Signed in (or again, after a refusal): the list, and the request opened read again. */
  private async signedIn(client: CptsClient, typed: boolean): Promise<void> {
    this.failure = undefined;
    // signed out (or in as someone else) before the answer: it is not this session's
    void assigneeNames(client).then((names) => this.session.client === client && ({me: this.me, coordinators: this.coordinators} = names));
    await this.readList(client);
    if (this.opened) await this.reopen();
    if (typed) this.focusOn(this.opened ? '#wl-d-title' : '#wl-title');
  }

  private forget(): void {
    this.listing?.abort();
    this.rows = this.counts = this.opened = this.searched = this.failure = this.panel = this.me = undefined;
    this.practitioners = this.coordinators = [];
    this.filters = noFilters();
    this.searchText = this.notice = '';
  }

  /** Reads the first page for the filters (or the search); `more` reads the next page. */
  private async readList(client: CptsClient, more = false): Promise<void> {
    this.listing?.abort();
    const abort = new AbortController();
    this.listing = abort;
    const cursor = more ? (this.nextCursor ?? undefined) : undefined;
    if (more) this.loadingMore = true;
    else this.rows = undefined;
    try {
      const text = this.searched;
      const page =
        text !== undefined
          ? await searchIntakeRequests(client, {text, sort: this.filters.sort, limit: 200}, {signal: abort.signal})
          : await listIntakeRequests(client, {...queryOf(this.filters), limit: PAGE_SIZE, cursor}, {signal: abort.signal});
      this.rows = more ? appendRows(this.rows ?? [], page.items) : page.items;
      this.nextCursor = page.nextCursor;
      this.counts = page.counts;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.rows ??= [];
      this.report(error);
    } finally {
      if (this.listing === abort) this.loadingMore = false;
    }
  }

  private reloadList(): void {
    if (this.session.client) void this.readList(this.session.client);
  }

  private applyFilters(): void {
    const days = waitingDaysOf(this.filters.waitingMoreThan);
    this.daysInvalid = days === 'invalid';
    if (this.daysInvalid) {
      this.focusOn('#wl-f-days');
      return;
    }
    this.searched = undefined;
    this.reloadList();
  }

  private setStatus(status: IntakeStatus | ''): void {
    this.filters = {...this.filters, status};
    this.searched = undefined;
    this.reloadList();
  }

  private search(): void {
    const text = this.searchText.trim();
    if (!text) return;
    this.searched = text;
    this.reloadList();
  }

  private async more(): Promise<void> {
    const client = this.session.client;
    if (!client || !this.nextCursor) return;
    const before = this.rows?.length ?? 0;
    await this.readList(client, true);
    // the first new row, so the coordinator reads on from where they were
    const next = this.rows?.[before];
    if (next) this.focusOn(`#wl-open-${CSS.escape(next.id)}`, '#wl-more');
  }

  private async open(id: string, fromRow = true): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    if (fromRow) this.openerId = id;
    this.notice = '';
    this.failure = undefined;
    try {
      this.opened = await getIntakeRequest(client, id);
    } catch (error) {
      this.report(error);
      return;
    }
    this.focusOn('#wl-d-title');
    if (this.practitioners.length === 0) {
      // who took the person, for « Solution trouvée »: the board lists every practitioner
      getAvailabilityBoard(client).then(
        (board) => (this.practitioners = board.items),
        (error: unknown) => this.report(error),
      );
    }
  }

  /** Reads the opened request again (after a 412, or proposals made: its history): the forms keep what was typed. */
  private async reopen(quiet = false): Promise<void> {
    const client = this.session.client;
    const opened = this.opened;
    if (!client || !opened) return;
    try {
      this.opened = await getIntakeRequest(client, opened.id);
      if (!quiet) this.notice = this.localize.strings.waitingList.reloaded;
    } catch (error) {
      this.report(error);
    }
  }

  private back(): void {
    this.opened = undefined;
    this.reloadList();
    const id = this.openerId;
    void this.updateComplete.then(async () => {
      // the list is read again: wait for its rows before giving focus back to the row
      while (this.rows === undefined && this.session.client) await new Promise((r) => setTimeout(r, 20));
      await this.updateComplete;
      this.focusOn(id ? `#wl-open-${CSS.escape(id)}` : '#wl-title');
    });
  }

  private onChanged(event: CptsIntakeChangedEvent): void {
    this.opened = event.detail;
  }

  private async exportCsv(): Promise<void> {
    const client = this.session.client;
    if (!client || this.exporting) return;
    this.exporting = true;
    this.notice = '';
    try {
      const csv = await exportIntakeRequests(client, queryOf(this.filters));
      // fetch's text() drops the server's BOM (the Encoding standard's decode): put it back, or
      // Excel reads the accents as Windows-1252
      downloadFile(this.renderRoot, exportFileName(this.territory ?? client.territory), csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`);
      this.notice = this.localize.strings.waitingList.exported;
    } catch (error) {
      this.report(error);
    } finally {
      this.exporting = false;
    }
  }

  private togglePanel(panel: 'register' | 'import'): void {
    this.panel = this.panel === panel ? undefined : panel;
    if (this.panel === 'register') void this.updateComplete.then(() => this.renderRoot.querySelector<CptsAssistedIntake>('cpts-assisted-intake')?.focus());
    if (this.panel === 'import') void this.updateComplete.then(() => this.renderRoot.querySelector<CptsWaitingListImport>('cpts-waiting-list-import')?.focus());
  }

  private onRegistered(event: CptsIntakeRegisteredEvent): void {
    this.panel = undefined;
    this.notice = this.localize.strings.waitingList.registered(event.detail.reference);
    this.reloadList();
    this.focusOn('#wl-register');
  }

  private closePanel(): void {
    const panel = this.panel;
    this.panel = undefined;
    this.focusOn(panel === 'import' ? '#wl-import' : '#wl-register');
  }

  private listView(): ListView {
    return {
      t: this.localize.strings,
      communes: this.communes,
      filters: this.filters,
      counts: this.counts,
      rows: this.rows,
      nextCursor: this.nextCursor,
      loadingMore: this.loadingMore,
      searched: this.searched,
      searchText: this.searchText,
      daysInvalid: this.daysInvalid,
      setFilter: (key, value) => (this.filters = {...this.filters, [key]: value}),
      applyFilters: () => this.applyFilters(),
      resetFilters: () => {
        this.filters = {...noFilters(), status: this.filters.status};
        this.daysInvalid = false;
        this.applyFilters();
      },
      setStatus: (status) => this.setStatus(status),
      setSearchText: (text) => (this.searchText = text),
      search: () => this.search(),
      clearSearch: () => {
        this.searched = undefined;
        this.searchText = '';
        this.reloadList();
        this.focusOn('#wl-search');
      },
      more: () => void this.more(),
      open: (row) => void this.open(row.id),
    };
  }

  private renderPanel(): TemplateResult | typeof nothing {
    if (this.panel === 'register') {
      return html`<cpts-assisted-intake .client=${this.session.client} lang=${this.localize.lang} .communes=${this.communes}
        @cpts-intake-registered=${this.onRegistered} @cpts-register-cancel=${this.closePanel} @cpts-error=${this.session.onChildError}></cpts-assisted-intake>`;
    }
    if (this.panel === 'import') {
      const w = this.localize.strings.waitingList;
      return html`<div>
        <cpts-waiting-list-import .client=${this.session.client} lang=${this.localize.lang} @cpts-intakes-imported=${() => this.reloadList()} @cpts-error=${this.session.onChildError}></cpts-waiting-list-import>
        <div class="actions"><button type="button" class="secondary" @click=${this.closePanel}>${w.close}</button></div>
      </div>`;
    }
    // practitioners' offers to confirm, where the territory lets them pick: each opens its request
    return html`<cpts-practitioner-offers .client=${this.session.client} lang=${this.localize.lang} @cpts-intake-open=${(e: CustomEvent<string>) => void this.open(e.detail, false)}></cpts-practitioner-offers>`;
  }

  private renderOpened(request: WaitingRequest): TemplateResult {
    const actions = html`<cpts-intake-actions .client=${this.session.client} lang=${this.localize.lang} .request=${request}
      .practitioners=${this.practitioners} .me=${this.me}
      .assignees=${knownAssignees(this.rows ?? [], request, this.coordinators)}
      @cpts-intake-changed=${this.onChanged} @cpts-intake-reload=${() => void this.reopen()}
      @cpts-intake-open=${(e: CustomEvent<string>) => void this.open(e.detail, false)} @cpts-error=${this.session.onChildError}></cpts-intake-actions>
      <cpts-intake-matches .client=${this.session.client} lang=${this.localize.lang} .request=${request}
        @cpts-proposals-changed=${() => void this.reopen(true)} @cpts-error=${this.session.onChildError}></cpts-intake-matches>`;
    return renderDetail(
      {
        t: this.localize.strings,
        lang: this.localize.lang,
        communes: this.communes,
        practitioners: this.practitioners,
        request,
        back: () => this.back(),
        openId: (id) => void this.open(id, false),
      },
      actions,
    );
  }

  private renderTool(): TemplateResult {
    const w = this.localize.strings.waitingList;
    const opened = this.opened;
    return html`
      <div class="toolbar">
        <h2 id="wl-title" tabindex="-1">${w.title}</h2>
        ${
          opened
            ? nothing
            : html`<button type="button" id="wl-register" aria-expanded=${this.panel === 'register' ? 'true' : 'false'} @click=${() => this.togglePanel('register')}>${w.register}</button>
              <button type="button" class="secondary" id="wl-export" ?disabled=${this.exporting} @click=${this.exportCsv}>${this.exporting ? w.exporting : w.exportCsv}</button>
              <button type="button" class="secondary" id="wl-import" aria-expanded=${this.panel === 'import' ? 'true' : 'false'} @click=${() => this.togglePanel('import')}>${w.importOpen}</button>`
        }
      </div>
      <p class="notice" role="status" part="status">${this.notice}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      ${opened ? this.renderOpened(opened) : html`${this.renderPanel()} ${renderList(this.listView())}`}
    `;
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>${this.session.renderTool(() => this.renderTool(), this.failure)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-waiting-list': CptsWaitingList;
  }
}
