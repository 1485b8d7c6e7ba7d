import {ContextProvider} from '@lit/context';
import {css, html, LitElement, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {type CptsClient, createClient, getTerritory} from '@cpts-kit/sdk';
import {clientContext} from '../context/client.js';
import {localeContext} from '../context/locale.js';
import {territoryContext, type TerritoryState} from '../context/territory.js';
import {isThemeName, themeContext, type ThemeName} from '../context/theme.js';
import {coordinatorSessionContext, CoordinatorSessionStore} from '../coordinator/session-store.js';
import {CptsErrorEvent} from '../events/error.js';
import {absoluteApiUrl} from '../internal/cpts-element.js';
import {CptsConfigError} from '../internal/config-error.js';
import {toSupportedLanguage} from '../translations/translation.js';

/**
 * @summary Shares one API client, the territory, the language and the theme with every cpts-kit
 * widget inside it, so the page sets them once and the territory is fetched once.
 *
 * Its coordinator tools share one session (see `<cpts-coordinator-sign-in>`): the token typed
 * once stays in this element's memory, never in storage, an attribute or the URL.
 *
 * @slot - The widgets (and any other content).
 * @fires cpts-error - The territory could not be fetched. `error` holds what the SDK threw.
 */
export class CptsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly clientProvider = new ContextProvider(this, {context: clientContext});
  private readonly territoryProvider = new ContextProvider(this, {context: territoryContext});
  private readonly localeProvider = new ContextProvider(this, {context: localeContext});
  private readonly themeProvider = new ContextProvider(this, {context: themeContext});
  /** One coordinator session for every coordinator tool inside: the coordinator signs in once. */
  private readonly sessionProvider = new ContextProvider(this, {context: coordinatorSessionContext, initialValue: new CoordinatorSessionStore()});
  private abort: AbortController | undefined;
  private loadedWith: CptsClient | undefined;
  private hasLoaded = false;
  private ownClient: {key: string; client: CptsClient} | undefined;

  /** Base URL of the cpts-kit API: `/`, or e.g. `https://api.cpts-exemple.fr`. */
  @property() api?: string;

  /** Slug of the territory (the CPTS), e.g. `demo`. */
  @property() territory?: string;

  /** `fr` or `en` for every widget inside. Unset: each widget follows the page. */
  // eslint-disable-next-line lit/no-native-attributes -- the native \`lang\` on purpose: the page sets it as on any element
  @property() override lang = '';

  /** `default` or `civic` for every widget inside that sets none of its own. */
  @property({reflect: true}) theme?: ThemeName;

  /** A ready SDK client, for developers; wins over `api` and `territory`. */
  @property({attribute: false}) client?: CptsClient;

  constructor() {
    super();
    // the client carries a coordinator's token: share it with this provider's tools only, never
    // with the page's scripts nor with the tools of an outer provider
    this.addEventListener('cpts-signed-in', (event) => event.stopPropagation());
  }

  /** The shared client, or undefined until `api` and `territory` (or `client`) are set. */
  get sharedClient(): CptsClient | undefined {
    return this.clientProvider.value;
  }

  /** The coordinators' session its tools share. */
  get coordinatorSession(): CoordinatorSessionStore | undefined {
    return this.sessionProvider.value;
  }

  /** The shared territory state. */
  get territoryState(): TerritoryState | undefined {
    return this.territoryProvider.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // moved in the DOM while fetching: the request was aborted on disconnect, so fetch again
    if (this.territoryProvider.value?.status === 'loading' && !this.abort) void this.loadTerritory(this.loadedWith);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.localeProvider.setValue(toSupportedLanguage(this.lang));
    if (changed.has('theme')) this.themeProvider.setValue(isThemeName(this.theme) ? this.theme : undefined);
    const client = this.client ?? this.clientFromAttributes();
    if (!this.hasLoaded || client !== this.loadedWith) {
      this.hasLoaded = true;
      this.loadedWith = client;
      this.clientProvider.setValue(client);
      void this.loadTerritory(client);
    }
  }

  /** Fetches the territory again and shares the new answer. */
  refresh(): Promise<void> {
    return this.loadTerritory(this.loadedWith);
  }

  private clientFromAttributes(): CptsClient | undefined {
    if (!this.api || !this.territory) return undefined;
    const baseUrl = absoluteApiUrl(this.api);
    const key = `${baseUrl}|${this.territory}`;
    if (this.ownClient?.key !== key) {
      this.ownClient = {key, client: createClient({baseUrl, territory: this.territory, lang: toSupportedLanguage(this.lang) ?? 'fr'})};
    }
    return this.ownClient.client;
  }

  private async loadTerritory(client: CptsClient | undefined): Promise<void> {
    this.abort?.abort();
    if (!client) {
      const error = new CptsConfigError('<cpts-provider>: set "api" and "territory", or the "client" property');
      this.territoryProvider.setValue({status: 'error', error});
      this.dispatchEvent(new CptsErrorEvent(error));
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.territoryProvider.setValue({status: 'loading'});
    try {
      const territory = await getTerritory(client, {signal: abort.signal});
      if (!abort.signal.aborted) this.territoryProvider.setValue({status: 'ready', territory});
    } catch (error) {
      if (abort.signal.aborted) return;
      this.territoryProvider.setValue({status: 'error', error});
      this.dispatchEvent(new CptsErrorEvent(error));
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-provider': CptsProvider;
  }
}
