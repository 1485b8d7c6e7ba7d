import {CptsError} from './CptsError.js';

/**
 * The request worked but the body does not match the contract: a server of another version, or a
 * proxy answering in its place. Kept apart from CptsApiError, which is the server's own word.
 */
export class CptsResponseError extends CptsError {
  override name = 'CptsResponseError' as const;
  readonly issues: ReadonlyArray<{path: PropertyKey[]; message: string}>;
  constructor(request: {method: string; url: string}, issues: ReadonlyArray<{path: PropertyKey[]; message: string}>) {
    const first = issues[0];
    super(`unexpected response body for ${request.method} ${request.url}${first ? `: ${first.path.join('.')} ${first.message}` : ''}`);
    this.issues = issues;
  }
}
