import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Stats} from '@cpts-kit/contract';
import {getStats, getTerritory, isCptsApiError} from '@cpts-kit/sdk';
import {coordinatorStrings} from '../coordinator/coordinator-strings.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {downloadFile} from '../coordinator/download.js';
import {CoordinatorSession} from '../coordinator/session.js';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {chartStyles} from './charts/charts.styles.js';
import {formatDay, periodProblems, presetPeriod, type Period, type PresetId} from './period.js';
import {renderPeriodForm, type PeriodErrors} from './period-form.js';
import {StatsFormat} from './stats-format.js';
import {statsStrings} from './stats-strings.js';
import {statsTables, tablesCsv, type StatTable} from './stats-tables.js';
import {renderDaysToSolution, renderFigures, renderMap, renderMonthly, renderOtherTables, renderWaitingAge, type StatsView} from './stats-view.js';
import {statsStyles} from './stats.styles.js';

/**
 * @summary The figures a CPTS reports to the Assurance maladie (ACI) and its ARS, for a period:
 * key figures, registrations and solutions month by month, time to a solution, the age of today's
 * waiting list, the communes shaded by people waiting per 1,000 inhabitants, and tables by
 * commune, reason, priority criterion and closing reason. Every chart is an SVG with its data table
 * beside it; every table downloads as CSV, and « CSV publiable » downloads them all with the
 * server's small-cell suppression, fit to leave the coordinator's screen. Prints for the ACI file.
 *
 * Signs in through the coordinator session of its `<cpts-provider>`, or by itself when alone.
 *
 * @fires cpts-signed-in - The coordinator signed in here.
 * @fires cpts-error - A request failed (a period the server refuses is shown by its fields, not fired).
 *
 * @csspart base - The wrapper.
 * @csspart sign-in - The sign-in form (when this tool shows it).
 * @csspart sign-in-above - In a provider whose form is elsewhere: « Connectez-vous ci-dessus ».
 * @csspart session - Once signed in, alone or first of its provider: the line with the sign-out.
 * @csspart period - The period's form.
 * @csspart status - What just happened (an `aria-live` region).
 * @csspart empty - « Pas encore de données pour cette période ».
 * @csspart figures - The key figures.
 * @csspart chart - Each chart's section (the chart and its table).
 * @csspart table - Each data table.
 *
 * @cssproperty --chart-color-1 - Registrations, and the single series of a histogram.
 * @cssproperty --chart-color-2 - Solutions.
 * @cssproperty --map-color-0 - Communes where nobody waits; `--map-color-1` to `--map-color-4` the four classes, palest first.
 */
export class CptsStats extends CptsElement {
  static override stringBundles = [statsStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, chartStyles, statsStyles];

  private readonly territoryData = new TerritoryController(this, (error) => this.fireError(error), getTerritory);
  private readonly session = new CoordinatorSession(this, {
    idPrefix: 'st',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    onSignedIn: () => void this.read(),
    onSignedOut: () => this.forget(),
    token: () => this.token,
  });
  /** The read in flight: a newer period makes its answer moot. */
  private reading: AbortController | undefined;

  /** What the period's fields hold (sent on « Afficher »). */
  @state() private draft: Period = presetPeriod('last12Months');
  @state() private stats: Stats | undefined;
  @state() private loading = false;
  @state() private errors: PeriodErrors = {};
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private preparing = false;

  /** A coordinator's token, if the page has one; otherwise the session asks for it. */
  @property({attribute: false}) token?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reading?.abort();
  }

  private forget(): void {
    this.reading?.abort();
    this.stats = this.failure = undefined;
    this.errors = {};
    this.notice = '';
    this.loading = false;
  }

  private get format(): StatsFormat {
    return new StatsFormat(this.localize.strings.stats, this.localize.lang);
  }

  /** Reads the figures of the period in the fields; a period the server refuses is shown by its fields. */
  private async read(): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    const t = this.localize.strings.stats;
    const period = {...this.draft};
    const problems = periodProblems(period);
    this.errors = {from: problems.from && t.problems[problems.from], to: problems.to && t.problems[problems.to]};
    if (problems.from || problems.to) {
      this.focusOn(problems.from ? '#st-from' : '#st-to');
      return;
    }
    this.reading?.abort();
    const abort = new AbortController();
    this.reading = abort;
    this.loading = true;
    this.failure = undefined;
    this.notice = t.loading;
    try {
      this.stats = await getStats(client, period, {signal: abort.signal});
      this.notice = '';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.notice = '';
      if (!this.showPeriodProblem(error)) this.failure = this.session.reportFailure(error);
    } finally {
      if (this.reading === abort) this.loading = false;
    }
  }

  /** A 400 about the period (reversed, in the future, beyond the retention): its French words by the fields. */
  private showPeriodProblem(error: unknown): boolean {
    if (!isCptsApiError(error) || error.status !== 400) return false;
    const byField = (path: string) =>
      error.fieldErrors
        .filter((e) => e.path === path)
        .map((e) => e.message)
        .join(' ') || undefined;
    const from = byField('from');
    const to = byField('to');
    // a problem naming no field is about the period as a whole
    this.errors = {from, to, period: from || to ? undefined : (error.problem.detail ?? error.problem.title)};
    this.stats = undefined;
    this.focusOn(from ? '#st-from' : '#st-to');
    return true;
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private choosePreset(preset: PresetId): void {
    this.draft = presetPeriod(preset);
    void this.read();
  }

  private fileName(what: string): string {
    const stats = this.stats;
    const territory = this.territory ?? this.session.client?.territory ?? 'cpts';
    return `statistiques-${territory}-${what}-${stats?.from ?? ''}-${stats?.to ?? ''}.csv`;
  }

  /** The first lines of every CSV: the territory and the period, so a file forwarded alone says what it counts. */
  private csvHeading(stats: Stats): string[] {
    const t = this.localize.strings.stats;
    const state = this.territoryData.state;
    const name = state?.status === 'ready' ? state.territory.name : (this.session.client?.territory ?? '');
    return [name, t.periodText(formatDay(stats.from, this.localize.lang), formatDay(stats.to, this.localize.lang))];
  }

  private download(table: StatTable): void {
    const stats = this.stats;
    if (!stats) return;
    const f = new StatsFormat(this.localize.strings.stats, this.localize.lang, 'csv');
    const fileName = this.fileName(table.id);
    downloadFile(this.renderRoot, fileName, tablesCsv([table], f, this.csvHeading(stats)));
    this.notice = this.localize.strings.stats.downloaded(fileName);
  }

  /** Every table from the server's suppressed figures: what may leave the coordinator's screen. */
  private async downloadPublishable(): Promise<void> {
    const client = this.session.client;
    const shown = this.stats;
    if (!client || !shown || this.preparing) return;
    const t = this.localize.strings.stats;
    this.preparing = true;
    this.notice = t.preparing;
    try {
      const published = await getStats(client, {from: shown.from, to: shown.to, publishable: true});
      const f = new StatsFormat(t, this.localize.lang, 'csv');
      const fileName = this.fileName('publiable');
      downloadFile(this.renderRoot, fileName, tablesCsv(statsTables(published, f, this.localize.strings), f, this.csvHeading(published)));
      this.notice = t.downloaded(fileName);
    } catch (error) {
      this.notice = '';
      this.failure = this.session.reportFailure(error);
    } finally {
      this.preparing = false;
    }
  }

  private view(stats: Stats): StatsView {
    const f = this.format;
    const state = this.territoryData.state;
    const communes = state?.status === 'ready' ? state.territory.communes : [];
    return {
      f,
      stats,
      tables: statsTables(stats, f, this.localize.strings),
      centres: new Map(communes.flatMap((c) => (c.centre ? [[c.insee, c.centre] as const] : []))),
      download: (table) => this.download(table),
    };
  }

  private renderStats(stats: Stats): TemplateResult {
    const t = this.localize.strings.stats;
    const lang = this.localize.lang;
    const when = new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeStyle: 'short'}).format(new Date(stats.computedAt));
    const heading = html`<p class="period-text"><strong>${t.periodText(formatDay(stats.from, lang), formatDay(stats.to, lang))}</strong> ${t.computedAt(when)}</p>`;
    if (stats.empty) {
      return html`${heading}
        <div class="empty" part="empty">
          <p><strong>${t.empty}</strong></p>
          <p>${t.emptyHint}</p>
        </div>`;
    }
    const view = this.view(stats);
    return html`${heading}
      <div class="publishable">
        <button type="button" class="secondary" id="st-publishable" aria-describedby="st-publishable-hint" ?disabled=${this.preparing} @click=${this.downloadPublishable}>
          ${t.publishableCsv}
        </button>
        <p class="hint" id="st-publishable-hint">${t.publishableHint}</p>
      </div>
      ${renderFigures(view)} ${renderMonthly(view)} ${renderDaysToSolution(view)} ${renderWaitingAge(view)} ${renderMap(view)} ${renderOtherTables(view)}`;
  }

  private renderTool(): TemplateResult {
    const t = this.localize.strings.stats;
    return html`
      <div class="toolbar">
        <h2 id="st-title" tabindex="-1">${t.title}</h2>
        ${this.stats && !this.stats.empty ? html`<button type="button" class="secondary" id="st-print" @click=${() => window.print()}>${t.print}</button>` : nothing}
      </div>
      ${renderPeriodForm({
        t,
        errorPrefix: this.localize.strings.coordinator.errorPrefix,
        period: this.draft,
        errors: this.errors,
        today: new Date(),
        onInput: (key, value) => (this.draft = {...this.draft, [key]: value}),
        onPreset: (preset) => this.choosePreset(preset),
        onSubmit: () => void this.read(),
      })}
      <p class="notice" role="status" part="status">${this.notice}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      <div class="results" aria-busy=${this.loading ? 'true' : 'false'}>${this.stats ? this.renderStats(this.stats) : nothing}</div>
    `;
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>${this.session.renderTool(() => this.renderTool(), this.failure)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-stats': CptsStats;
  }
}
