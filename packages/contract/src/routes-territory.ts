import {json, type RouteDef} from './route-def.js';
import {Territory, TerritoryPatch} from './territory.js';

export const getTerritoryRoute = {
  operationId: 'getTerritory', method: 'get', path: '/v1/territories/{t}', tag: 'territory', auth: 'public',
  summary: 'Name, communes, contact, privacy notice and retention of a territory',
  responses: {200: json(Territory, 'The territory'), 304: {description: 'Not modified (ETag)'}},
} as const satisfies RouteDef;

export const patchTerritoryRoute = {
  operationId: 'patchTerritory', method: 'patch', path: '/v1/territories/{t}', tag: 'territory', auth: 'coordinator',
  summary: 'Edit the territory',
  body: {schema: TerritoryPatch, example: {phone: '03 21 00 00 00', retentionDays: 730}},
  responses: {200: json(Territory, 'The territory as saved')},
} as const satisfies RouteDef;
