import {CptsError} from './CptsError.js';

/** No answer: offline, DNS, CORS refusal, connection reset. Safe requests were already retried. */
export class CptsNetworkError extends CptsError {
  override name = 'CptsNetworkError' as const;
  constructor(request: {method: string; url: string}, options?: ErrorOptions) {
    super(`network error: ${request.method} ${request.url}`, options);
  }
}
