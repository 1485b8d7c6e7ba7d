import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {Profession, type Commune, type Practitioner} from '@cpts-kit/contract';
import {createPractitioner, isCptsApiError, patchPractitioner} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {labelStrings} from '../translations/labels.js';
import {renderErrorSummary} from '../internal/field-problems.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {formStyles} from '../internship-offers/offers.styles.js';
import {practitionerManagerStrings, type PractitionerField, type PractitionerManagerStrings} from './manager-strings.js';
import {CptsPractitionerSavedEvent} from './manager-events.js';
import {managerStyles} from './practitioner-manager.styles.js';
import {checkPractitioner, emptyValues, errorsOfServer, patchOf, sortedErrorFields, valuesOf, type PractitionerErrors, type PractitionerValues} from './practitioner-model.js';

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
export class CptsPractitionerEditor extends CptsElement {
  // profession names: the labels every widget shares, loaded in the page's language only
  static override stringBundles = [labelStrings];
  static override styles = [tokens, base, formStyles, managerStyles];

  @query('.error-summary') private summary?: HTMLElement;

  @state() private values: PractitionerValues = emptyValues();
  @state() private errors: PractitionerErrors = {};
  @state() private saving = false;
  @state() private failure: string | undefined;
  private focusSummary = false;

  /** The practitioner to edit; unset for a new one. */
  @property({attribute: false}) practitioner?: Practitioner;

  /** The territory's communes: the only ones the list offers. */
  @property({attribute: false}) communes: Commune[] = [];

  private get s(): PractitionerManagerStrings {
    return practitionerManagerStrings[this.localize.lang];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('practitioner')) {
      this.values = this.practitioner ? valuesOf(this.practitioner) : emptyValues(this.communes[0]?.insee ?? '');
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

  private set(field: PractitionerField, value: string): void {
    this.values = {...this.values, [field]: value};
  }

  private message(field: PractitionerField): string {
    const problem = this.errors[field];
    const s = this.s;
    if (problem === undefined) return '';
    if (problem === 'required') return s.required[field] ?? s.invalid[field];
    if (problem === 'too_long') return s.tooLong(s.fields[field]);
    if (problem === 'unknown_commune') return s.unknownCommune;
    return s.invalid[field];
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    this.failure = undefined;
    const check = checkPractitioner(this.values);
    if (!check.ok) {
      this.errors = check.errors;
      this.focusSummary = true;
      return;
    }
    this.errors = {};
    // keep the button disabled until the server answers: a second click creates a duplicate
    this.saving = true;
    try {
      const client = this.requireClient();
      const saved = this.practitioner
        ? await patchPractitioner(client, this.practitioner.id, patchOf(this.practitioner, check.body))
        : await createPractitioner(client, check.body);
      this.dispatchEvent(new CptsPractitionerSavedEvent(saved));
    } catch (error) {
      const errors = errorsOfServer(isCptsApiError(error) ? error.fieldErrors : []);
      if (Object.keys(errors).length > 0) {
        this.errors = errors;
        this.focusSummary = true;
      } else {
        // a refused token: the manager asks for a new one, and the coordinator saves again
        this.failure = isCptsApiError(error) && (error.status === 401 || error.status === 403) ? this.s.signInAgain : this.errorMessage(error);
        this.fireError(error);
      }
    } finally {
      this.saving = false;
    }
  }

  private cancel(): void {
    this.dispatchEvent(new Event('cpts-practitioner-cancel', {bubbles: true, composed: true}));
  }

  private errorOf(field: PractitionerField): TemplateResult | typeof nothing {
    if (!this.errors[field]) return nothing;
    return html`<p class="field-error" id=${`pe-${field}-error`}><span class="visually-hidden">${this.s.errorPrefix} </span>${this.message(field)}</p>`;
  }

  private describedBy(field: PractitionerField): string | typeof nothing {
    const ids = [this.s.hints[field] ? `pe-${field}-hint` : '', this.errors[field] ? `pe-${field}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private hintOf(field: PractitionerField): TemplateResult | typeof nothing {
    const hint = this.s.hints[field];
    return hint ? html`<p class="hint" id=${`pe-${field}-hint`}>${hint}</p>` : nothing;
  }

  private textField(field: PractitionerField, options: {type?: string; inputmode?: string; autocomplete?: string} = {}): TemplateResult {
    const id = `pe-${field}`;
    return html`<div class="field">
      <label for=${id}>${this.s.fields[field]}</label>
      ${this.hintOf(field)} ${this.errorOf(field)}
      <input id=${id} type=${options.type ?? 'text'} inputmode=${options.inputmode ?? nothing} autocomplete=${options.autocomplete ?? 'off'}
        spellcheck="false" .value=${this.values[field]} aria-invalid=${this.errors[field] ? 'true' : 'false'} aria-describedby=${this.describedBy(field)}
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)} />
    </div>`;
  }

  private selectField(field: PractitionerField, options: readonly {value: string; label: string}[]): TemplateResult {
    const id = `pe-${field}`;
    return html`<div class="field">
      <label for=${id}>${this.s.fields[field]}</label>
      ${this.errorOf(field)}
      <select id=${id} aria-invalid=${this.errors[field] ? 'true' : 'false'} aria-describedby=${this.describedBy(field)}
        @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${o.value} ?selected=${this.values[field] === o.value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  override render() {
    const s = this.s;
    const issues = sortedErrorFields(this.errors).map((f) => ({id: `pe-${f}`, label: s.fields[f], message: this.message(f)}));
    const name = this.practitioner?.displayName;
    return html`
      <form part="base" lang=${this.localize.lang} novalidate aria-labelledby="pe-heading" @submit=${this.onSubmit}>
        <h2 id="pe-heading" tabindex="-1">${name ? s.editorEdit(name) : s.editorNew}</h2>
        ${renderErrorSummary(s.fixErrors, issues, (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(), 'pe-summary-title', this.localize.strings.labelSeparator)}
        <fieldset>
          <legend>${s.sectionIdentity}</legend>
          ${this.selectField('profession', [{value: '', label: s.chooseProfession}, ...Profession.options.map((p) => ({value: p, label: this.localize.strings.professions[p]}))])}
          ${this.textField('title')} ${this.textField('firstName', {autocomplete: 'off'})} ${this.textField('lastName')}
          ${this.textField('rpps', {inputmode: 'numeric'})}
        </fieldset>
        <fieldset>
          <legend>${s.sectionPractice}</legend>
          ${this.textField('practiceName')} ${this.textField('address')}
          ${this.selectField('communeInsee', this.communes.map((c) => ({value: c.insee, label: c.name})))}
        </fieldset>
        <fieldset>
          <legend>${s.sectionContact}</legend>
          ${this.textField('phone', {type: 'tel', inputmode: 'tel'})} ${this.textField('email', {type: 'email'})}
        </fieldset>
        ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
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
