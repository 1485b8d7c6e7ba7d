import {
  expressInternshipInterestRoute,
  listInternshipInterestsRoute,
  type InternshipInterestCreate,
  type InternshipInterestCreated,
  type InternshipInterestList,
} from '@cpts-kit/contract';
import type {CptsClient, IdempotentRequestOptions, RequestOptions} from '../client.js';
import {newIdempotencyKey} from '../idempotency.js';

export function expressInternshipInterest(
  client: CptsClient,
  id: string,
  interest: InternshipInterestCreate,
  options?: IdempotentRequestOptions,
): Promise<InternshipInterestCreated> {
  const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
  return client.request(expressInternshipInterestRoute, {id, json: interest, idempotencyKey, signal: options?.signal});
}

export function listInternshipInterests(client: CptsClient, id: string, options?: RequestOptions): Promise<InternshipInterestList> {
  return client.request(listInternshipInterestsRoute, {id, signal: options?.signal});
}
