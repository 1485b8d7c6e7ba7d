import {html, nothing, type TemplateResult} from 'lit';
import type {Territory} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import {messageFor, type FormView} from './form-fields.js';
import {fieldIds} from './form-model.js';
import type {IntakeFormStrings} from './intake-strings.js';
import type {Phase} from './submission.js';

// What the form shows once the person has sent it: the list of problems, or the receipt. Both
// come with the sending code (form-send.ts), never before it, so they stay out of the first bytes.

/**
 * GOV.UK's error summary: one link per field's message, and a line for messages with no field
 * (`otherErrors`). `onClick` moves focus to the field, which `href="#id"` cannot reach in a shadow root.
 */
export function errorSummary(t: IntakeFormStrings, view: FormView, otherErrors: number, onClick: (event: Event) => void): TemplateResult {
  return html`
    <div part="error-summary" class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${t.errorSummaryTitle}</h2>
      <ul @click=${onClick}>
        ${view.errors.map((error) => html`<li><a href=${`#${fieldIds[error.field]}`}>${messageFor(t, error)}</a></li>`)}
        ${otherErrors ? html`<li>${t.otherError}</li>` : nothing}
      </ul>
    </div>
  `;
}

/**
 * The address as a browser reads it: tabs and line breaks anywhere, and spaces or control
 * characters at either end, are dropped — so « java\tscript: » or « \x20javascript: » is checked
 * for what it is.
 */
function asBrowserReads(href: string): string {
  const kept = [...href].filter((c) => c !== '\t' && c !== '\n' && c !== '\r');
  const isEdge = (c: string | undefined) => c !== undefined && c.charCodeAt(0) <= 0x20;
  while (isEdge(kept[0])) kept.shift();
  while (isEdge(kept[kept.length - 1])) kept.pop();
  return kept.join('');
}

/** A relative address or an http(s) one: never `javascript:` or another scheme, whoever set the attribute. */
function pageLink(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const read = asBrowserReads(href);
  return read && (/^https?:/i.test(read) || !/^[\w+.-]*:/.test(read)) ? read : undefined;
}

/** What replaces the form once the request is stored: its reference, to keep or print. */
export function receipt(
  t: IntakeFormStrings,
  territory: Territory,
  phase: Extract<Phase, {name: 'submitted'}>,
  lang: string,
  onAnother: () => void,
  statusHref?: string,
): TemplateResult {
  const phone = formatFrenchPhone(territory.phone);
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {dateStyle: 'long'}).format(phase.at);
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
      ${pageLink(statusHref) ? html`<p><a part="status-link" href=${pageLink(statusHref)}>${t.followRequest}</a></p>` : nothing}
      <div class="actions">
        <button type="button" class="button" @click=${() => window.print()}>${t.print}</button>
        <button type="button" class="button button--secondary" @click=${onAnother}>${t.another}</button>
      </div>
    </section>
  `;
}
