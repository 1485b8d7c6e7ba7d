import {newIdempotencyKey} from '@cpts-kit/sdk';

/** One submission: the idempotency key goes with the exact body it was first sent with. */
export interface Attempt<T> {
  key: string;
  json: string;
  body: T;
}

/**
 * The attempt that sends `body`: the same answers reuse the previous key, so a retry after a lost
 * answer is stored once; changed answers are another submission (the server would refuse them
 * under the first key).
 */
export function attemptFor<T>(body: T, previous: Attempt<T> | undefined): Attempt<T> {
  const json = JSON.stringify(body);
  return previous?.json === json ? previous : {key: newIdempotencyKey(), json, body};
}
