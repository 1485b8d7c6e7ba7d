import {html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {Profession, type Commune, type Practitioner} from '@cpts-kit/contract';
import {createPractitioner, patchPractitioner} from '@cpts-kit/sdk';
import {CoordinatorEditor} from '../coordinator/editor-base.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {CptsPractitionerSavedEvent} from './manager-events.js';
import {practitionerManagerStrings, type PractitionerField, type PractitionerManagerStrings} from './practitioner-manager-strings.js';
import {managerStyles} from './practitioner-manager.styles.js';
import {checkPractitioner, emptyValues, errorsOfServer, FIELD_ORDER, patchOf, valuesOf, type PractitionerProblem, type PractitionerValues} from './practitioner-model.js';

/**
 * @summary A coordinator's form for one practitioner: new, or existing.
 *
 * Checks every field with the contract's `PractitionerCreate` before sending, and puts the
 * server's field errors (`communeInsee`, `rpps`…) by their fields too, under a focused summary.
 * Needs a coordinator's client (`client`, or a provider's).
 *
 * @fires cpts-practitioner-saved - Saved; `detail` is the practitioner as the server returned them.
 * @fires cpts-practitioner-cancel - The coordinator left the form without saving.
 * @fires cpts-error - Saving failed for another reason than a field error.
 *
 * @csspart base - The form.
 * @csspart error-summary - The list of errors shown after a refused save.
 */
export class CptsPractitionerEditor extends CoordinatorEditor<PractitionerField, PractitionerProblem, PractitionerValues> {
  static override stringBundles = [...CoordinatorEditor.stringBundles, practitionerManagerStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, managerStyles];

  protected readonly idPrefix = 'pe';
  protected readonly fieldOrder = FIELD_ORDER;

  /** The practitioner to edit; unset for a new one. */
  @property({attribute: false}) practitioner?: Practitioner;

  /** The territory's communes: the only ones the list offers. */
  @property({attribute: false}) communes: Commune[] = [];

  constructor() {
    super();
    this.values = emptyValues();
  }

  private get s(): PractitionerManagerStrings {
    return this.localize.strings.practitionerManager;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('practitioner')) {
      // a new practitioner's commune stays « Choisissez… » until chosen: never the list's first
      this.values = this.practitioner ? valuesOf(this.practitioner) : emptyValues();
      this.errors = {};
      this.failure = undefined;
    }
  }

  protected label(field: PractitionerField): string {
    return this.s.fields[field];
  }

  protected override hint(field: PractitionerField): string | undefined {
    return this.s.hints[field];
  }

  protected message(field: PractitionerField, problem: PractitionerProblem): string {
    const s = this.s;
    if (problem === 'required') return s.required[field] ?? s.invalid[field];
    if (problem === 'too_long') return s.tooLong(s.fields[field]);
    if (problem === 'unknown_commune') return s.unknownCommune;
    return s.invalid[field];
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const check = checkPractitioner(this.values);
    if (!check.ok) {
      this.showErrors(check.errors);
      return;
    }
    this.errors = {};
    const before = this.practitioner;
    const saved = await this.save(
      (client) => (before ? patchPractitioner(client, before.id, patchOf(before, check.body)) : createPractitioner(client, check.body)),
      errorsOfServer,
    );
    if (saved) this.dispatchEvent(new CptsPractitionerSavedEvent(saved));
  }

  private cancel(): void {
    this.dispatchEvent(new Event('cpts-practitioner-cancel', {bubbles: true, composed: true}));
  }

  override render() {
    const s = this.s;
    const name = this.practitioner?.displayName;
    const professions = Profession.options.map((p) => ({value: p, label: this.localize.strings.professions[p]}));
    return html`
      <form part="base" lang=${this.localize.lang} novalidate aria-labelledby="pe-heading" @submit=${this.onSubmit}>
        <h2 id="pe-heading" tabindex="-1">${name ? s.editorEdit(name) : s.editorNew}</h2>
        ${this.renderSummary()}
        <fieldset>
          <legend>${s.sectionIdentity}</legend>
          ${this.selectField('profession', professions)}
          ${this.textField('title')} ${this.textField('firstName')} ${this.textField('lastName')}
          ${this.textField('rpps', {inputmode: 'numeric'})}
        </fieldset>
        <fieldset>
          <legend>${s.sectionPractice}</legend>
          ${this.textField('practiceName')} ${this.textField('address')}
          ${this.selectField(
            'communeInsee',
            this.communes.map((c) => ({value: c.insee, label: c.name})),
          )}
        </fieldset>
        <fieldset>
          <legend>${s.sectionContact}</legend>
          ${this.textField('phone', {type: 'tel', inputmode: 'tel'})} ${this.textField('email', {type: 'email'})}
        </fieldset>
        ${this.renderFailure()}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? s.saving : s.save}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${s.cancel}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-practitioner-editor': CptsPractitionerEditor;
  }
  interface GlobalEventHandlersEventMap {
    'cpts-practitioner-cancel': Event;
  }
}
