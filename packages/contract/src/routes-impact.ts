import {Impact} from './impact.js';
import type {RouteDef} from './route-def.js';

export const getImpactRoute = {
  operationId: 'getImpact',
  method: 'get',
  path: '/v1/territories/{t}/impact',
  responses: {200: Impact, 304: null},
} as const satisfies RouteDef;
