import {html, nothing, type TemplateResult} from 'lit';
import type {DeclineReason, OwnProposal, OwnProposals, PersonSummary, PriorityCriterion, ProposalDecline, WaitingPerson} from '@cpts-kit/contract';
import {DeclineReason as DeclineReasonSchema} from '@cpts-kit/contract';
import {acceptProposal, confirmFirstConsultation, declineProposal, isCptsApiError, listOwnProposals, listWaitingPeople, offerToTake, type CptsClient} from '@cpts-kit/sdk';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {CartodispoProposalsStrings} from './cartodispo-strings.js';
import {formatDate, isLinkRefused} from './declaration-model.js';
import type {DeclareHost} from './declare-view.js';
import {LinkView} from './link-view.js';

/** What the proposals view needs from the element, on top of what the declare view needs. */
export interface ProposalsHost extends DeclareHost {
  readonly priorityCriteriaLabels: Record<PriorityCriterion, string>;
}

type LoadState = {status: 'idle'} | {status: 'loading'} | {status: 'error'} | {status: 'ready'; own: OwnProposals; waiting: WaitingPerson[] | undefined};

type Message = {kind: 'success' | 'error'; text: string};

const DECLINE_REASONS = DeclineReasonSchema.options as readonly DeclineReason[];

/** 409 codes that close a proposal for good: its answer buttons go away. */
const CLOSING_CODES = new Set(['already_taken', 'proposal_closed', 'request_closed']);

/**
 * The patients the CPTS proposes to the practitioner, under their declaration: accept (and then
 * see the person's contact details) or decline, and, where the territory allows it, the people
 * waiting nearby they may offer to take. After each action focus goes to the message that says
 * what happened, so a keyboard or screen-reader user is never left at the top of the page.
 */
export class ProposalsView extends LinkView {
  private readonly host: ProposalsHost;
  private state: LoadState = {status: 'idle'};
  private busy: string | undefined;
  private declining: {id: string; reason: DeclineReason | ''; note: string} | undefined;
  private readonly messages = new Map<string, Message>();

  constructor(host: ProposalsHost) {
    super(host);
    this.host = host;
  }

  private get t(): CartodispoProposalsStrings {
    return this.host.cartodispoStrings.proposals;
  }

  protected get loading(): boolean {
    return this.state.status === 'loading';
  }

  protected async load(client: CptsClient | undefined): Promise<void> {
    this.abort?.abort();
    this.messages.clear();
    this.declining = undefined;
    if (!client) {
      this.setState({status: 'idle'});
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.setState({status: 'loading'});
    try {
      const own = await listOwnProposals(client, {signal: abort.signal});
      const waiting = own.mayPick ? await this.loadWaiting(client, abort.signal) : undefined;
      if (abort.signal.aborted) return;
      this.setState({status: 'ready', own, waiting});
    } catch (error) {
      if (abort.signal.aborted) return;
      // a refused link is already explained by the declaration part: say nothing twice
      this.setState(isLinkRefused(error) ? {status: 'idle'} : {status: 'error'});
      if (!isLinkRefused(error)) this.host.reportError(error);
    }
  }

  /** Waiting people nearby; a territory that stopped allowing it (403 picking_disabled) just hides them. */
  private async loadWaiting(client: CptsClient, signal: AbortSignal): Promise<WaitingPerson[] | undefined> {
    try {
      return (await listWaitingPeople(client, undefined, {signal})).items;
    } catch (error) {
      if (isCptsApiError(error) && error.status === 403 && error.code === 'picking_disabled') return undefined;
      throw error;
    }
  }

  private setState(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private replaceProposal(next: OwnProposal): void {
    if (this.state.status !== 'ready') return;
    const own = this.state.own;
    this.state = {...this.state, own: {...own, items: own.items.map((p) => (p.id === next.id ? next : p))}};
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The message of a refusal the server explains with a code, else the generic one. */
  private refusalText(error: unknown): string {
    if (isCptsApiError(error) && error.status === 409) {
      const known: Record<string, string> = {
        already_taken: this.t.alreadyTaken,
        proposal_closed: this.t.proposalClosed,
        request_closed: this.t.requestClosed,
        at_quota: this.t.atQuota,
        outside_scope: this.t.outsideScope,
      };
      if (known[error.code]) return known[error.code]!;
    }
    return this.host.describeError(error);
  }

  /** Runs one action on proposal or person `id`, then shows and focuses its message. */
  private async act(id: string, run: (client: CptsClient) => Promise<string>, onRefused?: (error: unknown) => void): Promise<void> {
    const client = this.host.practitionerClient;
    if (!client || this.busy) return;
    this.busy = id;
    this.messages.delete(id);
    this.host.requestUpdate();
    try {
      this.messages.set(id, {kind: 'success', text: await run(client)});
    } catch (error) {
      this.messages.set(id, {kind: 'error', text: this.refusalText(error)});
      onRefused?.(error);
      if (!isCptsApiError(error)) this.host.reportError(error);
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
    await this.focusAfterUpdate(`#msg-${id} p`);
  }

  /** A 409 that closes the proposal: it stays listed with its message, without buttons. */
  private closeOnRefusal(proposal: OwnProposal): (error: unknown) => void {
    return (error) => {
      if (isCptsApiError(error) && error.status === 409 && CLOSING_CODES.has(error.code)) {
        this.replaceProposal({...proposal, status: 'filled'});
      }
    };
  }

  private accept(proposal: OwnProposal): Promise<void> {
    return this.act(
      proposal.id,
      async (client) => {
        const next = await acceptProposal(client, proposal.id);
        this.replaceProposal(next);
        this.countTaken();
        return this.t.accepted;
      },
      this.closeOnRefusal(proposal),
    );
  }

  private countTaken(): void {
    if (this.state.status !== 'ready') return;
    const quota = this.state.own.quota;
    const placesLeft = quota.placesLeft === null ? null : Math.max(0, quota.placesLeft - 1);
    this.state = {...this.state, own: {...this.state.own, quota: {...quota, usedThisMonth: quota.usedThisMonth + 1, placesLeft}}};
  }

  private openDecline(proposal: OwnProposal): void {
    this.declining = {id: proposal.id, reason: '', note: ''};
    this.host.requestUpdate();
    void this.focusAfterUpdate(`#decline-${proposal.id} select`);
  }

  private cancelDecline(proposal: OwnProposal): void {
    this.declining = undefined;
    this.host.requestUpdate();
    void this.focusAfterUpdate(`#decline-button-${proposal.id}`);
  }

  private decline(event: SubmitEvent, proposal: OwnProposal): Promise<void> {
    event.preventDefault();
    const draft = this.declining;
    const decline: ProposalDecline = {};
    if (draft?.reason) decline.reason = draft.reason;
    if (draft?.note.trim()) decline.note = draft.note.trim();
    return this.act(
      proposal.id,
      async (client) => {
        this.replaceProposal(await declineProposal(client, proposal.id, decline));
        this.declining = undefined;
        return this.t.declined;
      },
      this.closeOnRefusal(proposal),
    );
  }

  private confirmConsultation(proposal: OwnProposal): Promise<void> {
    return this.act(proposal.id, async (client) => {
      const next = await confirmFirstConsultation(client, proposal.id);
      this.replaceProposal(next);
      return this.t.consulted(formatDate(next.consultedAt ?? new Date().toISOString(), this.host.langCode));
    });
  }

  private offer(person: WaitingPerson): Promise<void> {
    return this.act(person.id, async (client) => {
      await offerToTake(client, person.id);
      if (this.state.status === 'ready' && this.state.waiting) {
        this.state = {...this.state, waiting: this.state.waiting.map((w) => (w.id === person.id ? {...w, offered: true} : w))};
      }
      return this.t.offered;
    });
  }

  render(): TemplateResult | typeof nothing {
    const state = this.state;
    if (state.status === 'idle' || state.status === 'loading') return nothing;
    if (state.status === 'error') {
      return html`<section class="proposals" aria-labelledby="proposals-title">
        <h3 id="proposals-title">${this.t.title}</h3>
        <div role="alert" class="status alert">
          <p>${this.t.loadError}</p>
          <button type="button" class="secondary" @click=${() => this.reload()}>${this.host.retryLabel}</button>
        </div>
      </section>`;
    }
    const {own, waiting} = state;
    return html`<section class="proposals" part="proposals" aria-labelledby="proposals-title">
        <h3 id="proposals-title">${this.t.title}</h3>
        <p class="quota" part="quota">${own.quota.monthlyQuota === null ? this.t.noQuota(own.quota.usedThisMonth) : this.t.quota(own.quota.placesLeft ?? 0, own.quota.monthlyQuota)}</p>
        ${own.items.length === 0 ? html`<p>${this.t.none}</p>` : html`<ul class="cards">${own.items.map((p) => html`<li>${this.renderProposal(p)}</li>`)}</ul>`}
      </section>
      ${waiting ? this.renderWaiting(waiting) : nothing}`;
  }

  private renderPerson(headingId: string, person: PersonSummary, distanceKm: number | null = null): TemplateResult {
    const labels = this.host.priorityCriteriaLabels;
    const km = distanceKm === null ? undefined : new Intl.NumberFormat(this.host.langCode, {maximumFractionDigits: 0}).format(distanceKm);
    return html`<h4 id=${headingId}>${this.t.ageBands[person.ageBand]} · ${person.communeName}</h4>
      <ul class="facts">
        ${person.criteria.map((c) => html`<li>${labels[c]}</li>`)} ${person.homeVisits ? html`<li>${this.t.homeVisits}</li>` : nothing}
        ${km === undefined ? nothing : html`<li>${this.t.distance(km)}</li>`}
        <li>${this.t.waiting(person.waitingDays)}</li>
      </ul>`;
  }

  private renderMessage(id: string): TemplateResult {
    const message = this.messages.get(id);
    return html`<div id=${`msg-${id}`} class=${message?.kind === 'error' ? 'status alert' : 'status'} role="status" data-kind=${message?.kind ?? nothing}>
      ${message ? html`<p tabindex="-1">${message.text}</p>` : nothing}
    </div>`;
  }

  private renderProposal(proposal: OwnProposal): TemplateResult {
    const headingId = `proposal-${proposal.id}`;
    return html`<article class="card" part="proposal" aria-labelledby=${headingId}>
      ${this.renderPerson(headingId, proposal.person)}
      ${proposal.note ? html`<p class="note"><strong>${this.t.coordinatorNote} :</strong> ${proposal.note}</p>` : nothing} ${this.renderMessage(proposal.id)}
      ${proposal.status === 'pending' ? this.renderAnswer(proposal, headingId) : nothing}
      ${proposal.status === 'offered' ? html`<p>${this.t.offered}</p>` : nothing}
      ${this.messages.has(proposal.id) ? nothing : this.renderClosed(proposal)}
      ${proposal.contact ? this.renderContact(proposal) : nothing}
    </article>`;
  }

  /** An answered or closed proposal, as the list shows it again later. */
  private renderClosed(proposal: OwnProposal): TemplateResult | typeof nothing {
    if (proposal.status === 'declined') return html`<p>${this.t.answered}</p>`;
    if (proposal.status === 'filled' || proposal.status === 'withdrawn') return html`<p>${this.t.proposalClosed}</p>`;
    return nothing;
  }

  private renderAnswer(proposal: OwnProposal, headingId: string): TemplateResult {
    const busy = this.busy === proposal.id;
    if (this.declining?.id === proposal.id) return this.renderDecline(proposal, busy);
    return html`<div class="actions">
      <button type="button" class="primary" part="accept" aria-describedby=${headingId} ?disabled=${busy} @click=${() => void this.accept(proposal)}>${this.t.accept}</button>
      <button type="button" class="secondary" part="decline" id=${`decline-button-${proposal.id}`} aria-describedby=${headingId} ?disabled=${busy} @click=${() => this.openDecline(proposal)}>
        ${this.t.decline}
      </button>
    </div>`;
  }

  private renderDecline(proposal: OwnProposal, busy: boolean): TemplateResult {
    const draft = this.declining!;
    const id = proposal.id;
    return html`<form id=${`decline-${id}`} class="decline" aria-label=${this.t.declineTitle} @submit=${(e: SubmitEvent) => void this.decline(e, proposal)}>
      <label for=${`reason-${id}`}>${this.t.declineReason}</label>
      <select
        id=${`reason-${id}`}
        name="reason"
        @change=${(e: Event) => {
          draft.reason = (e.target as HTMLSelectElement).value as DeclineReason | '';
        }}
      >
        <option value="">${this.t.declineReasonNone}</option>
        ${DECLINE_REASONS.map((r) => html`<option value=${r} ?selected=${draft.reason === r}>${this.t.declineReasons[r]}</option>`)}
      </select>
      <label for=${`decline-note-${id}`}>${this.t.declineNote}</label>
      <textarea
        id=${`decline-note-${id}`}
        name="note"
        maxlength="500"
        rows="2"
        .value=${draft.note}
        @input=${(e: Event) => {
          draft.note = (e.target as HTMLTextAreaElement).value;
        }}
      ></textarea>
      <div class="actions">
        <button type="submit" class="primary" part="confirm-decline" ?disabled=${busy}>${this.t.confirmDecline}</button>
        <button type="button" class="secondary" @click=${() => this.cancelDecline(proposal)}>${this.t.cancel}</button>
      </div>
    </form>`;
  }

  private renderContact(proposal: OwnProposal): TemplateResult {
    const contact = proposal.contact!;
    const t = this.t;
    const requester = contact.requester;
    return html`<div class="contact" part="contact">
      <h5>${t.contactTitle} : ${contact.firstNames} ${contact.lastName}</h5>
      <dl>
        ${contact.phone ? html`<dt>${t.phone}</dt><dd><a href=${telHref(contact.phone)}>${formatFrenchPhone(contact.phone)}</a></dd>` : nothing}
        ${contact.bestTimeToCall ? html`<dt>${t.bestTimeToCall}</dt><dd>${contact.bestTimeToCall}</dd>` : nothing}
        ${contact.email ? html`<dt>${t.email}</dt><dd>${contact.email}</dd>` : nothing} ${contact.address ? html`<dt>${t.address}</dt><dd>${contact.address}</dd>` : nothing}
        ${
          requester?.name || requester?.phone
            ? html`<dt>${t.requester}</dt><dd>${requester.name ?? ''} ${requester.phone ? html`<a href=${telHref(requester.phone)}>${formatFrenchPhone(requester.phone)}</a>` : nothing}</dd>`
            : nothing
        }
      </dl>
      ${
        proposal.consultedAt
          ? html`<p>${t.consulted(formatDate(proposal.consultedAt, this.host.langCode))}</p>`
          : html`<button type="button" part="first-consultation" ?disabled=${this.busy === proposal.id} @click=${() => void this.confirmConsultation(proposal)}>${t.firstConsultation}</button>`
      }
    </div>`;
  }

  private renderWaiting(people: WaitingPerson[]): TemplateResult {
    return html`<section class="proposals" part="waiting-people" aria-labelledby="waiting-title">
      <h3 id="waiting-title">${this.t.pickTitle}</h3>
      ${
        people.length === 0
          ? html`<p>${this.t.pickNone}</p>`
          : html`<ul class="cards">
            ${people.map((person) => {
              const headingId = `waiting-${person.id}`;
              return html`<li>
                <article class="card" aria-labelledby=${headingId}>
                  ${this.renderPerson(headingId, person, person.distanceKm)} ${this.renderMessage(person.id)}
                  ${
                    person.offered
                      ? this.messages.has(person.id)
                        ? nothing
                        : html`<p>${this.t.offered}</p>`
                      : html`<button type="button" class="primary" part="offer" aria-describedby=${headingId} ?disabled=${this.busy === person.id} @click=${() => void this.offer(person)}>${this.t.offer}</button>`
                  }
                </article>
              </li>`;
            })}
          </ul>`
      }
    </section>`;
  }
}
