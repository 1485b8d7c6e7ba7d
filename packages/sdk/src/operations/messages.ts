import {getOutboxRoute, type OutboxSummary} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

/** The territory's outbox (coordinator): whether SMTP is configured, counts by status, the messages waiting or failed. */
export function getOutbox(client: CptsClient, options?: RequestOptions): Promise<OutboxSummary> {
  return client.request(getOutboxRoute, {signal: options?.signal});
}
