import type {RouteDef} from './route-def.js';
import {getOwnAvailabilityRoute, declareAvailabilityRoute, getAvailabilityBoardRoute} from './routes-availability.js';
import {createIntakeRequestRoute} from './routes-intake.js';
import {lookupRequestStatusRoute} from './routes-request-status.js';
import {
  listInternshipOffersRoute,
  createInternshipOfferRoute,
  getInternshipOfferRoute,
  patchInternshipOfferRoute,
  deleteInternshipOfferRoute,
  publishInternshipOfferRoute,
  archiveInternshipOfferRoute,
} from './routes-internships.js';
import {
  listPublicPractitionersRoute,
  getPractitionerMapRoute,
  createPractitionerRoute,
  importPractitionersRoute,
  getPractitionerRoute,
  patchPractitionerRoute,
  deletePractitionerRoute,
  createPersonalLinkRoute,
  revokePersonalLinksRoute,
} from './routes-practitioners.js';
import {expressInternshipInterestRoute, listInternshipInterestsRoute} from './routes-interest.js';
import {getImpactRoute, getStatsRoute} from './routes-stats.js';
import {
  listIntakeRequestsRoute,
  exportIntakeRequestsRoute,
  getIntakeRequestRoute,
  patchIntakeRequestRoute,
  searchIntakeRequestsRoute,
  createAssistedIntakeRequestRoute,
  importIntakeRequestsRoute,
  transitionIntakeRequestRoute,
  logIntakeCallRoute,
  mergeIntakeRequestRoute,
} from './routes-waiting-list.js';
import {
  listIntakeMatchesRoute,
  createProposalsRoute,
  listIntakeProposalsRoute,
  listPractitionerOffersRoute,
  withdrawProposalRoute,
  confirmOfferRoute,
  listOwnProposalsRoute,
  acceptProposalRoute,
  declineProposalRoute,
  confirmFirstConsultationRoute,
  listWaitingPeopleRoute,
  offerToTakeRoute,
} from './routes-matching.js';
import {getHealthRoute, getOpenApiRoute, getReadinessRoute} from './routes-system.js';
import {getTerritoryRoute, patchTerritoryRoute} from './routes-territory.js';
import {getMeRoute, listCoordinatorsRoute} from './routes-session.js';
import {getOutboxRoute, showUnsubscribeRoute, unsubscribeRoute} from './routes-messages.js';

export * from './route-def.js';

export * from './routes-availability.js';
export * from './routes-intake.js';
export * from './routes-request-status.js';
export * from './routes-internships.js';
export * from './routes-interest.js';
export * from './routes-matching.js';
export * from './routes-messages.js';
export * from './routes-practitioners.js';
export * from './routes-stats.js';
export * from './routes-system.js';
export * from './routes-territory.js';
export * from './routes-session.js';
export * from './routes-waiting-list.js';

/**
 * Every route of API v1. The server mounts exactly these (a test checks both ways) and the OpenAPI
 * document lists them in this order, with what `openapi/` says of each. The SDK imports each route
 * on its own, so a page bundles only the schemas of the calls it makes.
 */
export const routes = {
  getHealth: getHealthRoute,
  getReadiness: getReadinessRoute,
  getOpenApi: getOpenApiRoute,
  getTerritory: getTerritoryRoute,
  patchTerritory: patchTerritoryRoute,
  getMe: getMeRoute,
  listCoordinators: listCoordinatorsRoute,
  createIntakeRequest: createIntakeRequestRoute,
  lookupRequestStatus: lookupRequestStatusRoute,
  listIntakeRequests: listIntakeRequestsRoute,
  exportIntakeRequests: exportIntakeRequestsRoute,
  getIntakeRequest: getIntakeRequestRoute,
  patchIntakeRequest: patchIntakeRequestRoute,
  listIntakeMatches: listIntakeMatchesRoute,
  searchIntakeRequests: searchIntakeRequestsRoute,
  createAssistedIntakeRequest: createAssistedIntakeRequestRoute,
  importIntakeRequests: importIntakeRequestsRoute,
  transitionIntakeRequest: transitionIntakeRequestRoute,
  logIntakeCall: logIntakeCallRoute,
  mergeIntakeRequest: mergeIntakeRequestRoute,
  createProposals: createProposalsRoute,
  listIntakeProposals: listIntakeProposalsRoute,
  listPractitionerOffers: listPractitionerOffersRoute,
  withdrawProposal: withdrawProposalRoute,
  confirmOffer: confirmOfferRoute,
  listOwnProposals: listOwnProposalsRoute,
  acceptProposal: acceptProposalRoute,
  declineProposal: declineProposalRoute,
  confirmFirstConsultation: confirmFirstConsultationRoute,
  listWaitingPeople: listWaitingPeopleRoute,
  offerToTake: offerToTakeRoute,
  listPublicPractitioners: listPublicPractitionersRoute,
  getPractitionerMap: getPractitionerMapRoute,
  createPractitioner: createPractitionerRoute,
  importPractitioners: importPractitionersRoute,
  getPractitioner: getPractitionerRoute,
  patchPractitioner: patchPractitionerRoute,
  deletePractitioner: deletePractitionerRoute,
  createPersonalLink: createPersonalLinkRoute,
  revokePersonalLinks: revokePersonalLinksRoute,
  getOwnAvailability: getOwnAvailabilityRoute,
  declareAvailability: declareAvailabilityRoute,
  getAvailabilityBoard: getAvailabilityBoardRoute,
  listInternshipOffers: listInternshipOffersRoute,
  createInternshipOffer: createInternshipOfferRoute,
  getInternshipOffer: getInternshipOfferRoute,
  patchInternshipOffer: patchInternshipOfferRoute,
  deleteInternshipOffer: deleteInternshipOfferRoute,
  publishInternshipOffer: publishInternshipOfferRoute,
  archiveInternshipOffer: archiveInternshipOfferRoute,
  expressInternshipInterest: expressInternshipInterestRoute,
  listInternshipInterests: listInternshipInterestsRoute,
  getStats: getStatsRoute,
  getOutbox: getOutboxRoute,
  showUnsubscribe: showUnsubscribeRoute,
  unsubscribe: unsubscribeRoute,
  getImpact: getImpactRoute,
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type OperationId = keyof Routes;
