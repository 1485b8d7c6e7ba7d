import {json, type RouteDef} from './route-def.js';
import {Stats, StatsQuery} from './stats.js';

export const getStatsRoute = {
  operationId: 'getStats', method: 'get', path: '/v1/territories/{t}/stats', tag: 'stats', auth: 'coordinator',
  summary: 'Counts, shares and median time to solution, by commune and by reason',
  query: StatsQuery,
  responses: {200: json(Stats, 'The figures')},
} as const satisfies RouteDef;
