import type {RouteDef} from './route-def.js';
import {RequestStatus} from './request-status.js';

// The status lookup's one route, alone in its module: the public status widget's bundle carries it
// and nothing else of the contract's routes.
export const lookupRequestStatusRoute = {
  operationId: 'lookupRequestStatus',
  method: 'post',
  path: '/v1/territories/{t}/request-status',
  responses: {200: RequestStatus},
} as const satisfies RouteDef;
