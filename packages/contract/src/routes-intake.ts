import type {RouteDef} from './route-def.js';
import {IntakeRequest, IntakeRequestCreated, IntakeRequestList} from './intake.js';
import {MatchList} from './match.js';

export const createIntakeRequestRoute = {
  operationId: 'createIntakeRequest', method: 'post', path: '/v1/territories/{t}/intake-requests',
  idempotencyKey: 'required',
  responses: {201: IntakeRequestCreated},
} as const satisfies RouteDef;

export const listIntakeRequestsRoute = {
  operationId: 'listIntakeRequests', method: 'get', path: '/v1/territories/{t}/intake-requests',
  responses: {200: IntakeRequestList},
} as const satisfies RouteDef;

export const exportIntakeRequestsRoute = {
  operationId: 'exportIntakeRequests', method: 'get', path: '/v1/territories/{t}/intake-requests/export.csv',
  responses: {200: null},
} as const satisfies RouteDef;

export const getIntakeRequestRoute = {
  operationId: 'getIntakeRequest', method: 'get', path: '/v1/territories/{t}/intake-requests/{id}',
  responses: {200: IntakeRequest},
} as const satisfies RouteDef;

export const patchIntakeRequestRoute = {
  operationId: 'patchIntakeRequest', method: 'patch', path: '/v1/territories/{t}/intake-requests/{id}',
  responses: {200: IntakeRequest},
} as const satisfies RouteDef;

export const listIntakeMatchesRoute = {
  operationId: 'listIntakeMatches', method: 'get', path: '/v1/territories/{t}/intake-requests/{id}/matches',
  responses: {200: MatchList},
} as const satisfies RouteDef;
