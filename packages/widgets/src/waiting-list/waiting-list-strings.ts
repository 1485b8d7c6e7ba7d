import type {AgeBand, CallOutcome, CloseReason, DeclineReason, IntakeChannel, IntakeEvent, ProposalStatus} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';
import type {AssistedField} from './assisted-model.js';

/** Strings of `<cpts-waiting-list>` and its forms (statuses, requester kinds and criteria are the shared labels). */
export interface WaitingListStrings {
  title: string;
  /** The tabs' list: « Statuts ». */
  statusTabs: string;
  allStatuses: string;
  /** A tab: « Reçues (12) ». */
  tabLabel: (status: string, count: number) => string;
  filters: string;
  applyFilters: string;
  resetFilters: string;
  commune: string;
  allCommunes: string;
  priority: string;
  priorityAny: string;
  priorityYes: string;
  priorityNo: string;
  homeVisitsOnly: string;
  ageBand: string;
  allAges: string;
  ageBands: Record<AgeBand, string>;
  assigned: string;
  assignedAnyone: string;
  assignedMe: string;
  assignedNobody: string;
  waitingMoreThan: string;
  waitingMoreThanHint: string;
  waitingMoreThanInvalid: string;
  sort: string;
  sorts: {triage: string; newest: string; oldest: string};
  search: string;
  searchHint: string;
  searchButton: string;
  clearSearch: string;
  searchResults: (count: number, text: string) => string;
  /** The table's caption: « 25 demandes affichées sur 112 ». */
  shownOf: (shown: number, total: number) => string;
  columns: {reference: string; name: string; age: string; commune: string; priority: string; waiting: string; status: string; assignee: string};
  waitingDays: (days: number) => string;
  nobody: string;
  none: string;
  open: (name: string) => string;
  showMore: string;
  loadingMore: string;
  noRequests: string;
  noMatch: string;
  homeVisits: string;
  // detail
  back: string;
  requestTitle: (reference: string) => string;
  sectionPerson: string;
  sectionRequester: string;
  sectionSituation: string;
  sectionPriority: string;
  sectionWork: string;
  sectionHistory: string;
  birthDate: string;
  phone: string;
  email: string;
  address: string;
  bestTimeToCall: string;
  callBack: string;
  callPerson: string;
  callRequester: string;
  requesterName: string;
  organisation: string;
  reason: string;
  since: string;
  comment: string;
  registeredOn: string;
  channel: string;
  channels: Record<IntakeChannel, string>;
  noCriteria: string;
  notes: string;
  saveNotes: string;
  notesSaved: string;
  possibleDuplicate: string;
  /** The heading naming the other request by its reference. */
  possibleDuplicateOf: (reference: string) => string;
  duplicateText: string;
  openOther: string;
  merge: string;
  mergeConfirm: string;
  merged: (reference: string) => string;
  mergedInto: string;
  mergedFrom: string;
  noHistory: string;
  events: Record<IntakeEvent['kind'], string>;
  eventBy: (who: string) => string;
  closedBecause: string;
  resolvedWith: string;
  // actions
  logCall: string;
  callAt: string;
  outcome: string;
  outcomes: Record<CallOutcome, string>;
  note: string;
  callCount: (n: number) => string;
  callLogged: string;
  newStatus: string;
  moveTo: string;
  transitionLabel: Record<'contacted' | 'oriented' | 'resolved' | 'closed', string>;
  closeReason: string;
  closeReasons: Record<CloseReason, string>;
  practitioner: string;
  practitionerUnknown: string;
  moved: (status: string) => string;
  assignTo: string;
  assignHint: string;
  assign: string;
  /** Assigns the request to the signed-in coordinator's own name. */
  assignToMe: string;
  unassign: string;
  assignedTo: (name: string) => string;
  unassigned: string;
  stale: string;
  reload: string;
  reloaded: string;
  required: {outcome: string; to: string; closeReason: string; note: string; assignee: string; callAt: string};
  tooLong: (label: string) => string;
  // registering a person who called
  register: string;
  registerTitle: string;
  registerIntro: string;
  registerChannels: {phone: string; paper: string};
  /** The form's labels, by field. */
  fields: Record<AssistedField, string>;
  dateHint: string;
  tristate: {yes: string; no: string; unknown: string};
  /** What to do when a field is empty; a field with none here is optional. */
  requiredMessages: Partial<Record<AssistedField, string>>;
  /** What to do when a field holds something it cannot take. */
  invalidMessages: Partial<Record<AssistedField, string>>;
  invalidField: (label: string) => string;
  registerSave: string;
  registerSaving: string;
  cancel: string;
  registered: (reference: string) => string;
  // export and import
  exportCsv: string;
  exporting: string;
  exported: string;
  importTitle: string;
  importOpen: string;
  importIntro: string;
  importFile: string;
  importHint: string;
  importCheck: string;
  importChecking: string;
  importRun: (rows: number) => string;
  importRunning: string;
  importPreview: (rows: number) => string;
  importDone: (rows: number) => string;
  importErrors: (count: number) => string;
  importLine: string;
  importColumn: string;
  importMessage: string;
  importNotCsv: string;
  importTooLarge: string;
  importEmpty: string;
  close: string;
  matches: MatchStrings;
}

/** The « Praticiens possibles » panel: the server sends reasons as codes, phrased here. */
export interface MatchStrings {
  heading: string;
  intro: string;
  loading: string;
  none: string;
  apartHeading: string;
  apartIntro: string;
  reasons: {
    same_commune: string;
    distance: (km: number) => string;
    home_visits: (commune: string) => string;
    places_left: (count: number) => string;
    no_quota: string;
    limited: string;
    scope: Record<'priority_only' | 'children' | 'elderly' | 'chosen_communes', string>;
    declared_days_ago: (days: number) => string;
    stale: (days: number) => string;
    never_declared: string;
  };
  /** The checkboxes' group. */
  choose: string;
  note: string;
  noteHint: string;
  propose: string;
  proposing: string;
  noneChosen: string;
  tooMany: string;
  tooLong: string;
  proposed: (count: number) => string;
  /** A 409: nothing was proposed; each refusal is shown by its practitioner. */
  refused: string;
  /** Refusal codes (at_quota, outside_scope…) worded; others show the server's message. */
  refusals: Record<string, string>;
  /** « Déjà proposé : en attente ». */
  already: (status: string) => string;
  proposalsHeading: string;
  noProposals: string;
  statuses: Record<ProposalStatus, string>;
  declineReasons: Record<DeclineReason, string>;
  fromPractitioner: string;
  proposedOn: (date: string, by: string) => string;
  withdraw: string;
  withdrawLabel: (name: string) => string;
  withdrawn: (name: string) => string;
  /** A practitioner's offer to take the person (pull mode): the coordinator confirms or declines it. */
  confirmOffer: string;
  confirmOfferLabel: (name: string) => string;
  declineOffer: string;
  declineOfferLabel: (name: string) => string;
  offerConfirmed: (name: string) => string;
  offerDeclined: (name: string) => string;
  /** Above the list: every offer waiting for a confirmation, each opening its request. */
  offersHeading: (count: number) => string;
  offersIntro: string;
  offerLine: (name: string, date: string) => string;
  openOffer: (reference: string) => string;
}

declare module '../translations/translation.js' {
  interface Translation {
    waitingList: WaitingListStrings;
  }
}

export const waitingListStrings = defineStrings<'waitingList'>({
  fr: () => import('./waiting-list-strings.fr.js').then((m) => m.fr),
  en: () => import('./waiting-list-strings.en.js').then((m) => m.en),
});
