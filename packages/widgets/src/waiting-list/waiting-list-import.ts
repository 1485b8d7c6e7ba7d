import {html, nothing, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import type {FieldError, IntakeImportResult} from '@cpts-kit/contract';
import {importIntakeRequests, isCptsApiError} from '@cpts-kit/sdk';
import {coordinatorStrings} from '../coordinator/coordinator-strings.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {CptsElement} from '../internal/cpts-element.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {CptsIntakesImportedEvent} from './waiting-list-events.js';
import {waitingListStrings} from './waiting-list-strings.js';
import {waitingListStyles} from './waiting-list.styles.js';

type Step =
  | {kind: 'idle'; problem?: 'not-csv' | 'too-large' | 'empty' | 'failed'}
  | {kind: 'checking' | 'importing'}
  | {kind: 'preview'; result: IntakeImportResult}
  | {kind: 'errors'; errors: FieldError[]}
  | {kind: 'done'; result: IntakeImportResult};

/** The server refuses larger bodies with 413; saying so before sending saves the upload. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * @summary A coordinator brings in an existing waiting list from a spreadsheet: choose a CSV,
 * check it (dry run: nothing written, errors by line), then import it, all or nothing.
 *
 * The file goes as its bytes: the server reads UTF-8 or Windows-1252, `;` or `,`.
 *
 * @fires cpts-intakes-imported - The file was imported for real; `detail` is the server's result.
 * @fires cpts-error - A request failed for another reason than errors in the file.
 *
 * @csspart base - The section.
 * @csspart preview - The dry run's result.
 * @csspart errors - The errors by line.
 */
export class CptsWaitingListImport extends CptsElement {
  static override stringBundles = [waitingListStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, waitingListStyles];

  @state() private file: File | undefined;
  @state() private step: Step = {kind: 'idle'};
  private failure = '';

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#wi-title')?.focus();
  }

  private choose(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.file = undefined;
    this.step = {kind: 'idle'};
    if (!file) return;
    if (!/\.csv$/i.test(file.name) && !/csv|text\/plain|ms-excel/.test(file.type)) this.step = {kind: 'idle', problem: 'not-csv'};
    else if (file.size > MAX_BYTES) this.step = {kind: 'idle', problem: 'too-large'};
    else if (file.size === 0) this.step = {kind: 'idle', problem: 'empty'};
    else this.file = file;
  }

  private async send(dryRun: boolean): Promise<void> {
    const file = this.file;
    if (!file || this.step.kind === 'checking' || this.step.kind === 'importing') return;
    this.step = {kind: dryRun ? 'checking' : 'importing'};
    try {
      const result = await importIntakeRequests(this.requireClient(), file, {dryRun});
      this.step = dryRun ? {kind: 'preview', result} : {kind: 'done', result};
      if (!dryRun) {
        this.file = undefined;
        this.dispatchEvent(new CptsIntakesImportedEvent(result));
      }
    } catch (error) {
      if (isCptsApiError(error) && error.fieldErrors.length > 0 && (error.status === 422 || error.status === 400)) {
        this.step = {kind: 'errors', errors: error.fieldErrors};
      } else {
        this.failure = this.errorMessage(error);
        this.step = {kind: 'idle', problem: 'failed'};
        this.fireError(error);
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#wi-result')?.focus();
  }

  private renderResult(): TemplateResult | typeof nothing {
    const w = this.localize.strings.waitingList;
    const step = this.step;
    if (step.kind === 'preview') {
      return html`<div part="preview" class="panel">
        <p id="wi-result" tabindex="-1">${w.importPreview(step.result.rows)}</p>
        <div class="table-wrap"><table class="dense">
          <thead><tr><th scope="col">${w.importLine}</th><th scope="col">${w.columns.name}</th><th scope="col">${w.registeredOn}</th><th scope="col">${w.columns.status}</th></tr></thead>
          <tbody>${step.result.preview.map(
            (p) =>
              html`<tr><td class="num">${p.line}</td><td>${p.lastName} ${p.firstNames}</td><td>${p.registeredOn.split('-').reverse().join('/')}</td><td>${this.localize.strings.intakeStatuses[p.status]}</td></tr>`,
          )}</tbody>
        </table></div>
        <div class="actions"><button type="button" @click=${() => this.send(false)}>${w.importRun(step.result.rows)}</button></div>
      </div>`;
    }
    if (step.kind === 'errors') {
      return html`<div part="errors" class="failure" role="alert">
        <p id="wi-result" tabindex="-1">${w.importErrors(step.errors.length)}</p>
        <div class="table-wrap"><table class="dense">
          <thead><tr><th scope="col">${w.importLine}</th><th scope="col">${w.importColumn}</th><th scope="col">${w.importMessage}</th></tr></thead>
          <tbody>${step.errors.map((e) => html`<tr><td class="num">${e.line ?? ''}</td><td>${e.column ?? ''}</td><td>${e.message}</td></tr>`)}</tbody>
        </table></div>
      </div>`;
    }
    if (step.kind === 'done') return html`<p id="wi-result" tabindex="-1" class="success" role="status">${w.importDone(step.result.created.length)}</p>`;
    if (step.kind === 'checking' || step.kind === 'importing') return html`<p role="status">${step.kind === 'checking' ? w.importChecking : w.importRunning}</p>`;
    return nothing;
  }

  override render() {
    const w = this.localize.strings.waitingList;
    const step = this.step;
    const problem = step.kind === 'idle' ? step.problem : undefined;
    const message =
      problem === 'not-csv'
        ? w.importNotCsv
        : problem === 'too-large'
          ? w.importTooLarge
          : problem === 'empty'
            ? w.importEmpty
            : problem === 'failed'
              ? this.failure
              : undefined;
    const busy = step.kind === 'checking' || step.kind === 'importing';
    return html`<section part="base" class="panel" lang=${this.localize.lang} aria-labelledby="wi-title">
      <h3 id="wi-title" tabindex="-1">${w.importTitle}</h3>
      <p>${w.importIntro}</p>
      <div class="field">
        <label for="wi-file">${w.importFile}</label>
        <p class="hint" id="wi-file-hint">${w.importHint}</p>
        ${message ? html`<p class="field-error" id="wi-file-error"><span class="visually-hidden">${this.localize.strings.coordinator.errorPrefix} </span>${message}</p>` : nothing}
        <input id="wi-file" type="file" accept=".csv,text/csv" aria-describedby=${message ? 'wi-file-hint wi-file-error' : 'wi-file-hint'}
          aria-invalid=${message ? 'true' : 'false'} @change=${this.choose} />
      </div>
      <div class="actions"><button type="button" ?disabled=${!this.file || busy} @click=${() => this.send(true)}>${w.importCheck}</button></div>
      ${this.renderResult()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-waiting-list-import': CptsWaitingListImport;
  }
}
