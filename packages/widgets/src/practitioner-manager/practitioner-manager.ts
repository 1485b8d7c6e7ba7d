import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {BoardRow, Commune, Practitioner} from '@cpts-kit/contract';
import {
  createPersonalLink,
  deletePractitioner,
  getAvailabilityBoard,
  getPractitioner,
  isCptsApiError,
  patchPractitioner,
  revokePersonalLinks,
  type CptsClient,
} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {labelStrings} from '../translations/labels.js';
import {defineElement} from '../internal/define-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import type {CptsErrorEvent} from '../events/error.js';
import {SharedSignInController} from '../events/signed-in.js';
import {renderTokenSignIn} from '../internal/token-sign-in.js';
import {formStyles} from '../internship-offers/offers.styles.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {CptsLinkIssuedEvent, CptsPractitionerDeletedEvent, CptsPractitionerSavedEvent, type CptsPractitionersImportedEvent} from './manager-events.js';
import {practitionerManagerStrings, type PractitionerManagerStrings} from './manager-strings.js';
import {CptsPractitionerEditor} from './practitioner-editor.js';
import {CptsPractitionerImport} from './practitioner-import.js';
import {managerStyles} from './practitioner-manager.styles.js';
import {communeName, indexRows, searchRows} from './practitioner-model.js';

/** The page a personal link opens, when the element's `link-base` is not set. */
export const DEFAULT_LINK_PAGE = '/examples/practitioner.html';

/** `base#token=…`: the token in the fragment, which browsers never send to a server. */
export function personalLinkUrl(linkBase: string | undefined, token: string): string {
  const url = new URL(linkBase?.trim() || DEFAULT_LINK_PAGE, document.baseURI);
  url.hash = `token=${encodeURIComponent(token)}`;
  return url.href;
}

type Confirming = {kind: 'delete' | 'revoke'; row: BoardRow};
interface IssuedLink {
  row: BoardRow;
  url: string;
  expiresAt: string;
}

/**
 * @summary A coordinator's management of the territory's practitioners: sign in with a token,
 * list and search every practitioner (deactivated ones marked), create and edit them,
 * deactivate and reactivate, delete, issue and revoke personal links, import a CSV file.
 *
 * The token is kept in this element's memory only (never in storage, never in an attribute). So
 * is a personal link once issued: it is shown once, and gone when its panel closes.
 *
 * @fires cpts-practitioner-saved - A practitioner was created, edited, deactivated or reactivated.
 * @fires cpts-practitioner-deleted - A practitioner was deleted; `detail.id`.
 * @fires cpts-link-issued - A personal link was issued; `detail` has `practitionerId`, `url`, `expiresAt`.
 * @fires cpts-practitioners-imported - A CSV file was imported.
 * @fires cpts-error - A request failed.
 * @fires cpts-signed-in - The coordinator signed in; `client` is the SDK client carrying the token. Inside a
 *   `<cpts-provider>`, signing in to another coordinator tool signs this one in too.
 *
 * @csspart base - The wrapper.
 * @csspart sign-in - The sign-in form.
 * @csspart status - The line announcing what just happened (an `aria-live` region).
 * @csspart search - The search field.
 * @csspart list - The list of practitioners.
 * @csspart row - One practitioner in the list.
 * @csspart link - The panel showing a link just issued.
 * @csspart dialog - The confirmation dialog (delete, revoke).
 * @csspart import - The CSV import (`<cpts-practitioner-import>`).
 *
 * @cssproperty --row-gap - Space between the rows of the list.
 * @cssproperty --cpts-color-primary - Buttons, links, focus (and every other `--cpts-*` token).
 */
export class CptsPractitionerManager extends CptsElement {
  // profession names: the labels every widget shares, loaded in the page's language only
  static override stringBundles = [labelStrings];
  static override styles = [tokens, base, formStyles, managerStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error));
  private tokenInput = '';
  /** Another coordinator tool of the same provider signed in: one token per page is enough. */
  private readonly sharedSignIn = new SharedSignInController(this, (client) => {
    if ((!this.signedIn || this.expired) && !this.checking) void this.useClient(client, false);
  });
  /** What had focus when the editor opened, to give it back when the editor closes. */
  private editorOpener: HTMLElement | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private signedIn: CptsClient | undefined;
  @state() private signInFailed = false;
  /** The token was refused mid-session: the sign-in form shows above the current view. */
  @state() private expired = false;
  @state() private checking = false;
  @state() private rows: BoardRow[] | undefined;
  @state() private q = '';
  @state() private editing: {practitioner?: Practitioner} | undefined;
  @state() private importOpen = false;
  @state() private confirming: Confirming | undefined;
  @state() private link: IssuedLink | undefined;
  @state() private copyStatus = '';
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private busy = false;

  /** A coordinator's token, if the page has one; otherwise the element asks for it. */
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
    return practitionerManagerStrings[this.localize.lang];
  }

  private get communes(): Commune[] {
    const state = this.territoryData.state;
    return state?.status === 'ready' ? state.territory.communes : [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('token') && this.token) void this.signIn(this.token);
  }

  private async signIn(token: string): Promise<void> {
    const client = this.resolveClient()?.withToken(token.trim());
    if (!client) {
      this.failure = this.errorMessage(undefined);
      return;
    }
    if (await this.useClient(client, true)) this.sharedSignIn.announce(client);
  }

  /**
   * Lists the practitioners with `client`; `typed` says the coordinator typed this token here, so
   * a refusal is theirs to see (a client shared by another tool is refused silently).
   */
  private async useClient(client: CptsClient, typed: boolean): Promise<boolean> {
    this.checking = true;
    this.signInFailed = false;
    this.failure = undefined;
    try {
      // the board is every practitioner, deactivated ones too, and only a coordinator may read it
      this.rows = (await getAvailabilityBoard(client)).items;
      // signed in again after a refusal: the open editor keeps what was typed, and saves with this client
      const reopened = this.expired && this.editing !== undefined;
      this.signedIn = client;
      this.expired = false;
      await this.updateComplete;
      if (reopened) this.renderRoot.querySelector<CptsPractitionerEditor>('cpts-practitioner-editor')?.focus();
      else if (typed) this.renderRoot.querySelector<HTMLElement>('#pm-title')?.focus();
      return true;
    } catch (error) {
      if (!typed) return false;
      if (isCptsApiError(error) && (error.status === 401 || error.status === 403)) {
        this.signInFailed = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#pm-token')?.focus();
        return false;
      }
      this.failure = this.errorMessage(error);
      this.fireError(error);
      return false;
    } finally {
      this.checking = false;
    }
  }

  /** The token was refused mid-session (revoked, expired): ask for one again, keeping the view. */
  private refused(error: unknown): boolean {
    if (!isRefused(error)) return false;
    this.expired = true;
    this.signInFailed = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#pm-token')?.focus());
    return true;
  }

  // the editor and the import report their own failures; a refused token is the manager's to ask for
  private onChildError(event: CptsErrorEvent): void {
    this.refused(event.error);
  }

  private signOut(): void {
    this.signedIn = undefined;
    this.expired = false;
    this.rows = undefined;
    this.editing = undefined;
    this.link = undefined;
    this.confirming = undefined;
    this.importOpen = false;
    this.tokenInput = '';
    this.notice = '';
    this.q = '';
    // the button pressed is gone: focus the field that replaces it, as the board does
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#pm-token')?.focus());
  }

  private async refresh(): Promise<void> {
    if (!this.signedIn) return;
    this.rows = (await getAvailabilityBoard(this.signedIn)).items;
  }

  /** Reads the list again after a change; a failure says the list is out of date, not that the change failed. */
  private async reload(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      if (this.refused(error)) return;
      this.failure = `${this.s.reloadFailed} ${this.errorMessage(error)}`;
      this.fireError(error);
    }
  }

  /** Runs one action; a failure is shown and reported as `cpts-error`; the list is read again. */
  private async act(action: (client: CptsClient) => Promise<string | void>): Promise<void> {
    const client = this.signedIn;
    if (!client || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    this.notice = '';
    try {
      const notice = await action(client).catch((error: unknown) => {
        if (!this.refused(error)) {
          this.failure = this.errorMessage(error);
          this.fireError(error);
        }
        return false as const;
      });
      if (notice === false) return;
      if (notice) this.notice = notice;
      // a step of its own: the action is done even when the list cannot be read again
      await this.reload();
    } finally {
      this.busy = false;
    }
  }

  private setActive(row: BoardRow, active: boolean): Promise<void> {
    return this.act(async (client) => {
      const saved = await patchPractitioner(client, row.practitionerId, {active});
      this.dispatchEvent(new CptsPractitionerSavedEvent(saved));
      return active ? this.s.reactivated(saved.displayName) : this.s.deactivated(saved.displayName);
    });
  }

  private issueLink(row: BoardRow): Promise<void> {
    return this.act(async (client) => {
      const issued = await createPersonalLink(client, row.practitionerId);
      const url = personalLinkUrl(this.linkBase, issued.token);
      this.link = {row, url, expiresAt: issued.expiresAt};
      this.copyStatus = '';
      this.dispatchEvent(new CptsLinkIssuedEvent({practitionerId: row.practitionerId, url, expiresAt: issued.expiresAt}));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#pm-link-title')?.focus();
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
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"] .link-button`)?.focus());
  }

  private async ask(kind: Confirming['kind'], row: BoardRow): Promise<void> {
    this.confirming = {kind, row};
    await this.updateComplete;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('#pm-confirm-cancel')?.focus();
  }

  // a close event may arrive after the dialog opened again for another row: keep that one
  private onDialogClose(): void {
    if (!this.dialog?.open) this.confirming = undefined;
  }

  private closeDialog(): void {
    this.dialog?.close();
  }

  private async confirmed(): Promise<void> {
    const confirming = this.confirming;
    this.closeDialog();
    if (!confirming) return;
    const {kind, row} = confirming;
    if (kind === 'delete') {
      await this.act(async (client) => {
        await deletePractitioner(client, row.practitionerId);
        if (this.link?.row.practitionerId === row.practitionerId) this.link = undefined;
        if (this.editing?.practitioner?.id === row.practitionerId) this.editing = undefined;
        this.dispatchEvent(new CptsPractitionerDeletedEvent(row.practitionerId));
        return this.s.removed(row.displayName);
      });
      this.renderRoot.querySelector<HTMLElement>('#pm-title')?.focus();
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
    this.notice = '';
    this.failure = undefined;
    if (row) {
      const client = this.signedIn;
      if (!client) return;
      try {
        this.editing = {practitioner: await getPractitioner(client, row.practitionerId)};
      } catch (error) {
        if (this.refused(error)) return;
        this.failure = this.errorMessage(error);
        this.fireError(error);
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
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#pm-title')?.focus();
  }

  private async closeEditor(): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    const opener = this.editorOpener;
    if (opener?.isConnected) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('#pm-title')?.focus();
  }

  private async onImported(_event: CptsPractitionersImportedEvent): Promise<void> {
    await this.reload();
  }

  private async toggleImport(): Promise<void> {
    this.importOpen = !this.importOpen;
    if (!this.importOpen) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('cpts-practitioner-import')?.focus();
  }

  private renderRow(row: BoardRow): TemplateResult {
    const s = this.s;
    // buttons stay enabled while a request runs (act() ignores a second one): disabling the
    // focused button would drop a keyboard user's focus to the page
    return html`<li class="row" part="row" data-id=${row.practitionerId} data-active=${row.active ? 'true' : 'false'}>
      <h3>${row.displayName}${row.active ? nothing : html`<span class="badge-inactive">${s.inactive}</span>`}</h3>
      <p class="muted">${this.localize.strings.professions[row.profession]} · ${communeName(this.communes, row.communeInsee)} · ${s.freshness[row.freshness]}</p>
      <div class="actions" role="group" aria-label=${s.actionsFor(row.displayName)}>
        <button type="button" class="secondary" @click=${() => this.openEditor(row)}>${s.edit}</button>
        <!-- one button whose label changes: a keyboard user keeps their focus after pressing it -->
        <button type="button" class="secondary" @click=${() => this.setActive(row, !row.active)}>${row.active ? s.deactivate : s.reactivate}</button>
        <button type="button" class="secondary link-button" @click=${() => this.issueLink(row)}>${s.issueLink}</button>
        <button type="button" class="secondary" @click=${() => this.ask('revoke', row)}>${s.revokeLinks}</button>
        <button type="button" class="secondary" @click=${() => this.ask('delete', row)}>${s.remove}</button>
      </div>
    </li>`;
  }

  private renderLink(): TemplateResult | typeof nothing {
    const link = this.link;
    if (!link) return nothing;
    const s = this.s;
    const expires = new Intl.DateTimeFormat(this.localize.lang, {dateStyle: 'long'}).format(new Date(link.expiresAt));
    return html`<section part="link" class="panel" aria-labelledby="pm-link-title">
      <h3 id="pm-link-title" tabindex="-1">${s.linkTitle(link.row.displayName)}</h3>
      <p class="once" id="pm-link-once">${s.linkOnce}</p>
      <div class="field">
        <label for="pm-link-url">${s.linkLabel}</label>
        <input id="pm-link-url" class="link-url" type="text" readonly spellcheck="false" .value=${link.url} aria-describedby="pm-link-once pm-link-expires"
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
      <p id="pm-link-expires">${s.linkExpires(expires)}</p>
      <div class="actions">
        <button type="button" @click=${this.copyLink}>${s.copy}</button>
        <button type="button" class="secondary" @click=${this.closeLink}>${s.linkDone}</button>
      </div>
      <p role="status" class="notice copy-status">${this.copyStatus}</p>
    </section>`;
  }

  private renderDialog(): TemplateResult {
    const s = this.s;
    const c = this.confirming;
    const title = c ? (c.kind === 'delete' ? s.confirmRemoveTitle(c.row.displayName) : s.confirmRevokeTitle(c.row.displayName)) : '';
    return html`<dialog part="dialog" aria-labelledby="pm-confirm-title" aria-describedby="pm-confirm-text" @close=${this.onDialogClose}>
      ${c
        ? html`<div>
            <h3 id="pm-confirm-title">${title}</h3>
            <p id="pm-confirm-text">${c.kind === 'delete' ? s.confirmRemoveText : s.confirmRevokeText}</p>
            <div class="actions">
              <button type="button" class="danger" id="pm-confirm-ok" @click=${this.confirmed}>${c.kind === 'delete' ? s.confirmRemove : s.confirmRevoke}</button>
              <button type="button" class="secondary" id="pm-confirm-cancel" @click=${this.closeDialog}>${s.cancel}</button>
            </div>
          </div>`
        : nothing}
    </dialog>`;
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
      ${rows.length === 0
        ? html`<p class="empty">${s.empty}</p>`
        : shown.length === 0
          ? html`<p class="empty">${s.noMatch}</p>`
          : html`<ul part="list" class="rows">${shown.map((r) => this.renderRow(r))}</ul>`}
    `;
  }

  private renderSignedIn(): TemplateResult {
    const s = this.s;
    const editing = this.editing;
    return html`
      ${this.expired ? this.renderSignIn() : nothing}
      <div class="toolbar actions">
        <h2 id="pm-title" tabindex="-1">${s.title}</h2>
        <button type="button" @click=${() => this.openEditor()}>${s.create}</button>
        <button type="button" class="secondary" aria-expanded=${this.importOpen ? 'true' : 'false'} aria-controls="pm-import"
          @click=${this.toggleImport}>${s.importOpen}</button>
        <button type="button" class="secondary" @click=${this.signOut}>${s.signOut}</button>
      </div>
      <p class="notice" role="status" part="status">${this.notice}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      ${editing
        ? html`<cpts-practitioner-editor .client=${this.signedIn} lang=${this.localize.lang} theme=${this.theme ?? this.providedTheme ?? nothing}
            .communes=${this.communes} .practitioner=${editing.practitioner}
            @cpts-practitioner-saved=${this.onSaved} @cpts-practitioner-cancel=${this.closeEditor} @cpts-error=${this.onChildError}></cpts-practitioner-editor>`
        : nothing}
      ${this.renderLink()}
      <cpts-practitioner-import id="pm-import" part="import" ?hidden=${!this.importOpen} .client=${this.signedIn} lang=${this.localize.lang}
        theme=${this.theme ?? this.providedTheme ?? nothing} .communes=${this.communes} @cpts-practitioners-imported=${this.onImported}
        @cpts-error=${this.onChildError}></cpts-practitioner-import>
      ${this.renderList()}
      ${this.renderDialog()}
    `;
  }

  private renderSignIn(): TemplateResult {
    const s = this.s;
    return renderTokenSignIn({
      idPrefix: 'pm',
      strings: {title: s.signInTitle, token: s.token, hint: s.tokenHint, signIn: this.checking ? s.signingIn : s.signIn, error: s.signInError},
      failed: this.signInFailed,
      checking: this.checking,
      onInput: (token) => (this.tokenInput = token),
      onSubmit: () => void this.signIn(this.tokenInput),
    });
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>
      ${this.signedIn
        ? this.renderSignedIn()
        : html`${this.renderSignIn()} ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}`}
    </div>`;
  }
}

function isRefused(error: unknown): boolean {
  return isCptsApiError(error) && (error.status === 401 || error.status === 403);
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-practitioner-manager': CptsPractitionerManager;
  }
}
