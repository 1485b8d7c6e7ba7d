import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Impact, StatCount} from '@cpts-kit/contract';
import {getImpact, isCptsApiError, type CptsClient} from '@cpts-kit/sdk';
import {CptsConfigError} from '../internal/config-error.js';
import {CptsElement} from '../internal/cpts-element.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {impactStrings} from './impact-strings.js';
import {styles} from './impact.styles.js';

/** `loading`, then `ready`; `off` when the territory does not publish its impact; `error` when it could not be read. */
export type ImpactState = 'loading' | 'ready' | 'off' | 'error';

/**
 * @summary One plain-language sentence for a CPTS's public site: « Depuis janvier 2026, 412
 * personnes se sont inscrites auprès de la CPTS ; 198 ont trouvé un médecin traitant, dont 150
 * grâce à la CPTS. » From the territory's public, cached, suppressed `GET …/impact`: a count of 1
 * to 10 reads « moins de 11 », and a count the server hides (it would give a small one away by
 * subtraction) is left out of the sentence.
 *
 * When the territory has not switched its impact on, the element shows nothing and takes no room
 * (its `state` attribute is `off`, so the page may hide a heading with it: `section:has(cpts-impact[state='off'])`);
 * a webmaster sees why in the console. A failed read shows nothing either, and fires `cpts-error`.
 *
 * @fires cpts-error - The summary could not be read (not fired when the territory simply does not publish it).
 *
 * @csspart base - The wrapper.
 * @csspart summary - The sentence.
 *
 * @cssproperty --padding - Inner spacing.
 * @cssproperty --font-size - The sentence's size.
 */
export class CptsImpact extends CptsElement {
  static override stringBundles = [impactStrings];
  static override styles = [tokens, base, styles];

  private loadedWith: CptsClient | undefined;
  private abort: AbortController | undefined;

  @state() private impact: Impact | undefined;

  /** Where the element stands; reflected, for the page's CSS. */
  @property({reflect: true}) state: ImpactState = 'loading';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedWith = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const client = this.resolveClient();
    if (client !== this.loadedWith) void this.load(client);
  }

  private async load(client: CptsClient | undefined): Promise<void> {
    this.loadedWith = client;
    this.abort?.abort();
    if (!client) {
      this.failed(new CptsConfigError('<cpts-impact>: set "api" and "territory", or place it inside <cpts-provider>'));
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.state = 'loading';
    try {
      this.impact = await getImpact(client, {signal: abort.signal});
      this.state = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      if (isCptsApiError(error) && error.status === 404) {
        this.impact = undefined;
        this.state = 'off';
        console.warn(`[cpts-kit] <cpts-impact>: the territory « ${client.territory} » does not publish its impact; a coordinator switches it on in the territory's settings.`);
        return;
      }
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    this.impact = undefined;
    this.state = 'error';
    this.fireError(error);
  }

  private sentence(impact: Impact): string {
    const t = this.localize.strings.impact;
    const lang = this.localize.lang;
    const since = new Intl.DateTimeFormat(lang, {month: 'long', year: 'numeric', timeZone: 'UTC'}).format(new Date(`${impact.since}T00:00:00Z`));
    if (impact.empty) return t.empty(since);
    const number = new Intl.NumberFormat(lang);
    // a hidden count (complementary suppression) is left out of the sentence rather than read « masqué »
    const words = (count: StatCount) => (typeof count === 'number' ? number.format(count) : count.suppressed === 'lessThan11' ? t.lessThan11 : undefined);
    const value = (count: StatCount) => (typeof count === 'number' ? count : null);
    const registered = words(impact.registered);
    const found = words(impact.foundDoctor);
    const viaCpts = words(impact.foundViaCpts);
    let text = t.registered(since, registered ?? t.lessThan11, value(impact.registered));
    if (found !== undefined) text += t.found(found, value(impact.foundDoctor));
    if (found !== undefined && viaCpts !== undefined) text += t.viaCpts(viaCpts);
    return `${text}.`;
  }

  override render(): TemplateResult | typeof nothing {
    const impact = this.impact;
    if (this.state !== 'ready' || !impact) return nothing;
    return html`<div part="base" lang=${this.localize.lang}><p part="summary">${this.sentence(impact)}</p></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-impact': CptsImpact;
  }
}
