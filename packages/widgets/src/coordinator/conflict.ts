import {isCptsApiError} from '@cpts-kit/sdk';

/**
 * The change was refused because someone changed the resource since it was read (412, the
 * If-Match no longer matches): the tool offers « Recharger » and keeps what was typed.
 */
export function isStale(error: unknown): boolean {
  return isCptsApiError(error) && error.status === 412;
}
