import {createIntakeRequestRoute, type IntakeRequestCreate, type IntakeRequestCreated} from '@cpts-kit/contract';
import type {CptsClient, IdempotentRequestOptions} from '../client.js';
import {newIdempotencyKey} from '../idempotency.js';

// The public form's one call, alone in its module, so the intake page's bundle carries none of
// the coordinators' calls (see waiting-list.ts and matching.ts).

export function createIntakeRequest(client: CptsClient, request: IntakeRequestCreate, options?: IdempotentRequestOptions): Promise<IntakeRequestCreated> {
  const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
  return client.request(createIntakeRequestRoute, {json: request, idempotencyKey, signal: options?.signal});
}
