import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {HousingKind, OfferKind, PracticeType, type Commune, type InternshipOffer, type InternshipOfferCreate} from '@cpts-kit/contract';
import {createInternshipOffer, isCptsApiError, patchInternshipOffer} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {renderErrorSummary} from '../internal/field-problems.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {
  checkEditor,
  editorValuesOf,
  emptyEditorValues,
  fieldOfPath,
  sortedErrorFields,
  type EditorErrors,
  type EditorExtras,
  type EditorField,
  type EditorValues,
} from './editor-model.js';
import {CptsOfferSavedEvent} from './offer-events.js';
import {formStyles} from './offers.styles.js';
import {offersStrings} from './offers-strings.js';
import {labelStrings} from '../translations/labels.js';

type BooleanField = {[K in EditorField]: EditorValues[K] extends boolean ? K : never}[EditorField];
type TextField = Exclude<EditorField, BooleanField>;

/**
 * @summary A coordinator's form for one internship offer: new (saved as a draft) or existing.
 *
 * Checks every field with the contract's schema before sending, and puts the server's field
 * errors by their fields too. Needs a coordinator's client (`client`, or a provider's).
 *
 * @fires cpts-offer-saved - The offer was saved; `detail` is the offer as the server returned it.
 * @fires cpts-offer-cancel - The coordinator left the form without saving.
 * @fires cpts-error - Saving failed for another reason than a field error.
 *
 * @csspart base - The form.
 * @csspart error-summary - The list of errors shown after a refused save.
 */
export class CptsOfferEditor extends CptsElement {
  static override stringBundles = [offersStrings, labelStrings];
  static override styles = [tokens, base, formStyles];

  @query('.error-summary') private summary?: HTMLElement;

  @state() private values: EditorValues = emptyEditorValues();
  @state() private errors: EditorErrors = {};
  @state() private saving = false;
  @state() private failure: string | undefined;
  private extras: EditorExtras = {housing: [], financialAid: [], location: null};
  private focusSummary = false;

  /** The offer to edit; unset for a new offer. */
  @property({attribute: false}) offer?: InternshipOffer;

  /** Fields to start a new offer from (a duplicate for the next semester, say). */
  @property({attribute: false}) draft?: InternshipOfferCreate;

  /** The territory's communes, for the commune list. */
  @property({attribute: false}) communes: Commune[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('offer') || changed.has('draft')) {
      const source = this.offer ?? this.draft;
      if (source) ({values: this.values, extras: this.extras} = editorValuesOf(source));
      else this.values = emptyEditorValues(this.communes[0]?.insee ?? '');
      this.errors = {};
      this.failure = undefined;
    }
    if (changed.has('communes') && !this.values.communeInsee && this.communes[0]) this.values = {...this.values, communeInsee: this.communes[0].insee};
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusSummary && this.summary) {
      this.focusSummary = false;
      this.summary.focus();
    }
  }

  /** Moves focus to the form's heading (when it opens). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private set<K extends EditorField>(key: K, value: EditorValues[K]): void {
    this.values = {...this.values, [key]: value};
  }

  private message(field: EditorField): string {
    const m = this.localize.strings.offers.manager;
    const problem = this.errors[field];
    if (problem === undefined) return '';
    return problem === 'required' ? m.required : problem === 'too_long' ? m.tooLong : m.invalid;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    this.failure = undefined;
    const check = checkEditor(this.values, this.extras);
    if (!check.ok) {
      this.errors = check.errors;
      this.focusSummary = true;
      return;
    }
    this.errors = {};
    this.saving = true;
    try {
      const client = this.requireClient();
      const saved = this.offer ? await patchInternshipOffer(client, this.offer.id, check.offer) : await createInternshipOffer(client, check.offer);
      this.dispatchEvent(new CptsOfferSavedEvent(saved));
    } catch (error) {
      const fieldErrors = isCptsApiError(error) ? error.fieldErrors : [];
      const errors: EditorErrors = {};
      for (const e of fieldErrors) {
        const field = fieldOfPath(e.path);
        if (field && errors[field] === undefined) errors[field] = 'invalid';
      }
      if (Object.keys(errors).length > 0) {
        this.errors = errors;
        this.focusSummary = true;
      } else {
        this.failure = this.errorMessage(error);
        this.fireError(error);
      }
    } finally {
      this.saving = false;
    }
  }

  private cancel(): void {
    this.dispatchEvent(new Event('cpts-offer-cancel', {bubbles: true, composed: true}));
  }

  private errorOf(field: EditorField): TemplateResult | typeof nothing {
    if (!this.errors[field]) return nothing;
    return html`<p class="field-error" id=${`editor-${field}-error`}><span class="visually-hidden">${this.localize.strings.offers.errorPrefix} </span>${this.message(field)}</p>`;
  }

  private describedBy(field: EditorField, hint = false): string | typeof nothing {
    const ids = [hint ? `editor-${field}-hint` : '', this.errors[field] ? `editor-${field}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private textField(field: TextField, label: string, options: {type?: string; hint?: string; multiline?: boolean; inputmode?: string} = {}): TemplateResult {
    const id = `editor-${field}`;
    const value = this.values[field];
    const onInput = (e: Event) => this.set(field, (e.target as HTMLInputElement).value as EditorValues[typeof field]);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing} ${this.errorOf(field)}
      ${options.multiline
        ? html`<textarea id=${id} rows="5" .value=${value} aria-invalid=${this.errors[field] ? 'true' : 'false'} aria-describedby=${this.describedBy(field, !!options.hint)} @input=${onInput}></textarea>`
        : html`<input id=${id} type=${options.type ?? 'text'} inputmode=${options.inputmode ?? nothing} .value=${value} aria-invalid=${this.errors[field] ? 'true' : 'false'}
            aria-describedby=${this.describedBy(field, !!options.hint)} @input=${onInput} />`}
    </div>`;
  }

  private selectField(field: TextField, label: string, options: readonly {value: string; label: string}[]): TemplateResult {
    const id = `editor-${field}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${this.errorOf(field)}
      <select id=${id} aria-invalid=${this.errors[field] ? 'true' : 'false'} aria-describedby=${this.describedBy(field)}
        @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value as EditorValues[typeof field])}>
        ${options.map((o) => html`<option value=${o.value} ?selected=${this.values[field] === o.value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  private checkbox(field: BooleanField, label: string): TemplateResult {
    const id = `editor-${field}`;
    return html`<div class="field checkbox">
      <input id=${id} type="checkbox" .checked=${this.values[field]} @change=${(e: Event) => this.set(field, (e.target as HTMLInputElement).checked)} />
      <label for=${id}>${label}</label>
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const issues = sortedErrorFields(this.errors).map((f) => ({id: `editor-${f}`, label: this.labelOf(f), message: this.message(f)}));
    return renderErrorSummary(this.localize.strings.offers.fixErrors, issues, (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(), 'editor-summary-title', this.localize.strings.labelSeparator);
  }

  private labelOf(field: EditorField): string {
    return this.renderRoot.querySelector(`label[for="editor-${field}"]`)?.textContent?.trim() ?? field;
  }

  override render() {
    const t = this.localize.strings;
    const m = t.offers.manager;
    const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({value, label: label(value)}));
    return html`
      <form part="base" lang=${this.localize.lang} novalidate aria-labelledby="editor-heading" @submit=${this.onSubmit}>
        <h2 id="editor-heading" tabindex="-1">${this.offer ? m.edit(this.offer.title) : m.editorNew}</h2>
        ${this.renderSummary()}
        <fieldset>
          <legend>${m.sectionGeneral}</legend>
          ${this.textField('title', m.titleField)} ${this.selectField('kind', t.offers.kind, options(OfferKind.options, (k) => t.offerKinds[k]))}
          ${this.textField('discipline', t.offers.discipline)} ${this.textField('periods', m.periodsField, {hint: m.periodsHint})}
          ${this.textField('places', m.placesField, {type: 'number', inputmode: 'numeric'})}
          ${this.textField('description', m.descriptionField, {hint: m.descriptionHint, multiline: true})}
        </fieldset>
        <fieldset>
          <legend>${m.sectionPractice}</legend>
          ${this.selectField('practiceType', m.practiceType, options(PracticeType.options, (p) => t.practiceTypes[p]))}
          ${this.textField('practiceName', m.practiceName)}
          ${this.selectField('communeInsee', t.offers.commune, this.communes.map((c) => ({value: c.insee, label: c.name})))}
          ${this.textField('supervisors', m.supervisorsField, {hint: m.supervisorsHint, multiline: true})}
        </fieldset>
        <fieldset>
          <legend>${m.sectionHousing}</legend>
          ${this.selectField('housingKind', m.housingKind, [{value: '', label: m.housingNone}, ...options(HousingKind.options, (h) => t.housingKinds[h])])}
          ${this.values.housingKind
            ? html`${this.textField('housingCost', m.housingCost, {inputmode: 'decimal'})} ${this.textField('housingDistance', m.housingDistance, {inputmode: 'decimal'})}
              ${this.textField('housingDetails', m.details)}`
            : nothing}
        </fieldset>
        <fieldset>
          <legend>${m.sectionTransport}</legend>
          ${this.checkbox('carNeeded', m.carNeeded)} ${this.textField('stationDistance', m.stationDistance, {inputmode: 'decimal'})}
          ${this.checkbox('vehicleProvided', m.vehicleProvided)} ${this.checkbox('travelCostsPaid', m.travelCostsPaid)}
          ${this.textField('transportDetails', m.details)}
        </fieldset>
        <fieldset>
          <legend>${m.sectionWelcome}</legend>
          ${this.checkbox('discoveryKit', m.discoveryKit)} ${this.checkbox('welcomeDay', m.welcomeDay)} ${this.textField('referentName', m.referentName)}
        </fieldset>
        <fieldset>
          <legend>${m.sectionAid}</legend>
          ${this.textField('aidAmount', m.aidAmount, {inputmode: 'decimal'})} ${this.textField('aidFrom', m.aidFrom)} ${this.textField('aidConditions', m.aidConditions)}
        </fieldset>
        <fieldset>
          <legend>${m.sectionContact}</legend>
          ${this.textField('contactName', m.contactName)} ${this.textField('contactEmail', m.contactEmail, {type: 'email'})}
          ${this.textField('contactPhone', m.contactPhone, {type: 'tel'})}
        </fieldset>
        ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
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
