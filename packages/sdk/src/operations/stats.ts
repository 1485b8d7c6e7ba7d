import {getImpactRoute, getStatsRoute, type Impact, type StatCount, type Stats, type StatsQuery} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

/** The ACI figures of a period (coordinator); `publishable: true` suppresses small counts. */
export function getStats(client: CptsClient, query?: StatsQuery, options?: RequestOptions): Promise<Stats> {
  return client.request(getStatsRoute, {query: query as Query, signal: options?.signal});
}

/** The territory's public summary (no token); 404 when the territory does not publish it. */
export function getImpact(client: CptsClient, options?: RequestOptions): Promise<Impact> {
  return client.request(getImpactRoute, {signal: options?.signal});
}

/** The number a count holds, or null when it is suppressed. */
export function statCountValue(count: StatCount): number | null {
  return typeof count === 'number' ? count : null;
}
