import {html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {INTAKE_REASONS, REQUESTER_KINDS, TRISTATES, type Territory} from '@cpts-kit/contract';
import {CptsElement} from '../internal/cpts-element.js';
import {defineElement} from '../internal/define-element.js';
import {formatFrenchPhone} from '../internal/format.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {priorityQuestions} from './form-model.js';
import {intakeStrings} from './intake-strings.js';
import {paperStyles, pageRule} from './paper-form.styles.js';
import {intakePaperStrings} from './paper-strings.js';

/** One A4 rule for every paper form of the page, adopted while one is shown. */
let pageSheet: CSSStyleSheet | undefined;
let shown = 0;

function adoptPageRule(): void {
  if (shown++ > 0 || !('adoptedStyleSheets' in Document.prototype)) return;
  pageSheet ??= new CSSStyleSheet();
  pageSheet.replaceSync(pageRule);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

function dropPageRule(): void {
  if (--shown > 0 || !pageSheet) return;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== pageSheet);
}

const box = () => html`<span class="box" aria-hidden="true"></span>`;

/**
 * @summary The blank, printable version of `<cpts-intake-form>`'s questions, for a town hall to hand
 * out: large type, boxes to tick, lines to write on, the privacy notice, and where to send it back.
 * Loaded on demand by the form (its own chunk), so the online form's first download stays the same.
 *
 * @fires cpts-paper-close - « Revenir au formulaire en ligne » was pressed.
 *
 * @csspart base - The wrapper.
 */
export class CptsIntakePaper extends CptsElement {
  static override stringBundles = [intakeStrings, intakePaperStrings];
  static override styles = [tokens, base, formStyles, paperStyles];

  @property({attribute: false}) territoryDetails?: Territory;

  override connectedCallback(): void {
    super.connectedCallback();
    adoptPageRule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    dropPageRule();
  }

  /** Focus on the title, for a keyboard or screen reader user who just opened it. */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#paper-title')?.focus();
  }

  private line(label: string, options: {optional?: boolean; date?: boolean} = {}): TemplateResult {
    const t = this.localize.strings.intake;
    return html`<div class="line">
      <span>${label}${options.optional ? html` <span class="optional">${t.optional}</span>` : nothing}</span>
      <span class="blank ${options.date ? 'date' : ''}" aria-hidden="true"></span>
    </div>`;
  }

  private choices(labels: readonly string[]): TemplateResult {
    return html`<ul class="choices">
      ${labels.map((label) => html`<li>${box()}<span>${label}</span></li>`)}
    </ul>`;
  }

  private renderQuestions(): TemplateResult {
    const t = this.localize.strings.intake;
    const p = this.localize.strings.intakePaper;
    return html`
      <section aria-labelledby="paper-who">
        <h3 id="paper-who">${t.whoLegend}</h3>
        <p class="hint">${p.tick}</p>
        ${this.choices(REQUESTER_KINDS.map((kind) => t.whoKinds[kind]))}
      </section>
      <section aria-labelledby="paper-helper">
        <h3 id="paper-helper">${t.helperLegend}</h3>
        ${this.line(t.helperName)} ${this.line(t.helperPhone)} ${this.line(t.helperOrganisation, {optional: true})}
      </section>
      <section aria-labelledby="paper-person">
        <h3 id="paper-person">${t.personLegendHelped}</h3>
        ${this.line(t.lastName)} ${this.line(t.firstNames)} ${this.line(t.birthDate, {date: true})} ${this.line(t.phone)}
        ${this.line(t.email, {optional: true})} ${this.line(t.bestTimeToCall, {optional: true})} ${this.line(t.commune)}
        ${this.line(t.address, {optional: true})}
      </section>
      <section aria-labelledby="paper-situation">
        <h3 id="paper-situation">${t.situationLegend}</h3>
        <p>${t.reason}</p>
        ${this.choices(INTAKE_REASONS.map((reason) => t.reasons[reason]))} ${this.line(t.since, {optional: true, date: true})}
      </section>
      <section aria-labelledby="paper-priority">
        <h3 id="paper-priority">${t.priorityLegend}</h3>
        <p class="hint">${t.priorityHint}</p>
        ${priorityQuestions.map(
          (question) => html`<div class="question"><span>${t.priorityQuestions[question]}</span>${this.choices(TRISTATES.map((answer) => t.tristate[answer]))}</div>`,
        )}
      </section>
      <section aria-labelledby="paper-comment">
        <h3 id="paper-comment">${t.comment} <span class="optional">${t.optional}</span></h3>
        <div class="lines" aria-hidden="true"><span class="blank"></span><span class="blank"></span><span class="blank"></span></div>
      </section>
    `;
  }

  override render() {
    const territory = this.territoryDetails;
    if (!territory) return nothing;
    const t = this.localize.strings.intake;
    const p = this.localize.strings.intakePaper;
    return html`<article part="base" class="paper" lang=${this.localize.lang} aria-labelledby="paper-title">
      <div class="actions">
        <button type="button" id="paper-print" @click=${() => window.print()}>${p.print}</button>
        <button type="button" class="secondary" id="paper-back" @click=${() => this.dispatchEvent(new Event('cpts-paper-close', {bubbles: true, composed: true}))}>
          ${p.back}
        </button>
      </div>
      <h2 id="paper-title" tabindex="-1">${p.title}</h2>
      <p><strong>${territory.name}</strong></p>
      <p>${p.instructions}</p>
      ${this.renderQuestions()}
      <section aria-labelledby="paper-consent">
        <h3 id="paper-consent">${t.consentLegend}</h3>
        <p class="privacy">${territory.privacyNotice.summary}</p>
        ${territory.privacyNotice.url ? html`<p>${territory.privacyNotice.url}</p>` : nothing}
        <p class="question">${box()} <span>${t.consent}</span></p>
        ${this.line(p.date, {date: true})} ${this.line(p.signature)}
      </section>
      <section class="send-back" aria-labelledby="paper-send-back">
        <h3 id="paper-send-back">${p.sendBack}</h3>
        <p>${p.sendBackTo(territory.name)}</p>
        <p>${p.phone(formatFrenchPhone(territory.phone))}</p>
        <p>${p.email(territory.email)}</p>
        ${territory.website ? html`<p>${territory.website}</p>` : nothing}
      </section>
      <p class="hint">${p.forCpts}</p>
    </article>`;
  }
}

defineElement('cpts-intake-paper', CptsIntakePaper);

declare global {
  interface HTMLElementTagNameMap {
    'cpts-intake-paper': CptsIntakePaper;
  }
  interface GlobalEventHandlersEventMap {
    'cpts-paper-close': Event;
  }
}
