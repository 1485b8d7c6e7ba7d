import type {RouteDef} from './route-def.js';
import {CoordinatorNames, Me} from './session.js';

export const getMeRoute = {
  operationId: 'getMe',
  method: 'get',
  path: '/v1/territories/{t}/me',
  responses: {200: Me},
} as const satisfies RouteDef;

export const listCoordinatorsRoute = {
  operationId: 'listCoordinators',
  method: 'get',
  path: '/v1/territories/{t}/coordinators',
  responses: {200: CoordinatorNames},
} as const satisfies RouteDef;
