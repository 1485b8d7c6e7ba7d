import type {Accepting, AgeBand, DeclineReason, Freshness, PatientScope} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-cartodispo>`. */
export interface CartodispoStrings {
  title: string;
  loading: string;
  loadError: string;
  invalidLink: string;
  missingLink: string;
  callCpts: (phone: string) => string;
  whoseLink: (name: string) => string;
  lastUpdate: (ago: string) => string;
  never: string;
  freshness: Record<Freshness, string>;
  nothingChanged: string;
  nothingChangedHint: string;
  acceptingLegend: string;
  acceptingOptions: Record<Accepting, string>;
  quota: string;
  quotaHint: string;
  scopeLegend: string;
  scopes: Record<PatientScope, string>;
  communesLegend: string;
  homeVisitsLegend: string;
  homeVisitCommunesLegend: string;
  homeVisitCommunesHint: string;
  yes: string;
  no: string;
  snp: string;
  snpHint: string;
  less: string;
  more: string;
  teleconsultation: string;
  hostsInterns: string;
  visibilityLegend: string;
  visibilityPublic: string;
  visibilityPublicHint: string;
  visibilityNetwork: string;
  visibilityNetworkHint: string;
  note: string;
  noteHint: string;
  submit: string;
  saving: string;
  saved: (date: string) => string;
  confirmed: (date: string) => string;
  fixErrors: string;
  errorPrefix: string;
  scopeRequired: string;
  communesRequired: string;
  quotaInvalid: string;
  forgetLink: string;
  forgetLinkHint: string;
  forgotten: string;
  proposals: CartodispoProposalsStrings;
}

/** The proposals part of `<cpts-cartodispo>`: patients the CPTS proposes, and people waiting nearby. */
export interface CartodispoProposalsStrings {
  title: string;
  none: string;
  loadError: string;
  quota: (left: number, quota: number) => string;
  noQuota: (used: number) => string;
  ageBands: Record<AgeBand, string>;
  homeVisits: string;
  waiting: (days: number) => string;
  coordinatorNote: string;
  accept: string;
  decline: string;
  declineTitle: string;
  declineReason: string;
  declineReasonNone: string;
  declineReasons: Record<DeclineReason, string>;
  declineNote: string;
  confirmDecline: string;
  cancel: string;
  accepted: string;
  declined: string;
  contactTitle: string;
  phone: string;
  email: string;
  bestTimeToCall: string;
  address: string;
  requester: string;
  firstConsultation: string;
  consulted: (date: string) => string;
  answered: string;
  alreadyTaken: string;
  proposalClosed: string;
  requestClosed: string;
  atQuota: string;
  outsideScope: string;
  pickTitle: string;
  pickNone: string;
  distance: (km: string) => string;
  offer: string;
  offered: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-cartodispo>`. */
    cartodispo: CartodispoStrings;
  }
}

/** Fetched in the page's language when the element first renders (its `stringBundles`). */
export const cartodispoStrings = defineStrings<'cartodispo'>({
  fr: () => import('./cartodispo-strings.fr.js').then((m) => m.fr),
  en: () => import('./cartodispo-strings.en.js').then((m) => m.en),
});
