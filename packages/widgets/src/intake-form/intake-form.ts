import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import type {Territory} from '@cpts-kit/contract';
import {createIntakeRequest, isCptsApiError} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {COMMENT_MAX, emptyValues, validate, type FieldError, type IntakeFormValues} from './form-model.js';
import {errorSummary, onText, type FormView} from './form-fields.js';
import {failureNotice, phoneAlternative, receipt} from './form-outcomes.js';
import {commentField, consentSection, personSection, prioritySection, situationSection, whoSection} from './form-sections.js';
import {styles} from './intake-form.styles.js';
import {CptsSubmittedEvent} from './submitted-event.js';
import {intakeStrings, type IntakeFormStrings} from './intake-strings.js';
import {attemptFor, retryAfterSeconds, serverFieldErrors, type Attempt, type Phase} from './submission.js';

/** Remaining characters at which screen readers hear the count: not on every keystroke. */
const commentThresholds = [500, 200, 100, 50, 20, 0];

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

  private get t(): IntakeFormStrings {
    return this.localize.strings.intake;
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

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.sending) return;
    const territory = this.territoryReady;
    if (!territory) return;
    const {body, errors} = validate(this.values, territory.communes);
    if (!body) {
      this.errors = errors;
      this.otherErrors = 0;
      await this.focusSummary();
      return;
    }
    this.errors = [];
    this.otherErrors = 0;
    this.showSummary = false;
    this.attempt = attemptFor(body, this.attempt);
    await this.send(this.attempt);
  };

  private retry = async () => {
    if (this.attempt && !this.sending) await this.send(this.attempt);
  };

  private async send(attempt: Attempt): Promise<void> {
    this.sending = true;
    this.phase = {name: 'submitting'};
    try {
      const client = this.requireClient();
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
      this.fireError(error);
      const fromServer = isCptsApiError(error) && (error.status === 400 || error.status === 422) ? serverFieldErrors(error) : undefined;
      if (fromServer) {
        this.errors = fromServer.errors;
        this.otherErrors = fromServer.other;
        this.phase = {name: 'editing'};
        await this.focusSummary();
      } else {
        this.phase = {name: 'failed', error};
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#failure')?.focus();
      }
    } finally {
      this.sending = false;
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
    return isCptsApiError(error) && error.status === 429 ? this.t.rateLimited(retryAfterSeconds(error)) : this.errorMessage(error);
  }

  private renderForm(territory: Territory): TemplateResult {
    const t = this.t;
    const view = this.view;
    const submitting = this.phase.name === 'submitting';
    const summary = this.showSummary && (this.errors.length > 0 || this.otherErrors > 0);
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="title">
        ${summary ? errorSummary(t, view, this.otherErrors, this.onSummaryClick) : nothing}
        <p class="hint">${t.requiredNote}</p>
        ${whoSection(t, view)} ${personSection(t, view, territory, this.pickCommune)} ${situationSection(t, view)} ${prioritySection(t, view)}
        ${commentField(t, view, this.commentAnnouncement, this.onComment)} ${consentSection(t, view, territory)}
        <div class="honeypot" aria-hidden="true">
          <label for="website">${t.honeypot}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this.values.website)} @input=${onText(view, 'website')} />
        </div>
        ${this.phase.name === 'failed' ? failureNotice(t, territory, this.failureMessage(this.phase.error), this.localize.strings.retry, () => void this.retry()) : nothing}
        <button part="submit" class="button" type="submit" ?disabled=${submitting}>${t.submit}</button>
        <p role="status" class="status">${submitting ? t.sending : ''}</p>
      </form>
    `;
  }

  override render() {
    const t = this.t;
    const current = this.territoryData.state;
    const territory = this.territoryReady;
    const busy = !current || current.status === 'loading' || this.phase.name === 'submitting';
    return html`
      <div part="base" lang=${this.localize.lang} aria-busy=${busy ? 'true' : 'false'}>
        <h2 id="title" class="title">${t.title}</h2>
        ${!current || current.status === 'loading' ? html`<p class="status" role="status">${t.loading}</p>` : nothing}
        ${
          current?.status === 'error'
            ? html`
              <div role="alert" class="failure">
                <p><strong>${t.loadError}</strong></p>
                <p>${this.errorMessage(current.error)}</p>
                ${
                  this.territoryData.fromProvider
                    ? nothing
                    : html`<button type="button" class="button" @click=${() => this.territoryData.reload()}>${this.localize.strings.retry}</button>`
                }
              </div>
            `
            : nothing
        }
        ${
          territory
            ? this.phase.name === 'submitted'
              ? receipt(t, territory, this.phase, this.localize.lang, () => this.reset(), this.statusHref)
              : this.paper
                ? html`<cpts-intake-paper .territoryDetails=${territory} lang=${this.localize.lang} @cpts-paper-close=${this.closePaper}></cpts-intake-paper>`
                : html`<p class="intro">${t.intro}</p>
                ${phoneAlternative(t, territory)}
                <p><button type="button" class="link-button" id="paper-open" @click=${this.openPaper}>${t.paperVersion}</button></p>
                ${this.renderForm(territory)}`
            : nothing
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
