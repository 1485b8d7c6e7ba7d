import {CptsError} from './CptsError.js';

/** The server took longer than the client's `timeout`. */
export class CptsTimeoutError extends CptsError {
  override name = 'CptsTimeoutError' as const;
  constructor(request: {method: string; url: string}, options?: ErrorOptions) {
    super(`timed out: ${request.method} ${request.url}`, options);
  }
}
