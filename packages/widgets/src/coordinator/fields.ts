import {html, nothing, type TemplateResult} from 'lit';

/** What every field of a coordinator form shows around its control. */
export interface FieldFrame {
  /** The control's id; the hint is `<id>-hint`, the message `<id>-error`. */
  id: string;
  label: string;
  hint?: string | undefined;
  /** What to do to put the field right (« Indiquez le nom »), or undefined when it is right. */
  error?: string | undefined;
  /** Read before the message by screen readers: « Erreur : ». */
  errorPrefix: string;
}

export interface Choice {
  value: string;
  label: string;
}

/** The ids that describe a control: its hint, then its message. */
export function describedBy(f: FieldFrame): string | typeof nothing {
  const ids = [f.hint ? `${f.id}-hint` : '', f.error ? `${f.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function frame(f: FieldFrame, control: TemplateResult, className = 'field'): TemplateResult {
  return html`<div class=${className}>
    <label for=${f.id}>${f.label}</label>
    ${f.hint ? html`<p class="hint" id=${`${f.id}-hint`}>${f.hint}</p>` : nothing}
    ${f.error ? html`<p class="field-error" id=${`${f.id}-error`}><span class="visually-hidden">${f.errorPrefix} </span>${f.error}</p>` : nothing}
    ${control}
  </div>`;
}

export interface TextFieldOptions extends FieldFrame {
  value: string;
  type?: string;
  inputmode?: string;
  autocomplete?: string;
  /** The id of a `<datalist>` of suggestions (names already known, say); the coordinator may type another. */
  list?: string;
  multiline?: boolean;
  onInput: (value: string) => void;
}

export function renderTextField(o: TextFieldOptions): TemplateResult {
  const input = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const invalid = o.error ? 'true' : 'false';
  return frame(
    o,
    o.multiline
      ? html`<textarea id=${o.id} rows="5" .value=${o.value} aria-invalid=${invalid} aria-describedby=${describedBy(o)} @input=${input}></textarea>`
      : html`<input id=${o.id} type=${o.type ?? 'text'} inputmode=${o.inputmode ?? nothing} autocomplete=${o.autocomplete ?? 'off'} list=${o.list ?? nothing} spellcheck="false"
          .value=${o.value} aria-invalid=${invalid} aria-describedby=${describedBy(o)} @input=${input} />`,
  );
}

export interface SelectFieldOptions extends FieldFrame {
  value: string;
  choices: readonly Choice[];
  /**
   * The first, empty option (« Choisissez… ») shown while nothing is chosen: a list never picks
   * its first entry for the coordinator, who would save it unread. Leave it out when `''` is a
   * real choice of the list (« Aucun »).
   */
  placeholder?: string | undefined;
  onChange: (value: string) => void;
}

export function renderSelectField(o: SelectFieldOptions): TemplateResult {
  return frame(
    o,
    html`<select id=${o.id} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${describedBy(o)}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
      ${o.placeholder !== undefined ? html`<option value="" ?selected=${o.value === ''}>${o.placeholder}</option>` : nothing}
      ${o.choices.map((c) => html`<option value=${c.value} ?selected=${o.value === c.value}>${c.label}</option>`)}
    </select>`,
  );
}

export interface CheckboxFieldOptions {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function renderCheckboxField(o: CheckboxFieldOptions): TemplateResult {
  return html`<div class="field checkbox">
    <input id=${o.id} type="checkbox" .checked=${o.checked} @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
    <label for=${o.id}>${o.label}</label>
  </div>`;
}
