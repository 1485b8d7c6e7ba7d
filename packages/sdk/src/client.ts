import type {RouteDef} from '@cpts-kit/contract';
import type {Transport} from './transport.js';

export interface ClientOptions {
  /** The API's base URL: `https://api.cpts-exemple.fr`, or `/` when the page and the API share an origin. */
  baseUrl: string;
  /** The territory's slug, e.g. `demo`. */
  territory: string;
  /** A coordinator token or a practitioner's personal-link token. */
  token?: string;
  /** Language of the server's error messages (`fr` by default). */
  lang?: 'fr' | 'en';
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per attempt; 10 s by default. */
  timeout?: number;
  /** How many times a safe request is retried after a network fault or a 408/429/5xx; 2 by default. */
  retry?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface IdempotentRequestOptions extends RequestOptions {
  /** One key per logical submission: a retried submission must resend the same key. Generated when absent. */
  idempotencyKey?: string;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallInput {
  id?: string;
  query?: Query;
  json?: unknown;
  text?: string;
  /** A file sent as it is (bytes): the server detects its encoding. */
  csv?: Blob | ArrayBuffer | Uint8Array;
  /** Milliseconds for this call, when it may take longer than the client's `timeout` (a large import). */
  timeout?: number;
  idempotencyKey?: string;
  /** The ETag read (`WaitingRequest.version` as `"r12"`): the server answers 412 if the resource changed since. */
  ifMatch?: string | undefined;
  signal?: AbortSignal | undefined;
}

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
