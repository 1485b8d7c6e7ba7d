import * as z from 'zod/mini';
import {ApiError} from './common.js';
import {json, noContent, type RouteDef} from './route-def.js';
import {PersonalLink, PersonalLinkCreate, Practitioner, PractitionerCreate, PractitionerImportQuery, PractitionerImportResult, PractitionerPatch, PublicPractitionerList, PublicPractitionerQuery} from './practitioner.js';

const csvExample = 'rpps;profession;prenom;nom;commune_insee;telephone\n10003456786;medecin_generaliste;Claire;Lefebvre;62765;03 21 38 00 00\n';

export const listPublicPractitionersRoute = {
  operationId: 'listPublicPractitioners', method: 'get', path: '/v1/territories/{t}/practitioners', tag: 'practitioners', auth: 'public',
  summary: 'Practitioners who chose to be public',
  query: PublicPractitionerQuery,
  responses: {200: json(PublicPractitionerList, 'A page of practitioners'), 304: {description: 'Not modified (ETag)'}},
} as const satisfies RouteDef;

export const createPractitionerRoute = {
  operationId: 'createPractitioner', method: 'post', path: '/v1/territories/{t}/practitioners', tag: 'practitioners', auth: 'coordinator',
  summary: 'Add a practitioner',
  body: {schema: PractitionerCreate, example: {profession: 'medecin_generaliste', title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre', communeInsee: '62765'}},
  responses: {201: json(Practitioner, 'Created')},
} as const satisfies RouteDef;

export const importPractitionersRoute = {
  operationId: 'importPractitioners', method: 'post', path: '/v1/territories/{t}/practitioners/import', tag: 'practitioners', auth: 'coordinator',
  summary: 'Import practitioners from a CSV file (all or nothing; 422 with every error by line)',
  query: PractitionerImportQuery,
  body: {schema: z.string(), contentType: 'text/csv', example: csvExample},
  responses: {
    200: json(PractitionerImportResult, 'What was imported, or with dryRun what would be'),
    422: {
      schema: ApiError,
      contentType: 'application/problem+json',
      description: 'The file has errors, so nothing was written: code `import_invalid`, `errors[]` of `{path: "lines.12.rpps", line: 12, column: "RPPS", code, message}`, every one (the first 1,000)',
    },
  },
} as const satisfies RouteDef;

export const getPractitionerRoute = {
  operationId: 'getPractitioner', method: 'get', path: '/v1/territories/{t}/practitioners/{id}', tag: 'practitioners', auth: 'coordinator',
  summary: 'One practitioner, with private fields',
  responses: {200: json(Practitioner, 'The practitioner')},
} as const satisfies RouteDef;

export const patchPractitionerRoute = {
  operationId: 'patchPractitioner', method: 'patch', path: '/v1/territories/{t}/practitioners/{id}', tag: 'practitioners', auth: 'coordinator',
  summary: 'Edit or deactivate a practitioner',
  body: {schema: PractitionerPatch, example: {phone: '03 21 38 11 11', active: false}},
  responses: {200: json(Practitioner, 'The practitioner as saved')},
} as const satisfies RouteDef;

export const deletePractitionerRoute = {
  operationId: 'deletePractitioner', method: 'delete', path: '/v1/territories/{t}/practitioners/{id}', tag: 'practitioners', auth: 'coordinator',
  summary: 'Delete a practitioner and their links',
  responses: noContent,
} as const satisfies RouteDef;

export const createPersonalLinkRoute = {
  operationId: 'createPersonalLink', method: 'post', path: '/v1/territories/{t}/practitioners/{id}/link', tag: 'practitioners', auth: 'coordinator',
  summary: 'Issue a personal link token for a practitioner',
  body: {schema: PersonalLinkCreate, example: {expiresInDays: 365}},
  responses: {201: json(PersonalLink, 'The token, shown once')},
} as const satisfies RouteDef;

export const revokePersonalLinksRoute = {
  operationId: 'revokePersonalLinks', method: 'delete', path: '/v1/territories/{t}/practitioners/{id}/link', tag: 'practitioners', auth: 'coordinator',
  summary: "Revoke every personal link of a practitioner",
  responses: noContent,
} as const satisfies RouteDef;
