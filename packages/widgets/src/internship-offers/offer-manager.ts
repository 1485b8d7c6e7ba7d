import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {InternshipInterest, InternshipOffer, InternshipOfferCreate} from '@cpts-kit/contract';
import {archiveInternshipOffer, createInternshipOffer, listInternshipInterests, publishInternshipOffer, getTerritory, type CptsClient} from '@cpts-kit/sdk';
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
import {CptsOfferEditor} from './offer-editor.js';
import {CptsOfferSavedEvent} from './offer-events.js';
import {offerManagerStrings} from './offer-manager-strings.js';
import {duplicateForNextSemester, formatPeriod} from './offers-model.js';
import {fetchAllOffers} from './offers-fetch.js';
import {offersStrings} from './offers-strings.js';
import {listStyles} from './offers.styles.js';
import {emailLink} from '../internal/safe-url.js';

type Editing = {mode: 'new'; draft?: InternshipOfferCreate} | {mode: 'edit'; offer: InternshipOffer};

/** The button of `offer`'s card that focus goes to after an action on it (`edit`, `publish`, `archive`). */
const offerButton = (id: string, action: 'edit' | 'publish' | 'archive') => `[data-offer="${CSS.escape(id)}"] [data-action="${action}"]`;

/**
 * @summary A coordinator's management of internship offers: list every offer, create, edit,
 * publish, archive, duplicate for the next semester, read the interests.
 *
 * Signs in through the coordinator session of its `<cpts-provider>` (one sign-in for every
 * coordinator tool; see `<cpts-coordinator-sign-in>`), or by itself when used alone. The token
 * stays in memory only. A page may also set `token` itself.
 *
 * @fires cpts-signed-in - The coordinator signed in here; `client` is the SDK client carrying the token.
 * @fires cpts-offer-saved - An offer was created, edited, published, archived or duplicated.
 * @fires cpts-error - A request failed.
 *
 * @csspart base - The wrapper.
 * @csspart sign-in - The sign-in form (when this tool shows it).
 * @csspart sign-in-above - In a provider whose form is elsewhere: « Connectez-vous ci-dessus ».
 * @csspart session - Once signed in, alone or first of its provider: the line with the sign-out.
 * @csspart status - What just happened (an `aria-live` region).
 * @csspart offers - The list of offers.
 * @csspart interests - The interests received for the chosen offer.
 */
export class CptsOfferManager extends CptsElement {
  static override stringBundles = [offerManagerStrings, offersStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, listStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error), getTerritory);
  private readonly session = new CoordinatorSession(this, {
    idPrefix: 'manager',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    token: () => this.token,
    onSignedIn: (client, typed) => void this.load(client, typed),
    onSignedOut: () => this.forget(),
  });
  /** What had focus when the editor opened, to give it back when the editor closes. */
  private editorOpener: HTMLElement | null = null;

  @state() private offers: InternshipOffer[] | undefined;
  @state() private editing: Editing | undefined;
  @state() private interestsOf: {offer: InternshipOffer; items: InternshipInterest[] | undefined} | undefined;
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private busy = false;

  /** A coordinator's token, if the page has one; otherwise the session asks for it. */
  @property({attribute: false}) token?: string;

  constructor() {
    super();
    defineElement('cpts-offer-editor', CptsOfferEditor);
  }

  private focusOn(selector: string, fallback = '#manager-title'): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>(fallback))?.focus());
  }

  /** Signed in (or again, after a refusal): list the offers; the open editor keeps what was typed. */
  private async load(client: CptsClient, typed: boolean): Promise<void> {
    this.failure = undefined;
    try {
      this.offers = await fetchAllOffers(client);
    } catch (error) {
      this.failure = this.session.reportFailure(error);
      return;
    }
    if (!typed) return;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector<CptsOfferEditor>('cpts-offer-editor');
    if (editor) editor.focus();
    else this.focusOn('#manager-title');
  }

  private forget(): void {
    this.offers = undefined;
    this.editing = undefined;
    this.interestsOf = undefined;
    this.failure = undefined;
    this.notice = '';
  }

  private async refresh(): Promise<void> {
    const client = this.session.client;
    if (client) this.offers = await fetchAllOffers(client);
  }

  /** Runs one coordinator action; a failure is shown, and reported as `cpts-error`. */
  private async act(action: (client: CptsClient) => Promise<string | void>): Promise<boolean> {
    const client = this.session.client;
    if (!client || this.busy) return false;
    this.busy = true;
    this.failure = undefined;
    try {
      const notice = await action(client);
      await this.refresh();
      if (notice) this.notice = notice;
      return true;
    } catch (error) {
      this.failure = this.session.reportFailure(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async publish(offer: InternshipOffer): Promise<void> {
    const done = await this.act(async (client) => {
      const saved = await publishInternshipOffer(client, offer.id);
      this.dispatchEvent(new CptsOfferSavedEvent(saved));
      return this.localize.strings.offerManager.published(saved.title);
    });
    // « Publier » gave way to « Archiver », in the same place
    if (done) this.focusOn(offerButton(offer.id, 'archive'));
  }

  private async archive(offer: InternshipOffer): Promise<void> {
    const done = await this.act(async (client) => {
      const saved = await archiveInternshipOffer(client, offer.id);
      this.dispatchEvent(new CptsOfferSavedEvent(saved));
      return this.localize.strings.offerManager.archived(saved.title);
    });
    if (done) this.focusOn(offerButton(offer.id, 'publish'));
  }

  private async duplicate(offer: InternshipOffer): Promise<void> {
    let copyId = '';
    const done = await this.act(async (client) => {
      const copy = await createInternshipOffer(client, duplicateForNextSemester(offer));
      copyId = copy.id;
      this.dispatchEvent(new CptsOfferSavedEvent(copy));
      return this.localize.strings.offerManager.duplicated(offer.title);
    });
    // the copy, a draft to edit next
    if (done) this.focusOn(offerButton(copyId, 'edit'));
  }

  private async showInterests(offer: InternshipOffer): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    this.interestsOf = {offer, items: undefined};
    try {
      const list = await listInternshipInterests(client, offer.id);
      if (this.interestsOf?.offer.id === offer.id) this.interestsOf = {offer, items: list.items};
      this.focusOn('#manager-interests-title');
    } catch (error) {
      this.interestsOf = undefined;
      this.failure = this.session.reportFailure(error);
    }
  }

  private async openEditor(editing: Editing): Promise<void> {
    this.editorOpener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.editing = editing;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<CptsOfferEditor>('cpts-offer-editor')?.focus();
  }

  private async closeEditor(): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    const opener = this.editorOpener;
    if (opener?.isConnected) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('#manager-title')?.focus();
  }

  private async onSaved(event: CptsOfferSavedEvent): Promise<void> {
    if (!(event.target instanceof CptsOfferEditor)) return;
    this.editing = undefined;
    try {
      await this.refresh();
    } catch (error) {
      this.session.reportFailure(error);
    }
    this.notice = this.localize.strings.offerManager.savedNamed(event.detail.title);
    // the saved offer's card, on the button that opens it again
    this.focusOn(offerButton(event.detail.id, 'edit'));
  }

  private renderOffer(offer: InternshipOffer): TemplateResult {
    const t = this.localize.strings;
    const m = t.offerManager;
    const lang = this.localize.lang;
    const title = offer.title;
    // each button says which offer it acts on: a screen reader's list of buttons reads « Publier l’offre … », not ten « Publier »
    return html`
      <li class="card" data-offer=${offer.id} data-status=${offer.status}>
        <h3>${title}</h3>
        <p><span class="badge">${t.offers.statuses[offer.status]}</span></p>
        <p class="muted">${offer.periods.map((p) => formatPeriod(p, lang)).join(', ')} · ${t.offers.places(offer.places)}</p>
        <div class="actions">
          <button type="button" class="secondary" data-action="edit" @click=${() => this.openEditor({mode: 'edit', offer})}>${m.edit(title)}</button>
          ${
            offer.status !== 'published'
              ? html`<button type="button" data-action="publish" aria-label=${m.publishName(title)} @click=${() => this.publish(offer)}>${m.publish}</button>`
              : html`<button type="button" class="secondary" data-action="archive" aria-label=${m.archiveName(title)} @click=${() => this.archive(offer)}>${m.archive}</button>`
          }
          <button type="button" class="secondary" aria-label=${m.duplicateName(title)} @click=${() => this.duplicate(offer)}>${m.duplicate}</button>
          <button type="button" class="secondary" aria-label=${m.interestsName(title)} @click=${() => this.showInterests(offer)}>${m.interests}</button>
        </div>
      </li>
    `;
  }

  private renderInterests(): TemplateResult | typeof nothing {
    const shown = this.interestsOf;
    if (!shown) return nothing;
    const t = this.localize.strings;
    const m = t.offerManager;
    const lang = this.localize.lang;
    const date = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'});
    return html`
      <section part="interests" class="interests" aria-labelledby="manager-interests-title">
        <h2 id="manager-interests-title" tabindex="-1">${m.interestsOf(shown.offer.title)}</h2>
        ${
          shown.items === undefined
            ? html`<p role="status">${t.loading}</p>`
            : shown.items.length === 0
              ? html`<p>${m.noInterests}</p>`
              : html`<ul class="cards">
                ${shown.items.map(
                  (i) => html`<li class="card" data-interest=${i.id}>
                    <h3>${i.name}</h3>
                    <p>${emailLink(i.email)}</p>
                    <p>${formatPeriod(i.period, lang)} · ${date.format(new Date(i.createdAt))}</p>
                    ${i.message ? html`<p class="para">${i.message}</p>` : nothing}
                  </li>`,
                )}
              </ul>`
        }
      </section>
    `;
  }

  private renderTool(): TemplateResult {
    const m = this.localize.strings.offerManager;
    const state = this.territoryData.state;
    const communes = state?.status === 'ready' ? state.territory.communes : [];
    const editing = this.editing;
    return html`
      <div class="toolbar">
        <h2 id="manager-title" tabindex="-1">${m.title}</h2>
        <button type="button" @click=${() => this.openEditor({mode: 'new'})}>${m.create}</button>
      </div>
      <p class="notice" role="status" part="status">${this.notice}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      ${
        editing
          ? html`<cpts-offer-editor .client=${this.session.client} lang=${this.localize.lang} .communes=${communes}
            .offer=${editing.mode === 'edit' ? editing.offer : undefined} .draft=${editing.mode === 'new' ? editing.draft : undefined}
            @cpts-offer-saved=${this.onSaved} @cpts-offer-cancel=${this.closeEditor} @cpts-error=${this.session.onChildError}></cpts-offer-editor>`
          : nothing
      }
      ${
        this.offers === undefined
          ? html`<p role="status">${this.localize.strings.loading}</p>`
          : this.offers.length === 0
            ? html`<p>${m.noOffers}</p>`
            : html`<ul part="offers" class="cards">${this.offers.map((o) => this.renderOffer(o))}</ul>`
      }
      ${this.renderInterests()}
    `;
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>${this.session.renderTool(() => this.renderTool(), this.failure)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-offer-manager': CptsOfferManager;
  }
}
