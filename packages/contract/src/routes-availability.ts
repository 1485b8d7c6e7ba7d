import type {RouteDef} from './route-def.js';
import {Availability, Board, OwnAvailability} from './availability.js';

export const getOwnAvailabilityRoute = {
  operationId: 'getOwnAvailability',
  method: 'get',
  path: '/v1/territories/{t}/availability',
  responses: {200: OwnAvailability},
} as const satisfies RouteDef;

export const declareAvailabilityRoute = {
  operationId: 'declareAvailability',
  method: 'put',
  path: '/v1/territories/{t}/availability',
  responses: {200: Availability},
} as const satisfies RouteDef;

export const getAvailabilityBoardRoute = {
  operationId: 'getAvailabilityBoard',
  method: 'get',
  path: '/v1/territories/{t}/availability-board',
  responses: {200: Board},
} as const satisfies RouteDef;
