import {
  exportIntakeRequestsRoute,
  getIntakeRequestRoute,
  listIntakeRequestsRoute,
  patchIntakeRequestRoute,
  createAssistedIntakeRequestRoute,
  importIntakeRequestsRoute,
  logIntakeCallRoute,
  mergeIntakeRequestRoute,
  searchIntakeRequestsRoute,
  transitionIntakeRequestRoute,
  type AssistedIntakeCreate,
  type CallLogCreate,
  type IntakeImportResult,
  type IntakeRequestCreated,
  type IntakeTransition,
  type IntakeRequestPatch,
  type WaitingListQuery,
  type WaitingListPage,
  type WaitingListSearch,
  type WaitingRequest,
} from '@cpts-kit/contract';
import type {CptsClient, IdempotentRequestOptions, Query, RequestOptions} from '../client.js';
import {newIdempotencyKey} from '../idempotency.js';

export interface ConditionalRequestOptions extends RequestOptions {
  /** The ETag of the version read (`etagOf(request.version)`): the server refuses with 412 if it changed since. */
  ifMatch?: string;
}

/** The ETag of a version of a request, for `ifMatch`. */
export const etagOf = (version: number): string => `"r${version}"`;

/** Search by reference, last name or phone: sent in the body, so no name reaches a URL or an access log. */
export function searchIntakeRequests(client: CptsClient, search: WaitingListSearch, options?: RequestOptions): Promise<WaitingListPage> {
  return client.request(searchIntakeRequestsRoute, {json: search, signal: options?.signal});
}

/** Registers a person who called or sent the paper form; retried with the same key, stored once. */
export function createAssistedIntakeRequest(client: CptsClient, request: AssistedIntakeCreate, options?: IdempotentRequestOptions): Promise<IntakeRequestCreated> {
  return client.request(createAssistedIntakeRequestRoute, {json: request, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(), signal: options?.signal});
}

export function transitionIntakeRequest(client: CptsClient, id: string, transition: IntakeTransition, options?: ConditionalRequestOptions): Promise<WaitingRequest> {
  return client.request(transitionIntakeRequestRoute, {id, json: transition, ifMatch: options?.ifMatch, signal: options?.signal});
}

export function logIntakeCall(client: CptsClient, id: string, call: CallLogCreate, options?: ConditionalRequestOptions): Promise<WaitingRequest> {
  return client.request(logIntakeCallRoute, {id, json: call, ifMatch: options?.ifMatch, signal: options?.signal});
}

/** Merges `otherId` into `id`: the other is closed as a duplicate pointing to `id`; both histories stay. */
export function mergeIntakeRequest(client: CptsClient, id: string, otherId: string, options?: ConditionalRequestOptions): Promise<WaitingRequest> {
  return client.request(mergeIntakeRequestRoute, {id, json: {otherId}, ifMatch: options?.ifMatch, signal: options?.signal});
}

export interface ImportIntakeRequestsOptions extends RequestOptions {
  /** Check and preview only: nothing is written. */
  dryRun?: boolean;
}

/**
 * Imports an existing waiting list, all or nothing. A string is sent as UTF-8; bytes (a `File`, an
 * `ArrayBuffer`, a `Uint8Array`) untouched, so a Windows-1252 sheet is decoded by the server.
 */
export function importIntakeRequests(client: CptsClient, file: string | Blob | ArrayBuffer | Uint8Array, options?: ImportIntakeRequestsOptions): Promise<IntakeImportResult> {
  const body = typeof file === 'string' ? {text: file} : {csv: file};
  return client.request(importIntakeRequestsRoute, {...body, query: {dryRun: options?.dryRun ?? false}, timeout: 120_000, signal: options?.signal});
}

/** The waiting list: filters, triage order by default, keyset cursor (`nextCursor`), counts per status. */
export function listIntakeRequests(client: CptsClient, query?: WaitingListQuery, options?: RequestOptions): Promise<WaitingListPage> {
  return client.request(listIntakeRequestsRoute, {query: query as Query, signal: options?.signal});
}

/** The filtered list as CSV (UTF-8 with BOM, `;`), audited by the server. */
export function exportIntakeRequests(client: CptsClient, query?: Omit<WaitingListQuery, 'cursor' | 'limit'>, options?: RequestOptions): Promise<string> {
  return client.request(exportIntakeRequestsRoute, {query: query as Query, signal: options?.signal});
}

/** One request with its calls and history; its `version` is what `etagOf()` turns into If-Match. */
export function getIntakeRequest(client: CptsClient, id: string, options?: RequestOptions): Promise<WaitingRequest> {
  return client.request(getIntakeRequestRoute, {id, signal: options?.signal});
}

/** Notes and assignment. With `ifMatch` (see `etagOf`), a change made meanwhile by someone else gives a 412 CptsApiError instead of being overwritten. */
export function patchIntakeRequest(client: CptsClient, id: string, patch: IntakeRequestPatch, options?: ConditionalRequestOptions): Promise<WaitingRequest> {
  return client.request(patchIntakeRequestRoute, {id, json: patch, ifMatch: options?.ifMatch, signal: options?.signal});
}
