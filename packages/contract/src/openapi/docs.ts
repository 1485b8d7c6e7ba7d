import type * as z from 'zod/mini';
import type {RouteDef} from '../route-def.js';
import type {OperationId, Routes} from '../routes.js';

/** What the OpenAPI document knows of a named schema. */
export interface SchemaMeta {
  id: string;
  description?: string;
  example?: unknown;
}

/**
 * A schema module's named schemas, by component name (`#/components/schemas/<name>`): the schema
 * alone, or with a description and an example. A schema left out is written inline where it is used.
 */
export type SchemaDocs = Record<string, z.core.$ZodType | {schema: z.core.$ZodType; description?: string; example?: unknown}>;

export type Tag = 'system' | 'territory' | 'intake' | 'matching' | 'practitioners' | 'availability' | 'internships' | 'stats' | 'messages';

/** public: anyone; coordinator: a CPTS coordinator's bearer token; practitioner: a personal-link token. */
export type Auth = 'public' | 'coordinator' | 'practitioner';

/** A response's description, with its media type when its body is not JSON (or is problem+json). */
export type ResponseDoc = string | {description: string; contentType: string};

/** What the document says of a route besides what clients need (`RouteDef`). */
export interface RouteDoc<R extends RouteDef = RouteDef> {
  summary: string;
  tag: Tag;
  auth: Auth;
  /** The query string the server checks. */
  query?: z.ZodMiniObject;
  /** The body the server checks, with an example that the schema accepts (a test checks it). */
  body?: {schema: z.core.$ZodType; contentType?: 'application/json' | 'text/csv'; example: unknown};
  /** A description for each status of the route's `responses`, no more, no fewer. */
  responses: {[S in keyof R['responses']]: ResponseDoc};
}

/** Docs of routes by operationId; each is checked against its route's responses. */
export type RouteDocs = {[K in OperationId]?: RouteDoc<Routes[K]>};

export const noContent = {204: 'Done; no body.'} as const;

/** A route and its docs in one, as the document builder reads them. */
export interface DocumentedRoute extends Omit<RouteDef, 'responses'>, Omit<RouteDoc, 'responses'> {
  responses: Record<number, {description: string; schema?: z.core.$ZodType; contentType?: string}>;
}
