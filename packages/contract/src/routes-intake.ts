import {json, type RouteDef} from './route-def.js';
import {IntakeRequestCreate, IntakeRequestCreated, IntakeRequestPatch} from './intake.js';
import {MatchList} from './match.js';
import {WaitingListPage, WaitingListQuery, WaitingRequest} from './waiting-list.js';

export const createIntakeRequestRoute = {
  operationId: 'createIntakeRequest', method: 'post', path: '/v1/territories/{t}/intake-requests', tag: 'intake', auth: 'public',
  summary: 'Register a person who has no médecin traitant',
  idempotencyKey: 'required',
  body: {
    schema: IntakeRequestCreate,
    example: {
      requester: {kind: 'self'},
      person: {lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
      situation: {reason: 'gp_retired'},
      priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
      consent: true,
    },
  },
  responses: {201: json(IntakeRequestCreated, 'Registered')},
} as const satisfies RouteDef;

export const listIntakeRequestsRoute = {
  operationId: 'listIntakeRequests', method: 'get', path: '/v1/territories/{t}/intake-requests', tag: 'intake', auth: 'coordinator',
  summary: 'The waiting list: filters, triage order by default, keyset cursor, counts per status',
  query: WaitingListQuery,
  responses: {200: json(WaitingListPage, 'A page of requests')},
} as const satisfies RouteDef;

export const exportIntakeRequestsRoute = {
  operationId: 'exportIntakeRequests', method: 'get', path: '/v1/territories/{t}/intake-requests/export.csv', tag: 'intake', auth: 'coordinator',
  summary: 'CSV export of the requests (audited)',
  query: WaitingListQuery,
  responses: {200: {description: 'CSV, UTF-8 with BOM, `;`-separated', contentType: 'text/csv'}},
} as const satisfies RouteDef;

export const getIntakeRequestRoute = {
  operationId: 'getIntakeRequest', method: 'get', path: '/v1/territories/{t}/intake-requests/{id}', tag: 'intake', auth: 'coordinator',
  summary: 'One request, with its calls and full history (ETag: its version)',
  responses: {200: json(WaitingRequest, 'The request')},
} as const satisfies RouteDef;

export const patchIntakeRequestRoute = {
  operationId: 'patchIntakeRequest', method: 'patch', path: '/v1/territories/{t}/intake-requests/{id}', tag: 'intake', auth: 'coordinator',
  summary: 'Change notes, assignment (or status, as a transition); If-Match: the ETag read, else 412',
  body: {schema: IntakeRequestPatch, example: {status: 'contacted', notes: 'Rappelée le 12/11.'}},
  responses: {200: json(WaitingRequest, 'The request as saved')},
} as const satisfies RouteDef;

export const listIntakeMatchesRoute = {
  operationId: 'listIntakeMatches', method: 'get', path: '/v1/territories/{t}/intake-requests/{id}/matches', tag: 'intake', auth: 'coordinator',
  summary: 'Practitioners who could take this patient, best first',
  responses: {200: json(MatchList, 'Ranked practitioners')},
} as const satisfies RouteDef;
