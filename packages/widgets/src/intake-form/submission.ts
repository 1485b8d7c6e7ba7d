import type {IntakeRequestCreate} from '@cpts-kit/contract';
import type {CptsApiError} from '@cpts-kit/sdk';
import type {Attempt as SharedAttempt} from '../internal/attempt.js';
import {errorKindOf, isFieldKey, type FieldError} from './form-model.js';

/** Where the form is: filling it in, waiting for the server, told it failed, or stored. */
export type Phase =
  {name: 'editing'} | {name: 'submitting'} | {name: 'failed'; error: unknown} | {name: 'submitted'; reference: string; at: Date; person: string; commune: string};

/** One submission of the public form (the shared `Attempt`, with the form's body); made by form-send.ts. */
export type Attempt = SharedAttempt<IntakeRequestCreate>;

/** The server's field errors, by our fields (one each), and how many name no field of ours; undefined when it sent none. */
export function serverFieldErrors(error: CptsApiError): {errors: FieldError[]; other: number} | undefined {
  const fieldErrors = error.fieldErrors.filter((fieldError) => fieldError.path !== 'Idempotency-Key');
  if (fieldErrors.length === 0) return undefined;
  const errors: FieldError[] = [];
  let other = 0;
  for (const fieldError of fieldErrors) {
    const path = fieldError.path.replace(/^body\./, '');
    if (isFieldKey(path)) {
      if (!errors.some((known) => known.field === path)) errors.push({field: path, kind: errorKindOf(path, fieldError.code)});
    } else {
      other += 1;
    }
  }
  return {errors, other};
}

/** Seconds to wait after a 429: the `Retry-After` header, else the problem's `retryAfter`. */
export function retryAfterSeconds(error: CptsApiError): number | undefined {
  const response = (error.cause as {response?: Response} | undefined)?.response;
  const header = response?.headers.get('retry-after');
  const fromHeader = header && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
  const fromProblem = (error.problem as {retryAfter?: unknown}).retryAfter;
  const seconds = fromHeader ?? (typeof fromProblem === 'number' ? fromProblem : undefined);
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds));
}
