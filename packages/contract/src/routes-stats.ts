import type {RouteDef} from './route-def.js';
import {Impact, Stats} from './stats.js';

export const getStatsRoute = {
  operationId: 'getStats',
  method: 'get',
  path: '/v1/territories/{t}/stats',
  responses: {200: Stats},
} as const satisfies RouteDef;

export const getImpactRoute = {
  operationId: 'getImpact',
  method: 'get',
  path: '/v1/territories/{t}/impact',
  responses: {200: Impact, 304: null},
} as const satisfies RouteDef;
