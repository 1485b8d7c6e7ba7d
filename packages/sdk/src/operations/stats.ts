import {getStatsRoute, type StatCount, type Stats, type StatsQuery} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

// its own module: the public widget's chunk carries no code or schema of the coordinator's figures
export {getImpact} from './impact.js';

/** The ACI figures of a period (coordinator); `publishable: true` suppresses small counts. */
export function getStats(client: CptsClient, query?: StatsQuery, options?: RequestOptions): Promise<Stats> {
  return client.request(getStatsRoute, {query: query as Query, signal: options?.signal});
}

/** The number a count holds, or null when it is suppressed. */
export function statCountValue(count: StatCount): number | null {
  return typeof count === 'number' ? count : null;
}
