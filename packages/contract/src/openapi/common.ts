import {ApiError, FieldError, Health, LatLng} from '../common.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const commonSchemas = {
  LatLng: {schema: LatLng, description: 'WGS84 coordinates.'},
  FieldError: {
    schema: FieldError,
    description:
      'One problem with one field; `path` is dotted (`person.birthDate`). For a CSV import, `path` is `lines.12.rpps` (line 12 of the file, field rpps; `lines.1` is the header, `file` the whole file) and `line` / `column` say where to look in the spreadsheet.',
  },
  ApiError: {
    schema: ApiError,
    description: 'RFC 9457 application/problem+json.',
    example: {
      type: 'https://cpts-kit.fr/problems/validation',
      title: 'Données invalides',
      status: 400,
      code: 'validation',
      errors: [{path: 'person.phone', code: 'invalid_format', message: 'numéro de téléphone invalide'}],
    },
  },
  Health,
} satisfies SchemaDocs;

export const systemRouteDocs = {
  getHealth: {
    tag: 'system',
    auth: 'public',
    summary: 'Liveness and database reachability',
    responses: {200: 'Up', 503: 'The database cannot be reached'},
  },
  getOpenApi: {
    tag: 'system',
    auth: 'public',
    summary: 'This document',
    responses: {200: 'The OpenAPI 3.1 document'},
  },
} satisfies RouteDocs;
