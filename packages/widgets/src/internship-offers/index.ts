export {CptsInternshipOffers} from './internship-offers.js';
export {fetchAllPublishedOffers, fetchAllOffers} from './offers-fetch.js';
export {CptsOfferInterest} from './offer-interest.js';
export {CptsOfferEditor} from './offer-editor.js';
export {CptsOfferManager} from './offer-manager.js';
export {CptsOfferSelectEvent, CptsInterestSentEvent, CptsOfferSavedEvent} from './offer-events.js';
export {
  normalizeText,
  filterOffers,
  indexOffers,
  sortOffers,
  facetOptions,
  formatPeriod,
  paragraphs,
  shiftPeriod,
  duplicateForNextSemester,
  noFilters,
  type OfferFilters,
  type OfferSort,
  type IndexedOffer,
} from './offers-model.js';
export type {OffersStrings} from './offers-strings.js';
export {offerManagerStrings, type OfferManagerStrings} from './offer-manager-strings.js';
