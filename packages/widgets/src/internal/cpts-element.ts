import {consume} from '@lit/context';
import {html, LitElement, ReactiveElement, render, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {createClient, isCptsApiError, isCptsNetworkError, isCptsTimeoutError, type CptsClient} from '@cpts-kit/sdk';
import {clientContext} from '../context/client.js';
import {themeContext, type ThemeName} from '../context/theme.js';
import {CptsErrorEvent} from '../events/error.js';
import {CptsConfigError} from './config-error.js';
import type {StringBundle} from '../translations/bundle.js';
import {LocalizeController} from '../translations/localize.js';

/**
 * Base of every cpts-kit element: language, theme, and the SDK client, which comes from (first
 * match wins) the `client` property, the enclosing `<cpts-provider>`, or the element's own `api` and
 * `territory` attributes.
 */
export abstract class CptsElement extends LitElement {
  /** The string bundles the element reads beyond the common strings (`intakeStrings`…). */
  protected static stringBundles: readonly StringBundle[] = [];

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof CptsElement).stringBundles);
  private ownClient: {key: string; client: CptsClient} | undefined;

  /**
   * Resolves once the element's string bundles are loaded in its language (undefined when they
   * are): controllers that call into the element outside a render, such as the coordinator
   * session on a sign-in shared by the page, wait for it first.
   * @internal
   */
  whenStringsLoaded(): Promise<void> | undefined {
    return this.localize.whenLoaded();
  }
  /** Why the string bundles could not be fetched; set until Retry. */
  private stringsFailure: unknown;

  @consume({context: clientContext, subscribe: true})
  @state()
  protected providedClient?: CptsClient;

  @consume({context: themeContext, subscribe: true})
  @state()
  protected providedTheme?: ThemeName;

  /** Base URL of the cpts-kit API: `/` when the page and the API share an origin, else e.g. `https://api.cpts-exemple.fr`. */
  @property() api?: string;

  /** Slug of the territory (the CPTS), e.g. `demo`. */
  @property() territory?: string;

  /** `fr` or `en`. Unset: the provider's, else the page's (`<html lang>`), else French. */
  // eslint-disable-next-line lit/no-native-attributes -- the native \`lang\` on purpose: the page sets it as on any element
  @property() override lang = '';

  /** `default` or `civic`. Unset: the provider's, else `default`. */
  @property({reflect: true}) theme?: ThemeName;

  /** A ready SDK client, for developers; wins over the provider and the attributes. */
  @property({attribute: false}) client?: CptsClient;

  // wait for the strings before rendering: on a language switch the old language stays on screen
  // until the new one has arrived, and `updateComplete` resolves only once the element speaks it
  protected override scheduleUpdate(): void | Promise<unknown> {
    // after a failure, only Retry (or the browser coming back online) fetches again: any other
    // update would fetch, fail and report once more
    const loading = this.stringsFailure === undefined ? this.localize.whenLoaded() : undefined;
    if (!loading) return super.scheduleUpdate();
    return this.waitForStrings(loading).then(() => super.scheduleUpdate());
  }

  // untyped map, as in willUpdate
  protected override update(changed: PropertyValues): void {
    if (this.stringsFailure === undefined) return super.update(changed);
    // the widget's render() would read keys that never arrived: do Lit's bookkeeping, and show
    // the failure (from the common strings, always there) in its place
    (ReactiveElement.prototype as unknown as {update(changed: PropertyValues): void}).update.call(this, changed);
    if (!this.hasUpdated) this.renderOptions.isConnected = this.isConnected;
    render(this.renderStringsFailure(), this.renderRoot, this.renderOptions);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.retryStrings);
  }

  private async waitForStrings(loading: Promise<void>): Promise<void> {
    try {
      // the language may change while we wait: wait for that one too, never render one not loaded
      let lang = this.localize.lang;
      for (let next: Promise<void> | undefined = loading; next;) {
        await next;
        next = this.localize.lang === lang ? undefined : this.localize.whenLoaded();
        lang = this.localize.lang;
      }
    } catch (error) {
      // neither language could be fetched (offline, or a redeploy removed the old chunks): say so
      // and offer to retry, rather than render a widget with its words missing
      this.stringsFailure = error;
      window.addEventListener('online', this.retryStrings, {once: true});
      this.fireError(error);
    }
  }

  private readonly retryStrings = (): void => {
    window.removeEventListener('online', this.retryStrings);
    this.stringsFailure = undefined;
    this.requestUpdate();
  };

  private renderStringsFailure(): TemplateResult {
    const t = this.localize.strings;
    return html`<div part="error" role="alert">
      <p>${t.errorNetwork}</p>
      <button type="button" @click=${this.retryStrings}>${t.retry}</button>
    </div>`;
  }

  // untyped map: `providedTheme` is protected, which PropertyValues<this> cannot name
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('providedTheme')) this.reflectProviderTheme();
  }

  // an attribute of its own, not `theme`: the page's `theme` must keep winning, and stay the page's
  private reflectProviderTheme(): void {
    if (this.providedTheme) this.setAttribute('data-provider-theme', this.providedTheme);
    else this.removeAttribute('data-provider-theme');
  }

  /** The client this element should use, or undefined when it is not configured. */
  resolveClient(): CptsClient | undefined {
    if (this.client) return this.client;
    if (this.providedClient) return this.providedClient;
    if (!this.api || !this.territory) return undefined;
    const baseUrl = absoluteApiUrl(this.api);
    const key = `${baseUrl}|${this.territory}`;
    if (this.ownClient?.key !== key) {
      this.ownClient = {key, client: createClient({baseUrl, territory: this.territory, lang: this.localize.lang})};
    }
    return this.ownClient.client;
  }

  /** Like `resolveClient()`, but throws a `CptsConfigError` explaining what is missing. */
  protected requireClient(): CptsClient {
    const client = this.resolveClient();
    if (!client) throw new CptsConfigError(this.localize.strings.errorNoApi);
    return client;
  }

  /** A message for the user, in the widget's language, for anything the SDK may throw. */
  protected errorMessage(error: unknown): string {
    const t = this.localize.strings;
    if (error instanceof CptsConfigError) return t.errorNoApi;
    if (isCptsApiError(error)) return t.errorApi(error.status);
    if (isCptsTimeoutError(error)) return t.errorTimeout;
    if (isCptsNetworkError(error) || isModuleLoadError(error)) return t.errorNetwork;
    return t.errorUnknown;
  }

  protected fireError(error: unknown): void {
    this.dispatchEvent(new CptsErrorEvent(error));
  }
}

/**
 * A chunk of the widgets' own code that the browser could not fetch (offline, a CDN fault): the
 * person sees it as the network failure it is. Each engine words it its own way.
 */
function isModuleLoadError(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|module script failed/i.test(error.message);
}

/** `/`, `/api/` or `https://…` → an absolute URL, so the SDK never depends on how it resolves relative ones. */
export function absoluteApiUrl(api: string): string {
  return new URL(api.trim() || '/', document.baseURI).href;
}
