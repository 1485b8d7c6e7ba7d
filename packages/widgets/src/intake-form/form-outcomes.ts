import {html, nothing, type TemplateResult} from 'lit';
import type {Territory} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {IntakeFormStrings} from './intake-strings.js';
import type {Phase} from './submission.js';

/** Above the form: the CPTS's phone, for anyone who cannot finish online. */
export function phoneAlternative(t: IntakeFormStrings, territory: Territory): TemplateResult {
  const phone = formatFrenchPhone(territory.phone);
  return html`
    <div class="alternative">
      <p>${t.nextSteps}</p>
      <p><a class="phone" href=${telHref(territory.phone)}>${t.byPhone(phone)}</a></p>
    </div>
  `;
}

/** A submission that failed (no network, a server error, too many requests): the answers are kept, to retry or to call. */
export function failureNotice(t: IntakeFormStrings, territory: Territory, message: string, retryLabel: string, onRetry: () => void): TemplateResult {
  return html`
    <div class="failure" id="failure" tabindex="-1" role="alert">
      <p><strong>${t.failedTitle}</strong></p>
      <p>${message}</p>
      <p>${t.failedKept}</p>
      <p><a href=${telHref(territory.phone)}>${t.call(formatFrenchPhone(territory.phone))}</a></p>
      <button type="button" class="button" @click=${onRetry}>${retryLabel}</button>
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
