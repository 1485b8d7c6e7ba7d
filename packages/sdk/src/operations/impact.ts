import {getImpactRoute, type Impact} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

/** The territory's public summary (no token); 404 when the territory does not publish it. */
export function getImpact(client: CptsClient, options?: RequestOptions): Promise<Impact> {
  return client.request(getImpactRoute, {signal: options?.signal});
}
