import type {ApiError, FieldError} from '@cpts-kit/contract';
import {CptsError} from './CptsError.js';

/** The server answered with an error: RFC 9457 problem details, with field errors for forms. */
export class CptsApiError extends CptsError {
  override name = 'CptsApiError' as const;
  readonly status: number;
  readonly problem: ApiError;
  readonly request: {method: string; url: string};

  constructor(problem: ApiError, request: {method: string; url: string}, options?: ErrorOptions) {
    super(`${problem.status} ${problem.code}: ${problem.title} (${request.method} ${request.url})`, options);
    this.status = problem.status;
    this.problem = problem;
    this.request = request;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Field errors, `path` dotted (`person.phone`), ready to put under each field. */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}
