import {
  archiveInternshipOfferRoute,
  createInternshipOfferRoute,
  deleteInternshipOfferRoute,
  getInternshipOfferRoute,
  listInternshipOffersRoute,
  patchInternshipOfferRoute,
  publishInternshipOfferRoute,
  type InternshipOffer,
  type InternshipOfferCreate,
  type InternshipOfferList,
  type InternshipOfferPatch,
  type InternshipOfferQuery,
} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

export function listInternshipOffers(client: CptsClient, query?: InternshipOfferQuery, options?: RequestOptions): Promise<InternshipOfferList> {
  return client.request(listInternshipOffersRoute, {query: query as Query, signal: options?.signal});
}

export function getInternshipOffer(client: CptsClient, id: string, options?: RequestOptions): Promise<InternshipOffer> {
  return client.request(getInternshipOfferRoute, {id, signal: options?.signal});
}

export function createInternshipOffer(client: CptsClient, offer: InternshipOfferCreate, options?: RequestOptions): Promise<InternshipOffer> {
  return client.request(createInternshipOfferRoute, {json: offer, signal: options?.signal});
}

export function patchInternshipOffer(client: CptsClient, id: string, patch: InternshipOfferPatch, options?: RequestOptions): Promise<InternshipOffer> {
  return client.request(patchInternshipOfferRoute, {id, json: patch, signal: options?.signal});
}

export function deleteInternshipOffer(client: CptsClient, id: string, options?: RequestOptions): Promise<void> {
  return client.request(deleteInternshipOfferRoute, {id, signal: options?.signal});
}

export function publishInternshipOffer(client: CptsClient, id: string, options?: RequestOptions): Promise<InternshipOffer> {
  return client.request(publishInternshipOfferRoute, {id, signal: options?.signal});
}

export function archiveInternshipOffer(client: CptsClient, id: string, options?: RequestOptions): Promise<InternshipOffer> {
  return client.request(archiveInternshipOfferRoute, {id, signal: options?.signal});
}
