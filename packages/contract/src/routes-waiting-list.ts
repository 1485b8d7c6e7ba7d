import * as z from 'zod/mini';
import {ApiError} from './common.js';
import {IntakeRequestCreated} from './intake.js';
import {json, type RouteDef} from './route-def.js';
import {
  AssistedIntakeCreate,
  CallLogCreate,
  IntakeImportQuery,
  IntakeImportResult,
  IntakeTransition,
  MergeRequest,
  WaitingListPage,
  WaitingListSearch,
  WaitingRequest,
} from './waiting-list.js';

const stale = {
  schema: ApiError,
  contentType: 'application/problem+json',
  description: 'If-Match names an older version: someone changed the request since it was read (code `stale`). Read it again.',
} as const;

const invalidTransition = {
  schema: ApiError,
  contentType: 'application/problem+json',
  description: 'This move is not allowed from the current status (code `invalid_transition`), or the merge cannot be done (code `merge_refused`).',
} as const;

const importCsvExample = 'Nom;Prénom;Date de naissance;Téléphone;Commune;Date d\'inscription;ALD\nDUPONT;Marie;12/03/1948;06 12 34 56 78;Saint-Omer;05/01/2026;oui\n';

export const searchIntakeRequestsRoute = {
  operationId: 'searchIntakeRequests', method: 'post', path: '/v1/territories/{t}/intake-requests/search', tag: 'intake', auth: 'coordinator',
  summary: 'Find requests by reference, last name or phone (POST: the searched name stays out of URLs and logs)',
  body: {schema: WaitingListSearch, example: {text: 'Dupont'}},
  responses: {200: json(WaitingListPage, 'The matching requests, with counts per status')},
} as const satisfies RouteDef;

export const createAssistedIntakeRequestRoute = {
  operationId: 'createAssistedIntakeRequest', method: 'post', path: '/v1/territories/{t}/intake-requests/assisted', tag: 'intake', auth: 'coordinator',
  summary: 'Register a person who called the CPTS or sent the paper form',
  idempotencyKey: 'required',
  body: {
    schema: AssistedIntakeCreate,
    example: {
      channel: 'paper', receivedOn: '2026-11-02', requester: {kind: 'town_hall', name: 'Mairie d’Arques', phone: '03 21 88 00 00'},
      person: {lastName: 'Martin', firstNames: 'Paul', birthDate: '1950-01-20', phone: '03 21 11 22 33', communeInsee: '62040'},
      situation: {reason: 'gp_retired'},
      priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'yes'},
    },
  },
  responses: {201: json(IntakeRequestCreated, 'Registered')},
} as const satisfies RouteDef;

export const importIntakeRequestsRoute = {
  operationId: 'importIntakeRequests', method: 'post', path: '/v1/territories/{t}/intake-requests/import', tag: 'intake', auth: 'coordinator',
  summary: 'Import an existing waiting list from a CSV file (dry run first; then all or nothing)',
  query: IntakeImportQuery,
  body: {schema: z.string(), contentType: 'text/csv', example: importCsvExample},
  responses: {
    200: json(IntakeImportResult, 'What was imported, or with dryRun what would be'),
    422: {schema: ApiError, contentType: 'application/problem+json', description: 'The file has errors, nothing was written: `errors[]` of `{path: "lines.12.birthDate", line, column, code, message}`'},
  },
} as const satisfies RouteDef;

export const transitionIntakeRequestRoute = {
  operationId: 'transitionIntakeRequest', method: 'post', path: '/v1/territories/{t}/intake-requests/{id}/transitions', tag: 'intake', auth: 'coordinator',
  summary: 'Move a request along its lifecycle, with an optional note (If-Match: its ETag)',
  body: {schema: IntakeTransition, example: {to: 'contacted', note: 'Jointe, cherche un médecin à Arques.'}},
  responses: {200: json(WaitingRequest, 'The request as saved'), 409: invalidTransition, 412: stale},
} as const satisfies RouteDef;

export const logIntakeCallRoute = {
  operationId: 'logIntakeCall', method: 'post', path: '/v1/territories/{t}/intake-requests/{id}/calls', tag: 'intake', auth: 'coordinator',
  summary: 'Log a call attempt (date, outcome, note)',
  body: {schema: CallLogCreate, example: {outcome: 'no_answer'}},
  responses: {201: json(WaitingRequest, 'The request with the call in its log'), 412: stale},
} as const satisfies RouteDef;

export const mergeIntakeRequestRoute = {
  operationId: 'mergeIntakeRequest', method: 'post', path: '/v1/territories/{t}/intake-requests/{id}/merge', tag: 'intake', auth: 'coordinator',
  summary: 'Merge a duplicate into this request: the other is closed as a duplicate pointing here, both histories kept',
  body: {schema: MergeRequest, example: {otherId: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10'}},
  responses: {200: json(WaitingRequest, 'The kept request'), 409: invalidTransition, 412: stale},
} as const satisfies RouteDef;
