import * as z from 'zod/mini';

/** What the OpenAPI document needs to know of a named schema. */
export interface SchemaMeta {
  id: string;
  description?: string;
  example?: unknown;
}

/**
 * Every named schema of the contract. A separate registry (not zod's global one) keeps the
 * OpenAPI components to exactly what the contract declares, whatever else the page loads.
 */
export const contractRegistry = z.registry<SchemaMeta>();

/** Registers `schema` under `id` and returns it, so declarations stay one expression. */
export function named<T extends z.core.$ZodType>(schema: T, meta: SchemaMeta): T {
  contractRegistry.add(schema, meta);
  return schema;
}
