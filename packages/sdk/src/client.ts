import ky, {HTTPError, TimeoutError, type KyInstance, type Options as KyOptions} from 'ky';
import {ApiError, type RouteDef} from '@cpts-kit/contract';
import {CptsApiError} from './errors/CptsApiError.js';
import {CptsNetworkError} from './errors/CptsNetworkError.js';
import {CptsResponseError} from './errors/CptsResponseError.js';
import {CptsTimeoutError} from './errors/CptsTimeoutError.js';

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

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
// 409 on an idempotent POST means "the same key is still being processed": wait, then ask again
const IDEMPOTENT_RETRY_STATUS = [...RETRY_STATUS, 409];

/** Turns a route's path template into the request path: `{t}` is the territory, `{id}` the given id. */
function expandPath(route: RouteDef, territory: string, id?: string): string {
  return route.path
    .replace('{t}', encodeURIComponent(territory))
    .replace('{id}', () => {
      if (id === undefined) throw new TypeError(`${route.operationId} needs an id`);
      return encodeURIComponent(id);
    })
    .replace(/^\//, '');
}

function searchParamsOf(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

interface SuccessSchema {
  safeParse: (v: unknown) => {success: boolean; data?: unknown; error?: {issues: Array<{path: PropertyKey[]; message: string}>}};
}

function successSchema(route: RouteDef): SuccessSchema | undefined {
  for (const [status, response] of Object.entries(route.responses)) {
    if (Number(status) >= 200 && Number(status) < 300 && response) return response as unknown as SuccessSchema;
  }
  return undefined;
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
  readonly #api: KyInstance;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.territory = options.territory;
    this.baseUrl = options.baseUrl;
    this.lang = options.lang ?? 'fr';
    const headers: Record<string, string> = {'accept-language': this.lang};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    this.#api = ky.create({
      prefixUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
      timeout: options.timeout ?? 10_000,
      headers,
      ...(options.fetch ? {fetch: options.fetch} : {}),
      retry: {limit: options.retry ?? 2, methods: ['get', 'put', 'delete'], statusCodes: RETRY_STATUS, backoffLimit: 3_000},
    });
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
    const path = expandPath(route, this.territory, input.id);
    const request = {method: route.method.toUpperCase(), url: `${this.baseUrl.replace(/\/$/, '')}/${path}`};
    const options: KyOptions = {method: route.method, searchParams: searchParamsOf(input.query)};
    if (input.signal) options.signal = input.signal;
    if (input.timeout !== undefined) options.timeout = Math.max(input.timeout, this.#options.timeout ?? 10_000);
    if (input.json !== undefined) options.json = input.json;
    if (input.text !== undefined) {
      options.body = input.text;
      options.headers = {'content-type': 'text/csv; charset=utf-8'};
    }
    if (input.csv !== undefined) {
      // no charset: the bytes are what the spreadsheet wrote (UTF-8 or Windows-1252) and the server tells which
      options.body = input.csv as BodyInit;
      options.headers = {'content-type': 'text/csv'};
    }
    if (input.ifMatch) options.headers = {...options.headers, 'if-match': input.ifMatch};
    if (input.idempotencyKey) {
      // the same key on every attempt is what makes retrying a POST safe
      options.headers = {...options.headers, 'idempotency-key': input.idempotencyKey};
      options.retry = {limit: this.#options.retry ?? 2, methods: ['post'], statusCodes: IDEMPOTENT_RETRY_STATUS, afterStatusCodes: [409, 413, 429, 503], backoffLimit: 3_000};
    }
    let response: Response;
    try {
      response = await this.#api(path, options);
    } catch (error) {
      throw await toCptsError(error, request);
    }
    if (response.status === 204 || response.status === 304) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await response.text()) as T;
    const body: unknown = await response.json();
    const schema = successSchema(route);
    if (!schema) return body as T;
    const result = schema.safeParse(body);
    if (!result.success) throw new CptsResponseError(request, result.error?.issues ?? []);
    return result.data as T;
  }
}

async function toCptsError(error: unknown, request: {method: string; url: string}): Promise<unknown> {
  if (error instanceof HTTPError) return new CptsApiError(await problemOf(error.response), request, {cause: error});
  if (error instanceof TimeoutError) return new CptsTimeoutError(request, {cause: error});
  // the caller's own abort is theirs to handle, not a failure of ours
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof TypeError) return new CptsNetworkError(request, {cause: error});
  return error;
}

/** The problem details of an error response; a made-up one when a proxy answered with something else. */
async function problemOf(response: Response): Promise<ApiError> {
  const fallback: ApiError = {type: 'about:blank', title: response.statusText || 'Erreur', status: response.status, code: `http_${response.status}`};
  try {
    const parsed = ApiError.safeParse(await response.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function createClient(options: ClientOptions): CptsClient {
  return new CptsClient(options);
}
