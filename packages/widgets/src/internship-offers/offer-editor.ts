import {html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {HousingKind, OfferKind, PracticeType, type Commune, type InternshipOffer, type InternshipOfferCreate} from '@cpts-kit/contract';
import {createInternshipOffer, patchInternshipOffer} from '@cpts-kit/sdk';
import {CoordinatorEditor} from '../coordinator/editor-base.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {
  checkEditor,
  EDITOR_FIELD_ORDER,
  editorErrorsOfServer,
  editorValuesOf,
  emptyEditorValues,
  type EditorExtras,
  type EditorField,
  type EditorProblem,
  type EditorValues,
} from './editor-model.js';
import {offerManagerStrings} from './offer-manager-strings.js';
import {CptsOfferSavedEvent} from './offer-events.js';
import {offersStrings} from './offers-strings.js';

/**
 * @summary A coordinator's form for one internship offer: new (saved as a draft) or existing.
 *
 * Checks every field with the contract's schema before sending, and puts the server's field
 * errors by their fields too, each saying what to do. Needs a coordinator's client (`client`, or
 * a provider's).
 *
 * @fires cpts-offer-saved - The offer was saved; `detail` is the offer as the server returned it.
 * @fires cpts-offer-cancel - The coordinator left the form without saving.
 * @fires cpts-error - Saving failed for another reason than a field error.
 *
 * @csspart base - The form.
 * @csspart error-summary - The list of errors shown after a refused save.
 */
export class CptsOfferEditor extends CoordinatorEditor<EditorField, EditorProblem, EditorValues> {
  static override stringBundles = [...CoordinatorEditor.stringBundles, offerManagerStrings, offersStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles];

  protected readonly idPrefix = 'editor';
  protected readonly fieldOrder = EDITOR_FIELD_ORDER;
  private extras: EditorExtras = {housing: [], financialAid: [], location: null};

  /** The offer to edit; unset for a new offer. */
  @property({attribute: false}) offer?: InternshipOffer;

  /** Fields to start a new offer from (a duplicate for the next semester, say). */
  @property({attribute: false}) draft?: InternshipOfferCreate;

  /** The territory's communes, for the commune list. */
  @property({attribute: false}) communes: Commune[] = [];

  constructor() {
    super();
    this.values = emptyEditorValues();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('offer') || changed.has('draft')) {
      const source = this.offer ?? this.draft;
      if (source) ({values: this.values, extras: this.extras} = editorValuesOf(source));
      else this.values = emptyEditorValues();
      this.errors = {};
      this.failure = undefined;
    }
  }

  protected label(field: EditorField): string {
    const t = this.localize.strings;
    const m = t.offerManager;
    const labels: Record<EditorField, string> = {
      title: m.titleField,
      kind: t.offers.kind,
      discipline: t.offers.discipline,
      supervisors: m.supervisorsField,
      practiceType: m.practiceType,
      practiceName: m.practiceName,
      communeInsee: t.offers.commune,
      periods: m.periodsField,
      places: m.placesField,
      housingKind: m.housingKind,
      housingCost: m.housingCost,
      housingDistance: m.housingDistance,
      housingDetails: m.details,
      carNeeded: m.carNeeded,
      stationDistance: m.stationDistance,
      vehicleProvided: m.vehicleProvided,
      travelCostsPaid: m.travelCostsPaid,
      transportDetails: m.details,
      discoveryKit: m.discoveryKit,
      welcomeDay: m.welcomeDay,
      referentName: m.referentName,
      aidAmount: m.aidAmount,
      aidFrom: m.aidFrom,
      aidConditions: m.aidConditions,
      description: m.descriptionField,
      contactName: m.contactName,
      contactEmail: m.contactEmail,
      contactPhone: m.contactPhone,
    };
    return labels[field];
  }

  protected override hint(field: EditorField): string | undefined {
    const m = this.localize.strings.offerManager;
    return field === 'periods' ? m.periodsHint : field === 'description' ? m.descriptionHint : field === 'supervisors' ? m.supervisorsHint : undefined;
  }

  protected message(field: EditorField, problem: EditorProblem): string {
    const m = this.localize.strings.offerManager;
    const label = this.label(field);
    if (problem === 'too_long') return m.tooLong(label);
    if (problem === 'required') return m.required[field] ?? m.invalid[field] ?? m.invalidField(label);
    return m.invalid[field] ?? m.invalidField(label);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const check = checkEditor(this.values, this.extras);
    if (!check.ok) {
      this.showErrors(check.errors);
      return;
    }
    this.errors = {};
    const before = this.offer;
    const saved = await this.save(
      (client) => (before ? patchInternshipOffer(client, before.id, check.offer) : createInternshipOffer(client, check.offer)),
      editorErrorsOfServer,
    );
    if (saved) this.dispatchEvent(new CptsOfferSavedEvent(saved));
  }

  private cancel(): void {
    this.dispatchEvent(new Event('cpts-offer-cancel', {bubbles: true, composed: true}));
  }

  override render() {
    const t = this.localize.strings;
    const m = t.offerManager;
    const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({value, label: label(value)}));
    return html`
      <form part="base" lang=${this.localize.lang} novalidate aria-labelledby="editor-heading" @submit=${this.onSubmit}>
        <h2 id="editor-heading" tabindex="-1">${this.offer ? m.edit(this.offer.title) : m.editorNew}</h2>
        ${this.renderSummary()}
        <fieldset>
          <legend>${m.sectionGeneral}</legend>
          ${this.textField('title')} ${this.selectField(
            'kind',
            options(OfferKind.options, (k) => t.offerKinds[k]),
          )}
          ${this.textField('discipline')} ${this.textField('periods')}
          ${this.textField('places', {type: 'number', inputmode: 'numeric'})} ${this.textField('description', {multiline: true})}
        </fieldset>
        <fieldset>
          <legend>${m.sectionPractice}</legend>
          ${this.selectField(
            'practiceType',
            options(PracticeType.options, (p) => t.practiceTypes[p]),
          )} ${this.textField('practiceName')}
          ${this.selectField(
            'communeInsee',
            this.communes.map((c) => ({value: c.insee, label: c.name})),
          )}
          ${this.textField('supervisors', {multiline: true})}
        </fieldset>
        <fieldset>
          <legend>${m.sectionHousing}</legend>
          <!-- « Aucun » is a real answer here, so it stands first in place of « Choisissez… » -->
          ${this.selectField('housingKind', [{value: '', label: m.housingNone}, ...options(HousingKind.options, (h) => t.housingKinds[h])], false)}
          ${
            this.values.housingKind
              ? html`${this.textField('housingCost', {inputmode: 'decimal'})} ${this.textField('housingDistance', {inputmode: 'decimal'})} ${this.textField('housingDetails')}`
              : nothing
          }
        </fieldset>
        <fieldset>
          <legend>${m.sectionTransport}</legend>
          ${this.checkboxField('carNeeded')} ${this.textField('stationDistance', {inputmode: 'decimal'})}
          ${this.checkboxField('vehicleProvided')} ${this.checkboxField('travelCostsPaid')} ${this.textField('transportDetails')}
        </fieldset>
        <fieldset>
          <legend>${m.sectionWelcome}</legend>
          ${this.checkboxField('discoveryKit')} ${this.checkboxField('welcomeDay')} ${this.textField('referentName')}
        </fieldset>
        <fieldset>
          <legend>${m.sectionAid}</legend>
          ${this.textField('aidAmount', {inputmode: 'decimal'})} ${this.textField('aidFrom')} ${this.textField('aidConditions')}
        </fieldset>
        <fieldset>
          <legend>${m.sectionContact}</legend>
          ${this.textField('contactName')} ${this.textField('contactEmail', {type: 'email'})} ${this.textField('contactPhone', {type: 'tel'})}
        </fieldset>
        ${this.renderFailure()}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? m.saving : m.save}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${m.cancel}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-offer-editor': CptsOfferEditor;
  }
  interface GlobalEventHandlersEventMap {
    'cpts-offer-cancel': Event;
  }
}
