/** Base of every error the SDK throws, so callers can tell ours from the rest with one check. */
export class CptsError extends Error {
  // set by hand: minifiers rename classes
  override name: string = 'CptsError';
}
