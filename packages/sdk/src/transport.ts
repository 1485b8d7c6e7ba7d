import ky, {HTTPError, TimeoutError, type KyInstance, type Options as KyOptions} from 'ky';
import {ApiError, type RouteDef} from '@cpts-kit/contract';
import type {CallInput, ClientOptions, Query} from './client.js';
import {CptsApiError} from './errors/CptsApiError.js';
import {CptsNetworkError} from './errors/CptsNetworkError.js';
import {CptsResponseError} from './errors/CptsResponseError.js';
import {CptsTimeoutError} from './errors/CptsTimeoutError.js';

// How a client talks to the API: ky, the contract's checks, the errors. `CptsClient` imports this
// module with its first request, not when it is made: a page makes its widgets' clients at once and
// can show a form before any call (the intake page's first bytes, DESIGN §7).

/** Sends one request of the contract for one client and checks the answer. */
export type Transport = <T>(route: RouteDef, input: CallInput) => Promise<T>;

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

export function createTransport(options: ClientOptions, territory: string, baseUrl: string, lang: string): Transport {
  const headers: Record<string, string> = {'accept-language': lang};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const api: KyInstance = ky.create({
    prefixUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    timeout: options.timeout ?? 10_000,
    headers,
    ...(options.fetch ? {fetch: options.fetch} : {}),
    retry: {limit: options.retry ?? 2, methods: ['get', 'put', 'delete'], statusCodes: RETRY_STATUS, backoffLimit: 3_000},
  });
  return async <T>(route: RouteDef, input: CallInput): Promise<T> => {
    const path = expandPath(route, territory, input.id);
    const request = {method: route.method.toUpperCase(), url: `${baseUrl.replace(/\/$/, '')}/${path}`};
    const call: KyOptions = {method: route.method, searchParams: searchParamsOf(input.query)};
    if (input.signal) call.signal = input.signal;
    if (input.timeout !== undefined) call.timeout = Math.max(input.timeout, options.timeout ?? 10_000);
    if (input.json !== undefined) call.json = input.json;
    if (input.text !== undefined) {
      call.body = input.text;
      call.headers = {'content-type': 'text/csv; charset=utf-8'};
    }
    if (input.csv !== undefined) {
      // no charset: the bytes are what the spreadsheet wrote (UTF-8 or Windows-1252) and the server tells which
      call.body = input.csv as BodyInit;
      call.headers = {'content-type': 'text/csv'};
    }
    if (input.ifMatch) call.headers = {...call.headers, 'if-match': input.ifMatch};
    if (input.idempotencyKey) {
      // the same key on every attempt is what makes retrying a POST safe
      call.headers = {...call.headers, 'idempotency-key': input.idempotencyKey};
      call.retry = {limit: options.retry ?? 2, methods: ['post'], statusCodes: IDEMPOTENT_RETRY_STATUS, afterStatusCodes: [409, 413, 429, 503], backoffLimit: 3_000};
    }
    let response: Response;
    try {
      response = await api(path, call);
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
  };
}

type Request = {method: string; url: string};

/** What ky threw → a `CptsError`; the caller's own abort is left as it is, theirs to handle. */
async function toCptsError(error: unknown, request: Request): Promise<unknown> {
  if (error instanceof HTTPError) return new CptsApiError(await problemOf(error.response), request, {cause: error});
  if (error instanceof TimeoutError) return new CptsTimeoutError(request, {cause: error});
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
