import {OutboxSummary} from './messages.js';
import type {RouteDef} from './route-def.js';

export const getOutboxRoute = {
  operationId: 'getOutbox',
  method: 'get',
  path: '/v1/territories/{t}/outbox',
  responses: {200: OutboxSummary},
} as const satisfies RouteDef;

// the two unsubscribe routes answer a small HTML page: they are opened from a mail client
export const showUnsubscribeRoute = {
  operationId: 'showUnsubscribe',
  method: 'get',
  path: '/v1/unsubscribe/{token}',
  responses: {200: null},
} as const satisfies RouteDef;

export const unsubscribeRoute = {
  operationId: 'unsubscribe',
  method: 'post',
  path: '/v1/unsubscribe/{token}',
  responses: {200: null},
} as const satisfies RouteDef;
