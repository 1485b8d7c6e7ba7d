import {html, nothing, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {IntakeReason, RequesterKind, type IntakeRequestCreate, type Territory, type Tristate} from '@cpts-kit/contract';
import {createIntakeRequest, isCptsApiError, newIdempotencyKey, type CptsApiError} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {
  agePriority,
  COMMENT_MAX,
  communeLabel,
  emptyValues,
  errorKindOf,
  isFieldKey,
  matchCommune,
  priorityQuestions,
  validate,
  type FieldError,
  type FieldKey,
  type IntakeFormValues,
  type PriorityQuestion,
} from './form-model.js';
import {styles} from './intake-form.styles.js';
import {CptsSubmittedEvent} from './submitted-event.js';
import {intakeStrings, type IntakeFormStrings} from './intake-strings.js';

type Phase =
  | {name: 'editing'}
  | {name: 'submitting'}
  | {name: 'failed'; error: unknown}
  | {name: 'submitted'; reference: string; at: Date; person: string; commune: string};

/** One submission: the key goes with the exact body it was first sent with. */
interface Attempt {
  key: string;
  json: string;
  body: IntakeRequestCreate;
}

/** The element each field's messages point at (the first control of a group). */
const fieldIds: Record<FieldKey, string> = {
  'requester.kind': 'requester-kind-self',
  'requester.name': 'requester-name',
  'requester.phone': 'requester-phone',
  'requester.organisation': 'requester-organisation',
  'person.lastName': 'last-name',
  'person.firstNames': 'first-names',
  'person.birthDate': 'birth-day',
  'person.phone': 'phone',
  'person.email': 'email',
  'person.bestTimeToCall': 'best-time',
  'person.communeInsee': 'commune',
  'person.address': 'address',
  'situation.reason': 'reason-gp_retired',
  'situation.reasonOther': 'reason-other-text',
  'situation.since': 'since-month',
  comment: 'comment',
  consent: 'consent',
};

const tristates: Tristate[] = ['yes', 'no', 'unknown'];

/** Remaining characters at which screen readers hear the count: not on every keystroke. */
const commentThresholds = [500, 200, 100, 50, 20, 0];

interface TextFieldOptions {
  field: FieldKey;
  label: string;
  value: keyof IntakeFormValues;
  hint?: string;
  optional?: boolean;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: 'tel' | 'email' | 'numeric' | 'text';
  maxlength?: number;
  wide?: boolean;
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
 */
export class CptsIntakeForm extends CptsElement {
  static override stringBundles = [intakeStrings];
  static override styles = [tokens, base, styles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error));
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

  private get t(): IntakeFormStrings {
    return this.localize.strings.intake;
  }

  private get territoryReady(): Territory | undefined {
    const current = this.territoryData.state;
    return current?.status === 'ready' ? current.territory : undefined;
  }

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

  private errorFor(field: FieldKey): FieldError | undefined {
    return this.errors.find((error) => error.field === field);
  }

  private messageFor(error: FieldError): string {
    const messages = this.t.errors[error.field];
    return messages[error.kind] ?? messages.default;
  }

  private set<K extends keyof IntakeFormValues>(key: K, value: IntakeFormValues[K]): void {
    this.values = {...this.values, [key]: value};
  }

  private onText(key: keyof IntakeFormValues) {
    return (event: Event) => this.set(key, (event.target as HTMLInputElement).value as never);
  }

  private onComment = (event: Event) => {
    this.set('comment', (event.target as HTMLTextAreaElement).value);
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
    const json = JSON.stringify(body);
    // the same answers reuse the key, so a retry after a lost answer is stored once; changed
    // answers are another submission (the server would refuse them under the first key)
    if (this.attempt?.json !== json) this.attempt = {key: newIdempotencyKey(), json, body};
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
      if (isCptsApiError(error) && (error.status === 400 || error.status === 422) && this.showServerFieldErrors(error)) {
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

  /** Puts the server's field errors by their fields; false when it sent none. */
  private showServerFieldErrors(error: CptsApiError): boolean {
    const fieldErrors = error.fieldErrors.filter((fieldError) => fieldError.path !== 'Idempotency-Key');
    if (fieldErrors.length === 0) return false;
    const errors: FieldError[] = [];
    let other = 0;
    for (const fieldError of fieldErrors) {
      const path = fieldError.path.replace(/^body\./, '');
      if (isFieldKey(path)) {
        if (!errors.some((known) => known.field === path)) errors.push({field: path, kind: errorKindOf(path, fieldError.code)});
      } else {
        other += 1;
      }
    }
    this.errors = errors;
    this.otherErrors = other;
    return true;
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

  private pickCommune(label: string): void {
    this.set('commune', label);
    this.errors = this.errors.filter((error) => error.field !== 'person.communeInsee');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#commune')?.focus());
  }

  // ---- rendering -------------------------------------------------------------------------

  private describedBy(id: string, hint: boolean, error: FieldError | undefined, extra?: string): string | undefined {
    const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  }

  private renderError(id: string, error: FieldError | undefined, more?: TemplateResult): TemplateResult | typeof nothing {
    if (!error) return nothing;
    return html`<p class="error-message" id=${`${id}-error`}><span class="visually-hidden">${this.t.errorPrefix}</span> ${this.messageFor(error)}${more ?? nothing}</p>`;
  }

  private label(text: string, optional = false): TemplateResult {
    return html`${text}${optional ? html` <span class="optional">${this.t.optional}</span>` : nothing}`;
  }

  private textField(options: TextFieldOptions): TemplateResult {
    const id = fieldIds[options.field];
    const error = this.errorFor(options.field);
    return html`
      <div class="field ${error ? 'field--error' : ''}">
        <label for=${id}>${this.label(options.label, options.optional)}</label>
        ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing} ${this.renderError(id, error)}
        <input
          id=${id}
          class=${options.wide === false ? 'narrow' : ''}
          type=${options.type ?? 'text'}
          .value=${live(this.values[options.value] as string)}
          @input=${this.onText(options.value)}
          autocomplete=${ifDefined(options.autocomplete)}
          inputmode=${ifDefined(options.inputmode)}
          maxlength=${ifDefined(options.maxlength)}
          spellcheck="false"
          aria-describedby=${ifDefined(this.describedBy(id, Boolean(options.hint), error))}
          aria-invalid=${error ? 'true' : 'false'}
        />
      </div>
    `;
  }

  private dateFields(options: {
    field: FieldKey;
    legend: string;
    hint: string;
    prefix: string;
    parts: Array<{id: string; key: keyof IntakeFormValues; label: string; autocomplete?: string; size: 'day' | 'year'; max: number}>;
    optional?: boolean;
    after?: TemplateResult;
  }): TemplateResult {
    const error = this.errorFor(options.field);
    const groupId = `${options.prefix}-group`;
    return html`
      <fieldset class="field ${error ? 'field--error' : ''}" aria-describedby=${ifDefined(this.describedBy(groupId, true, error))}>
        <legend>${this.label(options.legend, options.optional)}</legend>
        <p class="hint" id=${`${groupId}-hint`}>${options.hint}</p>
        ${this.renderError(groupId, error)}
        <div class="date">
          ${options.parts.map(
            (part) => html`
              <div class="date-part">
                <label for=${part.id}>${part.label}</label>
                <input
                  id=${part.id}
                  class=${part.size}
                  type="text"
                  inputmode="numeric"
                  maxlength=${part.max}
                  autocomplete=${ifDefined(part.autocomplete)}
                  .value=${live(this.values[part.key] as string)}
                  @input=${this.onText(part.key)}
                  aria-invalid=${error ? 'true' : 'false'}
                />
              </div>
            `,
          )}
        </div>
        ${options.after ?? nothing}
      </fieldset>
    `;
  }

  private radioGroup<V extends string>(options: {
    name: string;
    legend: string;
    hint?: string;
    choices: readonly V[];
    labelOf: (value: V) => string;
    value: V | '';
    onPick: (value: V) => void;
    field?: FieldKey;
    inline?: boolean;
  }): TemplateResult {
    const error = options.field ? this.errorFor(options.field) : undefined;
    const groupId = `${options.name}-group`;
    return html`
      <fieldset class="field ${error ? 'field--error' : ''}" aria-describedby=${ifDefined(this.describedBy(groupId, Boolean(options.hint), error))}>
        <legend>${options.legend}</legend>
        ${options.hint ? html`<p class="hint" id=${`${groupId}-hint`}>${options.hint}</p>` : nothing} ${this.renderError(groupId, error)}
        <div class=${options.inline ? 'choices choices--inline' : 'choices'}>
          ${options.choices.map(
            (choice) => html`
              <div class="choice">
                <input
                  type="radio"
                  id=${`${options.name}-${choice}`}
                  name=${options.name}
                  .checked=${live(options.value === choice)}
                  @change=${() => options.onPick(choice)}
                />
                <label for=${`${options.name}-${choice}`}>${options.labelOf(choice)}</label>
              </div>
            `,
          )}
        </div>
      </fieldset>
    `;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    if (!this.showSummary || (this.errors.length === 0 && this.otherErrors === 0)) return nothing;
    return html`
      <div part="error-summary" class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">${this.t.errorSummaryTitle}</h2>
        <ul @click=${this.onSummaryClick}>
          ${this.errors.map((error) => html`<li><a href=${`#${fieldIds[error.field]}`}>${this.messageFor(error)}</a></li>`)}
          ${this.otherErrors ? html`<li>${this.t.otherError}</li>` : nothing}
        </ul>
      </div>
    `;
  }

  private renderWho(): TemplateResult {
    const t = this.t;
    const helped = this.values.requesterKind !== '' && this.values.requesterKind !== 'self';
    return html`
      ${this.radioGroup({
        name: 'requester-kind',
        legend: t.whoLegend,
        choices: RequesterKind.options,
        labelOf: (kind) => t.whoKinds[kind],
        value: this.values.requesterKind,
        onPick: (kind) => this.set('requesterKind', kind),
        field: 'requester.kind',
      })}
      ${helped
        ? html`
            <fieldset class="section">
              <legend class="section-title">${t.helperLegend}</legend>
              ${this.textField({field: 'requester.name', label: t.helperName, value: 'requesterName', autocomplete: 'name', maxlength: 120})}
              ${this.textField({
                field: 'requester.phone',
                label: t.helperPhone,
                hint: t.helperPhoneHint,
                value: 'requesterPhone',
                type: 'tel',
                autocomplete: 'tel',
                inputmode: 'tel',
                wide: false,
              })}
              ${this.textField({
                field: 'requester.organisation',
                label: t.helperOrganisation,
                value: 'requesterOrganisation',
                optional: true,
                autocomplete: 'organization',
                maxlength: 160,
              })}
            </fieldset>
          `
        : nothing}
    `;
  }

  private renderCommune(territory: Territory): TemplateResult {
    const t = this.t;
    const id = fieldIds['person.communeInsee'];
    const error = this.errorFor('person.communeInsee');
    const match = matchCommune(this.values.commune, territory.communes);
    const phone = formatFrenchPhone(territory.phone);
    const choices =
      match.status === 'several'
        ? html`
            <div class="commune-choices" id="commune-choices">
              <p>${t.communeSeveral}</p>
              <ul>
                ${match.communes.map(
                  (commune) => html`<li><button type="button" class="link-button" @click=${() => this.pickCommune(communeLabel(commune))}>${t.communePick(communeLabel(commune))}</button></li>`,
                )}
              </ul>
            </div>
          `
        : nothing;
    // said as soon as the box is left, not only on submit: the person can call rather than finish
    const outside =
      match.status === 'outside' && !error
        ? html`<p class="warning" id="commune-outside">${t.errors['person.communeInsee'].notInTerritory}. ${t.communeOutsideCall(phone)}</p>`
        : nothing;
    const callLine = html` <a href=${telHref(territory.phone)}>${t.communeOutsideCall(phone)}</a>`;
    return html`
      <div class="field ${error ? 'field--error' : ''}">
        <label for=${id}>${t.commune}</label>
        <p class="hint" id=${`${id}-hint`}>${t.communeHint}</p>
        ${this.renderError(id, error, error?.kind === 'notInTerritory' ? callLine : undefined)}
        <input
          id=${id}
          type="text"
          list="commune-list"
          autocomplete="off"
          .value=${live(this.values.commune)}
          @change=${this.onText('commune')}
          @input=${this.onText('commune')}
          aria-describedby=${ifDefined(this.describedBy(id, true, error, match.status === 'outside' && !error ? 'commune-outside' : undefined))}
          aria-invalid=${error ? 'true' : 'false'}
        />
        <datalist id="commune-list">
          ${territory.communes.map((commune) => html`<option value=${communeLabel(commune)}></option>`)}
        </datalist>
        <div aria-live="polite">${outside}</div>
        ${choices}
      </div>
    `;
  }

  private renderPerson(territory: Territory): TemplateResult {
    const t = this.t;
    const helped = this.values.requesterKind !== '' && this.values.requesterKind !== 'self';
    const priority = agePriority(this.values);
    return html`
      <fieldset class="section">
        <legend class="section-title">${helped ? t.personLegendHelped : t.personLegend}</legend>
        ${this.textField({field: 'person.lastName', label: t.lastName, value: 'lastName', autocomplete: helped ? 'off' : 'family-name', maxlength: 100})}
        ${this.textField({field: 'person.firstNames', label: t.firstNames, value: 'firstNames', autocomplete: helped ? 'off' : 'given-name', maxlength: 150})}
        ${this.dateFields({
          field: 'person.birthDate',
          legend: t.birthDate,
          hint: t.birthDateHint,
          prefix: 'birth',
          parts: [
            {id: 'birth-day', key: 'birthDay', label: t.day, autocomplete: helped ? 'off' : 'bday-day', size: 'day', max: 2},
            {id: 'birth-month', key: 'birthMonth', label: t.month, autocomplete: helped ? 'off' : 'bday-month', size: 'day', max: 2},
            {id: 'birth-year', key: 'birthYear', label: t.year, autocomplete: helped ? 'off' : 'bday-year', size: 'year', max: 4},
          ],
          after: html`<p class="priority-note" aria-live="polite">${priority ? html`<strong>${t.agePriority[priority]}</strong>` : nothing}</p>`,
        })}
        ${this.textField({field: 'person.phone', label: t.phone, hint: t.phoneHint, value: 'phone', type: 'tel', autocomplete: helped ? 'off' : 'tel', inputmode: 'tel', wide: false})}
        ${this.textField({field: 'person.email', label: t.email, hint: t.emailHint, value: 'email', type: 'email', autocomplete: helped ? 'off' : 'email', inputmode: 'email', optional: true})}
        ${this.textField({
          field: 'person.bestTimeToCall',
          label: t.bestTimeToCall,
          hint: t.bestTimeToCallHint,
          value: 'bestTimeToCall',
          optional: true,
          maxlength: 200,
        })}
        ${this.renderCommune(territory)}
        ${this.textField({field: 'person.address', label: t.address, value: 'address', optional: true, autocomplete: helped ? 'off' : 'street-address', maxlength: 300})}
      </fieldset>
    `;
  }

  private renderSituation(): TemplateResult {
    const t = this.t;
    return html`
      <fieldset class="section">
        <legend class="section-title">${t.situationLegend}</legend>
        ${this.radioGroup({
          name: 'reason',
          legend: t.reason,
          choices: IntakeReason.options,
          labelOf: (reason) => t.reasons[reason],
          value: this.values.reason,
          onPick: (reason) => this.set('reason', reason),
          field: 'situation.reason',
        })}
        ${this.values.reason === 'other'
          ? this.textField({field: 'situation.reasonOther', label: t.reasonOther, value: 'reasonOther', maxlength: 300})
          : nothing}
        ${this.dateFields({
          field: 'situation.since',
          legend: t.since,
          hint: t.sinceHint,
          prefix: 'since',
          optional: true,
          parts: [
            {id: 'since-month', key: 'sinceMonth', label: t.month, size: 'day', max: 2},
            {id: 'since-year', key: 'sinceYear', label: t.year, size: 'year', max: 4},
          ],
        })}
      </fieldset>
    `;
  }

  private renderPriority(): TemplateResult {
    const t = this.t;
    return html`
      <fieldset class="section" aria-describedby="priority-hint">
        <legend class="section-title">${t.priorityLegend}</legend>
        <p class="hint" id="priority-hint">${t.priorityHint}</p>
        ${priorityQuestions.map((question: PriorityQuestion) =>
          this.radioGroup({
            name: `priority-${question}`,
            legend: t.priorityQuestions[question],
            choices: tristates,
            labelOf: (answer) => t.tristate[answer],
            value: this.values.priority[question],
            onPick: (answer) => this.set('priority', {...this.values.priority, [question]: answer}),
            inline: true,
          }),
        )}
      </fieldset>
    `;
  }

  private renderComment(): TemplateResult {
    const t = this.t;
    const error = this.errorFor('comment');
    const remaining = COMMENT_MAX - this.values.comment.length;
    return html`
      <div class="field ${error ? 'field--error' : ''}">
        <label for="comment">${this.label(t.comment, true)}</label>
        <p class="hint" id="comment-hint">${t.commentHint}</p>
        ${this.renderError('comment', error)}
        <textarea
          id="comment"
          rows="4"
          .value=${live(this.values.comment)}
          @input=${this.onComment}
          aria-describedby=${ifDefined(this.describedBy('comment', true, error, 'comment-count'))}
          aria-invalid=${error || remaining < 0 ? 'true' : 'false'}
        ></textarea>
        <p id="comment-count" class=${remaining < 0 ? 'count count--over' : 'count'}>
          ${remaining < 0 ? t.commentTooLong(-remaining) : t.commentRemaining(remaining)}
        </p>
        <p class="visually-hidden" aria-live="polite">${this.commentAnnouncement}</p>
      </div>
    `;
  }

  private renderConsent(territory: Territory): TemplateResult {
    const t = this.t;
    const error = this.errorFor('consent');
    return html`
      <fieldset class="section">
        <legend class="section-title">${t.consentLegend}</legend>
        <p class="privacy">${territory.privacyNotice.summary}</p>
        ${territory.privacyNotice.url
          ? html`<p><a href=${territory.privacyNotice.url} target="_blank" rel="noopener noreferrer">${t.privacyLink}</a></p>`
          : nothing}
        <div class="field ${error ? 'field--error' : ''}">
          ${this.renderError('consent', error)}
          <div class="choice">
            <input
              type="checkbox"
              id="consent"
              .checked=${live(this.values.consent)}
              @change=${(event: Event) => this.set('consent', (event.target as HTMLInputElement).checked)}
              aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
              aria-invalid=${error ? 'true' : 'false'}
            />
            <label for="consent">${t.consent}</label>
          </div>
        </div>
      </fieldset>
    `;
  }

  private renderPhoneAlternative(territory: Territory): TemplateResult {
    const phone = formatFrenchPhone(territory.phone);
    return html`
      <div class="alternative">
        <p>${this.t.nextSteps}</p>
        <p><a class="phone" href=${telHref(territory.phone)}>${this.t.byPhone(phone)}</a></p>
      </div>
    `;
  }

  private renderFailure(territory: Territory, error: unknown): TemplateResult {
    const t = this.t;
    const message =
      isCptsApiError(error) && error.status === 429 ? t.rateLimited(retryAfterSeconds(error)) : this.errorMessage(error);
    return html`
      <div class="failure" id="failure" tabindex="-1" role="alert">
        <p><strong>${t.failedTitle}</strong></p>
        <p>${message}</p>
        <p>${t.failedKept}</p>
        <p><a href=${telHref(territory.phone)}>${t.call(formatFrenchPhone(territory.phone))}</a></p>
        <button type="button" class="button" @click=${this.retry}>${this.localize.strings.retry}</button>
      </div>
    `;
  }

  private renderForm(territory: Territory): TemplateResult {
    const t = this.t;
    const submitting = this.phase.name === 'submitting';
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="title">
        ${this.renderSummary()}
        <p class="hint">${t.requiredNote}</p>
        ${this.renderWho()} ${this.renderPerson(territory)} ${this.renderSituation()} ${this.renderPriority()} ${this.renderComment()}
        ${this.renderConsent(territory)}
        <div class="honeypot" aria-hidden="true">
          <label for="website">${t.honeypot}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this.values.website)} @input=${this.onText('website')} />
        </div>
        ${this.phase.name === 'failed' ? this.renderFailure(territory, this.phase.error) : nothing}
        <button part="submit" class="button" type="submit" ?disabled=${submitting}>${t.submit}</button>
        <p role="status" class="status">${submitting ? t.sending : ''}</p>
      </form>
    `;
  }

  private renderReceipt(territory: Territory, phase: Extract<Phase, {name: 'submitted'}>): TemplateResult {
    const t = this.t;
    const phone = formatFrenchPhone(territory.phone);
    const date = new Intl.DateTimeFormat(this.localize.lang === 'en' ? 'en-GB' : 'fr-FR', {dateStyle: 'long'}).format(phase.at);
    return html`
      <section part="receipt" class="receipt" aria-labelledby="receipt-title">
        <h3 id="receipt-title" tabindex="-1">${t.successTitle}</h3>
        <p class="territory-name">${territory.name}</p>
        <dl>
          <dt>${t.reference}</dt>
          <dd class="reference">${phase.reference}</dd>
          <dt>${t.receiptDate}</dt>
          <dd>${date}</dd>
          <dt>${t.receiptName}</dt>
          <dd class="receipt-name">${phase.person}</dd>
          <dt>${t.receiptCommune}</dt>
          <dd>${phase.commune}</dd>
        </dl>
        <p>${t.nextSteps}</p>
        <p><a class="phone" href=${telHref(territory.phone)}>${t.call(phone)}</a></p>
        <div class="actions">
          <button type="button" class="button" @click=${() => window.print()}>${t.print}</button>
          <button type="button" class="button button--secondary" @click=${() => this.reset()}>${t.another}</button>
        </div>
      </section>
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
        ${current?.status === 'error'
          ? html`
              <div role="alert" class="failure">
                <p><strong>${t.loadError}</strong></p>
                <p>${this.errorMessage(current.error)}</p>
                ${this.territoryData.fromProvider
                  ? nothing
                  : html`<button type="button" class="button" @click=${() => this.territoryData.reload()}>${this.localize.strings.retry}</button>`}
              </div>
            `
          : nothing}
        ${territory
          ? this.phase.name === 'submitted'
            ? this.renderReceipt(territory, this.phase)
            : html`<p class="intro">${t.intro}</p>
                ${this.renderPhoneAlternative(territory)} ${this.renderForm(territory)}`
          : nothing}
      </div>
    `;
  }
}

/** Seconds to wait after a 429: the `Retry-After` header, else the problem's `retryAfter`. */
function retryAfterSeconds(error: CptsApiError): number | undefined {
  const response = (error.cause as {response?: Response} | undefined)?.response;
  const header = response?.headers.get('retry-after');
  const fromHeader = header && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
  const fromProblem = (error.problem as {retryAfter?: unknown}).retryAfter;
  const seconds = fromHeader ?? (typeof fromProblem === 'number' ? fromProblem : undefined);
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds));
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-intake-form': CptsIntakeForm;
  }
}
