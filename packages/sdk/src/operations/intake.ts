import {
  createIntakeRequestRoute,
  exportIntakeRequestsRoute,
  getIntakeRequestRoute,
  listIntakeMatchesRoute,
  listIntakeRequestsRoute,
  patchIntakeRequestRoute,
  type IntakeRequest,
  type IntakeRequestCreate,
  type IntakeRequestCreated,
  type IntakeRequestList,
  type IntakeRequestListQuery,
  type IntakeRequestPatch,
  type MatchList,
} from '@cpts-kit/contract';
import type {CptsClient, IdempotentRequestOptions, Query, RequestOptions} from '../client.js';
import {newIdempotencyKey} from '../idempotency.js';

export function createIntakeRequest(client: CptsClient, request: IntakeRequestCreate, options?: IdempotentRequestOptions): Promise<IntakeRequestCreated> {
  const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
  return client.request(createIntakeRequestRoute, {json: request, idempotencyKey, signal: options?.signal});
}

export function listIntakeRequests(client: CptsClient, query?: IntakeRequestListQuery, options?: RequestOptions): Promise<IntakeRequestList> {
  return client.request(listIntakeRequestsRoute, {query: query as Query, signal: options?.signal});
}

export function exportIntakeRequests(client: CptsClient, query?: IntakeRequestListQuery, options?: RequestOptions): Promise<string> {
  return client.request(exportIntakeRequestsRoute, {query: query as Query, signal: options?.signal});
}

export function getIntakeRequest(client: CptsClient, id: string, options?: RequestOptions): Promise<IntakeRequest> {
  return client.request(getIntakeRequestRoute, {id, signal: options?.signal});
}

export function patchIntakeRequest(client: CptsClient, id: string, patch: IntakeRequestPatch, options?: RequestOptions): Promise<IntakeRequest> {
  return client.request(patchIntakeRequestRoute, {id, json: patch, signal: options?.signal});
}

export function listIntakeMatches(client: CptsClient, id: string, options?: RequestOptions): Promise<MatchList> {
  return client.request(listIntakeMatchesRoute, {id, signal: options?.signal});
}
