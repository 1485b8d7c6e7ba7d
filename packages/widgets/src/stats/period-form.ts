import {html, nothing, type TemplateResult} from 'lit';
import {presetOf, type Period, type PresetId} from './period.js';
import type {StatsStrings} from './stats-strings.js';

/** What is wrong with the period: by field, or about the period as a whole (the server's words). */
export interface PeriodErrors {
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
}

export interface PeriodFormOptions {
  t: StatsStrings;
  errorPrefix: string;
  period: Period;
  errors: PeriodErrors;
  today: Date;
  onInput: (key: keyof Period, value: string) => void;
  onPreset: (preset: PresetId) => void;
  onSubmit: () => void;
}

function dateField(o: PeriodFormOptions, key: keyof Period, label: string): TemplateResult {
  const id = `st-${key}`;
  const error = o.errors[key];
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${error ? html`<p class="field-error" id=${`${id}-error`}><span class="visually-hidden">${o.errorPrefix} </span>${error}</p>` : nothing}
    <input id=${id} type="date" required .value=${o.period[key]} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
      @input=${(e: Event) => o.onInput(key, (e.target as HTMLInputElement).value)} />
  </div>`;
}

/**
 * The period: presets as toggle buttons (one click reads them), or two dates and « Afficher ».
 * Native date fields: typed with the keyboard, read by screen readers, no calendar of ours. Nothing
 * is disabled while the figures load (a new period cancels the read in flight): a disabled button
 * would drop the keyboard user's focus.
 */
export function renderPeriodForm(o: PeriodFormOptions): TemplateResult {
  const t = o.t;
  const year = o.today.getUTCFullYear();
  const current = presetOf(o.period, o.today);
  const presets: [PresetId, string][] = [
    ['last12Months', t.last12Months],
    ['thisYear', t.calendarYear(year)],
    ['lastYear', t.calendarYear(year - 1)],
  ];
  const submit = (e: Event) => {
    e.preventDefault();
    o.onSubmit();
  };
  return html`<form part="period" class="period" novalidate @submit=${submit}>
    <fieldset>
      <legend>${t.period}</legend>
      <div class="presets" role="group" aria-label=${t.presets}>
        ${presets.map(
          ([id, label]) =>
            html`<button type="button" class="secondary" id=${`st-preset-${id}`} aria-pressed=${current === id ? 'true' : 'false'} @click=${() => o.onPreset(id)}>
              ${label}
            </button>`,
        )}
      </div>
      ${o.errors.period ? html`<p class="field-error" id="st-period-error" role="alert"><span class="visually-hidden">${o.errorPrefix} </span>${o.errors.period}</p>` : nothing}
      <div class="dates">
        ${dateField(o, 'from', t.from)} ${dateField(o, 'to', t.to)}
        <button type="submit" id="st-show">${t.show}</button>
      </div>
    </fieldset>
  </form>`;
}
