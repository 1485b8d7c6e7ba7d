import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {fieldIds, type FieldError, type FieldKey, type IntakeFormValues} from './form-model.js';
import type {IntakeFormStrings} from './intake-strings.js';

/** What the form's templates read (the answers and their errors) and the one way they change an answer. */
export interface FormView {
  readonly values: IntakeFormValues;
  readonly errors: readonly FieldError[];
  set<K extends keyof IntakeFormValues>(key: K, value: IntakeFormValues[K]): void;
}

export function errorFor(view: FormView, field: FieldKey): FieldError | undefined {
  return view.errors.find((error) => error.field === field);
}

export function messageFor(t: IntakeFormStrings, error: FieldError): string {
  const messages = t.errors[error.field];
  return messages[error.kind] ?? messages.default;
}

/** Writes what was typed into `key` (a text answer). */
export function onText(view: FormView, key: keyof IntakeFormValues): (event: Event) => void {
  return (event: Event) => view.set(key, (event.target as HTMLInputElement).value);
}

export function describedBy(id: string, hint: boolean, error: FieldError | undefined, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function renderError(t: IntakeFormStrings, id: string, error: FieldError | undefined, more?: TemplateResult): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<p class="error-message" id=${`${id}-error`}><span class="visually-hidden">${t.errorPrefix}</span> ${messageFor(t, error)}${more ?? nothing}</p>`;
}

export function fieldLabel(t: IntakeFormStrings, text: string, optional = false): TemplateResult {
  return html`${text}${optional ? html` <span class="optional">${t.optional}</span>` : nothing}`;
}

export interface TextFieldOptions {
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

export function textField(t: IntakeFormStrings, view: FormView, options: TextFieldOptions): TemplateResult {
  const id = fieldIds[options.field];
  const error = errorFor(view, options.field);
  return html`
    <div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${fieldLabel(t, options.label, options.optional)}</label>
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing} ${renderError(t, id, error)}
      <input
        id=${id}
        class=${options.wide === false ? 'narrow' : ''}
        type=${options.type ?? 'text'}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        maxlength=${ifDefined(options.maxlength)}
        .value=${live(view.values[options.value] as string)}
        @input=${onText(view, options.value)}
        spellcheck="false"
        aria-describedby=${ifDefined(describedBy(id, Boolean(options.hint), error))}
        aria-invalid=${error ? 'true' : 'false'}
      />
    </div>
  `;
}

export interface DatePart {
  id: string;
  key: keyof IntakeFormValues;
  label: string;
  autocomplete?: string;
  size: 'day' | 'year';
  max: number;
}

/** A date typed as separate numbers (day, month, year), as GOV.UK asks for dates people know. */
export function dateFields(
  t: IntakeFormStrings,
  view: FormView,
  options: {field: FieldKey; legend: string; hint: string; prefix: string; parts: DatePart[]; optional?: boolean; after?: TemplateResult},
): TemplateResult {
  const error = errorFor(view, options.field);
  const groupId = `${options.prefix}-group`;
  return html`
    <fieldset class="field ${error ? 'field--error' : ''}" aria-describedby=${ifDefined(describedBy(groupId, true, error))}>
      <legend>${fieldLabel(t, options.legend, options.optional)}</legend>
      <p class="hint" id=${`${groupId}-hint`}>${options.hint}</p>
      ${renderError(t, groupId, error)}
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
                .value=${live(view.values[part.key] as string)}
                @input=${onText(view, part.key)}
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

export function radioGroup<V extends string>(
  t: IntakeFormStrings,
  view: FormView,
  options: {
    name: string;
    legend: string;
    hint?: string;
    choices: readonly V[];
    labelOf: (value: V) => string;
    value: V | '';
    onPick: (value: V) => void;
    field?: FieldKey;
    inline?: boolean;
  },
): TemplateResult {
  const error = options.field ? errorFor(view, options.field) : undefined;
  const groupId = `${options.name}-group`;
  return html`
    <fieldset class="field ${error ? 'field--error' : ''}" aria-describedby=${ifDefined(describedBy(groupId, Boolean(options.hint), error))}>
      <legend>${options.legend}</legend>
      ${options.hint ? html`<p class="hint" id=${`${groupId}-hint`}>${options.hint}</p>` : nothing} ${renderError(t, groupId, error)}
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
