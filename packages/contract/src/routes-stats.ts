import type {RouteDef} from './route-def.js';
import {Stats} from './stats.js';

export const getStatsRoute = {
  operationId: 'getStats',
  method: 'get',
  path: '/v1/territories/{t}/stats',
  responses: {200: Stats},
} as const satisfies RouteDef;

// its own module: the public widget's chunk carries the Impact schema only
export {getImpactRoute} from './routes-impact.js';
