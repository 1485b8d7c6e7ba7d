import type {RouteDef} from '@cpts-kit/contract';
import type {CallInput, ClientOptions} from './client-options.js';
import type * as TransportApi from './transport.js';
import type {Transport} from './transport.js';

export type {CallInput, ClientOptions, IdempotentRequestOptions, Query, RequestOptions} from './client-options.js';

/**
 * A connection to the cpts-kit API for one territory: base URL, token, language, timeouts and
 * retries. Calls are the functions of `operations/` (`getTerritory(client)`), so that a page
 * bundles only the schemas of the calls it makes. Every response is checked against the contract;
 * every failure is a `CptsError`, but a failed download of the SDK's own code (see the README).
 */
export class CptsClient {
  readonly territory: string;
  readonly baseUrl: string;
  readonly lang: 'fr' | 'en';
  readonly #options: ClientOptions;
  #send: Transport | undefined;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.territory = options.territory;
    this.baseUrl = options.baseUrl;
    this.lang = options.lang ?? 'fr';
  }

  /** The same client with another token (after a coordinator signs in). */
  withToken(token: string | undefined): CptsClient {
    return new CptsClient({...this.#options, token});
  }

  /**
   * Sends one request of the contract and checks the answer against the route's schema. The
   * operation functions (`getTerritory(client)`, …) are the typed way in; this is what they share.
   */
  request<T>(route: RouteDef, input: CallInput = {}): Promise<T> {
    // once loaded, calls leave at once, in the order they are made, as with a static import
    if (transportModule) return (this.#send ??= transportModule.createTransport(this.#options, this.territory, this.baseUrl, this.lang))<T>(route, input);
    return loadTransport().then(() => this.request<T>(route, input));
  }
}

type TransportModule = typeof TransportApi;
let transportModule: TransportModule | undefined;
let transportLoading: Promise<TransportModule> | undefined;

/** ky and the checks (transport.ts), fetched with the first request of any client; again after a failed download. */
function loadTransport(): Promise<TransportModule> {
  transportLoading ??= import('./transport.js').then(
    (module) => (transportModule = module),
    (error: unknown) => {
      transportLoading = undefined;
      throw error;
    },
  );
  return transportLoading;
}

export function createClient(options: ClientOptions): CptsClient {
  return new CptsClient(options);
}
