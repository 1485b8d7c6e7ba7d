import type {RouteDef} from './route-def.js';
import {Health} from './common.js';

export const getHealthRoute = {
  operationId: 'getHealth',
  method: 'get',
  path: '/healthz',
  responses: {200: Health, 503: Health},
} as const satisfies RouteDef;

export const getOpenApiRoute = {
  operationId: 'getOpenApi',
  method: 'get',
  path: '/v1/openapi.json',
  responses: {200: null},
} as const satisfies RouteDef;
