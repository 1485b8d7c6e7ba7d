import {getHealthRoute, getOpenApiRoute, getReadinessRoute, type Health, type Readiness} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

export function getHealth(client: CptsClient, options?: RequestOptions): Promise<Health> {
  return client.request(getHealthRoute, {signal: options?.signal});
}

/** Rejects with a CptsApiError (status 503, code `not_ready`) while the server should get no traffic. */
export function getReadiness(client: CptsClient, options?: RequestOptions): Promise<Readiness> {
  return client.request(getReadinessRoute, {signal: options?.signal});
}

export function getOpenApi(client: CptsClient, options?: RequestOptions): Promise<Record<string, unknown>> {
  return client.request(getOpenApiRoute, {signal: options?.signal});
}
