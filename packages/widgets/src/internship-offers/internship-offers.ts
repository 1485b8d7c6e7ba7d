import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {InternshipOffer} from '@cpts-kit/contract';
import type {CptsClient} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {defineElement} from '../internal/define-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {renderOfferDetail} from './offer-detail.js';
import {renderOfferFilters} from './offers-filters.js';
import {fetchAllPublishedOffers} from './offers-fetch.js';
import {CptsOfferSelectEvent} from './offer-events.js';
import {CptsOfferInterest} from './offer-interest.js';
import {
  filterOffers,
  formatEuros,
  formatPeriod,
  hasFilters,
  indexOffers,
  noFilters,
  offerHash,
  offerIdFromHash,
  offerSorts,
  sortOffers,
  type IndexedOffer,
  type OfferFilters,
  type OfferSort,
} from './offers-model.js';
import {formStyles} from '../styles/form.js';
import {listStyles} from './offers.styles.js';
import {offersStrings} from './offers-strings.js';
import {labelStrings} from '../translations/labels.js';
import {getTerritory} from '@cpts-kit/sdk';

const DETAIL_TITLE_ID = 'offer-detail-title';

type LoadState = {status: 'loading'} | {status: 'ready'} | {status: 'error'; error: unknown};

/**
 * @summary The territory's internship offers: cards, facets, text search, sort, and a detail view
 * with a « Ce stage m'intéresse » form.
 *
 * The detail opens in a modal dialog and sets the URL hash to `#offre-<id>`, so it can be shared,
 * bookmarked and closed with the browser's back button; loading a page with that hash opens it.
 *
 * @fires cpts-offer-select - An offer's detail was opened; `detail` is the offer.
 * @fires cpts-interest-sent - An intern's interest was received (from the detail's form).
 * @fires cpts-error - The offers could not be fetched, or the element is misconfigured.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The facets and the search field.
 * @csspart count - The number of offers shown.
 * @csspart list - The list of cards.
 * @csspart card - One offer's card.
 * @csspart empty - What is shown when no offer matches.
 * @csspart dialog - The detail dialog.
 * @csspart detail - The detail's content.
 *
 * @cssproperty --card-min-width - Narrowest a card gets before the grid drops a column.
 */
export class CptsInternshipOffers extends CptsElement {
  static override stringBundles = [offersStrings, labelStrings];
  static override styles = [tokens, base, formStyles, listStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error), getTerritory);
  private abort: AbortController | undefined;
  private loadedWith: CptsClient | undefined;
  private indexCache: {offers: readonly InternshipOffer[]; names: unknown; lang: string; index: IndexedOffer[]} | undefined;
  private resultCache: {index: IndexedOffer[]; filters: OfferFilters; sort: OfferSort; result: IndexedOffer[]} | undefined;
  // true when this element pushed the `#offre-` history entry, so closing can pop it again
  private pushedHash = false;
  private returnFocusTo: string | undefined;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private fetched: InternshipOffer[] = [];
  @state() private load: LoadState = {status: 'loading'};
  @state() private filters: OfferFilters = noFilters;
  @state() private sort: OfferSort = 'newest';
  @state() private visible = 0;
  @state() private selected: InternshipOffer | undefined;

  /** Offers to show instead of fetching them (pages that already have them, tests, stories). */
  @property({attribute: false}) offers?: InternshipOffer[];

  /** How many cards are rendered at first and on each « show more »: first paint stays fast with thousands. */
  @property({type: Number, attribute: 'batch-size'}) batchSize = 48;

  /** Level of the cards' headings, to fit the page's outline: 2 under the page's `<h1>`, 3 under an `<h2>`. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  /** Leave the URL hash alone (no `#offre-<id>` deep links). */
  @property({type: Boolean, attribute: 'no-hash'}) noHash = false;

  constructor() {
    super();
    // an inner element of this widget: defined with it, whichever way the page loaded the widget
    defineElement('cpts-offer-interest', CptsOfferInterest);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onLocationChange);
    window.addEventListener('popstate', this.onLocationChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocationChange);
    window.removeEventListener('popstate', this.onLocationChange);
    this.abort?.abort();
    this.abort = undefined;
    this.loadedWith = undefined;
  }

  /** Every offer the list knows (given or fetched). */
  get allOffers(): readonly InternshipOffer[] {
    return this.offers ?? this.fetched;
  }

  /** The offers shown with the current filters and sort, before batching. */
  get results(): InternshipOffer[] {
    return this.filtered().map((i) => i.offer);
  }

  /** Opens an offer's detail, as a click on its card does. */
  open(id: string): void {
    const offer = this.allOffers.find((o) => o.id === id);
    if (offer) this.openOffer(offer, false);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.offers) {
      this.load = {status: 'ready'};
    } else {
      const client = this.resolveClient();
      if (client !== this.loadedWith || !this.abort) void this.fetchOffers(client);
    }
    if (changed.has('offers') || changed.has('fetched') || changed.has('filters') || changed.has('sort') || this.visible === 0) {
      this.visible = this.batchSize;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if ((changed.has('offers') || changed.has('fetched')) && this.load.status === 'ready') this.onLocationChange();
    if (changed.has('selected')) this.syncDialog();
  }

  private async fetchOffers(client: CptsClient | undefined): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loadedWith = client;
    this.load = {status: 'loading'};
    try {
      if (!client) this.requireClient();
      const offers = await fetchAllPublishedOffers(client!, abort.signal);
      if (abort.signal.aborted) return;
      this.fetched = offers;
      this.load = {status: 'ready'};
    } catch (error) {
      if (abort.signal.aborted) return;
      this.load = {status: 'error', error};
      this.fireError(error);
    }
  }

  private retry(): void {
    this.abort = undefined;
    this.loadedWith = undefined;
    this.requestUpdate();
  }

  private communeName(insee: string): string {
    const state = this.territoryData.state;
    const commune = state?.status === 'ready' ? state.territory.communes.find((c) => c.insee === insee) : undefined;
    return commune?.name ?? insee;
  }

  private index(): IndexedOffer[] {
    const offers = this.allOffers;
    const state = this.territoryData.state;
    const names = state?.status === 'ready' ? state.territory : undefined;
    const lang = this.localize.lang;
    const cache = this.indexCache;
    if (cache && cache.offers === offers && cache.names === names && cache.lang === lang) return cache.index;
    const t = this.localize.strings;
    const index = indexOffers(offers, {communeName: (insee) => this.communeName(insee), kind: (k) => t.offerKinds[k], housing: (k) => t.housingKinds[k]});
    this.indexCache = {offers, names, lang, index};
    return index;
  }

  private filtered(): IndexedOffer[] {
    const index = this.index();
    const cache = this.resultCache;
    if (cache && cache.index === index && cache.filters === this.filters && cache.sort === this.sort) return cache.result;
    const result = sortOffers(filterOffers(index, this.filters), this.sort, this.localize.lang);
    this.resultCache = {index, filters: this.filters, sort: this.sort, result};
    return result;
  }

  private setFilter<K extends keyof OfferFilters>(key: K, value: OfferFilters[K]): void {
    this.filters = {...this.filters, [key]: value};
  }

  private resetFilters(): void {
    this.filters = noFilters;
    this.renderRoot.querySelector<HTMLInputElement>('#offers-q')?.focus();
  }

  private readonly onLocationChange = (): void => {
    if (this.noHash) return;
    const id = offerIdFromHash(location.hash);
    if (id && id !== this.selected?.id) {
      const offer = this.allOffers.find((o) => o.id === id);
      if (offer) this.openOffer(offer, false);
    } else if (!id && this.selected) {
      this.pushedHash = false;
      this.selected = undefined;
    }
  };

  private openOffer(offer: InternshipOffer, fromCard: boolean): void {
    this.returnFocusTo = fromCard ? offer.id : undefined;
    this.selected = offer;
    if (!this.noHash && location.hash !== offerHash(offer.id)) {
      history.pushState(history.state, '', offerHash(offer.id));
      this.pushedHash = true;
    }
    this.dispatchEvent(new CptsOfferSelectEvent(offer));
  }

  /** Closes the detail; the URL loses its `#offre-` hash (by going back, when we added it). */
  close(): void {
    if (!this.selected) return;
    this.selected = undefined;
    if (this.noHash || !offerIdFromHash(location.hash)) return;
    if (this.pushedHash) {
      this.pushedHash = false;
      history.back();
    } else {
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    }
  }

  private syncDialog(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.selected) {
      this.toggleAttribute('data-detail-open', true);
      if (!dialog.open) dialog.showModal();
      // the heading, not the first button: screen readers then start with what the dialog is about
      this.renderRoot.querySelector<HTMLElement>(`#${DETAIL_TITLE_ID}`)?.focus();
      dialog.scrollTop = 0;
    } else {
      this.toggleAttribute('data-detail-open', false);
      if (dialog.open) dialog.close();
      const id = this.returnFocusTo;
      this.returnFocusTo = undefined;
      if (id) this.renderRoot.querySelector<HTMLElement>(`button[data-offer="${id}"]`)?.focus();
    }
  }

  // Chrome may close a dialog without a cancellable `cancel` (a second Escape with no user
  // activation between): the state must follow whatever closed it
  private onDialogClose(): void {
    if (this.selected) this.close();
  }

  private onDialogCancel(event: Event): void {
    // Escape: close through our own path, so the hash and the focus follow
    event.preventDefault();
    this.close();
  }

  private renderFilters(): TemplateResult {
    return renderOfferFilters({
      strings: this.localize.strings,
      lang: this.localize.lang,
      offers: this.allOffers,
      filters: this.filters,
      communeName: (insee) => this.communeName(insee),
      setFilter: (key, value) => this.setFilter(key, value),
    });
  }

  private renderCard({offer, communeName}: IndexedOffer): TemplateResult {
    const t = this.localize.strings;
    const o = t.offers;
    const lang = this.localize.lang;
    const titleId = `offer-${offer.id}-title`;
    const aid = offer.financialAid.reduce((max, a) => Math.max(max, a.amountEur), 0);
    return html`
      <li part="card" class="card" data-offer=${offer.id}>
        <p class="card-title" role="heading" aria-level=${this.headingLevel} id=${titleId}>${offer.title}</p>
        <p class="muted">${t.offerKinds[offer.kind]} · ${offer.discipline}</p>
        <p>${communeName} — ${t.practiceTypes[offer.practiceType]}</p>
        <p>${offer.periods.map((p) => formatPeriod(p, lang)).join(', ')} · ${o.places(offer.places)}</p>
        ${
          offer.housing.length > 0 || aid > 0
            ? html`<ul class="badges">
              ${offer.housing.length > 0 ? html`<li class="badge">${o.housingBadge}</li>` : nothing}
              ${aid > 0 ? html`<li class="badge">${o.aidBadge(formatEuros(aid, lang))}</li>` : nothing}
            </ul>`
            : nothing
        }
        <button type="button" class="open" data-offer=${offer.id} aria-label=${o.openNamed(offer.title)} @click=${() => this.openOffer(offer, true)}>${o.open}</button>
      </li>
    `;
  }

  private renderResults(): TemplateResult {
    const o = this.localize.strings.offers;
    const results = this.filtered();
    const shown = results.slice(0, this.visible);
    const rest = results.length - shown.length;
    return html`
      <div class="toolbar">
        <p part="count" class="count" role="status">${o.resultCount(results.length, this.allOffers.length)}</p>
        <div class="field">
          <label for="offers-sort">${o.sort}</label>
          <select id="offers-sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as OfferSort)}>
            ${offerSorts.map((s) => html`<option value=${s} ?selected=${this.sort === s}>${o.sorts[s]}</option>`)}
          </select>
        </div>
      </div>
      ${
        results.length === 0
          ? html`<div part="empty" class="empty">
            <p>${o.empty}</p>
            ${hasFilters(this.filters) ? html`<button type="button" class="secondary" @click=${this.resetFilters}>${o.reset}</button>` : nothing}
          </div>`
          : html`<ul part="list" class="cards">
              ${shown.map((i) => this.renderCard(i))}
            </ul>
            ${
              rest > 0
                ? html`<button type="button" class="secondary more" @click=${() => (this.visible += this.batchSize)}>
                  ${o.showMore(Math.min(rest, this.batchSize))}
                </button>`
                : nothing
            }`
      }
    `;
  }

  private renderDialog(): TemplateResult {
    const t = this.localize.strings;
    const offer = this.selected;
    return html`
      <dialog part="dialog" aria-labelledby=${DETAIL_TITLE_ID} @cancel=${this.onDialogCancel} @close=${this.onDialogClose}>
        ${
          offer
            ? html`<div class="dialog-bar">
                <button type="button" class="secondary" @click=${() => window.print()}>${t.offers.print}</button>
                <button type="button" @click=${() => this.close()}>${t.offers.close}</button>
              </div>
              <div class="dialog-body">
                ${renderOfferDetail(offer, {t, lang: this.localize.lang, communeName: this.communeName(offer.communeInsee), headingId: DETAIL_TITLE_ID})}
                <cpts-offer-interest .offer=${offer} .client=${this.resolveClient()} lang=${this.localize.lang} theme=${this.theme ?? this.providedTheme ?? 'default'}></cpts-offer-interest>
              </div>`
            : nothing
        }
      </dialog>
    `;
  }

  override render() {
    const o = this.localize.strings.offers;
    const load = this.load;
    return html`
      <div part="base" lang=${this.localize.lang} aria-busy=${load.status === 'loading' ? 'true' : 'false'}>
        <div class="list-view">
          ${load.status === 'loading' ? html`<p class="status" role="status">${o.loading}</p>` : nothing}
          ${
            load.status === 'error'
              ? html`<div role="alert" class="alert load-error">
                <p><strong>${o.loadError}</strong></p>
                <p>${this.errorMessage(load.error)}</p>
                <button type="button" @click=${this.retry}>${this.localize.strings.retry}</button>
              </div>`
              : nothing
          }
          ${load.status === 'ready' ? html`${this.renderFilters()} ${this.renderResults()}` : nothing}
        </div>
        ${this.renderDialog()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-internship-offers': CptsInternshipOffers;
  }
}
