import {
  createIntakeRequestRoute,
  exportIntakeRequestsRoute,
  getIntakeRequestRoute,
  listIntakeMatchesRoute,
  listIntakeRequestsRoute,
  patchIntakeRequestRoute,
  type IntakeRequestCreate,
  type IntakeRequestCreated,
  type IntakeRequestPatch,
  type MatchList,
  type MatchQuery,
  type WaitingListPage,
  type WaitingListQuery,
  type WaitingRequest,
} from '@cpts-kit/contract';
import type {CptsClient, IdempotentRequestOptions, Query, RequestOptions} from '../client.js';
import type {ConditionalRequestOptions} from './waiting-list.js';
import {newIdempotencyKey} from '../idempotency.js';

export function createIntakeRequest(client: CptsClient, request: IntakeRequestCreate, options?: IdempotentRequestOptions): Promise<IntakeRequestCreated> {
  const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
  return client.request(createIntakeRequestRoute, {json: request, idempotencyKey, signal: options?.signal});
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

/** Practitioners who can take this person, best first, with their reasons; stale or missing declarations in `apart`. */
export function listIntakeMatches(client: CptsClient, id: string, query?: MatchQuery, options?: RequestOptions): Promise<MatchList> {
  return client.request(listIntakeMatchesRoute, {id, query: query as Query, signal: options?.signal});
}
