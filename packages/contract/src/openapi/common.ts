import {ApiError, FieldError, Health, LatLng, Readiness} from '../common.js';
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
  Health: {
    schema: Health,
    description: 'The process answers. Says nothing of the database: a liveness probe that restarts servers when the database is down would restart all of them at once.',
  },
  Readiness: {schema: Readiness, description: 'The database answers and has every migration this version needs: a proxy may send traffic here.'},
} satisfies SchemaDocs;

export const systemRouteDocs = {
  getHealth: {
    tag: 'system',
    auth: 'public',
    summary: 'Liveness: the process answers (no database query)',
    responses: {200: 'Alive'},
  },
  getReadiness: {
    tag: 'system',
    auth: 'public',
    summary: 'Readiness for a proxy: database reachable, migrations done, not shutting down',
    responses: {
      200: 'Ready',
      503: {
        description:
          'Not ready (`not_ready`, the reason in `detail`): the database cannot be reached, migrations this version needs are missing (another server is still migrating), or the server received SIGTERM/SIGINT and is finishing the requests in flight, so a load balancer stops sending it new ones.',
        contentType: 'application/problem+json',
      },
    },
  },
  getOpenApi: {
    tag: 'system',
    auth: 'public',
    summary: 'This document',
    responses: {200: 'The OpenAPI 3.1 document'},
  },
} satisfies RouteDocs;
