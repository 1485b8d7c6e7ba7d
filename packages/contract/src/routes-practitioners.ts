import type {RouteDef} from './route-def.js';
import {ApiError} from './common.js';
import {PersonalLink, Practitioner, PractitionerImportResult, PublicPractitionerList} from './practitioner.js';
import {PractitionerMap} from './practitioner-map.js';

export const listPublicPractitionersRoute = {
  operationId: 'listPublicPractitioners',
  method: 'get',
  path: '/v1/territories/{t}/practitioners',
  responses: {200: PublicPractitionerList, 304: null},
} as const satisfies RouteDef;

export const getPractitionerMapRoute = {
  operationId: 'getPractitionerMap',
  method: 'get',
  path: '/v1/territories/{t}/practitioners/map',
  responses: {200: PractitionerMap, 304: null},
} as const satisfies RouteDef;

export const createPractitionerRoute = {
  operationId: 'createPractitioner',
  method: 'post',
  path: '/v1/territories/{t}/practitioners',
  responses: {201: Practitioner},
} as const satisfies RouteDef;

export const importPractitionersRoute = {
  operationId: 'importPractitioners',
  method: 'post',
  path: '/v1/territories/{t}/practitioners/import',
  // 422 lists every error of the file by line and column
  responses: {200: PractitionerImportResult, 422: ApiError},
} as const satisfies RouteDef;

export const getPractitionerRoute = {
  operationId: 'getPractitioner',
  method: 'get',
  path: '/v1/territories/{t}/practitioners/{id}',
  responses: {200: Practitioner},
} as const satisfies RouteDef;

export const patchPractitionerRoute = {
  operationId: 'patchPractitioner',
  method: 'patch',
  path: '/v1/territories/{t}/practitioners/{id}',
  responses: {200: Practitioner},
} as const satisfies RouteDef;

export const deletePractitionerRoute = {
  operationId: 'deletePractitioner',
  method: 'delete',
  path: '/v1/territories/{t}/practitioners/{id}',
  responses: {204: null},
} as const satisfies RouteDef;

export const createPersonalLinkRoute = {
  operationId: 'createPersonalLink',
  method: 'post',
  path: '/v1/territories/{t}/practitioners/{id}/link',
  responses: {201: PersonalLink},
} as const satisfies RouteDef;

export const revokePersonalLinksRoute = {
  operationId: 'revokePersonalLinks',
  method: 'delete',
  path: '/v1/territories/{t}/practitioners/{id}/link',
  responses: {204: null},
} as const satisfies RouteDef;
