import type {IntakeRequestCreate} from '@cpts-kit/contract';
import type {Attempt as SharedAttempt} from '../internal/attempt.js';

/** Where the form is: filling it in, waiting for the server, told it failed, or stored. */
export type Phase =
  {name: 'editing'} | {name: 'submitting'} | {name: 'failed'; error: unknown} | {name: 'submitted'; reference: string; at: Date; person: string; commune: string};

/** One submission of the public form (the shared `Attempt`, with the form's body); made by form-send.ts. */
export type Attempt = SharedAttempt<IntakeRequestCreate>;
