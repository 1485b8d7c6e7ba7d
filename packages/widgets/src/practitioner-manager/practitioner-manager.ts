import {html, nothing, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {BoardRow, Commune, Practitioner} from '@cpts-kit/contract';
import {createPersonalLink, deletePractitioner, getAvailabilityBoard, getPractitioner, getTerritory, patchPractitioner, revokePersonalLinks} from '@cpts-kit/sdk';
import type {CptsClient} from '@cpts-kit/sdk';
import {coordinatorStrings} from '../coordinator/coordinator-strings.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {CoordinatorSession} from '../coordinator/session.js';
import {CptsElement} from '../internal/cpts-element.js';
import {defineElement} from '../internal/define-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {CptsLinkIssuedEvent, CptsPractitionerDeletedEvent, CptsPractitionerSavedEvent} from './manager-events.js';
import {personalLinkUrl, DEFAULT_LINK_PAGE, renderConfirmDialog, renderIssuedLink, type Confirming, type IssuedLink} from './manager-panels.js';
import {CptsPractitionerEditor} from './practitioner-editor.js';
import {CptsPractitionerImport} from './practitioner-import.js';
import {practitionerManagerStrings, type PractitionerManagerStrings} from './practitioner-manager-strings.js';
import {managerStyles} from './practitioner-manager.styles.js';
import {menuSelector, renderPractitionerTable} from './practitioner-table.js';
import {communeName, indexRows, searchRows} from './practitioner-model.js';

export {DEFAULT_LINK_PAGE, personalLinkUrl};

/**
 * @summary A coordinator's management of the territory's practitioners: a compact table of every
 * practitioner (deactivated ones marked) with one menu of actions per row — edit, deactivate or
 * reactivate, issue and revoke personal links, delete — plus creation and CSV import.
 *
 * Signs in through the coordinator session of its `<cpts-provider>` (one sign-in for every
 * coordinator tool; see `<cpts-coordinator-sign-in>`), or by itself when used alone. The token,
 * and a personal link once issued, stay in memory only.
 *
 * @fires cpts-practitioner-saved - A practitioner was created, edited, deactivated or reactivated.
 * @fires cpts-practitioner-deleted - A practitioner was deleted; `detail.id`.
 * @fires cpts-link-issued - A personal link was issued; `detail` has `practitionerId`, `url`, `expiresAt`.
 * @fires cpts-practitioners-imported - A CSV file was imported.
 * @fires cpts-signed-in - The coordinator signed in here; `client` is the SDK client carrying the token.
 * @fires cpts-error - A request failed.
 *
 * @csspart base - The wrapper.
 * @csspart sign-in - The sign-in form (when this tool shows it).
 * @csspart sign-in-above - In a provider whose form is elsewhere: « Connectez-vous ci-dessus ».
 * @csspart session - Once signed in, alone or first of its provider: the line with the sign-out.
 * @csspart status - The line announcing what just happened (an `aria-live` region).
 * @csspart search - The search field.
 * @csspart list - The table of practitioners.
 * @csspart row - One practitioner (a table row).
 * @csspart link - The panel showing a link just issued.
 * @csspart dialog - The confirmation dialog (delete, revoke).
 * @csspart import - The CSV import (`<cpts-practitioner-import>`).

 */
export class CptsPractitionerManager extends CptsElement {
  static override stringBundles = [practitionerManagerStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, managerStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error), getTerritory);
  private readonly session = new CoordinatorSession(this, {
    idPrefix: 'pm',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    token: () => this.token,
    onSignedIn: (client, typed) => void this.load(client, typed),
    onSignedOut: () => this.forget(),
  });
  /** What had focus when the editor opened, to give it back when the editor closes. */
  private editorOpener: HTMLElement | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private rows: BoardRow[] | undefined;
  @state() private q = '';
  @state() private editing: {practitioner?: Practitioner} | undefined;
  @state() private importOpen = false;
  @state() private menuOf: string | undefined;
  @state() private confirming: Confirming | undefined;
  @state() private link: IssuedLink | undefined;
  @state() private copyStatus = '';
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private busy = false;

  /** A coordinator's token, if the page has one; otherwise the session asks for it. */
  @property({attribute: false}) token?: string;

  /**
   * The page a personal link opens (each CPTS hosts its own), e.g.
   * `https://cpts-exemple.fr/disponibilites/`; the token goes in its fragment. Default:
   * `/examples/practitioner.html` on this page's origin.
   */
  @property({attribute: 'link-base'}) linkBase?: string;

  constructor() {
    super();
    defineElement('cpts-practitioner-editor', CptsPractitionerEditor);
    defineElement('cpts-practitioner-import', CptsPractitionerImport);
  }

  private get s(): PractitionerManagerStrings {
    return this.localize.strings.practitionerManager;
  }

  private get communes(): Commune[] {
    const state = this.territoryData.state;
    return state?.status === 'ready' ? state.territory.communes : [];
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Signed in (or again, after a refusal): read the list; the open editor keeps what was typed. */
  private async load(client: CptsClient, typed: boolean): Promise<void> {
    this.failure = undefined;
    if (!(await this.read(client, '')) || !typed) return;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector<CptsPractitionerEditor>('cpts-practitioner-editor');
    if (editor) editor.focus();
    else this.focusOn('#pm-title');
  }

  /** Reads the list; a failure is shown after `context` (« C’est enregistré, mais… » after a change). */
  private async read(client: CptsClient, context: string): Promise<boolean> {
    try {
      this.rows = (await getAvailabilityBoard(client)).items;
      return true;
    } catch (error) {
      const message = this.session.reportFailure(error);
      if (message) this.failure = `${context}${message}`;
      return false;
    }
  }

  private forget(): void {
    this.rows = undefined;
    this.editing = undefined;
    this.link = undefined;
    this.confirming = undefined;
    this.menuOf = this.failure = undefined;
    this.importOpen = false;
    this.notice = this.q = '';
  }

  /** Reads the list again after a change; a failure says the list is out of date, not that the change failed. */
  private async reload(): Promise<void> {
    const client = this.session.client;
    if (client) await this.read(client, `${this.s.reloadFailed} `);
  }

  /** Runs one action; a failure is shown and reported as `cpts-error`; the list is read again. */
  private async act(action: (client: CptsClient) => Promise<string | void>): Promise<boolean> {
    const client = this.session.client;
    if (!client || this.busy) return false;
    this.busy = true;
    this.failure = undefined;
    this.notice = '';
    try {
      const notice = await action(client).catch((error: unknown) => {
        this.failure = this.session.reportFailure(error);
        return false as const;
      });
      if (notice === false) return false;
      if (notice) this.notice = notice;
      // a step of its own: the action is done even when the list cannot be read again
      await this.reload();
      return true;
    } finally {
      this.busy = false;
    }
  }

  private async setActive(row: BoardRow, active: boolean): Promise<void> {
    await this.act(async (client) => {
      const saved = await patchPractitioner(client, row.practitionerId, {active});
      this.dispatchEvent(new CptsPractitionerSavedEvent(saved));
      return active ? this.s.reactivated(saved.displayName) : this.s.deactivated(saved.displayName);
    });
    if (!this.session.refused) this.focusOn(menuSelector(row.practitionerId));
  }

  private issueLink(row: BoardRow): Promise<boolean> {
    return this.act(async (client) => {
      const issued = await createPersonalLink(client, row.practitionerId);
      const url = personalLinkUrl(this.linkBase, issued.token);
      this.link = {row, url, expiresAt: issued.expiresAt};
      this.copyStatus = '';
      this.dispatchEvent(new CptsLinkIssuedEvent({practitionerId: row.practitionerId, url, expiresAt: issued.expiresAt}));
      this.focusOn('#pm-link-title');
    });
  }

  private async copyLink(): Promise<void> {
    const link = this.link;
    if (!link) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#pm-link-url');
    this.copyStatus = '';
    try {
      await navigator.clipboard.writeText(link.url);
      this.copyStatus = this.s.copied;
    } catch {
      // no clipboard (an insecure page, a refused permission): select it for Ctrl+C
      input?.focus();
      input?.select();
      this.copyStatus = this.s.copyFailed;
    }
  }

  private closeLink(): void {
    const id = this.link?.row.practitionerId;
    this.link = undefined;
    this.copyStatus = '';
    if (id) this.focusOn(menuSelector(id));
  }

  private async ask(kind: Confirming['kind'], row: BoardRow): Promise<void> {
    this.confirming = {kind, row};
    await this.updateComplete;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('#pm-confirm-cancel')?.focus();
  }

  // a close event may arrive after the dialog opened again for another row: keep that one
  private onDialogClose(): void {
    if (this.dialog?.open) return;
    const row = this.confirming?.row;
    this.confirming = undefined;
    // cancelled: back to the row's menu (the item pressed is hidden with its menu)
    if (row && this.rows?.some((r) => r.practitionerId === row.practitionerId)) this.focusOn(menuSelector(row.practitionerId));
  }

  private async confirmed(): Promise<void> {
    const confirming = this.confirming;
    this.dialog?.close();
    if (!confirming) return;
    const {kind, row} = confirming;
    if (kind === 'delete') {
      const done = await this.act(async (client) => {
        await deletePractitioner(client, row.practitionerId);
        if (this.link?.row.practitionerId === row.practitionerId) this.link = undefined;
        if (this.editing?.practitioner?.id === row.practitionerId) this.editing = undefined;
        this.dispatchEvent(new CptsPractitionerDeletedEvent(row.practitionerId));
        return this.s.removed(row.displayName);
      });
      // the row is gone: the list's heading, under which the status says what happened
      if (done) this.focusOn('#pm-title');
    } else {
      await this.act(async (client) => {
        await revokePersonalLinks(client, row.practitionerId);
        if (this.link?.row.practitionerId === row.practitionerId) this.link = undefined;
        return this.s.revoked(row.displayName);
      });
    }
  }

  private async openEditor(row?: BoardRow): Promise<void> {
    this.editorOpener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    if (row) this.editorOpener = this.renderRoot.querySelector<HTMLElement>(menuSelector(row.practitionerId));
    this.notice = '';
    this.failure = undefined;
    if (row) {
      const client = this.session.client;
      if (!client) return;
      try {
        this.editing = {practitioner: await getPractitioner(client, row.practitionerId)};
      } catch (error) {
        this.failure = this.session.reportFailure(error);
        return;
      }
    } else {
      this.editing = {};
    }
    await this.updateComplete;
    this.renderRoot.querySelector<CptsPractitionerEditor>('cpts-practitioner-editor')?.focus();
  }

  private async onSaved(event: CptsPractitionerSavedEvent): Promise<void> {
    if (!(event.target instanceof CptsPractitionerEditor)) return;
    this.editing = undefined;
    this.notice = this.s.saved(event.detail.displayName);
    await this.reload();
    // the practitioner's row (new or edited), whose menu holds what comes next
    await this.updateComplete;
    const toggle = this.renderRoot.querySelector<HTMLElement>(menuSelector(event.detail.id));
    (toggle ?? this.renderRoot.querySelector<HTMLElement>('#pm-title'))?.focus();
  }

  private async closeEditor(): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    const opener = this.editorOpener;
    if (opener?.isConnected) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('#pm-title')?.focus();
  }

  private async toggleImport(): Promise<void> {
    this.importOpen = !this.importOpen;
    if (!this.importOpen) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('cpts-practitioner-import')?.focus();
  }

  private renderList(): TemplateResult {
    const s = this.s;
    const rows = this.rows;
    if (rows === undefined) return html`<p role="status">${s.loading}</p>`;
    const communes = this.communes;
    const indexed = indexRows(rows, (r) => `${this.localize.strings.professions[r.profession]} ${communeName(communes, r.communeInsee)} ${r.active ? '' : s.inactive}`);
    const shown = searchRows(indexed, this.q);
    return html`
      <div class="field" part="search">
        <label for="pm-q">${s.search}</label>
        <p class="hint" id="pm-q-hint">${s.searchHint}</p>
        <input id="pm-q" type="search" autocomplete="off" .value=${this.q} aria-describedby="pm-q-hint pm-count"
          @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
      </div>
      <p class="count" id="pm-count" aria-live="polite">${s.count(shown.length, rows.length)}</p>
      ${
        rows.length === 0
          ? html`<p class="empty">${s.empty}</p>`
          : shown.length === 0
            ? html`<p class="empty">${s.noMatch}</p>`
            : renderPractitionerTable(shown, {
                s,
                coordinator: this.localize.strings.coordinator,
                profession: (r) => this.localize.strings.professions[r.profession],
                commune: (r) => communeName(communes, r.communeInsee),
                menuOf: this.menuOf,
                setMenu: (id) => (this.menuOf = id),
                edit: (r) => void this.openEditor(r),
                setActive: (r, active) => void this.setActive(r, active),
                issueLink: (r) => void this.issueLink(r),
                ask: (kind, r) => void this.ask(kind, r),
              })
      }
    `;
  }

  private renderTool(): TemplateResult {
    const s = this.s;
    const editing = this.editing;
    const client = this.session.client;
    const theme = this.theme ?? this.providedTheme ?? nothing;
    return html`
      <div class="toolbar">
        <h2 id="pm-title" tabindex="-1">${s.title}</h2>
        <button type="button" @click=${() => this.openEditor()}>${s.create}</button>
        <button type="button" class="secondary" aria-expanded=${this.importOpen ? 'true' : 'false'} aria-controls="pm-import"
          @click=${this.toggleImport}>${s.importOpen}</button>
      </div>
      <p class="notice" role="status" part="status">${this.notice}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      ${
        editing
          ? html`<cpts-practitioner-editor .client=${client} lang=${this.localize.lang} theme=${theme}
            .communes=${this.communes} .practitioner=${editing.practitioner}
            @cpts-practitioner-saved=${this.onSaved} @cpts-practitioner-cancel=${this.closeEditor} @cpts-error=${this.session.onChildError}></cpts-practitioner-editor>`
          : nothing
      }
      ${
        this.link
          ? renderIssuedLink(
              this.link,
              s,
              this.localize.lang,
              this.copyStatus,
              () => void this.copyLink(),
              () => this.closeLink(),
            )
          : nothing
      }
      <cpts-practitioner-import id="pm-import" part="import" ?hidden=${!this.importOpen} .client=${client} lang=${this.localize.lang}
        theme=${theme} .communes=${this.communes} @cpts-practitioners-imported=${() => this.reload()}
        @cpts-error=${this.session.onChildError}></cpts-practitioner-import>
      ${this.renderList()}
      ${renderConfirmDialog(
        this.confirming,
        s,
        () => void this.confirmed(),
        () => this.dialog?.close(),
        () => this.onDialogClose(),
      )}
    `;
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>${this.session.renderTool(() => this.renderTool(), this.failure)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-practitioner-manager': CptsPractitionerManager;
  }
}
