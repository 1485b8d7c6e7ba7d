import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Commune, FieldError, PractitionerImportResult} from '@cpts-kit/contract';
import {importPractitioners, isCptsApiError} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {labelStrings} from '../translations/labels.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {formStyles} from '../styles/form.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {practitionerManagerStrings, type PractitionerManagerStrings} from './practitioner-manager-strings.js';
import {CptsPractitionersImportedEvent} from './manager-events.js';
import {managerStyles} from './practitioner-manager.styles.js';
import {countDataRows, formatSize, templateCsv} from './import-model.js';
import {communeName} from './practitioner-model.js';

type Step =
  | {kind: 'idle'; problem?: 'not-csv' | 'empty' | 'too-large' | 'stopped' | 'failed'}
  | {kind: 'checking' | 'importing'}
  | {kind: 'preview'; result: PractitionerImportResult}
  | {kind: 'errors'; errors: FieldError[]}
  | {kind: 'done'; result: PractitionerImportResult};

interface ChosenFile {
  file: File;
  rows: number;
}

/** The server refuses larger bodies with 413; saying so before sending saves the upload. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * @summary A coordinator's CSV import of practitioners: choose or drop a file, check it without
 * writing anything (dry run), read the preview or every error by line and column, then import it
 * for real, all or nothing.
 *
 * Uploads cannot report progress through `fetch`: while the server works, an indeterminate
 * progress bar shows with the file's size and row count, and the page stays usable.
 *
 * @fires cpts-practitioners-imported - The file was imported for real; `detail` is the server's result.
 * @fires cpts-error - A request failed for another reason than errors in the file.
 *
 * @csspart base - The section.
 * @csspart drop-zone - The area that takes a dropped file (it holds the file input).
 * @csspart preview - The dry run's result, before the real import.
 * @csspart errors - The table of errors by line.
 * @cssproperty --drop-border-color - The drop zone's dashed border.
 */
export class CptsPractitionerImport extends CptsElement {
  // profession names: the labels every widget shares, loaded in the page's language only
  static override stringBundles = [practitionerManagerStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, managerStyles];

  @state() private chosen: ChosenFile | undefined;
  @state() private step: Step = {kind: 'idle'};
  @state() private over = false;
  private abort: AbortController | undefined;
  private failure = '';

  /** The territory's communes, to name them in the preview. */
  @property({attribute: false}) communes: Commune[] = [];

  private get s(): PractitionerManagerStrings {
    return this.localize.strings.practitionerManager;
  }

  /** Moves focus to the section's heading (when it opens). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#pi-title')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** Takes a file (from the input or a drop), and counts its rows without blocking the page. */
  async choose(file: File | undefined): Promise<void> {
    this.abort?.abort();
    this.chosen = undefined;
    if (!file) {
      this.step = {kind: 'idle'};
      return;
    }
    if (!/\.csv$/i.test(file.name) && !/csv|text\/plain|ms-excel/.test(file.type)) {
      this.step = {kind: 'idle', problem: 'not-csv'};
      return;
    }
    if (file.size > MAX_BYTES) {
      this.step = {kind: 'idle', problem: 'too-large'};
      return;
    }
    const rows = await countDataRows(file);
    if (rows === 0) {
      this.step = {kind: 'idle', problem: 'empty'};
      return;
    }
    this.chosen = {file, rows};
    this.step = {kind: 'idle'};
  }

  private async send(dryRun: boolean): Promise<void> {
    const chosen = this.chosen;
    if (!chosen || this.step.kind === 'checking' || this.step.kind === 'importing') return;
    const abort = new AbortController();
    this.abort = abort;
    this.step = {kind: dryRun ? 'checking' : 'importing'};
    // the button pressed (Check, or the preview's Import) is gone: focus Stop, else the heading
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('[part="progress"] button') ?? this.renderRoot.querySelector<HTMLElement>('#pi-title'))?.focus();
    try {
      // the file's bytes as they are: the server detects UTF-8 or Windows-1252 (Excel's export)
      const result = await importPractitioners(this.requireClient(), chosen.file, {dryRun}, {signal: abort.signal});
      this.step = dryRun ? {kind: 'preview', result} : {kind: 'done', result};
      if (!dryRun) this.dispatchEvent(new CptsPractitionersImportedEvent(result));
    } catch (error) {
      if (abort.signal.aborted) {
        this.step = {kind: 'idle', problem: 'stopped'};
      } else if (isCptsApiError(error) && error.status === 422 && error.fieldErrors.length > 0) {
        this.step = {kind: 'errors', errors: error.fieldErrors};
      } else if (isCptsApiError(error) && error.status === 413) {
        this.step = {kind: 'idle', problem: 'too-large'};
      } else {
        this.step = {kind: 'idle', problem: 'failed'};
        this.failure = this.errorMessage(error);
        this.fireError(error);
      }
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
    await this.updateComplete;
    // no result to show (failed, stopped, too large): the file field, under the alert that says why
    (this.renderRoot.querySelector<HTMLElement>('.result-title') ?? this.renderRoot.querySelector<HTMLElement>('#pi-file'))?.focus();
  }

  private stop(): void {
    this.abort?.abort();
  }

  private reset(): void {
    this.chosen = undefined;
    this.step = {kind: 'idle'};
    const input = this.renderRoot.querySelector<HTMLInputElement>('#pi-file');
    if (input) {
      input.value = '';
      input.focus();
    }
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.over = false;
    void this.choose(event.dataTransfer?.files[0]);
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  private problemText(): string | undefined {
    const s = this.s;
    if (this.step.kind !== 'idle' || !this.step.problem) return undefined;
    switch (this.step.problem) {
      case 'not-csv':
        return s.importNotCsv;
      case 'empty':
        return s.importEmpty;
      case 'too-large':
        return s.importTooLarge;
      case 'stopped':
        return s.importStopped;
      case 'failed':
        return this.failure;
    }
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const chosen = this.chosen;
    const step = this.step.kind;
    if (!chosen || (step !== 'checking' && step !== 'importing')) return nothing;
    const s = this.s;
    const size = formatSize(chosen.file.size, this.localize.lang);
    const text = step === 'checking' ? s.importChecking(chosen.rows, size) : s.importing(chosen.rows, size);
    return html`<div class="panel" part="progress">
      <progress aria-label=${text}></progress>
      <p>${text}</p>
      ${step === 'checking' ? html`<div><button type="button" class="secondary" @click=${this.stop}>${s.importStop}</button></div>` : nothing}
    </div>`;
  }

  private renderPreview(result: PractitionerImportResult): TemplateResult {
    const s = this.s;
    const rows = this.chosen?.rows ?? result.rows;
    return html`<div class="panel" part="preview">
      <h4 class="result-title" tabindex="-1">${s.importPreviewTitle}</h4>
      <p>${s.importPreview(result.created, result.updated)}</p>
      ${this.renderWarnings(result.warnings)}
      ${
        result.preview.length > 0
          ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="pi-preview-caption">
            <table>
              <caption id="pi-preview-caption">${s.previewCaption(result.preview.length, result.rows)}</caption>
              <thead><tr><th scope="col">${s.importLine}</th><th scope="col">${s.previewAction}</th><th scope="col">${s.previewName}</th><th scope="col">${s.fields.profession}</th><th scope="col">${s.fields.communeInsee}</th></tr></thead>
              <tbody>
                ${result.preview.map(
                  (r) => html`<tr data-line=${r.line}>
                    <td>${r.line}</td>
                    <td>${r.action === 'create' ? s.previewCreate : s.previewUpdate}</td>
                    <td>${[r.practitioner.title, r.practitioner.firstName, r.practitioner.lastName].filter(Boolean).join(' ')}</td>
                    <td>${this.localize.strings.professions[r.practitioner.profession] ?? r.practitioner.profession}</td>
                    <td>${communeName(this.communes, r.practitioner.communeInsee)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : nothing
      }
      <div class="actions">
        <button type="button" @click=${() => this.send(false)}>${s.importConfirm(rows)}</button>
        <button type="button" class="secondary" @click=${this.reset}>${s.cancel}</button>
      </div>
    </div>`;
  }

  private renderWarnings(warnings: readonly FieldError[]): TemplateResult | typeof nothing {
    if (warnings.length === 0) return nothing;
    return html`<div><p><strong>${this.s.warningsTitle}</strong></p>
      <ul>${warnings.map((w) => html`<li>${w.line ? `${this.s.importLine} ${w.line} — ` : ''}${w.column ? `${w.column}${this.localize.strings.labelSeparator}` : ''}${w.message}</li>`)}</ul></div>`;
  }

  private renderErrors(errors: readonly FieldError[]): TemplateResult {
    const s = this.s;
    return html`<div class="panel" part="errors">
      <h4 class="result-title" tabindex="-1" id="pi-errors-title">${s.importErrorsTitle(errors.length)}</h4>
      <p>${s.importErrorsHint}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="pi-errors-title">
        <table>
          <thead><tr><th scope="col">${s.importLine}</th><th scope="col">${s.importColumn}</th><th scope="col">${s.importMessage}</th></tr></thead>
          <tbody>
            ${errors.map(
              (e) => html`<tr data-line=${e.line ?? ''}>
                <td>${e.line ?? '—'}</td>
                <td>${e.column ?? '—'}</td>
                <td>${e.message}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions"><button type="button" class="secondary" @click=${this.reset}>${s.importAnother}</button></div>
    </div>`;
  }

  override render() {
    const s = this.s;
    const lang = this.localize.lang;
    const step = this.step;
    const busy = step.kind === 'checking' || step.kind === 'importing';
    const chosen = this.chosen;
    const problem = this.problemText();
    return html`<section part="base" lang=${lang} aria-labelledby="pi-title" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="pi-title" tabindex="-1">${s.importTitle}</h3>
      <p>${s.importIntro}</p>
      <p><a href=${templateCsv()} download="modele-praticiens.csv">${s.importTemplate}</a></p>
      <div part="drop-zone" class="drop" ?data-over=${this.over} @dragover=${this.onDragOver} @dragleave=${() => (this.over = false)} @drop=${this.onDrop}>
        <label for="pi-file">${s.importFile}</label>
        <p class="hint" id="pi-file-hint">${s.importFileHint}</p>
        <input id="pi-file" type="file" accept=".csv,text/csv" aria-describedby="pi-file-hint" ?disabled=${busy}
          @change=${(e: Event) => this.choose((e.target as HTMLInputElement).files?.[0])} />
        ${chosen ? html`<p class="file-summary">${s.fileSummary(chosen.file.name, formatSize(chosen.file.size, lang), chosen.rows)}</p>` : nothing}
      </div>
      ${problem ? html`<div role="alert" class="failure"><p>${problem}</p></div>` : nothing}
      ${chosen && step.kind === 'idle' ? html`<div><button type="button" @click=${() => this.send(true)}>${s.importCheck}</button></div>` : nothing}
      <div role="status" class="visually-hidden">${busy && chosen ? (step.kind === 'checking' ? s.importChecking(chosen.rows, formatSize(chosen.file.size, lang)) : s.importing(chosen.rows, formatSize(chosen.file.size, lang))) : step.kind === 'done' ? s.importDone(step.result.created, step.result.updated) : ''}</div>
      ${this.renderProgress()}
      ${step.kind === 'preview' ? this.renderPreview(step.result) : nothing}
      ${step.kind === 'errors' ? this.renderErrors(step.errors) : nothing}
      ${
        step.kind === 'done'
          ? html`<div class="panel success" part="done"><p class="result-title" tabindex="-1">${s.importDone(step.result.created, step.result.updated)}</p>
            <div><button type="button" class="secondary" @click=${this.reset}>${s.importAnother}</button></div></div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-practitioner-import': CptsPractitionerImport;
  }
}
