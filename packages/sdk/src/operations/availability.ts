import {
  declareAvailabilityRoute,
  getAvailabilityBoardRoute,
  getOwnAvailabilityRoute,
  type Availability,
  type AvailabilityDeclaration,
  type Board,
  type BoardQuery,
  type OwnAvailability,
} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

export function getOwnAvailability(client: CptsClient, options?: RequestOptions): Promise<OwnAvailability> {
  return client.request(getOwnAvailabilityRoute, {signal: options?.signal});
}

export function declareAvailability(client: CptsClient, declaration: AvailabilityDeclaration, options?: RequestOptions): Promise<Availability> {
  return client.request(declareAvailabilityRoute, {json: declaration, signal: options?.signal});
}

export function getAvailabilityBoard(client: CptsClient, query?: BoardQuery, options?: RequestOptions): Promise<Board> {
  return client.request(getAvailabilityBoardRoute, {query: query as Query, signal: options?.signal});
}
