import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {OutboxMessage, OutboxSummary} from '@cpts-kit/contract';
import {getOutbox, type CptsClient} from '@cpts-kit/sdk';
import {coordinatorStrings} from '../coordinator/coordinator-strings.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {CoordinatorSession} from '../coordinator/session.js';
import {CptsElement} from '../internal/cpts-element.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {outboxStrings, type OutboxStrings} from './outbox-strings.js';

/**
 * @summary « Messages »: the e-mails the server sends for the territory (receipts, notes, alerts,
 * proposals, reminders) — how many wait, went out or failed, and which ones need attention.
 *
 * Says plainly when the server has no SMTP configured and how many messages wait meanwhile, so
 * the coordination knows to call people instead. Lists the waiting and failed messages with their
 * kind, masked recipient, attempts and last error; never a message's content. Signs in through
 * the coordinator session of its `<cpts-provider>` (see `<cpts-coordinator-sign-in>`), or alone.
 *
 * @fires cpts-signed-in - The coordinator signed in here; `client` is the SDK client carrying the token.
 * @fires cpts-error - The outbox could not be read for a reason other than a refused token.
 *
 * @csspart base - The wrapper.
 * @csspart status - The live line: loading, counts.
 * @csspart not-configured - The notice that SMTP is not configured.
 * @csspart list - The table of waiting and failed messages.
 * @csspart empty - Shown when nothing waits nor failed.
 */
export class CptsOutbox extends CptsElement {
  static override stringBundles = [outboxStrings, coordinatorStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles];

  private readonly session = new CoordinatorSession(this, {
    idPrefix: 'ob',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    token: () => this.token,
    // the outbox's first read checks the token: signing in here costs one request
    verify: (client) => this.open(client),
    onSignedIn: (client, typed) => void this.signedIn(client, typed),
    onSignedOut: () => this.forget(),
  });
  private abort: AbortController | undefined;
  /** The client `summary` was read with: a sign-in this tool checked needs no second read. */
  private readWith: CptsClient | undefined;

  @state() private summary: OutboxSummary | undefined;
  @state() private loading = false;
  @state() private failure: string | undefined;
  @state() private notice = '';

  /** A coordinator's token, if the page has one; otherwise the session asks for it. */
  @property({attribute: false}) token?: string;

  private get s(): OutboxStrings {
    return this.localize.strings.outbox;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** Reads the outbox again (the Refresh button). */
  async refresh(): Promise<void> {
    const client = this.session.client;
    if (client) await this.load(client);
  }

  /** The token's check, when signing in here: a refusal propagates, so the session says so by the field. */
  private async open(client: CptsClient): Promise<void> {
    this.summary = await getOutbox(client);
    this.readWith = client;
  }

  private async signedIn(client: CptsClient, typed: boolean): Promise<void> {
    if (this.readWith !== client) await this.load(client);
    if (!typed) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ob-title')?.focus();
  }

  private async load(client: CptsClient): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    this.failure = undefined;
    this.notice = '';
    try {
      const summary = await getOutbox(client, {signal: abort.signal});
      if (abort.signal.aborted) return;
      this.summary = summary;
      this.readWith = client;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = this.session.reportFailure(error);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  private forget(): void {
    this.abort?.abort();
    this.summary = undefined;
    this.readWith = undefined;
    this.loading = false;
    this.failure = undefined;
    this.notice = this.s.signedOut;
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.localize.lang, {dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris'}).format(new Date(iso));
  }

  private renderRow(m: OutboxMessage): TemplateResult {
    const s = this.s;
    const waiting = m.status === 'pending' && m.attempts > 0;
    return html`<tr>
      <th scope="row">${s.kinds[m.kind]}</th>
      <td>${m.recipient === 'coordination' ? s.coordination : m.recipient}</td>
      <td>${s.statuses[m.status]}${waiting ? html`<br /><small>${s.nextAttempt(this.date(m.nextAttemptAt))}</small>` : nothing}</td>
      <td>${m.attempts}</td>
      <td>${m.lastError ?? '—'}</td>
      <td>${this.date(m.createdAt)}</td>
    </tr>`;
  }

  private renderSummary(summary: OutboxSummary): TemplateResult {
    const s = this.s;
    const waiting = summary.counts.pending + summary.counts.sending;
    return html`
      ${summary.smtpConfigured ? nothing : html`<div class="panel" part="not-configured"><p><strong>${s.notConfigured(waiting)}</strong></p></div>`}
      ${
        summary.items.length === 0
          ? html`<p class="empty" part="empty">${s.empty}</p>`
          : html`<div class="table-wrap" part="list" tabindex="0" role="region" aria-labelledby="ob-caption">
              <table>
                <caption id="ob-caption">${s.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">${s.columns.kind}</th>
                    <th scope="col">${s.columns.recipient}</th>
                    <th scope="col">${s.columns.status}</th>
                    <th scope="col">${s.columns.attempts}</th>
                    <th scope="col">${s.columns.lastError}</th>
                    <th scope="col">${s.columns.createdAt}</th>
                  </tr>
                </thead>
                <tbody>
                  ${summary.items.map((m) => this.renderRow(m))}
                </tbody>
              </table>
            </div>`
      }
    `;
  }

  private renderTool(): TemplateResult {
    const s = this.s;
    const summary = this.summary;
    const status = this.loading ? s.loading : summary ? s.counts(summary.counts) : this.notice;
    return html`
      <div class="toolbar">
        <h2 id="ob-title" tabindex="-1">${s.title}</h2>
        <button type="button" class="secondary" ?disabled=${this.loading} @click=${() => void this.refresh()}>${s.refresh}</button>
      </div>
      <p class="notice" role="status" part="status">${status}</p>
      ${this.failure ? html`<div role="alert" class="failure"><p>${this.failure}</p></div>` : nothing}
      ${summary ? this.renderSummary(summary) : nothing}
    `;
  }

  override render() {
    return html`<div part="base" lang=${this.localize.lang} aria-busy=${this.loading ? 'true' : 'false'}>
      ${this.session.renderTool(() => this.renderTool(), this.failure)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-outbox': CptsOutbox;
  }
}
