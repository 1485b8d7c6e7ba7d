import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {Accepting, Availability, Commune, OwnAvailability, PatientScope, Territory, Visibility} from '@cpts-kit/contract';
import {PatientScope as PatientScopeSchema} from '@cpts-kit/contract';
import {declareAvailability, getOwnAvailability, isCptsApiError, type CptsClient} from '@cpts-kit/sdk';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {LanguageCode} from '../translations/translation.js';
import type {CartodispoStrings} from './cartodispo-strings.js';
import {
  checkDraft,
  daysAgo,
  declarationOf,
  draftOf,
  emptyDraft,
  formatDate,
  groupFieldErrors,
  isLinkRefused,
  MAX_COUNT,
  toDeclaration,
  toggled,
  type DeclarationDraft,
  type DeclarationField,
} from './declaration-model.js';
import {LinkView, type LinkHost} from './link-view.js';

/** What the declare view needs from the element that shows it. */
export interface DeclareHost extends LinkHost, HTMLElement {
  /** The territory (communes, phone), once loaded. */
  readonly territoryData: Territory | undefined;
  readonly cartodispoStrings: CartodispoStrings;
  readonly langCode: LanguageCode;
  readonly retryLabel: string;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
}

type LoadState = {status: 'loading'} | {status: 'missing-link'} | {status: 'invalid-link'} | {status: 'error'; error: unknown} | {status: 'ready'; own: OwnAvailability};

type Status = {kind: 'success' | 'error'; text: string} | undefined;

const ACCEPTING: readonly Accepting[] = ['yes', 'limited', 'no'];
const SCOPES = PatientScopeSchema.options as readonly PatientScope[];

/**
 * `<cpts-cartodispo>`: a practitioner, from their personal link, says whether
 * they take new patients, which ones and how many, their SNP slots, home visits, and who may see
 * it. Built for a phone: big choices, answers that hide what they make irrelevant.
 */
export class DeclareView extends LinkView {
  private readonly host: DeclareHost;
  private state: LoadState = {status: 'loading'};
  private draft: DeclarationDraft = emptyDraft();
  private saving: 'submit' | 'confirm' | undefined;
  private status: Status;
  private fieldErrors: Partial<Record<DeclarationField, string>> = {};

  constructor(host: DeclareHost) {
    super(host);
    this.host = host;
  }

  /** The current declaration as the server last returned it. */
  get current(): Availability | null | undefined {
    return this.state.status === 'ready' ? this.state.own.current : undefined;
  }

  protected get loading(): boolean {
    return this.state.status === 'loading';
  }

  protected async load(client: CptsClient | undefined): Promise<void> {
    this.abort?.abort();
    if (!client) {
      this.setState({status: 'missing-link'});
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.setState({status: 'loading'});
    try {
      const own = await getOwnAvailability(client, {signal: abort.signal});
      if (abort.signal.aborted) return;
      this.draft = draftOf(own.current);
      this.setState({status: 'ready', own});
    } catch (error) {
      if (abort.signal.aborted) return;
      this.setState(isLinkRefused(error) ? {status: 'invalid-link'} : {status: 'error', error});
      if (!isLinkRefused(error)) this.host.reportError(error);
    }
  }

  private setState(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private update(patch: Partial<DeclarationDraft>): void {
    this.draft = {...this.draft, ...patch};
    for (const key of Object.keys(patch) as DeclarationField[]) delete this.fieldErrors[key];
    this.host.requestUpdate();
  }

  private onScopeChange(scope: PatientScope, on: boolean): void {
    // "all" and the narrower scopes contradict each other: picking one side clears the other
    const next =
      scope === 'all'
        ? on
          ? ['all' as const]
          : []
        : toggled(
            this.draft.patientScope.filter((s) => s !== 'all'),
            scope,
            on,
          );
    this.update({patientScope: next});
  }

  private stepSnp(delta: number): void {
    this.update({snpSlotsThisWeek: Math.min(MAX_COUNT, Math.max(0, this.draft.snpSlotsThisWeek + delta))});
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.host.cartodispoStrings;
    const problems = checkDraft(this.draft);
    if (problems.length > 0) {
      this.fieldErrors = Object.fromEntries(problems.map((p) => [p.field, p.kind === 'required' ? t.acceptingLegend : t[p.kind]]));
      this.status = {kind: 'error', text: t.fixErrors};
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.focusField(problems[0]!.field);
      return;
    }
    await this.send('submit');
  }

  private async send(kind: 'submit' | 'confirm'): Promise<void> {
    const client = this.host.practitionerClient;
    const current = this.current;
    if (!client || this.saving || this.state.status !== 'ready') return;
    if (kind === 'confirm' && !current) return;
    const body = kind === 'confirm' && current ? declarationOf(current) : toDeclaration(this.draft);
    const t = this.host.cartodispoStrings;
    // one request at a time: a second tap would store the same declaration twice
    this.saving = kind;
    this.status = undefined;
    this.fieldErrors = {};
    this.host.requestUpdate();
    try {
      const saved = await declareAvailability(client, body);
      this.state = {status: 'ready', own: {...this.state.own, current: saved, freshness: 'fresh'}};
      this.draft = draftOf(saved);
      const date = formatDate(saved.declaredAt, this.host.langCode);
      this.status = {kind: 'success', text: kind === 'confirm' ? t.confirmed(date) : t.saved(date)};
    } catch (error) {
      if (isLinkRefused(error)) {
        this.state = {status: 'invalid-link'};
      } else if (isCptsApiError(error) && error.fieldErrors.length > 0) {
        const {byField, other} = groupFieldErrors(error.fieldErrors);
        this.fieldErrors = byField;
        this.status = {kind: 'error', text: [t.fixErrors, ...other].join(' ')};
      } else {
        this.status = {kind: 'error', text: this.host.describeError(error)};
        this.host.reportError(error);
      }
    } finally {
      this.saving = undefined;
      this.host.requestUpdate();
    }
    await this.focusAfterSend(kind);
  }

  /** The button pressed was disabled while sending, which drops focus to the page: put it where the answer is. */
  private async focusAfterSend(kind: 'submit' | 'confirm'): Promise<void> {
    await this.host.updateComplete;
    const firstError = Object.keys(this.fieldErrors)[0] as DeclarationField | undefined;
    if (firstError) return this.focusField(firstError);
    const pressed = kind === 'submit' ? '[part="submit"]' : '[part="nothing-changed"]';
    // saved: the confirmation, so a keyboard user hears it and goes on from there; failed: back to the button
    const target = this.state.status !== 'ready' ? '[part="invalid-link"]' : this.status?.kind === 'success' ? '[part="status"] p' : pressed;
    this.host.shadowRoot?.querySelector<HTMLElement>(target)?.focus();
  }

  private focusField(field: DeclarationField): void {
    const target = this.host.shadowRoot?.querySelector<HTMLElement>(`[data-field="${field}"] input, [data-field="${field}"] textarea`);
    target?.focus();
  }

  private communes(): Commune[] {
    const list = this.host.territoryData?.communes ?? [];
    return [...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  private errorFor(field: DeclarationField): TemplateResult | typeof nothing {
    const message = this.fieldErrors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`error-${field}`}><span class="visually-hidden">${this.host.cartodispoStrings.errorPrefix} </span>${message}</p>`;
  }

  private describedBy(field: DeclarationField, hint?: string): string | typeof nothing {
    const ids = [hint, this.fieldErrors[field] ? `error-${field}` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderPhone(): TemplateResult | typeof nothing {
    const territory = this.host.territoryData;
    if (!territory) return nothing;
    const phone = formatFrenchPhone(territory.phone);
    return html`<p><a part="phone" href=${telHref(territory.phone)}>${this.host.cartodispoStrings.callCpts(phone)}</a></p>`;
  }

  private renderHeader(own: OwnAvailability): TemplateResult {
    const t = this.host.cartodispoStrings;
    const current = own.current;
    return html`
      <div class="summary" part="summary">
        <p class="whose">${t.whoseLink(own.practitioner.displayName)}</p>
        <p>
          <span class="badge" data-freshness=${own.freshness}>${t.freshness[own.freshness]}</span>
          ${current ? t.lastUpdate(daysAgo(current.declaredAt, this.host.langCode)) : t.never}
        </p>
        ${
          current
            ? html`<div class="confirm">
              <button type="button" part="nothing-changed" class="secondary" ?disabled=${this.saving !== undefined} aria-describedby="confirm-hint" @click=${() => this.send('confirm')}>
                ${this.saving === 'confirm' ? t.saving : t.nothingChanged}
              </button>
              <p class="hint" id="confirm-hint">${t.nothingChangedHint}</p>
            </div>`
            : nothing
        }
      </div>
    `;
  }

  private renderCommunePicker(field: 'scopeCommunes' | 'homeVisitCommunes', legend: string, hint?: string): TemplateResult {
    const chosen = this.draft[field];
    return html`
      <fieldset class="communes" data-field=${field} aria-describedby=${this.describedBy(field, hint ? `hint-${field}` : undefined)}>
        <legend>${legend}</legend>
        ${hint ? html`<p class="hint" id=${`hint-${field}`}>${hint}</p>` : nothing}
        ${this.errorFor(field)}
        <div class="commune-list">
          ${this.communes().map(
            (c) => html`<label class="check"><input type="checkbox" .checked=${live(chosen.includes(c.insee))}
              @change=${(e: Event) => this.update({[field]: toggled(chosen, c.insee, (e.target as HTMLInputElement).checked)})}>${c.name}</label>`,
          )}
        </div>
      </fieldset>
    `;
  }

  private renderYesNo(name: string, value: boolean, onChange: (value: boolean) => void): TemplateResult {
    const t = this.host.cartodispoStrings;
    return html`<div class="choices two">
      <label class="choice"><input type="radio" name=${name} .checked=${live(value)} @change=${() => onChange(true)}><span>${t.yes}</span></label>
      <label class="choice"><input type="radio" name=${name} .checked=${live(!value)} @change=${() => onChange(false)}><span>${t.no}</span></label>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.host.cartodispoStrings;
    const d = this.draft;
    const takes = d.accepting === 'yes' || d.accepting === 'limited';
    return html`
      <form novalidate @submit=${(e: SubmitEvent) => this.onSubmit(e)}>
        <fieldset data-field="accepting" aria-describedby=${this.describedBy('accepting')}>
          <legend>${t.acceptingLegend}</legend>
          ${this.errorFor('accepting')}
          <div class="choices">
            ${ACCEPTING.map(
              (value) => html`<label class="choice big"><input type="radio" name="accepting" value=${value} .checked=${live(d.accepting === value)}
                @change=${() => this.update({accepting: value})}><span>${t.acceptingOptions[value]}</span></label>`,
            )}
          </div>
        </fieldset>

        ${
          takes
            ? html`
              <div class="field" data-field="monthlyQuota">
                <label for="quota">${t.quota}</label>
                <p class="hint" id="hint-quota">${t.quotaHint}</p>
                ${this.errorFor('monthlyQuota')}
                <input id="quota" type="number" inputmode="numeric" min="0" max=${MAX_COUNT} step="1" .value=${live(d.monthlyQuota)}
                  aria-describedby=${this.describedBy('monthlyQuota', 'hint-quota')} aria-invalid=${this.fieldErrors.monthlyQuota ? 'true' : 'false'}
                  @input=${(e: Event) => this.update({monthlyQuota: (e.target as HTMLInputElement).value})}>
              </div>
              <fieldset data-field="patientScope" aria-describedby=${this.describedBy('patientScope')}>
                <legend>${t.scopeLegend}</legend>
                ${this.errorFor('patientScope')}
                <div class="checks">
                  ${SCOPES.map(
                    (scope) => html`<label class="check"><input type="checkbox" value=${scope} .checked=${live(d.patientScope.includes(scope))}
                      @change=${(e: Event) => this.onScopeChange(scope, (e.target as HTMLInputElement).checked)}>${t.scopes[scope]}</label>`,
                  )}
                </div>
              </fieldset>
              ${d.patientScope.includes('chosen_communes') ? this.renderCommunePicker('scopeCommunes', t.communesLegend) : nothing}
            `
            : nothing
        }

        <fieldset data-field="homeVisits">
          <legend>${t.homeVisitsLegend}</legend>
          ${this.renderYesNo('homeVisits', d.homeVisits, (homeVisits) => this.update({homeVisits}))}
        </fieldset>
        ${d.homeVisits ? this.renderCommunePicker('homeVisitCommunes', t.homeVisitCommunesLegend, t.homeVisitCommunesHint) : nothing}

        <div class="field" data-field="snpSlotsThisWeek">
          <label for="snp">${t.snp}</label>
          <p class="hint" id="hint-snp">${t.snpHint}</p>
          ${this.errorFor('snpSlotsThisWeek')}
          <div class="stepper">
            <button type="button" class="step" aria-label=${t.less} aria-controls="snp" ?disabled=${d.snpSlotsThisWeek <= 0} @click=${() => this.stepSnp(-1)}>−</button>
            <input id="snp" type="number" inputmode="numeric" min="0" max=${MAX_COUNT} step="1" .value=${live(String(d.snpSlotsThisWeek))}
              aria-describedby=${this.describedBy('snpSlotsThisWeek', 'hint-snp')}
              @input=${(e: Event) => {
                const n = Number((e.target as HTMLInputElement).value);
                if (Number.isInteger(n) && n >= 0 && n <= MAX_COUNT) this.update({snpSlotsThisWeek: n});
              }}>
            <button type="button" class="step" aria-label=${t.more} aria-controls="snp" ?disabled=${d.snpSlotsThisWeek >= MAX_COUNT} @click=${() => this.stepSnp(1)}>+</button>
          </div>
        </div>

        <div class="checks">
          <label class="check"><input type="checkbox" name="teleconsultation" .checked=${live(d.teleconsultation)}
            @change=${(e: Event) => this.update({teleconsultation: (e.target as HTMLInputElement).checked})}>${t.teleconsultation}</label>
          <label class="check"><input type="checkbox" name="hostsInterns" .checked=${live(d.hostsInterns)}
            @change=${(e: Event) => this.update({hostsInterns: (e.target as HTMLInputElement).checked})}>${t.hostsInterns}</label>
        </div>

        <fieldset data-field="visibility">
          <legend>${t.visibilityLegend}</legend>
          ${this.errorFor('visibility')}
          <div class="choices">
            ${(['public', 'network'] as const).map((value: Visibility) => {
              const hintId = `hint-visibility-${value}`;
              return html`<label class="choice big"><input type="radio" name="visibility" value=${value} aria-describedby=${hintId} .checked=${live(d.visibility === value)}
                @change=${() => this.update({visibility: value})}><span>${value === 'public' ? t.visibilityPublic : t.visibilityNetwork}
                <small id=${hintId}>${value === 'public' ? t.visibilityPublicHint : t.visibilityNetworkHint}</small></span></label>`;
            })}
          </div>
        </fieldset>

        <div class="field" data-field="noteForCoordinator">
          <label for="note">${t.note}</label>
          <p class="hint" id="hint-note">${t.noteHint}</p>
          ${this.errorFor('noteForCoordinator')}
          <textarea id="note" rows="3" maxlength="500" .value=${live(d.noteForCoordinator)} aria-describedby=${this.describedBy('noteForCoordinator', 'hint-note')}
            @input=${(e: Event) => this.update({noteForCoordinator: (e.target as HTMLTextAreaElement).value})}></textarea>
        </div>

        <button type="submit" part="submit" class="primary" ?disabled=${this.saving !== undefined}>${this.saving === 'submit' ? t.saving : t.submit}</button>
      </form>
    `;
  }

  private renderStatus(): TemplateResult {
    const status = this.status;
    return html`<div class=${status?.kind === 'error' ? 'status alert' : 'status'} part="status" role="status" aria-live="polite" data-kind=${status?.kind ?? nothing}>${status ? html`<p tabindex="-1">${status.text}</p>` : nothing}</div>`;
  }

  render(): TemplateResult {
    const t = this.host.cartodispoStrings;
    const state = this.state;
    switch (state.status) {
      case 'loading':
        return html`<p class="loading" role="status">${t.loading}</p>`;
      case 'missing-link':
      case 'invalid-link':
        return html`<div role="alert" class="alert" part="invalid-link" tabindex="-1"><p><strong>${state.status === 'missing-link' ? t.missingLink : t.invalidLink}</strong></p>${this.renderPhone()}</div>`;
      case 'error':
        return html`<div role="alert" class="alert"><p><strong>${t.loadError}</strong></p><p>${this.host.describeError(state.error)}</p>
          <button type="button" class="secondary" @click=${() => this.reload()}>${this.host.retryLabel}</button>${this.renderPhone()}</div>`;
      case 'ready':
        return html`${this.renderHeader(state.own)}${this.renderForm()}${this.renderStatus()}`;
    }
  }
}
