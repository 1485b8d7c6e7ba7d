import {html, nothing, type PropertyValues} from 'lit';
import {state} from 'lit/decorators.js';
import type {Proposal} from '@cpts-kit/contract';
import {listPractitionerOffers} from '@cpts-kit/sdk';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {CptsElement} from '../internal/cpts-element.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {waitingListStrings} from './waiting-list-strings.js';
import {waitingListStyles} from './waiting-list.styles.js';

/**
 * @summary Above the waiting list, where the territory lets practitioners pick people
 * (`practitionersMayPick`): the practitioners' offers to take a waiting person, oldest first, each
 * opening its request, where the coordinator confirms or declines it. Shows nothing when there is
 * none, or when the offers cannot be read (the list beside it says what went wrong).
 *
 * @fires cpts-intake-open - The coordinator asked to open an offer's request; `detail` is its id.
 *
 * @csspart base - The wrapper (only when there are offers).
 */
export class CptsPractitionerOffers extends CptsElement {
  static override stringBundles = [waitingListStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, waitingListStyles];

  @state() private offers: Proposal[] = [];
  private reading: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reading?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('client') || !this.reading) void this.read();
  }

  private async read(): Promise<void> {
    const client = this.resolveClient();
    if (!client) return;
    this.reading?.abort();
    const abort = new AbortController();
    this.reading = abort;
    try {
      this.offers = (await listPractitionerOffers(client, {signal: abort.signal})).items;
    } catch {
      // the list beside it reads with the same token and says what went wrong: nothing to add here
      if (!abort.signal.aborted) this.offers = [];
    }
  }

  private open(requestId: string): void {
    this.dispatchEvent(new CustomEvent<string>('cpts-intake-open', {bubbles: true, composed: true, detail: requestId}));
  }

  override render() {
    if (this.offers.length === 0) return nothing;
    const m = this.localize.strings.waitingList.matches;
    const date = new Intl.DateTimeFormat(this.localize.lang, {dateStyle: 'medium'});
    return html`<section part="base" class="panel offers" aria-labelledby="po-heading">
      <h3 id="po-heading">${m.offersHeading(this.offers.length)}</h3>
      <p class="muted">${m.offersIntro}</p>
      <ul class="proposals">
        ${this.offers.map(
          (p) => html`<li data-id=${p.id}>
            <button type="button" class="secondary" @click=${() => this.open(p.requestId)}>${m.openOffer(p.reference)}</button>
            ${m.offerLine(p.practitioner.displayName, date.format(new Date(p.proposedAt)))}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-practitioner-offers': CptsPractitionerOffers;
  }
}
