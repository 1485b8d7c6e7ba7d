import * as z from 'zod/mini';
import {ApiError, Id, Slug} from './common.js';
import {UnsubscribeToken} from './messages.js';
import {contractRegistry, documentedRoutes, tagDescriptions} from './openapi/contract-docs.js';
import type {DocumentedRoute, Tag} from './openapi/docs.js';

export {contractRegistry, documentedRoutes} from './openapi/contract-docs.js';
export type {Auth, DocumentedRoute, ResponseDoc, RouteDoc, RouteDocs, SchemaDocs, SchemaMeta, Tag} from './openapi/docs.js';

type JsonObject = Record<string, unknown>;

/** Path parameters of the route templates, with the schema that checks each. */
const pathParams = {t: Slug, id: Id, token: UnsubscribeToken} as const;

const componentRef = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema of a contract schema: a `$ref` when it is named, inline otherwise. */
function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonObject {
  const id = contractRegistry.get(schema)?.id;
  if (id) return {$ref: componentRef(id)};
  // Inline schemas are only path and query parameters: scalars, with nothing named inside.
  const {$schema: _drop, ...rest} = z.toJSONSchema(schema, {io, unrepresentable: 'any'}) as JsonObject;
  return rest;
}

function components(io: 'input' | 'output'): Record<string, JsonObject> {
  const {schemas} = z.toJSONSchema(contractRegistry, {io, uri: componentRef, unrepresentable: 'any'});
  const out: Record<string, JsonObject> = {};
  for (const [id, value] of Object.entries(schemas)) {
    const {$schema: _s, $id: _i, ...rest} = value as JsonObject;
    out[id] = rest;
  }
  return out;
}

function parameters(route: DocumentedRoute): JsonObject[] {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof typeof pathParams);
  const inPath = names.map((name) => ({name, in: 'path', required: true, schema: schemaOf(pathParams[name], 'input')}));
  const inQuery = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => {
    const s = schema;
    return {name, in: 'query', required: !(s._zod.optin === 'optional'), schema: schemaOf(s, 'input')};
  });
  const headers = route.idempotencyKey
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'One key per filled form; a retry resends the same key. Same key and body: the first answer again (keys kept 24 h); same key, another body: 422; the first still in progress: 409 with Retry-After. Over the per-client rate limit: 429 with Retry-After.',
          schema: {type: 'string', minLength: 8, maxLength: 255},
        },
      ]
    : [];
  return [...inPath, ...inQuery, ...headers];
}

const problem = (description: string) => ({
  description,
  content: {'application/problem+json': {schema: {$ref: componentRef(contractRegistry.get(ApiError)!.id)}}},
});

function operation(route: DocumentedRoute): JsonObject {
  const responses: JsonObject = {};
  for (const [status, res] of Object.entries(route.responses)) {
    responses[status] = res.schema
      ? {description: res.description, content: {[res.contentType ?? 'application/json']: {schema: schemaOf(res.schema, 'output')}}}
      : res.contentType
        ? {description: res.description, content: {[res.contentType]: {schema: {type: 'string'}}}}
        : {description: res.description};
  }
  responses['4XX'] = problem('Client error: RFC 9457 problem details, with `errors[]` naming each field');
  responses['5XX'] = problem('Server error (or 501 for a capability not yet available)');
  const op: JsonObject = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    parameters: parameters(route),
    responses,
  };
  if (route.auth !== 'public') op.security = [{[route.auth === 'coordinator' ? 'coordinatorToken' : 'personalLinkToken']: []}];
  if (route.body) {
    const contentType = route.body.contentType ?? 'application/json';
    const schema = contentType === 'text/csv' ? {type: 'string'} : schemaOf(route.body.schema, 'input');
    op.requestBody = {required: true, content: {[contentType]: {schema, example: route.body.example}}};
  }
  return op;
}

/** The OpenAPI 3.1 document, generated from the route table and the schemas: never hand-written. */
export function buildOpenApiDocument(options: {serverUrl?: string; version?: string} = {}): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of documentedRoutes) {
    (paths[route.path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'cpts-kit API',
      version: options.version ?? '1.0.0',
      description:
        'Registration of people without a médecin traitant, practitioner availability (CartoDispo) and internship offers for a CPTS territory.\n\n' +
        'Text rules, for every string of every body, query and path: no control character (NUL, C0, DEL, C1) and no lone surrogate. ' +
        'One-line fields refuse them all; free text (notes, descriptions) keeps tabs and line breaks, CR LF becoming LF. ' +
        'A refusal is a 400 problem+json naming the field. Public links (`website`, `privacyNotice.url`) are `https:` only (`http:` for localhost).',
      license: {name: 'MIT', identifier: 'MIT'},
    },
    servers: [{url: options.serverUrl ?? '/'}],
    tags: (['system', 'territory', 'intake', 'matching', 'practitioners', 'availability', 'internships', 'stats', 'messages'] satisfies Tag[]).map((name) =>
      tagDescriptions[name] ? {name, description: tagDescriptions[name]} : {name},
    ),
    paths,
    components: {
      schemas: {...components('output'), ...requestComponents()},
      securitySchemes: {
        coordinatorToken: {type: 'http', scheme: 'bearer', description: 'A coordinator token issued with `cpts-kit-server token create`.'},
        personalLinkToken: {type: 'http', scheme: 'bearer', description: "A practitioner's personal-link token."},
      },
    },
  };
}

/** Request bodies are read as input (defaults optional), so their components use the input form. */
function requestComponents(): Record<string, JsonObject> {
  const input = components('input');
  const bodies = new Set(documentedRoutes.flatMap((r) => (r.body ? [contractRegistry.get(r.body.schema)?.id] : [])).filter((id): id is string => !!id));
  return Object.fromEntries(Object.entries(input).filter(([id]) => bodies.has(id)));
}
