import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Match, MatchList, Proposal, WaitingRequest} from '@cpts-kit/contract';
import {confirmOffer, createProposals, isCptsApiError, listIntakeMatches, listIntakeProposals, withdrawProposal} from '@cpts-kit/sdk';
import {CoordinatorEditor} from '../coordinator/editor-base.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {MAX_CHOSEN, NOTE_MAX, refusalSentence, refusalsOf, type MatchField, type MatchProblem} from './matches-model.js';
import {renderMatchRow, renderProposals} from './matches-view.js';
import {waitingListStrings} from './waiting-list-strings.js';
import {waitingListStyles} from './waiting-list.styles.js';

/**
 * @summary The « Praticiens possibles » panel of one opened request: the practitioners who can
 * take the person, best first, with why (phrased here from the server's codes); those whose
 * declaration is stale or missing apart, to call first. The coordinator chooses one or more, adds
 * a note the practitioner reads before accepting, and proposes; the request's proposals are
 * listed with their status, a pending one can be withdrawn; a practitioner's offer to take the
 * person (territories with `practitionersMayPick`) is confirmed or declined here.
 *
 * A refusal (409: at quota, outside the declared scope…) proposes nothing: each reason is shown
 * by the practitioner it concerns.
 *
 * @fires cpts-proposals-changed - Proposals were made, withdrawn or confirmed: the request's history changed.
 * @fires cpts-error - A request failed for another reason than a refusal.
 *
 * @csspart base - The wrapper.
 * @csspart matches - The ranked practitioners.
 * @csspart apart - Those whose declaration is stale or missing.
 * @csspart proposals - The request's proposals.
 * @csspart error-summary - What to fix before proposing.
 */
export class CptsIntakeMatches extends CoordinatorEditor<MatchField, MatchProblem, Record<MatchField, string>> {
  static override stringBundles = [...CoordinatorEditor.stringBundles, waitingListStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, waitingListStyles];

  protected readonly idPrefix = 'im';
  protected readonly fieldOrder: readonly MatchField[] = ['chosen', 'note'];

  /** The request opened: another one (or a new version of it) reads the matches again. */
  @property({attribute: false}) request?: WaitingRequest;

  @state() private found: MatchList | undefined;
  @state() private proposals: Proposal[] = [];
  @state() private chosen: string[] = [];
  /** Refusal messages by practitioner id, from the last 409. */
  @state() private refusals: Record<string, string> = {};
  @state() private notice = '';
  /** The reading in flight: another request opened makes its answer moot. */
  private reading: AbortController | undefined;

  constructor() {
    super();
    this.values = {chosen: '', note: ''};
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reading?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('request') && !changed.has('client')) return;
    const before = changed.get('request');
    const now = this.request;
    if (!now) return;
    if (before?.id !== now.id) {
      this.found = undefined;
      this.proposals = [];
      this.chosen = [];
      this.refusals = {};
      this.values = {chosen: '', note: ''};
      this.errors = {};
      this.failure = undefined;
      this.notice = '';
    }
    if (before?.id !== now.id || before.version !== now.version || changed.has('client')) void this.read(now.id);
  }

  protected label(field: MatchField): string {
    const m = this.localize.strings.waitingList.matches;
    return field === 'note' ? m.note : m.choose;
  }

  protected override hint(field: MatchField): string | undefined {
    return field === 'note' ? this.localize.strings.waitingList.matches.noteHint : undefined;
  }

  protected message(_field: MatchField, problem: MatchProblem): string {
    const m = this.localize.strings.waitingList.matches;
    const messages: Record<MatchProblem, string> = {none_chosen: m.noneChosen, too_many: m.tooMany, too_long: m.tooLong};
    return messages[problem];
  }

  /** Reads the matches and the proposals of request `id`. */
  private async read(id: string): Promise<void> {
    const client = this.resolveClient();
    if (!client) return;
    this.reading?.abort();
    const abort = new AbortController();
    this.reading = abort;
    try {
      const [matches, proposals] = await Promise.all([
        listIntakeMatches(client, id, undefined, {signal: abort.signal}),
        listIntakeProposals(client, id, {signal: abort.signal}),
      ]);
      this.found = matches;
      this.proposals = proposals.items;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = this.errorMessage(error);
      this.fireError(error);
    }
  }

  private toggle(id: string, checked: boolean): void {
    this.chosen = checked ? [...this.chosen.filter((c) => c !== id), id] : this.chosen.filter((c) => c !== id);
    const {[id]: _dropped, ...others} = this.refusals;
    this.refusals = others;
  }

  private check(): boolean {
    const errors: Partial<Record<MatchField, MatchProblem>> = {};
    if (this.chosen.length === 0) errors.chosen = 'none_chosen';
    else if (this.chosen.length > MAX_CHOSEN) errors.chosen = 'too_many';
    if (this.values.note.trim().length > NOTE_MAX) errors.note = 'too_long';
    this.showErrors(errors);
    return Object.keys(errors).length === 0;
  }

  private async propose(event: Event): Promise<void> {
    event.preventDefault();
    const request = this.request;
    if (!request || this.saving || !this.check()) return;
    const m = this.localize.strings.waitingList.matches;
    const chosen = [...this.chosen];
    const note = this.values.note.trim();
    this.refusals = {};
    this.notice = '';
    this.failure = undefined;
    this.saving = true;
    try {
      await createProposals(this.requireClient(), request.id, {practitionerIds: chosen, ...(note ? {note} : {})});
      this.chosen = [];
      this.values = {chosen: '', note: ''};
      this.notice = m.proposed(chosen.length);
      this.changed();
    } catch (error) {
      if (isCptsApiError(error) && error.status === 409) {
        this.refusals = refusalsOf(error.code, error.fieldErrors, chosen, m.refusals);
        // a refusal about the request itself (closed, already taken) concerns nobody in particular
        this.failure = Object.keys(this.refusals).length > 0 ? m.refused : (m.refusals[error.code] ?? error.problem.detail ?? error.problem.title);
      } else {
        this.failure = this.errorMessage(error);
        this.fireError(error);
      }
    } finally {
      this.saving = false;
    }
  }

  /** Withdraws a pending proposal, or declines a practitioner's offer: the request stays open either way. */
  private withdraw(proposal: Proposal): Promise<void> {
    const m = this.localize.strings.waitingList.matches;
    const name = proposal.practitioner.displayName;
    return this.answer(() => withdrawProposal(this.requireClient(), proposal.id), name, proposal.status === 'offered' ? m.offerDeclined(name) : m.withdrawn(name));
  }

  /** Confirms a practitioner's offer: it counts as their acceptance, and the request is oriented. */
  private confirm(proposal: Proposal): Promise<void> {
    const name = proposal.practitioner.displayName;
    return this.answer(() => confirmOffer(this.requireClient(), proposal.id), name, this.localize.strings.waitingList.matches.offerConfirmed(name));
  }

  private async answer(send: () => Promise<Proposal>, name: string, done: string): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.failure = undefined;
    this.notice = '';
    try {
      await send();
      this.notice = done;
      this.changed();
      // its buttons are gone: focus stays near, on the proposals' heading
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#im-proposals')?.focus());
    } catch (error) {
      const m = this.localize.strings.waitingList.matches;
      // a refusal (taken meanwhile, at quota, closed) changed nothing: say why and show what is true now
      if (isCptsApiError(error) && error.status === 409) {
        const words = m.refusals[error.code];
        this.failure = words ? refusalSentence(error.code, words, name) : (error.problem.detail ?? error.problem.title);
        const id = this.request?.id;
        if (id) void this.read(id);
      } else {
        this.failure = this.errorMessage(error);
        this.fireError(error);
      }
    } finally {
      this.saving = false;
    }
  }

  /** The parent reads the request again (its history); the new version reads the matches again. */
  private changed(): void {
    this.dispatchEvent(new CustomEvent('cpts-proposals-changed', {bubbles: true, composed: true}));
    const id = this.request?.id;
    if (id) void this.read(id);
  }

  private row(match: Match): TemplateResult {
    return renderMatchRow({
      t: this.localize.strings,
      match,
      checked: this.chosen.includes(match.practitioner.id),
      refusal: this.refusals[match.practitioner.id],
      invalid: this.errors.chosen !== undefined,
      toggle: (checked) => this.toggle(match.practitioner.id, checked),
    });
  }

  private renderMatches(list: MatchList): TemplateResult {
    const m = this.localize.strings.waitingList.matches;
    const error = this.errors.chosen === undefined ? undefined : this.message('chosen', this.errors.chosen);
    return html`<form novalidate @submit=${this.propose}>
      <fieldset id="im-chosen" tabindex="-1" aria-describedby=${error ? 'im-chosen-error' : nothing}>
        <legend>${m.choose}</legend>
        ${error ? html`<p class="field-error" id="im-chosen-error"><span class="visually-hidden">${this.localize.strings.coordinator.errorPrefix} </span>${error}</p>` : nothing}
        ${list.items.length === 0 ? html`<p>${m.none}</p>` : html`<ol class="matches" part="matches">${list.items.map((x) => this.row(x))}</ol>`}
        ${
          list.apart.length === 0
            ? nothing
            : html`<h5 id="im-apart">${m.apartHeading}</h5><p class="muted">${m.apartIntro}</p>
              <ul class="matches apart" part="apart" aria-labelledby="im-apart">${list.apart.map((x) => this.row(x))}</ul>`
        }
      </fieldset>
      ${this.textField('note', {multiline: true})}
      <div class="actions"><button type="submit" id="im-propose" ?disabled=${this.saving}>${this.saving ? m.proposing : m.propose}</button></div>
    </form>`;
  }

  override render() {
    const m = this.localize.strings.waitingList.matches;
    const list = this.found;
    return html`<section part="base" class="panel matches-panel" aria-labelledby="im-heading">
      <h4 id="im-heading" tabindex="-1">${m.heading}</h4>
      <p class="muted">${m.intro}</p>
      <p class="notice" role="status">${this.notice}</p>
      ${this.renderSummary()} ${this.renderFailure()}
      ${list ? this.renderMatches(list) : html`<p>${m.loading}</p>`}
      ${renderProposals({t: this.localize.strings, lang: this.localize.lang, proposals: this.proposals, busy: this.saving, withdraw: (p) => void this.withdraw(p), confirm: (p) => void this.confirm(p)})}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-intake-matches': CptsIntakeMatches;
  }
}
