import {getHealthRoute, getOpenApiRoute, type Health} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

export function getHealth(client: CptsClient, options?: RequestOptions): Promise<Health> {
  return client.request(getHealthRoute, {signal: options?.signal});
}

export function getOpenApi(client: CptsClient, options?: RequestOptions): Promise<Record<string, unknown>> {
  return client.request(getOpenApiRoute, {signal: options?.signal});
}
