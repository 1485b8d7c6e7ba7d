import {ApiError} from './common.js';
import {MatchList, OwnProposal, OwnProposals, Proposal, ProposalList, WaitingPeople} from './match.js';
import type {RouteDef} from './route-def.js';

// 409 (problem+json, `code`): at_quota, outside_scope, proposal_closed (withdrawn, declined,
// filled), request_closed, already_taken (someone else accepted first). Nothing is changed.
// `listIntakeMatches` is here too, with the coordinators' other routes of a request's matching.

export const createProposalsRoute = {
  operationId: 'createProposals',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests/{id}/proposals',
  responses: {201: ProposalList, 409: ApiError},
} as const satisfies RouteDef;

export const listIntakeProposalsRoute = {
  operationId: 'listIntakeProposals',
  method: 'get',
  path: '/v1/territories/{t}/intake-requests/{id}/proposals',
  responses: {200: ProposalList},
} as const satisfies RouteDef;

export const listPractitionerOffersRoute = {
  operationId: 'listPractitionerOffers',
  method: 'get',
  path: '/v1/territories/{t}/practitioner-offers',
  responses: {200: ProposalList},
} as const satisfies RouteDef;

export const withdrawProposalRoute = {
  operationId: 'withdrawProposal',
  method: 'post',
  path: '/v1/territories/{t}/proposals/{id}/withdraw',
  responses: {200: Proposal, 409: ApiError},
} as const satisfies RouteDef;

export const confirmOfferRoute = {
  operationId: 'confirmOffer',
  method: 'post',
  path: '/v1/territories/{t}/proposals/{id}/confirm',
  responses: {200: Proposal, 409: ApiError},
} as const satisfies RouteDef;

export const listOwnProposalsRoute = {
  operationId: 'listOwnProposals',
  method: 'get',
  path: '/v1/territories/{t}/proposals',
  responses: {200: OwnProposals},
} as const satisfies RouteDef;

export const acceptProposalRoute = {
  operationId: 'acceptProposal',
  method: 'post',
  path: '/v1/territories/{t}/proposals/{id}/accept',
  responses: {200: OwnProposal, 409: ApiError},
} as const satisfies RouteDef;

export const declineProposalRoute = {
  operationId: 'declineProposal',
  method: 'post',
  path: '/v1/territories/{t}/proposals/{id}/decline',
  responses: {200: OwnProposal, 409: ApiError},
} as const satisfies RouteDef;

export const confirmFirstConsultationRoute = {
  operationId: 'confirmFirstConsultation',
  method: 'post',
  path: '/v1/territories/{t}/proposals/{id}/first-consultation',
  responses: {200: OwnProposal, 409: ApiError},
} as const satisfies RouteDef;

export const listWaitingPeopleRoute = {
  operationId: 'listWaitingPeople',
  method: 'get',
  path: '/v1/territories/{t}/waiting-people',
  // 403 (code `picking_disabled`): the territory does not let practitioners pick
  responses: {200: WaitingPeople},
} as const satisfies RouteDef;

export const offerToTakeRoute = {
  operationId: 'offerToTake',
  method: 'post',
  path: '/v1/territories/{t}/waiting-people/{id}/offers',
  responses: {201: OwnProposal, 409: ApiError},
} as const satisfies RouteDef;

export const listIntakeMatchesRoute = {
  operationId: 'listIntakeMatches',
  method: 'get',
  path: '/v1/territories/{t}/intake-requests/{id}/matches',
  responses: {200: MatchList},
} as const satisfies RouteDef;
