import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {InternshipInterest, InternshipOffer, InternshipOfferCreate, OfferStatus} from '@cpts-kit/contract';
import {
  archiveInternshipOffer,
  createInternshipOffer,
  isCptsApiError,
  listInternshipInterests,
  listInternshipOffers,
  publishInternshipOffer,
  type CptsClient,
} from '@cpts-kit/sdk';
import {SharedSignInController} from '../events/signed-in.js';
import {CptsElement} from '../internal/cpts-element.js';
import {defineElement} from '../internal/define-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {renderTokenSignIn} from '../internal/token-sign-in.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {CptsOfferEditor} from './offer-editor.js';
import {CptsOfferSavedEvent} from './offer-events.js';
import {duplicateForNextSemester, formatPeriod} from './offers-model.js';
import {formStyles, listStyles} from './offers.styles.js';
import {offersStrings} from './offers-strings.js';
import {labelStrings} from '../translations/labels.js';

const STATUSES: readonly OfferStatus[] = ['draft', 'published', 'archived'];

type Editing = {mode: 'new'; draft?: InternshipOfferCreate} | {mode: 'edit'; offer: InternshipOffer};

/** Every offer of every status, newest change first: a coordinator manages them all. */
export async function fetchAllOffers(client: CptsClient, signal?: AbortSignal): Promise<InternshipOffer[]> {
  const all: InternshipOffer[] = [];
  for (const status of STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await listInternshipOffers(client, {status, limit: 500, ...(cursor ? {cursor} : {})}, {signal});
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}

/**
 * Whether `client`'s token is a coordinator's. Reading the interests of an offer that does not
 * exist asks the server to check the token (401 when it is not one) without reading or changing
 * anything: a valid token gets 404.
 */
export async function isCoordinator(client: CptsClient): Promise<boolean> {
  try {
    await listInternshipInterests(client, '00000000-0000-4000-8000-000000000000');
    return true;
  } catch (error) {
    if (isCptsApiError(error) && (error.status === 401 || error.status === 403)) return false;
    if (isCptsApiError(error) && error.status === 404) return true;
    throw error;
  }
}

/**
 * @summary A coordinator's management of internship offers: sign in with a token, list every
 * offer, create, edit, publish, archive, duplicate for the next semester, read the interests.
 *
 * The token is kept in this element's memory only (never in storage, never in an attribute): it
 * is gone when the page closes. A page may also set `token` itself. Inside a `<cpts-provider>`,
 * signing in to another coordinator tool signs this one in too (`cpts-signed-in`).
 *
 * @fires cpts-signed-in - The coordinator signed in; `client` is the SDK client carrying the token.
 * @fires cpts-offer-saved - An offer was created, edited, published, archived or duplicated.
 * @fires cpts-error - A request failed.
 *
 * @csspart base - The wrapper.
 * @csspart sign-in - The sign-in form.
 * @csspart offers - The list of offers.
 * @csspart interests - The interests received for the chosen offer.
 */
export class CptsOfferManager extends CptsElement {
  static override stringBundles = [offersStrings, labelStrings];
  static override styles = [tokens, base, formStyles, listStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error));
  private tokenInput = '';
  /** Another coordinator tool of the same provider signed in: one token per page is enough. */
  private readonly sharedSignIn = new SharedSignInController(this, (client) => {
    if (!this.signedIn && !this.checking) void this.useClient(client, false);
  });

  @state() private signedIn: CptsClient | undefined;
  @state() private signInFailed = false;
  @state() private checking = false;
  @state() private offers: InternshipOffer[] | undefined;
  @state() private editing: Editing | undefined;
  @state() private interestsOf: {offer: InternshipOffer; items: InternshipInterest[] | undefined} | undefined;
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private busy = false;

  /** A coordinator's token, if the page has one; otherwise the element asks for it. */
  @property({attribute: false}) token?: string;

  constructor() {
    super();
    defineElement('cpts-offer-editor', CptsOfferEditor);
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

  /** Checks `client`'s token and, when it is a coordinator's, lists the offers with it. */
  private async useClient(client: CptsClient, typed: boolean): Promise<boolean> {
    this.checking = true;
    this.signInFailed = false;
    this.failure = undefined;
    try {
      if (!(await isCoordinator(client))) {
        if (!typed) return false;
        this.signInFailed = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#manager-token')?.focus();
        return false;
      }
      this.signedIn = client;
      await this.refresh();
      await this.updateComplete;
      // focus moves only for the tool the coordinator typed into, not for the ones that follow it
      if (typed) this.renderRoot.querySelector<HTMLElement>('#manager-title')?.focus();
      return true;
    } catch (error) {
      this.failure = this.errorMessage(error);
      this.fireError(error);
      return false;
    } finally {
      this.checking = false;
    }
  }

  private signOut(): void {
    this.signedIn = undefined;
    this.offers = undefined;
    this.editing = undefined;
    this.interestsOf = undefined;
    this.tokenInput = '';
    this.notice = '';
    // the button pressed is gone: focus the field that replaces it, as the board does
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#manager-token')?.focus());
  }

  private async refresh(): Promise<void> {
    if (!this.signedIn) return;
    this.offers = await fetchAllOffers(this.signedIn);
  }

  /** Runs one coordinator action; a failure is shown, and reported as `cpts-error`. */
  private async act(action: (client: CptsClient) => Promise<string | void>): Promise<void> {
    const client = this.signedIn;
    if (!client || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    try {
      const notice = await action(client);
      await this.refresh();
      if (notice) this.notice = notice;
    } catch (error) {
      this.failure = this.errorMessage(error);
      this.fireError(error);
    } finally {
      this.busy = false;
    }
  }

  private publish(offer: InternshipOffer): Promise<void> {
    return this.act(async (client) => {
      const saved = await publishInternshipOffer(client, offer.id);
      this.dispatchEvent(new CptsOfferSavedEvent(saved));
      return this.localize.strings.offers.manager.published(saved.title);
    });
  }

  private archive(offer: InternshipOffer): Promise<void> {
    return this.act(async (client) => {
      const saved = await archiveInternshipOffer(client, offer.id);
      this.dispatchEvent(new CptsOfferSavedEvent(saved));
      return this.localize.strings.offers.manager.archived(saved.title);
    });
  }

  private duplicate(offer: InternshipOffer): Promise<void> {
    return this.act(async (client) => {
      const copy = await createInternshipOffer(client, duplicateForNextSemester(offer));
      this.dispatchEvent(new CptsOfferSavedEvent(copy));
      return this.localize.strings.offers.manager.duplicated(offer.title);
    });
  }

  private async showInterests(offer: InternshipOffer): Promise<void> {
    const client = this.signedIn;
    if (!client) return;
    this.interestsOf = {offer, items: undefined};
    try {
      const list = await listInternshipInterests(client, offer.id);
      if (this.interestsOf?.offer.id === offer.id) this.interestsOf = {offer, items: list.items};
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#manager-interests-title')?.focus();
    } catch (error) {
      this.interestsOf = undefined;
      this.failure = this.errorMessage(error);
      this.fireError(error);
    }
  }

  private async openEditor(editing: Editing): Promise<void> {
    this.editing = editing;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<CptsOfferEditor>('cpts-offer-editor')?.focus();
  }

  private async onSaved(event: CptsOfferSavedEvent): Promise<void> {
    if (event.target instanceof CptsOfferEditor) {
      this.editing = undefined;
      await this.refresh();
      this.notice = this.localize.strings.offers.manager.saved;
    }
  }

  private renderSignIn(): TemplateResult {
    const m = this.localize.strings.offers.manager;
    return renderTokenSignIn({
      idPrefix: 'manager',
      strings: {title: m.signInTitle, token: m.token, hint: m.tokenHint, signIn: m.signIn, error: m.signInError},
      failed: this.signInFailed,
      checking: this.checking,
      onInput: (token) => (this.tokenInput = token),
      onSubmit: () => void this.signIn(this.tokenInput),
    });
  }

  private renderOffer(offer: InternshipOffer): TemplateResult {
    const t = this.localize.strings;
    const m = t.offers.manager;
    const lang = this.localize.lang;
    return html`
      <li class="card" data-offer=${offer.id} data-status=${offer.status}>
        <h3>${offer.title}</h3>
        <p><span class="badge">${t.offers.statuses[offer.status]}</span></p>
        <p class="muted">${offer.periods.map((p) => formatPeriod(p, lang)).join(', ')} · ${t.offers.places(offer.places)}</p>
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.openEditor({mode: 'edit', offer})}>${t.offers.manager.edit(offer.title)}</button>
          ${offer.status !== 'published' ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.publish(offer)}>${m.publish}</button>` : nothing}
          ${offer.status === 'published' ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.archive(offer)}>${m.archive}</button>` : nothing}
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.duplicate(offer)}>${m.duplicate}</button>
          <button type="button" class="secondary" @click=${() => this.showInterests(offer)}>${m.interests}</button>
        </div>
      </li>
    `;
  }

  private renderInterests(): TemplateResult | typeof nothing {
    const shown = this.interestsOf;
    if (!shown) return nothing;
    const t = this.localize.strings;
    const m = t.offers.manager;
    const lang = this.localize.lang;
    const date = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'});
    return html`
      <section part="interests" class="interests" aria-labelledby="manager-interests-title">
        <h2 id="manager-interests-title" tabindex="-1">${m.interestsOf(shown.offer.title)}</h2>
        ${shown.items === undefined
          ? html`<p role="status">${t.loading}</p>`
          : shown.items.length === 0
            ? html`<p>${m.noInterests}</p>`
            : html`<ul class="cards">
                ${shown.items.map(
                  (i) => html`<li class="card" data-interest=${i.id}>
                    <h3>${i.name}</h3>
                    <p><a href=${`mailto:${i.email}`}>${i.email}</a></p>
                    <p>${formatPeriod(i.period, lang)} · ${date.format(new Date(i.createdAt))}</p>
                    ${i.message ? html`<p class="para">${i.message}</p>` : nothing}
                  </li>`,
                )}
              </ul>`}
      </section>
    `;
  }

  private renderSignedIn(): TemplateResult {
    const m = this.localize.strings.offers.manager;
    const state = this.territoryData.state;
    const communes = state?.status === 'ready' ? state.territory.communes : [];
    const editing = this.editing;
    return html`
      <div class="toolbar">
        <h2 id="manager-title" tabindex="-1">${m.title}</h2>
        <div class="actions">
          <button type="button" @click=${() => this.openEditor({mode: 'new'})}>${m.create}</button>
          <button type="button" class="secondary" @click=${this.signOut}>${m.signOut}</button>
        </div>
      </div>
      <p class="count" role="status">${this.notice}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      ${editing
        ? html`<cpts-offer-editor .client=${this.signedIn} lang=${this.localize.lang} .communes=${communes}
            .offer=${editing.mode === 'edit' ? editing.offer : undefined} .draft=${editing.mode === 'new' ? editing.draft : undefined}
            @cpts-offer-saved=${this.onSaved} @cpts-offer-cancel=${() => (this.editing = undefined)}></cpts-offer-editor>`
        : nothing}
      ${this.offers === undefined
        ? html`<p role="status">${this.localize.strings.loading}</p>`
        : this.offers.length === 0
          ? html`<p>${m.noOffers}</p>`
          : html`<ul part="offers" class="cards">${this.offers.map((o) => this.renderOffer(o))}</ul>`}
      ${this.renderInterests()}
    `;
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>
      ${this.signedIn
        ? this.renderSignedIn()
        : html`${this.renderSignIn()} ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-offer-manager': CptsOfferManager;
  }
}
