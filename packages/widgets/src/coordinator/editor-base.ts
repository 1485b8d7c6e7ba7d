import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {isCptsApiError, type CptsClient} from '@cpts-kit/sdk';
import type {FieldError} from '@cpts-kit/contract';
import {CptsElement} from '../internal/cpts-element.js';
import {renderErrorSummary} from '../internal/field-problems.js';
import {coordinatorStrings} from './coordinator-strings.js';
import {renderCheckboxField, renderSelectField, renderTextField, type Choice, type TextFieldOptions} from './fields.js';
import {isRefusal} from './session-store.js';

type TextOptions = Partial<Pick<TextFieldOptions, 'type' | 'inputmode' | 'autocomplete' | 'multiline'>>;

/**
 * The base of every coordinator form: values as the inputs hold them, a problem per field worded
 * by the form (what to do, not « Valeur invalide »), GOV.UK's error summary focused when it
 * appears, « Choisissez… » in lists, the heading focused when the form opens, and a save that
 * keeps everything typed when the token is refused (the tool asks for it again; save once more).
 *
 * `F` names the fields, `P` the problems the form words, `V` the values.
 */
export abstract class CoordinatorEditor<F extends string, P extends string, V extends Record<F, string | boolean>> extends CptsElement {
  static override stringBundles = [coordinatorStrings];

  @state() protected values!: V;
  @state() protected errors: Partial<Record<F, P>> = {};
  @state() protected saving = false;
  @state() protected failure: string | undefined;
  private focusSummary = false;

  /** Prefix of the form's ids (`pe` → `#pe-lastName`, `#pe-heading`). */
  protected abstract readonly idPrefix: string;
  /** The fields in the order they show: the summary lists them so. */
  protected abstract readonly fieldOrder: readonly F[];
  protected abstract label(field: F): string;
  protected abstract message(field: F, problem: P): string;
  protected hint(_field: F): string | undefined {
    return undefined;
  }

  /** Moves focus to the form's heading (when it opens). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>(`#${this.idPrefix}-heading`)?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const summary = this.renderRoot.querySelector<HTMLElement>('.error-summary');
    if (this.focusSummary && summary) {
      this.focusSummary = false;
      summary.focus();
    }
  }

  protected set<K extends F>(field: K, value: V[K]): void {
    this.values = {...this.values, [field]: value};
  }

  /** Shows `errors` by their fields, under the summary, which takes focus. */
  protected showErrors(errors: Partial<Record<F, P>>): void {
    this.errors = errors;
    this.focusSummary = Object.keys(errors).length > 0;
  }

  /**
   * Sends the form once (the button stays disabled until the server answers: a second click
   * would create a duplicate). The server's field errors go by their fields; a refused token
   * says to sign in again; anything else is shown and fired as `cpts-error`.
   */
  protected async save<T>(send: (client: CptsClient) => Promise<T>, serverErrors: (errors: readonly FieldError[]) => Partial<Record<F, P>>): Promise<T | undefined> {
    if (this.saving) return undefined;
    this.failure = undefined;
    this.saving = true;
    try {
      return await send(this.requireClient());
    } catch (error) {
      const errors = serverErrors(isCptsApiError(error) ? error.fieldErrors : []);
      if (Object.keys(errors).length > 0) {
        this.showErrors(errors);
      } else {
        this.failure = isRefusal(error) ? this.localize.strings.coordinator.signInAgain : this.errorMessage(error);
        this.fireError(error);
      }
      return undefined;
    } finally {
      this.saving = false;
    }
  }

  private errorText(field: F): string | undefined {
    const problem = this.errors[field];
    return problem === undefined ? undefined : this.message(field, problem);
  }

  private frame(field: F) {
    return {
      id: `${this.idPrefix}-${field}`,
      label: this.label(field),
      hint: this.hint(field),
      error: this.errorText(field),
      errorPrefix: this.localize.strings.coordinator.errorPrefix,
    };
  }

  protected renderSummary(): TemplateResult | typeof nothing {
    const issues = this.fieldOrder
      .filter((f) => this.errors[f] !== undefined)
      .map((f) => ({id: `${this.idPrefix}-${f}`, label: this.label(f), message: this.errorText(f) ?? ''}));
    const focusField = (id: string) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
    return renderErrorSummary(this.localize.strings.coordinator.fixErrors, issues, focusField, `${this.idPrefix}-summary-title`, this.localize.strings.labelSeparator);
  }

  protected renderFailure(): TemplateResult | typeof nothing {
    return this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing;
  }

  protected textField(field: F, options: TextOptions = {}): TemplateResult {
    return renderTextField({...this.frame(field), ...options, value: String(this.values[field]), onInput: (v) => this.set(field, v as V[F])});
  }

  /** A list; `required` adds « Choisissez… » while nothing is chosen. */
  protected selectField(field: F, choices: readonly Choice[], required = true): TemplateResult {
    const placeholder = required ? this.localize.strings.coordinator.choose : undefined;
    return renderSelectField({...this.frame(field), value: String(this.values[field]), choices, placeholder, onChange: (v) => this.set(field, v as V[F])});
  }

  protected checkboxField(field: F): TemplateResult {
    return renderCheckboxField({id: `${this.idPrefix}-${field}`, label: this.label(field), checked: this.values[field] === true, onChange: (c) => this.set(field, c as V[F])});
  }
}
