import {adoptStyles, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import type {Territory} from '@cpts-kit/contract';
import {isCptsApiError} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {COMMENT_MAX, emptyValues, type FieldError, type IntakeFormValues} from './form-model.js';
import {onText, type FormView} from './form-fields.js';
import {failureNotice, phoneAlternative} from './form-outcomes.js';
import {commentField, consentSection, personSection, prioritySection, situationSection, whoSection} from './form-sections.js';
import type * as FormSend from './form-send.js';
import {styles} from './intake-form.styles.js';
import {intakeReplyStrings, intakeStrings, type IntakeFormStrings} from './intake-strings.js';
import type {Attempt, Phase} from './submission.js';

/** Remaining characters at which screen readers hear the count: not on every keystroke. */
const commentThresholds = [500, 200, 100, 50, 20, 0];

type SendingCode = typeof FormSend;
let sendingCode: Promise<SendingCode> | undefined;
/** The code sending loaded, once it has: what renders the error summary and the receipt. */
let sent: SendingCode | undefined;
/** What only sending needs (the contract's check, the SDK's call, what shows the outcome), fetched once; again after a failure. */
function loadSendingCode(): Promise<SendingCode> {
  sendingCode ??= import('./form-send.js').then(
    (code) => (sent = code),
    (error: unknown) => {
      sendingCode = undefined;
      throw error;
    },
  );
  return sendingCode;
}

/**
 * @summary The registration form for people who have no *médecin traitant*, filled by the person
 * or by someone helping them (a relative, a pharmacist, a mairie…). It always shows the CPTS's
 * phone number, for anyone who cannot finish online.
 *
 * Checks every answer against the contract before sending, puts each message by its field and in
 * an error summary, and sends once: a submission retried after a network fault carries the same
 * Idempotency-Key, so the server stores it once. Nothing typed is kept in the browser's storage.
 *
 * @fires cpts-submitted - The server stored the request. `reference` (and `detail.reference`) is
 *   its reference, e.g. `DEMO-2026-000123`.
 * @fires cpts-error - The territory could not be fetched, or a submission failed. `error` holds what
 *   the SDK threw.
 *
 * @csspart base - The wrapper.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems shown at the top after a submission with errors.
 * @csspart submit - The submit button.
 * @csspart receipt - What is shown once the request is stored (and what is printed).
 * @csspart status-link - The receipt's link to the status page, when `status-href` is set.
 */
export class CptsIntakeForm extends CptsElement {
  static override stringBundles = [intakeStrings];
  static override styles = [tokens, base, styles];

  private readonly territoryData: TerritoryController = new TerritoryController(this, (error) => this.fireError(error));
  private attempt: Attempt | undefined;
  // the flag, not the disabled button: Lit disables it on the next frame, after a double click's second event
  private sending = false;
  private lastAnnouncedThreshold: number | undefined;

  @state() private values: IntakeFormValues = emptyValues();
  @state() private errors: FieldError[] = [];
  /** Messages with no field of their own (a server error on an unknown path). */
  @state() private otherErrors = 0;
  @state() private showSummary = false;
  @state() private phase: Phase = {name: 'editing'};
  @state() private commentAnnouncement = '';
  /** The printable blank version is shown instead of the form (its module loaded on demand). */
  @state() private paper = false;

  /** The page with `<cpts-request-status>`: the receipt then links to it. */
  @property({attribute: 'status-href'}) statusHref?: string;

  private strings: {lang: string; t: IntakeFormStrings} | undefined;

  /** The form's strings; those of the replies (`intakeReplies`) are there once the sending code is, the only time they are read. */
  private get t(): IntakeFormStrings {
    const {intake, intakeReplies} = this.localize.strings;
    const key = `${this.localize.lang}|${intakeReplies ? 1 : 0}`;
    if (this.strings?.lang !== key) this.strings = {lang: key, t: {...intake, ...intakeReplies}};
    return this.strings.t;
  }

  /** What sending needs, in this element's language: the code, and the replies' strings. */
  private loadSending(): Promise<SendingCode> {
    return Promise.all([loadSendingCode(), this.localize.need(intakeReplyStrings)]).then(([code]) => code);
  }

  private get territoryReady(): Territory | undefined {
    const current = this.territoryData.state;
    return current?.status === 'ready' ? current.territory : undefined;
  }

  /**
   * What the section templates read, and their way to change an answer. Read through, not copied
   * at render: an event handler may run after another changed the answers, before the next render.
   */
  private readonly view: FormView = ((host) => ({
    get values() {
      return host.values;
    },
    get errors() {
      return host.errors;
    },
    set(key, value) {
      host.setValue(key, value);
    },
  }))(this);

  /** Clears every answer and forgets the submission, e.g. to register someone else. */
  reset(): void {
    this.values = emptyValues();
    this.errors = [];
    this.otherErrors = 0;
    this.showSummary = false;
    this.attempt = undefined;
    this.phase = {name: 'editing'};
    this.commentAnnouncement = '';
    this.lastAnnouncedThreshold = undefined;
  }

  private setValue<K extends keyof IntakeFormValues>(key: K, value: IntakeFormValues[K]): void {
    this.values = {...this.values, [key]: value};
  }

  private onComment = (event: Event) => {
    this.setValue('comment', (event.target as HTMLTextAreaElement).value);
    this.announceCommentThreshold();
  };

  private announceCommentThreshold(): void {
    const remaining = COMMENT_MAX - this.values.comment.length;
    const bucket = remaining < 0 ? -1 : commentThresholds.filter((limit) => remaining <= limit).at(-1);
    if (bucket === this.lastAnnouncedThreshold) return;
    this.lastAnnouncedThreshold = bucket;
    if (bucket === undefined) this.commentAnnouncement = '';
    else this.commentAnnouncement = remaining < 0 ? this.t.commentTooLong(-remaining) : this.t.commentRemaining(remaining);
  }

  /**
   * Fetches what sending needs (the contract's check, the SDK's call, the replies' strings) ahead of
   * time. The form does it itself when the person starts typing; a page that fills it in from script
   * can call it first.
   */
  preload(): Promise<void> {
    return this.loadSending().then(() => undefined);
  }

  /** The first answer typed starts fetching what sending needs, so it is there by the time the person sends. */
  private prefetchSendingCode = () => {
    // warms the caches only: the form's renders start waiting for the replies' strings when the
    // person sends (need()), so a download that fails here never holds or replaces the form
    if (sent && intakeReplyStrings.loaded.has(this.localize.lang)) return;
    loadSendingCode().catch(() => undefined);
    intakeReplyStrings.load(this.localize.lang).catch(() => undefined);
  };

  private onSubmit = (event: Event) => {
    event.preventDefault();
    void this.exclusively(() => this.checkAndSend());
  };

  private retry = () => {
    // no attempt yet: the failure came before the answers were checked (the sending code did not load)
    void this.exclusively(() => (this.attempt ? this.send(this.attempt) : this.checkAndSend()));
  };

  private async exclusively(action: () => Promise<void>): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      await action();
    } finally {
      this.sending = false;
    }
  }

  // synchronous up to the request when the territory and the sending code are in (the usual case:
  // they arrive while the person types), so the answers are checked in the click's own task
  private async checkAndSend(): Promise<void> {
    let territory = this.territoryReady;
    if (!territory) {
      // a person quicker than the network (or a script) may send before the territory has arrived:
      // the button shows « Envoi… » meanwhile, so the click is seen
      this.phase = {name: 'submitting'};
      const state = await this.territoryData.settled();
      if (state.status !== 'ready') {
        this.phase = {name: 'editing'};
        return;
      }
      territory = state.territory;
    }
    let code = sent;
    if (!code || this.localize.need(intakeReplyStrings)) {
      try {
        this.phase = {name: 'submitting'};
        code = await this.loadSending();
      } catch (error) {
        await this.showFailure(error);
        return;
      }
    }
    const {body, errors} = code.validate(this.values, territory.communes);
    if (!body) {
      this.phase = {name: 'editing'};
      this.errors = errors;
      this.otherErrors = 0;
      // not awaited: the person may fix an answer and send again while focus moves
      void this.focusSummary();
      return;
    }
    this.errors = [];
    this.otherErrors = 0;
    this.showSummary = false;
    this.attempt = code.attemptFor(body, this.attempt);
    await this.send(this.attempt);
  }

  private async showFailure(error: unknown): Promise<void> {
    this.fireError(error);
    this.phase = {name: 'failed', error};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#failure')?.focus();
  }

  private async send(attempt: Attempt): Promise<void> {
    this.phase = {name: 'submitting'};
    try {
      const client = this.requireClient();
      const {createIntakeRequest, CptsSubmittedEvent} = await loadSendingCode();
      const created = await createIntakeRequest(client, attempt.body, {idempotencyKey: attempt.key});
      const commune = this.territoryReady?.communes.find((c) => c.insee === attempt.body.person.communeInsee);
      this.phase = {
        name: 'submitted',
        reference: created.reference,
        at: new Date(),
        person: `${attempt.body.person.firstNames} ${attempt.body.person.lastName}`,
        commune: commune?.name ?? attempt.body.person.communeInsee,
      };
      // the answers are stored: nothing personal stays in the page but the receipt
      this.values = emptyValues();
      this.attempt = undefined;
      this.dispatchEvent(new CptsSubmittedEvent(created.reference));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
    } catch (error) {
      const fromServer = sent && isCptsApiError(error) && (error.status === 400 || error.status === 422) ? sent.serverFieldErrors(error) : undefined;
      if (fromServer) {
        this.fireError(error);
        this.errors = fromServer.errors;
        this.otherErrors = fromServer.other;
        this.phase = {name: 'editing'};
        await this.focusSummary();
      } else {
        await this.showFailure(error);
      }
    }
  }

  private async focusSummary(): Promise<void> {
    this.showSummary = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
  }

  // inside a shadow root `href="#id"` cannot reach the field: move focus ourselves
  private onSummaryClick = (event: Event) => {
    const link = (event.target as Element).closest('a');
    const id = link?.getAttribute('href')?.slice(1);
    if (!id) return;
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    target?.scrollIntoView({block: 'center'});
    target?.focus();
  };

  private pickCommune = (label: string): void => {
    this.setValue('commune', label);
    this.errors = this.errors.filter((error) => error.field !== 'person.communeInsee');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#commune')?.focus());
  };

  /** Loads the paper version's own chunk on first use: the online form's first download stays the same. */
  private openPaper = async (): Promise<void> => {
    try {
      await import('./paper-form.js');
    } catch (error) {
      this.fireError(error);
      return;
    }
    // the paper version prints the territory's notice and address: wait for them
    if ((await this.territoryData.settled()).status !== 'ready') return;
    this.paper = true;
    await this.updateComplete;
    await this.renderRoot.querySelector('cpts-intake-paper')?.focusTitle();
  };

  private closePaper = async (): Promise<void> => {
    this.paper = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#paper-open')?.focus();
  };

  private failureMessage(error: unknown): string {
    return sent && isCptsApiError(error) && error.status === 429 ? this.t.rateLimited(sent.retryAfterSeconds(error)) : this.errorMessage(error);
  }

  /** `territory` undefined: it is still on its way, and the form already takes answers. */
  private renderForm(territory: Territory | undefined): TemplateResult {
    const t = this.t;
    const view = this.view;
    const submitting = this.phase.name === 'submitting';
    const summary = sent && this.showSummary && (this.errors.length > 0 || this.otherErrors > 0) ? sent.errorSummary : undefined;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.prefetchSendingCode} @change=${this.prefetchSendingCode} aria-labelledby="title">
        ${summary ? summary(t, view, this.otherErrors, this.onSummaryClick) : nothing}
        <p class="hint">${t.requiredNote}</p>
        ${whoSection(t, view)} ${personSection(t, view, territory, this.pickCommune)} ${situationSection(t, view)} ${prioritySection(t, view)}
        ${commentField(t, view, this.commentAnnouncement, this.onComment)} ${consentSection(t, view, territory)}
        <div class="honeypot" aria-hidden="true">
          <label for="website">${t.honeypot}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this.values.website)} @input=${onText(view, 'website')} />
        </div>
        ${territory && this.phase.name === 'failed' ? failureNotice(t, territory, this.failureMessage(this.phase.error), this.localize.strings.retry, this.retry) : nothing}
        <button part="submit" class="button" type="submit" ?disabled=${submitting}>${t.submit}</button>
        <p role="status" class="status">${submitting ? t.sending : ''}</p>
      </form>
    `;
  }

  private repliesStyled = false;

  // the replies' styles come with the sending code: added to the element's own before it shows a reply
  protected override willUpdate(changed: Parameters<CptsElement['willUpdate']>[0]): void {
    super.willUpdate(changed);
    if (sent && !this.repliesStyled && this.renderRoot instanceof ShadowRoot) {
      // the class's own: a subclass may have added styles of its own
      adoptStyles(this.renderRoot, [...(this.constructor as typeof CptsIntakeForm).elementStyles, sent.replyStyles]);
      this.repliesStyled = true;
    }
  }

  override render() {
    const t = this.t;
    const current = this.territoryData.state;
    const territory = this.territoryReady;
    return html`
      <div part="base" lang=${this.localize.lang} aria-busy=${this.phase.name === 'submitting' ? 'true' : 'false'}>
        <h2 id="title" class="title">${t.title}</h2>
        ${current?.status === 'error' ? this.renderLoadError(current.error) : this.renderBody(territory)}
      </div>
    `;
  }

  // the form shows (and takes answers) while the territory loads: only its phone line, the
  // communes' list and the privacy notice wait for it
  private renderBody(territory: Territory | undefined): TemplateResult {
    const t = this.t;
    if (territory && sent && this.phase.name === 'submitted') return sent.receipt(t, territory, this.phase, this.localize.lang, () => this.reset(), this.statusHref);
    if (territory && this.paper) {
      return html`<cpts-intake-paper .territoryDetails=${territory} lang=${this.localize.lang} @cpts-paper-close=${this.closePaper}></cpts-intake-paper>`;
    }
    return html`<p class="intro">${t.intro}</p>
      ${phoneAlternative(t, territory)}
      <p><button type="button" class="link-button" id="paper-open" @click=${this.openPaper}>${t.paperVersion}</button></p>
      ${this.renderForm(territory)}`;
  }

  // the answers typed so far stay in the element: Retry brings the form back with them
  private renderLoadError(error: unknown): TemplateResult {
    return html`
      <div role="alert" class="failure">
        <p><strong>${this.t.loadError}</strong></p>
        <p>${this.errorMessage(error)}</p>
        ${
          this.territoryData.fromProvider
            ? nothing
            : html`<button type="button" class="button" @click=${() => this.territoryData.reload()}>${this.localize.strings.retry}</button>`
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-intake-form': CptsIntakeForm;
  }
}
