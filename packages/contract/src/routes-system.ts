import {json, type RouteDef} from './route-def.js';
import {Health} from './common.js';

export const getHealthRoute = {
  operationId: 'getHealth', method: 'get', path: '/healthz', tag: 'system', auth: 'public',
  summary: 'Liveness and database reachability',
  responses: {200: json(Health, 'Up'), 503: json(Health, 'The database cannot be reached')},
} as const satisfies RouteDef;

export const getOpenApiRoute = {
  operationId: 'getOpenApi', method: 'get', path: '/v1/openapi.json', tag: 'system', auth: 'public',
  summary: 'This document',
  responses: {200: {description: 'The OpenAPI 3.1 document'}},
} as const satisfies RouteDef;
