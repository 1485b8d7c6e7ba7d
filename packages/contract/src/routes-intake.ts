import type {RouteDef} from './route-def.js';
import {IntakeRequestCreated} from './intake.js';
import {MatchList} from './match.js';
import {WaitingListPage, WaitingRequest} from './waiting-list.js';

export const createIntakeRequestRoute = {
  operationId: 'createIntakeRequest',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests',
  idempotencyKey: 'required',
  responses: {201: IntakeRequestCreated},
} as const satisfies RouteDef;

export const listIntakeRequestsRoute = {
  operationId: 'listIntakeRequests',
  method: 'get',
  path: '/v1/territories/{t}/intake-requests',
  responses: {200: WaitingListPage},
} as const satisfies RouteDef;

export const exportIntakeRequestsRoute = {
  operationId: 'exportIntakeRequests',
  method: 'get',
  path: '/v1/territories/{t}/intake-requests/export.csv',
  responses: {200: null},
} as const satisfies RouteDef;

export const getIntakeRequestRoute = {
  operationId: 'getIntakeRequest',
  method: 'get',
  path: '/v1/territories/{t}/intake-requests/{id}',
  responses: {200: WaitingRequest},
} as const satisfies RouteDef;

export const patchIntakeRequestRoute = {
  operationId: 'patchIntakeRequest',
  method: 'patch',
  path: '/v1/territories/{t}/intake-requests/{id}',
  responses: {200: WaitingRequest},
} as const satisfies RouteDef;

export const listIntakeMatchesRoute = {
  operationId: 'listIntakeMatches',
  method: 'get',
  path: '/v1/territories/{t}/intake-requests/{id}/matches',
  responses: {200: MatchList},
} as const satisfies RouteDef;
