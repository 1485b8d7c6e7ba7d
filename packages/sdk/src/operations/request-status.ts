import {lookupRequestStatusRoute, type RequestStatus, type RequestStatusLookup} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

// The status widget's one call, alone in its module (as intake.ts is), so its page's bundle carries
// no other call and no other schema.

/**
 * Where a request stands, by its reference and the birth date given with it. A wrong pair, an
 * unknown reference or another territory's all throw the same `CptsApiError` 404; too many tries, 429.
 */
export function lookupRequestStatus(client: CptsClient, lookup: RequestStatusLookup, options?: RequestOptions): Promise<RequestStatus> {
  return client.request(lookupRequestStatusRoute, {json: lookup, signal: options?.signal});
}
