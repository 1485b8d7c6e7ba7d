import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {IntakeReason, RequesterKind, type AssistedIntakeCreate, type Commune, type IntakeRequestCreated} from '@cpts-kit/contract';
import {createAssistedIntakeRequest} from '@cpts-kit/sdk';
import {CoordinatorEditor} from '../coordinator/editor-base.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {attemptFor, type Attempt} from '../internal/attempt.js';
import type {FieldProblem} from '../internal/field-problems.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {ASSISTED_FIELDS, PRIORITY_FIELDS, assistedErrorsOfServer, checkAssisted, emptyAssisted, type AssistedField, type AssistedValues} from './assisted-model.js';
import {CptsIntakeRegisteredEvent} from './waiting-list-events.js';
import {waitingListStrings} from './waiting-list-strings.js';
import {waitingListStyles} from './waiting-list.styles.js';

const DATE_FIELDS: ReadonlySet<AssistedField> = new Set(['receivedOn', 'birthDate', 'since']);

/**
 * @summary A coordinator registers a person who called the CPTS or sent the paper form: the
 * public form's fields and rules (the contract's), the channel and the day the request came.
 *
 * Stored exactly once: a retry after a lost answer reuses the idempotency key of the same answers.
 * Needs a coordinator's client (`client`, or a provider's).
 *
 * @fires cpts-intake-registered - The request was stored; `detail` is `{id, reference, status}`.
 * @fires cpts-register-cancel - The coordinator left the form without saving.
 * @fires cpts-error - Saving failed for another reason than a field error.
 *
 * @csspart base - The form.
 * @csspart error-summary - The list of errors shown after a refused save.
 */
export class CptsAssistedIntake extends CoordinatorEditor<AssistedField, FieldProblem, AssistedValues> {
  static override stringBundles = [...CoordinatorEditor.stringBundles, waitingListStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, waitingListStyles];

  protected readonly idPrefix = 'ai';
  protected readonly fieldOrder = ASSISTED_FIELDS;
  private attempt: Attempt<AssistedIntakeCreate> | undefined;

  /** The territory's communes, for the commune list. */
  @property({attribute: false}) communes: Commune[] = [];

  constructor() {
    super();
    this.values = emptyAssisted();
  }

  protected label(field: AssistedField): string {
    return this.localize.strings.waitingList.fields[field];
  }

  protected override hint(field: AssistedField): string | undefined {
    return DATE_FIELDS.has(field) ? this.localize.strings.waitingList.dateHint : undefined;
  }

  protected message(field: AssistedField, problem: FieldProblem): string {
    const w = this.localize.strings.waitingList;
    if (problem === 'too_long') return w.tooLong(this.label(field));
    if (problem === 'required') return w.requiredMessages[field] ?? w.invalidMessages[field] ?? w.invalidField(this.label(field));
    return w.invalidMessages[field] ?? w.invalidField(this.label(field));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const check = checkAssisted(this.values);
    if (!check.ok) {
      this.showErrors(check.errors);
      return;
    }
    this.errors = {};
    const attempt = attemptFor(check.request, this.attempt);
    this.attempt = attempt;
    const created = await this.save<IntakeRequestCreated>(
      (client) => createAssistedIntakeRequest(client, attempt.body, {idempotencyKey: attempt.key}),
      assistedErrorsOfServer,
    );
    if (!created) return;
    this.attempt = undefined;
    this.values = emptyAssisted();
    this.dispatchEvent(new CptsIntakeRegisteredEvent(created));
  }

  private cancel(): void {
    this.dispatchEvent(new Event('cpts-register-cancel', {bubbles: true, composed: true}));
  }

  private choices<T extends string>(values: readonly T[], label: (v: T) => string) {
    return values.map((value) => ({value, label: label(value)}));
  }

  override render() {
    const t = this.localize.strings;
    const w = t.waitingList;
    const v = this.values;
    const tristate = this.choices(['yes', 'no', 'unknown'] as const, (a) => w.tristate[a]);
    return html`
      <form part="base" class="panel" lang=${this.localize.lang} novalidate aria-labelledby="ai-heading" @submit=${this.onSubmit}>
        <h3 id="ai-heading" tabindex="-1">${w.registerTitle}</h3>
        <p>${w.registerIntro}</p>
        ${this.renderSummary()}
        <fieldset>
          <legend>${w.fields.channel}</legend>
          ${this.selectField(
            'channel',
            this.choices(['phone', 'paper'] as const, (c) => w.registerChannels[c]),
          )} ${this.textField('receivedOn', {inputmode: 'numeric'})}
        </fieldset>
        <fieldset>
          <legend>${w.sectionRequester}</legend>
          ${this.selectField(
            'requesterKind',
            this.choices(RequesterKind.options, (k) => t.requesterKinds[k]),
          )}
          ${
            v.requesterKind && v.requesterKind !== 'self'
              ? html`${this.textField('requesterName')} ${this.textField('requesterPhone', {type: 'tel'})} ${this.textField('requesterOrganisation')}`
              : nothing
          }
        </fieldset>
        <fieldset>
          <legend>${w.sectionPerson}</legend>
          ${this.textField('lastName')} ${this.textField('firstNames')} ${this.textField('birthDate', {inputmode: 'numeric'})}
          ${this.textField('phone', {type: 'tel'})} ${this.textField('email', {type: 'email'})} ${this.textField('bestTimeToCall')}
          ${this.selectField(
            'communeInsee',
            this.communes.map((c) => ({value: c.insee, label: c.name})),
          )} ${this.textField('address')}
        </fieldset>
        <fieldset>
          <legend>${w.sectionSituation}</legend>
          ${this.selectField(
            'reason',
            this.choices(IntakeReason.options, (r) => t.intakeReasons[r]),
          )}
          ${v.reason === 'other' ? this.textField('reasonOther') : nothing} ${this.textField('since', {inputmode: 'numeric'})}
        </fieldset>
        <fieldset>
          <legend>${w.sectionPriority}</legend>
          ${PRIORITY_FIELDS.map((q) => this.selectField(q, tristate))}
        </fieldset>
        ${this.textField('comment', {multiline: true})}
        ${this.renderFailure()}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? w.registerSaving : w.registerSave}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${w.cancel}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-assisted-intake': CptsAssistedIntake;
  }
  interface GlobalEventHandlersEventMap {
    'cpts-register-cancel': Event;
  }
}
