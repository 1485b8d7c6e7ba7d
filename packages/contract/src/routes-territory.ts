import type {RouteDef} from './route-def.js';
import {Territory} from './territory.js';

export const getTerritoryRoute = {
  operationId: 'getTerritory',
  method: 'get',
  path: '/v1/territories/{t}',
  responses: {200: Territory, 304: null},
} as const satisfies RouteDef;

export const patchTerritoryRoute = {
  operationId: 'patchTerritory',
  method: 'patch',
  path: '/v1/territories/{t}',
  responses: {200: Territory},
} as const satisfies RouteDef;
