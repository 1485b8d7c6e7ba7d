import type * as z from 'zod/mini';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One route of the API as a client sees it: where to send the request and what may come back.
 * Each status maps to the schema of its body, or `null` when the body is not JSON (none, CSV).
 * Summaries, tags, descriptions and the request schemas the server checks are documentation:
 * they live in `openapi/`, which no browser bundle imports.
 */
export interface RouteDef {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template; `{t}` is a territory slug, `{id}` a UUID. */
  path: string;
  /** `required`: the request must carry an `Idempotency-Key` header (and is then safe to retry). */
  idempotencyKey?: 'required';
  /** Responses besides errors, which are always problem+json. */
  responses: Record<number, z.core.$ZodType | null>;
}
