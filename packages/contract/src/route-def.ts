import type * as z from 'zod/mini';
import {Id, Slug} from './common.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** public: anyone; coordinator: a CPTS coordinator's bearer token; practitioner: a personal-link token. */
export type Auth = 'public' | 'coordinator' | 'practitioner';

export interface ResponseDef {
  description: string;
  schema?: z.core.$ZodType;
  /** `application/json` unless said. */
  contentType?: string;
}

export interface RouteDef {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template; `{t}` is a territory slug, `{id}` a UUID. */
  path: string;
  summary: string;
  tag: 'system' | 'territory' | 'intake' | 'practitioners' | 'availability' | 'internships' | 'stats';
  auth: Auth;
  query?: z.ZodMiniObject;
  body?: {schema: z.core.$ZodType; contentType?: 'application/json' | 'text/csv'; example: unknown};
  /** `required`: the request must carry an `Idempotency-Key` header (and is then safe to retry). */
  idempotencyKey?: 'required';
  /** Responses besides errors, which are always problem+json. */
  responses: Record<number, ResponseDef>;
}

/** Path parameters of the templates above, with the schema that checks each. */
export const pathParams = {t: Slug, id: Id} as const;



export const json = <S extends z.core.$ZodType>(schema: S, description: string) => ({schema, description});
export const noContent = {204: {description: 'Done; no body.'}} as const;
