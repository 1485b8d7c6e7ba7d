import {
  createPersonalLinkRoute,
  createPractitionerRoute,
  deletePractitionerRoute,
  getPractitionerRoute,
  importPractitionersRoute,
  listPublicPractitionersRoute,
  getPractitionerMapRoute,
  patchPractitionerRoute,
  revokePersonalLinksRoute,
  type PersonalLink,
  type PersonalLinkCreate,
  type Practitioner,
  type PractitionerCreate,
  type PractitionerImportResult,
  type PractitionerPatch,
  type PublicPractitionerList,
  type PublicPractitionerQuery,
  type PractitionerMap,
  type PractitionerMapQuery,
} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

export function listPublicPractitioners(client: CptsClient, query?: PublicPractitionerQuery, options?: RequestOptions): Promise<PublicPractitionerList> {
  return client.request(listPublicPractitionersRoute, {query: query as Query, signal: options?.signal});
}

/**
 * One view of the public map: clusters and single practitioners inside `bbox` at `zoom`, with the
 * list's filters. A view costs kilobytes whatever the territory's size; the list with the same
 * filters and bbox pages through the same practitioners (`total` of them).
 */
export function getPractitionerMap(client: CptsClient, query: PractitionerMapQuery, options?: RequestOptions): Promise<PractitionerMap> {
  return client.request(getPractitionerMapRoute, {query: query as Query, signal: options?.signal});
}

export function createPractitioner(client: CptsClient, practitioner: PractitionerCreate, options?: RequestOptions): Promise<Practitioner> {
  return client.request(createPractitionerRoute, {json: practitioner, signal: options?.signal});
}

const IMPORT_TIMEOUT_MS = 120_000;

export interface ImportPractitionersOptions {
  /** Validate and preview only: nothing is written. */
  dryRun?: boolean;
}

/**
 * Imports a CSV file of practitioners, all or nothing. A string is sent as UTF-8; bytes (a `File`
 * from an `<input type="file">`, an `ArrayBuffer`, a `Uint8Array`) are sent untouched, so a
 * Windows-1252 export from Excel arrives as it is and the server decodes it. A file with errors
 * rejects with a `CptsApiError` (422, code `import_invalid`) whose `fieldErrors` carry `line` and `column`.
 */
export function importPractitioners(
  client: CptsClient,
  csv: string | Blob | ArrayBuffer | Uint8Array,
  {dryRun}: ImportPractitionersOptions = {},
  options?: RequestOptions,
): Promise<PractitionerImportResult> {
  const body = typeof csv === 'string' ? {text: csv} : {csv};
  // 5 MB (some 50,000 lines) take several seconds to check and write: more than a usual call's timeout
  return client.request(importPractitionersRoute, {...body, query: {dryRun: dryRun ? true : undefined}, timeout: IMPORT_TIMEOUT_MS, signal: options?.signal});
}

export function getPractitioner(client: CptsClient, id: string, options?: RequestOptions): Promise<Practitioner> {
  return client.request(getPractitionerRoute, {id, signal: options?.signal});
}

export function patchPractitioner(client: CptsClient, id: string, patch: PractitionerPatch, options?: RequestOptions): Promise<Practitioner> {
  return client.request(patchPractitionerRoute, {id, json: patch, signal: options?.signal});
}

export function deletePractitioner(client: CptsClient, id: string, options?: RequestOptions): Promise<void> {
  return client.request(deletePractitionerRoute, {id, signal: options?.signal});
}

export function createPersonalLink(client: CptsClient, id: string, link: PersonalLinkCreate = {}, options?: RequestOptions): Promise<PersonalLink> {
  return client.request(createPersonalLinkRoute, {id, json: link, signal: options?.signal});
}

export function revokePersonalLinks(client: CptsClient, id: string, options?: RequestOptions): Promise<void> {
  return client.request(revokePersonalLinksRoute, {id, signal: options?.signal});
}
