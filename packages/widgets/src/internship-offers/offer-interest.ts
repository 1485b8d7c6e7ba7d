import {html, nothing, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {InternshipInterestCreate, type InternshipOffer} from '@cpts-kit/contract';
import {expressInternshipInterest, isCptsApiError, newIdempotencyKey} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {CptsInterestSentEvent} from './offer-events.js';
import {formatPeriod} from './offers-model.js';
import type {InterestField} from './offers-strings.js';
import {formStyles} from './offers.styles.js';
import {offersStrings} from './offers-strings.js';
import {labelStrings} from '../translations/labels.js';

const FIELDS: readonly InterestField[] = ['name', 'email', 'period', 'message', 'consent'];
const isField = (path: unknown): path is InterestField => typeof path === 'string' && (FIELDS as readonly string[]).includes(path);

interface InterestValues {
  name: string;
  email: string;
  period: string;
  message: string;
  consent: boolean;
  website: string;
}

const emptyValues = (): InterestValues => ({name: '', email: '', period: '', message: '', consent: false, website: ''});

/** The body to send: empty optional fields left out, as the strict contract expects. */
export function interestBody(values: InterestValues): Record<string, unknown> {
  return {
    name: values.name,
    email: values.email.trim(),
    period: values.period,
    ...(values.message.trim() ? {message: values.message} : {}),
    consent: values.consent,
    ...(values.website ? {website: values.website} : {}),
  };
}

/** Fields the contract rejects, each once, in the form's order. */
export function interestFieldErrors(values: InterestValues, periods: readonly string[]): InterestField[] {
  const result = InternshipInterestCreate.safeParse(interestBody(values));
  const bad = new Set<InterestField>();
  if (!result.success) for (const issue of result.error.issues) if (isField(issue.path[0])) bad.add(issue.path[0]);
  if (values.period && !periods.includes(values.period)) bad.add('period');
  return FIELDS.filter((f) => bad.has(f));
}

/**
 * @summary « Ce stage m'intéresse »: an intern leaves their name, e-mail and period for one offer.
 *
 * @fires cpts-interest-sent - The server received the interest; `detail` holds the offer id and the answer.
 * @fires cpts-error - Sending failed for another reason than a field error.
 *
 * @csspart base - The form.
 * @csspart error-summary - The list of errors shown after a refused submit.
 * @csspart success - The thank-you message.
 */
export class CptsOfferInterest extends CptsElement {
  static override stringBundles = [offersStrings, labelStrings];
  static override styles = [tokens, base, formStyles];

  @query('.error-summary') private summary?: HTMLElement;
  @query('.success') private success?: HTMLElement;

  @state() private values: InterestValues = emptyValues();
  @state() private errors: InterestField[] = [];
  @state() private serverMessages: Partial<Record<InterestField, string>> = {};
  @state() private sending = false;
  @state() private sent = false;
  @state() private failure: string | undefined;

  /** The offer the intern is interested in. */
  @property({attribute: false}) offer?: InternshipOffer;

  // one key per filled form: a retry of the same form reuses it, any change makes a new form
  private idempotencyKey: string | undefined;
  private focusSummary = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('offer') && changed.get('offer') !== undefined) this.resetForm();
    if (changed.has('offer') && this.offer?.periods.length === 1 && !this.values.period) this.values = {...this.values, period: this.offer.periods[0] ?? ''};
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusSummary && this.summary) {
      this.focusSummary = false;
      this.summary.focus();
    }
    if (changed.has('sent') && this.sent) this.success?.focus();
  }

  private resetForm(): void {
    this.values = emptyValues();
    this.errors = [];
    this.serverMessages = {};
    this.sent = false;
    this.failure = undefined;
    this.idempotencyKey = undefined;
  }

  private set<K extends keyof InterestValues>(key: K, value: InterestValues[K]): void {
    this.values = {...this.values, [key]: value};
    this.idempotencyKey = undefined;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const offer = this.offer;
    if (!offer || this.sending) return;
    this.failure = undefined;
    this.serverMessages = {};
    this.errors = interestFieldErrors(this.values, offer.periods);
    if (this.errors.length > 0) {
      this.focusSummary = true;
      return;
    }
    this.idempotencyKey ??= newIdempotencyKey();
    this.sending = true;
    try {
      const body = InternshipInterestCreate.parse(interestBody(this.values));
      const created = await expressInternshipInterest(this.requireClient(), offer.id, body, {idempotencyKey: this.idempotencyKey});
      this.sent = true;
      this.dispatchEvent(new CptsInterestSentEvent(offer.id, created));
    } catch (error) {
      const fieldErrors = isCptsApiError(error) ? (error.fieldErrors ?? []).filter((e) => isField(e.path)) : [];
      if (fieldErrors.length > 0) {
        this.serverMessages = Object.fromEntries(fieldErrors.map((e) => [e.path, e.message]));
        this.errors = FIELDS.filter((f) => f in this.serverMessages);
        this.focusSummary = true;
      } else {
        this.failure = this.errorMessage(error);
        this.fireError(error);
      }
    } finally {
      this.sending = false;
    }
  }

  private messageFor(field: InterestField): string {
    // our own message: the server's is French whatever the widget's language
    return this.localize.strings.offers.interestErrors[field];
  }

  private focusField(event: Event, field: InterestField): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#interest-${field}`)?.focus();
  }

  private fieldError(field: InterestField) {
    if (!this.errors.includes(field)) return nothing;
    const o = this.localize.strings.offers;
    return html`<p class="field-error" id=${`interest-${field}-error`}><span class="visually-hidden">${o.errorPrefix} </span>${this.messageFor(field)}</p>`;
  }

  private describedBy(field: InterestField, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors.includes(field) ? `interest-${field}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  private renderSummary() {
    if (this.errors.length === 0) return nothing;
    const o = this.localize.strings.offers;
    return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="interest-summary-title">
      <h4 id="interest-summary-title">${o.fixErrors}</h4>
      <ul>
        ${this.errors.map((f) => html`<li><a href=${`#interest-${f}`} @click=${(e: Event) => this.focusField(e, f)}>${this.messageFor(f)}</a></li>`)}
      </ul>
    </div>`;
  }

  override render() {
    const o = this.localize.strings.offers;
    const lang = this.localize.lang;
    const offer = this.offer;
    if (!offer) return nothing;
    if (this.sent) {
      return html`<p class="success" part="success" role="status" tabindex="-1" lang=${lang}>${o.interestSent}</p>`;
    }
    const v = this.values;
    const invalid = (f: InterestField) => (this.errors.includes(f) ? 'true' : 'false');
    return html`
      <form part="base" lang=${lang} novalidate @submit=${this.onSubmit} aria-labelledby="interest-title">
        <h3 id="interest-title">${o.interestTitle}</h3>
        <p class="hint">${o.interestIntro}</p>
        ${this.renderSummary()}
        <div class="field">
          <label for="interest-name">${o.interestName}</label>
          ${this.fieldError('name')}
          <input id="interest-name" name="name" autocomplete="name" maxlength="120" .value=${v.name} aria-invalid=${invalid('name')}
            aria-describedby=${this.describedBy('name')} @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="interest-email">${o.interestEmail}</label>
          ${this.fieldError('email')}
          <input id="interest-email" name="email" type="email" autocomplete="email" spellcheck="false" .value=${v.email} aria-invalid=${invalid('email')}
            aria-describedby=${this.describedBy('email')} @input=${(e: Event) => this.set('email', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="interest-period">${o.interestPeriod}</label>
          ${this.fieldError('period')}
          <select id="interest-period" name="period" aria-invalid=${invalid('period')} aria-describedby=${this.describedBy('period')}
            @change=${(e: Event) => this.set('period', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${v.period === ''}>${o.interestChoose}</option>
            ${offer.periods.map((p) => html`<option value=${p} ?selected=${v.period === p}>${formatPeriod(p, lang)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="interest-message">${o.interestMessage}</label>
          <p class="hint" id="interest-message-hint">${o.interestMessageHint}</p>
          ${this.fieldError('message')}
          <textarea id="interest-message" name="message" rows="4" .value=${v.message} aria-invalid=${invalid('message')}
            aria-describedby=${this.describedBy('message', 'interest-message-hint')} @input=${(e: Event) => this.set('message', (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="field checkbox">
          ${this.fieldError('consent')}
          <input id="interest-consent" name="consent" type="checkbox" .checked=${v.consent} aria-invalid=${invalid('consent')}
            aria-describedby=${this.describedBy('consent')} @change=${(e: Event) => this.set('consent', (e.target as HTMLInputElement).checked)} />
          <label for="interest-consent">${o.interestConsent}</label>
        </div>
        <div class="honeypot" aria-hidden="true">
          <label for="interest-website">Website</label>
          <input id="interest-website" name="website" tabindex="-1" autocomplete="off" .value=${v.website}
            @input=${(e: Event) => this.set('website', (e.target as HTMLInputElement).value)} />
        </div>
        ${this.failure ? html`<div role="alert" class="failure"><p><strong>${o.sendError}</strong> ${this.failure}</p></div>` : nothing}
        <button type="submit" ?disabled=${this.sending}>${this.sending ? o.interestSending : o.interestSubmit}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-offer-interest': CptsOfferInterest;
  }
}
