import type {RouteDef} from './route-def.js';
import {ApiError, Health, Readiness} from './common.js';

export const getHealthRoute = {
  operationId: 'getHealth',
  method: 'get',
  path: '/healthz',
  responses: {200: Health},
} as const satisfies RouteDef;

export const getReadinessRoute = {
  operationId: 'getReadiness',
  method: 'get',
  path: '/readyz',
  responses: {200: Readiness, 503: ApiError},
} as const satisfies RouteDef;

export const getOpenApiRoute = {
  operationId: 'getOpenApi',
  method: 'get',
  path: '/v1/openapi.json',
  responses: {200: null},
} as const satisfies RouteDef;
