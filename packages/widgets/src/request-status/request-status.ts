import {html, nothing, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import type {RequestStatus, Territory} from '@cpts-kit/contract';
import {isCptsApiError, lookupRequestStatus, getTerritory} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {renderErrorSummary} from '../internal/field-problems.js';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {styles} from './request-status.styles.js';
import {checkLookup, emptyStatusValues, fieldErrorsOf, longDate, referenceExample, statusFieldIds, type StatusFieldError, type StatusValues} from './status-model.js';
import {statusStrings, type StatusField, type StatusStrings} from './status-strings.js';

/** What the lookup gave: nothing yet, the answer, or why there is none. */
type Outcome =
  | {name: 'none'}
  | {name: 'checking'}
  | {name: 'found'; status: RequestStatus}
  | {name: 'not-found'}
  | {name: 'too-many'; minutes: number | undefined}
  | {name: 'failed'; error: unknown};

/**
 * @summary Where a registered person's request stands: they type the reference of their receipt and
 * the birth date given with it, and read in plain words what the CPTS is doing, with its phone.
 *
 * Shows nothing about the person. A wrong pair, an unknown reference or another CPTS's all get the
 * same answer (the server's one 404); after too many tries the server refuses for a while, and the
 * element says how long.
 *
 * @fires cpts-error - The territory could not be fetched, or a lookup failed for another reason
 *   than a wrong pair (network, server, too many tries). `error` holds what the SDK threw.
 *
 * @csspart base - The wrapper.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems shown after a lookup with errors.
 * @csspart submit - The submit button.
 * @csspart answer - Where the request stands, once found.
 * @csspart not-found - The one answer to a wrong pair.
 * @csspart phone - The CPTS's phone link(s).
 *
 * @cssproperty --gap - Space between the blocks.
 */
export class CptsRequestStatus extends CptsElement {
  static override stringBundles = [statusStrings];
  static override styles = [tokens, base, formStyles, styles];

  private readonly territoryData: TerritoryController = new TerritoryController(this, (error) => this.fireError(error), getTerritory);
  // the flag, not the disabled button: a double click's second event comes before Lit disables it
  private checking = false;

  @state() private values: StatusValues = emptyStatusValues();
  @state() private errors: StatusFieldError[] = [];
  @state() private outcome: Outcome = {name: 'none'};

  private get t(): StatusStrings {
    return this.localize.strings.requestStatus;
  }

  private get territoryReady(): Territory | undefined {
    const current = this.territoryData.state;
    return current?.status === 'ready' ? current.territory : undefined;
  }

  /** Empties the form and the answer, and puts focus on the reference. */
  async reset(): Promise<void> {
    this.values = emptyStatusValues();
    this.errors = [];
    this.outcome = {name: 'none'};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#reference')?.focus();
  }

  private setValue(key: keyof StatusValues, value: string): void {
    this.values = {...this.values, [key]: value};
  }

  private onInput = (key: keyof StatusValues) => (event: Event) => this.setValue(key, (event.target as HTMLInputElement).value);

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.checking) return;
    const checked = checkLookup(this.values);
    this.errors = checked.errors;
    if (!checked.lookup) {
      this.outcome = {name: 'none'};
      await this.focusSummary();
      return;
    }
    this.checking = true;
    this.outcome = {name: 'checking'};
    try {
      this.outcome = {name: 'found', status: await lookupRequestStatus(this.requireClient(), checked.lookup)};
    } catch (error) {
      await this.onFailure(error);
    } finally {
      this.checking = false;
    }
  };

  private async onFailure(error: unknown): Promise<void> {
    if (isCptsApiError(error) && error.status === 404) {
      this.outcome = {name: 'not-found'};
      return;
    }
    this.fireError(error);
    if (isCptsApiError(error) && error.status === 400) {
      const errors = fieldErrorsOf(error.fieldErrors.map((e) => e.path));
      if (errors.length > 0) {
        this.errors = errors;
        this.outcome = {name: 'none'};
        await this.focusSummary();
        return;
      }
    }
    if (isCptsApiError(error) && error.status === 429) {
      // the server says how long in the problem too: no need for the response's headers
      const seconds = (error.problem as {retryAfter?: unknown}).retryAfter;
      this.outcome = {name: 'too-many', minutes: typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : undefined};
      return;
    }
    this.outcome = {name: 'failed', error};
  }

  private async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private focusField = (id: string): void => {
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  };

  private message(field: StatusField): string | undefined {
    const error = this.errors.find((e) => e.field === field);
    if (!error) return undefined;
    const messages = this.t.errors[field];
    return messages[error.problem] ?? messages.default;
  }

  private renderError(id: string, message: string | undefined): TemplateResult | typeof nothing {
    return message ? html`<p class="field-error" id=${`${id}-error`}><span class="visually-hidden">${this.t.errorPrefix}</span> ${message}</p>` : nothing;
  }

  /** One box of the birth date (the intake form's three boxes: day, month, year). */
  private datePart(id: string, label: string, key: 'day' | 'month' | 'year', max: number): TemplateResult {
    return html`<div class="date-part">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        class=${key === 'year' ? 'year' : 'day'}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        maxlength=${max}
        .value=${live(this.values[key])}
        @input=${this.onInput(key)}
        aria-invalid=${this.message('birthDate') ? 'true' : 'false'}
      />
    </div>`;
  }

  private renderForm(territory: Territory): TemplateResult {
    const t = this.t;
    const referenceError = this.message('reference');
    const birthError = this.message('birthDate');
    const issues = (['reference', 'birthDate'] as const)
      .map((field) => ({id: statusFieldIds[field], label: field === 'reference' ? t.reference : t.birthDate, message: this.message(field)}))
      .filter((issue): issue is {id: string; label: string; message: string} => issue.message !== undefined);
    const describedBy = ['reference-hint', referenceError ? 'reference-error' : ''].filter(Boolean).join(' ');
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="title">
        ${renderErrorSummary(t.errorSummaryTitle, issues, this.focusField, 'error-summary-title', this.localize.strings.labelSeparator)}
        <div class="field ${referenceError ? 'field--error' : ''}">
          <label for="reference">${t.reference}</label>
          <p class="hint" id="reference-hint">${t.referenceHint(referenceExample(territory.slug))}</p>
          ${this.renderError('reference', referenceError)}
          <input
            id="reference"
            class="reference"
            type="text"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="characters"
            maxlength="40"
            .value=${live(this.values.reference)}
            @input=${this.onInput('reference')}
            aria-describedby=${describedBy}
            aria-invalid=${referenceError ? 'true' : 'false'}
          />
        </div>
        <fieldset class="field ${birthError ? 'field--error' : ''}" aria-describedby=${birthError ? 'birth-hint birth-error' : 'birth-hint'}>
          <legend>${t.birthDate}</legend>
          <p class="hint" id="birth-hint">${t.birthDateHint}</p>
          ${this.renderError('birth', birthError)}
          <div class="date">
            ${this.datePart('birth-day', t.day, 'day', 2)} ${this.datePart('birth-month', t.month, 'month', 2)} ${this.datePart('birth-year', t.year, 'year', 4)}
          </div>
        </fieldset>
        <div><button part="submit" type="submit" ?disabled=${this.outcome.name === 'checking'}>${t.submit}</button></div>
      </form>
    `;
  }

  private phoneLink(territory: {phone: string}): TemplateResult {
    return html`<a part="phone" class="phone" href=${telHref(territory.phone)}>${this.t.call(formatFrenchPhone(territory.phone))}</a>`;
  }

  private renderOutcome(territory: Territory): TemplateResult | typeof nothing {
    const t = this.t;
    const outcome = this.outcome;
    switch (outcome.name) {
      case 'none':
        return nothing;
      case 'checking':
        return html`<p class="status">${t.checking}</p>`;
      case 'found':
        return this.renderAnswer(outcome.status);
      case 'not-found':
        return html`<div part="not-found" class="failure">
          <p><strong>${t.notFound}</strong></p>
          <p>${t.notFoundHelp}</p>
          <p>${this.phoneLink(territory)}</p>
        </div>`;
      case 'too-many':
        return html`<div class="failure">
          <p><strong>${t.tooManyTries(outcome.minutes)}</strong></p>
          <p>${this.phoneLink(territory)}</p>
        </div>`;
      case 'failed':
        return html`<div class="failure">
          <p><strong>${t.failed}</strong> ${this.errorMessage(outcome.error)}</p>
          <p>${this.phoneLink(territory)}</p>
        </div>`;
    }
  }

  private renderAnswer(status: RequestStatus): TemplateResult {
    const t = this.t;
    const lang = this.localize.lang;
    const received = longDate(status.receivedOn, lang);
    const since = longDate(status.since, lang);
    return html`<section part="answer" class="answer" aria-labelledby="answer-title">
      <h3 id="answer-title">${t.answerTitle(status.reference)}</h3>
      <p class="progress progress--${status.status}"><strong>${t.progress[status.status]}</strong></p>
      <p>${t.explain[status.status](received, since)}${status.closedBecause ? html` ${t.closedBecause[status.closedBecause]}` : nothing}</p>
      <p>${this.phoneLink(status.territory)}</p>
      <button type="button" class="secondary" @click=${() => void this.reset()}>${t.another}</button>
    </section>`;
  }

  override render() {
    const t = this.t;
    const current = this.territoryData.state;
    const territory = this.territoryReady;
    const loading = !current || current.status === 'loading';
    return html`
      <div part="base" lang=${this.localize.lang} aria-busy=${loading || this.outcome.name === 'checking' ? 'true' : 'false'}>
        <h2 id="title" class="title">${t.title}</h2>
        ${loading ? html`<p class="status" role="status">${this.localize.strings.loading}</p>` : nothing}
        ${
          current?.status === 'error'
            ? html`<div role="alert" class="failure">
              <p>${this.errorMessage(current.error)}</p>
              ${this.territoryData.fromProvider ? nothing : html`<button type="button" @click=${() => this.territoryData.reload()}>${this.localize.strings.retry}</button>`}
            </div>`
            : nothing
        }
        ${
          territory
            ? html`<p class="intro">${t.intro}</p>
              <p class="alternative">${t.byPhone(formatFrenchPhone(territory.phone))}</p>
              ${this.renderForm(territory)}`
            : nothing
        }
        <div class="outcome" aria-live="polite">${territory ? this.renderOutcome(territory) : nothing}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-request-status': CptsRequestStatus;
  }
}
