import {defineStrings} from '../translations/bundle.js';
import type {OfferStatus} from '@cpts-kit/contract';
import type {OfferSort} from './offers-model.js';

/** Fields of the interest form, as error messages name them. */
export type InterestField = 'name' | 'email' | 'period' | 'message' | 'consent';

/** Strings of `<cpts-internship-offers>` and `<cpts-offer-interest>` (the manager's are `offerManager`). */
export interface OffersStrings {
  title: string;
  loading: string;
  loadError: string;
  filtersLegend: string;
  search: string;
  searchHint: string;
  kind: string;
  discipline: string;
  commune: string;
  period: string;
  any: string;
  housingOnly: string;
  sort: string;
  sorts: Record<OfferSort, string>;
  resultCount: (shown: number, total: number) => string;
  empty: string;
  reset: string;
  showMore: (count: number) => string;
  places: (count: number) => string;
  housingBadge: string;
  aidBadge: (amount: string) => string;
  periods: string;
  open: string;
  openNamed: (title: string) => string;
  close: string;
  print: string;
  supervisors: string;
  practice: string;
  housing: string;
  noHousing: string;
  perMonth: (amount: string) => string;
  free: string;
  distance: (km: string) => string;
  transport: string;
  carNeeded: string;
  carNotNeeded: string;
  station: (km: string) => string;
  vehicleProvided: string;
  travelCostsPaid: string;
  welcome: string;
  discoveryKit: string;
  welcomeDay: string;
  referent: (name: string) => string;
  aid: string;
  noAid: string;
  aidFrom: (amount: string, from: string) => string;
  description: string;
  contact: string;
  contactReferent: string;
  mailSubject: (title: string) => string;
  interestTitle: string;
  interestIntro: string;
  interestName: string;
  interestEmail: string;
  interestPeriod: string;
  interestChoose: string;
  interestMessage: string;
  interestMessageHint: string;
  interestConsent: string;
  interestSubmit: string;
  interestSending: string;
  interestSent: string;
  interestErrors: Record<InterestField, string>;
  fixErrors: string;
  errorPrefix: string;
  sendError: string;
  statuses: Record<OfferStatus, string>;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-internship-offers>`, its interest form and `<cpts-offer-manager>`. */
    offers: OffersStrings;
  }
}

/** Strings of `<cpts-internship-offers>`, `<cpts-offer-interest>`, `<cpts-offer-editor>` and `<cpts-offer-manager>`. */
export const offersStrings = defineStrings<'offers'>({
  fr: () => import('./offers-strings.fr.js').then((m) => m.fr),
  en: () => import('./offers-strings.en.js').then((m) => m.en),
});
