/** A widget has neither a provider, a `client`, nor `api` + `territory`: the page must be fixed. */
export class CptsConfigError extends Error {
  override name = 'CptsConfigError' as const;
}
