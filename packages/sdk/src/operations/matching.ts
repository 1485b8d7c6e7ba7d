import {
  acceptProposalRoute,
  listIntakeMatchesRoute,
  confirmFirstConsultationRoute,
  confirmOfferRoute,
  createProposalsRoute,
  declineProposalRoute,
  listIntakeProposalsRoute,
  listOwnProposalsRoute,
  listPractitionerOffersRoute,
  listWaitingPeopleRoute,
  offerToTakeRoute,
  withdrawProposalRoute,
  type MatchList,
  type MatchQuery,
  type OwnProposal,
  type OwnProposals,
  type PickOffer,
  type Proposal,
  type ProposalCreate,
  type ProposalDecline,
  type ProposalList,
  type WaitingPeople,
  type WaitingPeopleQuery,
} from '@cpts-kit/contract';
import type {CptsClient, Query, RequestOptions} from '../client.js';

// Refusals are CptsApiError 409s whose `code` says why (at_quota, outside_scope, proposal_closed,
// request_closed, already_taken); nothing was changed on the server.

// --- the coordinator's side (bearer token)

/** Proposes request `id` to one or more practitioners, all or nothing. */
export function createProposals(client: CptsClient, id: string, proposal: ProposalCreate, options?: RequestOptions): Promise<ProposalList> {
  return client.request(createProposalsRoute, {id, json: proposal, signal: options?.signal});
}

/** Every proposal of request `id`, newest first. */
export function listIntakeProposals(client: CptsClient, id: string, options?: RequestOptions): Promise<ProposalList> {
  return client.request(listIntakeProposalsRoute, {id, signal: options?.signal});
}

/** Practitioners' offers to take a waiting person, awaiting the coordinator's confirmation. */
export function listPractitionerOffers(client: CptsClient, options?: RequestOptions): Promise<ProposalList> {
  return client.request(listPractitionerOffersRoute, {signal: options?.signal});
}

export function withdrawProposal(client: CptsClient, proposalId: string, options?: RequestOptions): Promise<Proposal> {
  return client.request(withdrawProposalRoute, {id: proposalId, signal: options?.signal});
}

/** Confirms a practitioner's offer: it counts as their acceptance. */
export function confirmOffer(client: CptsClient, proposalId: string, options?: RequestOptions): Promise<Proposal> {
  return client.request(confirmOfferRoute, {id: proposalId, signal: options?.signal});
}

// --- the practitioner's side (personal-link token)

export function listOwnProposals(client: CptsClient, options?: RequestOptions): Promise<OwnProposals> {
  return client.request(listOwnProposalsRoute, {signal: options?.signal});
}

/** Accepts: the answer carries the person's contact details. A 409 `already_taken` means someone else was first. */
export function acceptProposal(client: CptsClient, proposalId: string, options?: RequestOptions): Promise<OwnProposal> {
  return client.request(acceptProposalRoute, {id: proposalId, signal: options?.signal});
}

export function declineProposal(client: CptsClient, proposalId: string, decline?: ProposalDecline, options?: RequestOptions): Promise<OwnProposal> {
  return client.request(declineProposalRoute, {id: proposalId, json: decline ?? {}, signal: options?.signal});
}

/** The first consultation took place: the request is resolved. */
export function confirmFirstConsultation(client: CptsClient, proposalId: string, options?: RequestOptions): Promise<OwnProposal> {
  return client.request(confirmFirstConsultationRoute, {id: proposalId, signal: options?.signal});
}

/** Pseudonymised waiting people near the practitioner (403 `picking_disabled` unless the territory allows it). */
export function listWaitingPeople(client: CptsClient, query?: WaitingPeopleQuery, options?: RequestOptions): Promise<WaitingPeople> {
  return client.request(listWaitingPeopleRoute, {query: query as Query, signal: options?.signal});
}

/** Offers to take waiting person `id` (a `WaitingPerson.id`); the coordinator confirms. */
export function offerToTake(client: CptsClient, id: string, offer?: PickOffer, options?: RequestOptions): Promise<OwnProposal> {
  return client.request(offerToTakeRoute, {id, json: offer ?? {}, signal: options?.signal});
}

/** Practitioners who can take this person, best first, with their reasons; stale or missing declarations in `apart`. */
export function listIntakeMatches(client: CptsClient, id: string, query?: MatchQuery, options?: RequestOptions): Promise<MatchList> {
  return client.request(listIntakeMatchesRoute, {id, query: query as Query, signal: options?.signal});
}
