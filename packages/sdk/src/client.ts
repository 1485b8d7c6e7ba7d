import type {RouteDef} from '@cpts-kit/contract';
import type {CallInput, ClientOptions} from './client-options.js';
import type {Transport} from './transport.js';

export type {CallInput, ClientOptions, IdempotentRequestOptions, Query, RequestOptions} from './client-options.js';

/**
 * A connection to the cpts-kit API for one territory: base URL, token, language, timeouts and
 * retries. Calls are the functions of `operations/` (`getTerritory(client)`), so that a page
 * bundles only the schemas of the calls it makes. Every response is checked against the contract;
 * every failure is a `CptsError`.
 */
export class CptsClient {
  readonly territory: string;
  readonly baseUrl: string;
  readonly lang: 'fr' | 'en';
  readonly #options: ClientOptions;
  #transport: Promise<Transport> | undefined;

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
  async request<T>(route: RouteDef, input: CallInput = {}): Promise<T> {
    // ky and the checks come with the first request (see transport.ts); a failed download is tried again on the next
    this.#transport ??= import('./transport.js').then(
      ({createTransport}) => createTransport(this.#options, this.territory, this.baseUrl, this.lang),
      (error: unknown) => {
        this.#transport = undefined;
        throw error;
      },
    );
    const send = await this.#transport;
    return send<T>(route, input);
  }
}

export function createClient(options: ClientOptions): CptsClient {
  return new CptsClient(options);
}
