import {getStatsRoute, type Stats, type StatsQuery} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

export function getStats(client: CptsClient, query?: StatsQuery, options?: RequestOptions): Promise<Stats> {
  return client.request(getStatsRoute, {query: query as Query, signal: options?.signal});
}
