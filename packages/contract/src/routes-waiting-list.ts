import {ApiError} from './common.js';
import {IntakeRequestCreated} from './intake.js';
import type {RouteDef} from './route-def.js';
import {IntakeImportResult, WaitingListPage, WaitingRequest} from './waiting-list.js';

// 409: a move not allowed from the current status, or a merge refused; 412: If-Match names an
// older version (someone changed the request since it was read)

export const searchIntakeRequestsRoute = {
  operationId: 'searchIntakeRequests',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/search',
  responses: {200: WaitingListPage},
} as const satisfies RouteDef;

export const createAssistedIntakeRequestRoute = {
  operationId: 'createAssistedIntakeRequest',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/assisted',
  idempotencyKey: 'required',
  responses: {201: IntakeRequestCreated},
} as const satisfies RouteDef;

export const importIntakeRequestsRoute = {
  operationId: 'importIntakeRequests',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/import',
  // 422 lists every error of the file by line and column
  responses: {200: IntakeImportResult, 422: ApiError},
} as const satisfies RouteDef;

export const transitionIntakeRequestRoute = {
  operationId: 'transitionIntakeRequest',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/{id}/transitions',
  responses: {200: WaitingRequest, 409: ApiError, 412: ApiError},
} as const satisfies RouteDef;

export const logIntakeCallRoute = {
  operationId: 'logIntakeCall',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/{id}/calls',
  responses: {201: WaitingRequest, 412: ApiError},
} as const satisfies RouteDef;

export const mergeIntakeRequestRoute = {
  operationId: 'mergeIntakeRequest',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/{id}/merge',
  responses: {200: WaitingRequest, 409: ApiError, 412: ApiError},
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
