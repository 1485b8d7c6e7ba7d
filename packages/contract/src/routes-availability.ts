import {json, type RouteDef} from './route-def.js';
import {Availability, AvailabilityDeclaration, Board, BoardQuery, OwnAvailability} from './availability.js';

export const getOwnAvailabilityRoute = {
  operationId: 'getOwnAvailability', method: 'get', path: '/v1/territories/{t}/availability', tag: 'availability', auth: 'practitioner',
  summary: "The practitioner's current declaration",
  responses: {200: json(OwnAvailability, 'Who the link belongs to, and their current declaration')},
} as const satisfies RouteDef;

export const declareAvailabilityRoute = {
  operationId: 'declareAvailability', method: 'put', path: '/v1/territories/{t}/availability', tag: 'availability', auth: 'practitioner',
  summary: 'Declare (or confirm unchanged) availability',
  body: {schema: AvailabilityDeclaration, example: {
    accepting: 'limited', monthlyQuota: 5, patientScope: ['priority_only'], scopeCommunes: [], homeVisits: true,
    homeVisitCommunes: ['62765'], snpSlotsThisWeek: 4, teleconsultation: false, hostsInterns: true, visibility: 'public', noteForCoordinator: null,
  }},
  responses: {200: json(Availability, 'The declaration as stored')},
} as const satisfies RouteDef;

export const getAvailabilityBoardRoute = {
  operationId: 'getAvailabilityBoard', method: 'get', path: '/v1/territories/{t}/availability-board', tag: 'availability', auth: 'coordinator',
  summary: 'Every practitioner with current availability and freshness',
  query: BoardQuery,
  responses: {200: json(Board, 'The board')},
} as const satisfies RouteDef;
