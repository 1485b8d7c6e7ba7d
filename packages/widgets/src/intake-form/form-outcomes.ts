import {html, type TemplateResult} from 'lit';
import type {Territory} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {IntakeFormStrings} from './intake-strings.js';

/** Above the form: the CPTS's phone, for anyone who cannot finish online (a line saying it loads until the territory is there). */
export function phoneAlternative(t: IntakeFormStrings, territory: Territory | undefined): TemplateResult {
  return html`
    <div class="alternative">
      <p>${t.nextSteps}</p>
      ${
        territory
          ? html`<p><a class="phone" href=${telHref(territory.phone)}>${t.byPhone(formatFrenchPhone(territory.phone))}</a></p>`
          : html`<p class="status" role="status">${t.loading}</p>`
      }
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
