import type {
  Accepting,
  Freshness,
  HousingKind,
  IntakeReason,
  IntakeStatus,
  OfferKind,
  PatientScope,
  PracticeType,
  PriorityCriterion,
  Profession,
  RequesterKind,
} from '@cpts-kit/contract';
import type {ErrorKind, FieldKey, PriorityQuestion} from '../intake-form/form-model.js';

/** Languages the widgets ship with; the first is the default. */
export const supportedLanguages = ['fr', 'en'] as const;
export type LanguageCode = (typeof supportedLanguages)[number];

/**
 * Every string a widget shows. Adding a key here breaks the typecheck of each language file until
 * it is translated, so no language silently falls back to another.
 *
 * Only `CommonStrings` ship with the shared code (`fr.ts`, `en.ts`). The rest comes in string
 * bundles (`defineStrings()` in `bundle.ts`), one module per language next to the widget that
 * shows them (`intake-form/intake-strings.fr.ts`), so a page downloads the strings of its widgets
 * in its language, and the other language only if the page switches to it.
 */
export interface Translation {
  $code: LanguageCode;
  $name: string;
  $dir: 'ltr' | 'rtl';

  loading: string;
  retry: string;
  errorTitle: string;
  /** Message shown when the API answered with an error. */
  errorApi: (status: number) => string;
  errorNetwork: string;
  errorTimeout: string;
  errorUnknown: string;
  errorNoApi: string;
  /** Between a label and what is said of it: « Nom : … » in French, "Name: …" in English. */
  labelSeparator: string;

  contactHeading: string;
  contactPhone: string;
  contactEmail: string;
  contactCall: (phone: string) => string;
  contactWrite: (email: string) => string;
  contactLoading: string;
  contactError: string;

  communes: (count: number) => string;

  professions: Record<Profession, string>;
  accepting: Record<Accepting, string>;
  intakeStatuses: Record<IntakeStatus, string>;
  requesterKinds: Record<RequesterKind, string>;
  intakeReasons: Record<IntakeReason, string>;
  priorityCriteria: Record<PriorityCriterion, string>;
  offerKinds: Record<OfferKind, string>;
  practiceTypes: Record<PracticeType, string>;
  housingKinds: Record<HousingKind, string>;

  /** `<cpts-intake-form>`. */
  intake: IntakeFormStrings;
  /** `<cpts-availability-map>`. */
  map: MapStrings;
  /** `<cpts-cartodispo>`. */
  cartodispo: CartodispoStrings;
  /** `<cpts-internship-offers>`, its interest form and `<cpts-offer-manager>`. */
  offers: import('../internship-offers/offers-strings.js').OffersStrings;
}

/** The strings every widget may need before its own arrive: the shared chunk carries them, in both languages. */
export type CommonStrings = Pick<
  Translation,
  '$code' | '$name' | '$dir' | 'loading' | 'retry' | 'errorTitle' | 'errorApi' | 'errorNetwork' | 'errorTimeout' | 'errorUnknown' | 'errorNoApi' | 'labelSeparator'
>;

/** Messages by field and kind of error; `default` when a kind has no message of its own. */
export type IntakeErrorMessages = Record<FieldKey, Partial<Record<ErrorKind, string>> & {default: string}>;

export interface IntakeFormStrings {
  title: string;
  intro: string;
  loading: string;
  loadError: string;
  requiredNote: string;
  optional: string;
  byPhone: (phone: string) => string;
  call: (phone: string) => string;
  nextSteps: string;

  whoLegend: string;
  whoKinds: Record<RequesterKind, string>;
  helperLegend: string;
  helperName: string;
  helperPhone: string;
  helperPhoneHint: string;
  helperOrganisation: string;

  personLegend: string;
  personLegendHelped: string;
  lastName: string;
  firstNames: string;
  birthDate: string;
  birthDateHint: string;
  day: string;
  month: string;
  year: string;
  agePriority: Record<'age_70_plus' | 'under_6', string>;
  phone: string;
  phoneHint: string;
  email: string;
  emailHint: string;
  bestTimeToCall: string;
  bestTimeToCallHint: string;
  commune: string;
  communeHint: string;
  communeSeveral: string;
  communePick: (label: string) => string;
  communeOutsideCall: (phone: string) => string;
  address: string;

  situationLegend: string;
  reason: string;
  reasons: Record<IntakeReason, string>;
  reasonOther: string;
  since: string;
  sinceHint: string;

  priorityLegend: string;
  priorityHint: string;
  priorityQuestions: Record<PriorityQuestion, string>;
  tristate: {yes: string; no: string; unknown: string};

  comment: string;
  commentHint: string;
  /** Shown all the time; read by screen readers only at thresholds. */
  commentRemaining: (remaining: number) => string;
  commentTooLong: (over: number) => string;

  consentLegend: string;
  privacyLink: string;
  consent: string;

  honeypot: string;
  submit: string;
  sending: string;

  errorSummaryTitle: string;
  errorPrefix: string;
  errors: IntakeErrorMessages;
  otherError: string;

  failedTitle: string;
  failedKept: string;
  rateLimited: (seconds: number | undefined) => string;

  successTitle: string;
  reference: string;
  receiptDate: string;
  receiptName: string;
  receiptCommune: string;
  print: string;
  another: string;
}

export interface MapStrings {
  title: string;
  loading: string;
  loadError: string;
  filters: string;
  profession: string;
  anyProfession: string;
  accepting: string;
  anyAccepting: string;
  acceptingOptions: Record<Accepting, string>;
  homeVisits: string;
  view: string;
  showMap: string;
  showList: string;
  mapLabel: string;
  zoomIn: string;
  zoomOut: string;
  /** How many practitioners the list shows (those in the map's view, with the filters). */
  inView: (count: number) => string;
  none: string;
  showMore: (remaining: number) => string;
  cluster: (count: number) => string;
  details: string;
  close: string;
  call: (phone: string) => string;
  homeVisitsYes: string;
  homeVisitsNo: string;
  teleconsultation: string;
  updated: (date: string) => string;
  noTiles: string;
}

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
}

export function isSupportedLanguage(value: string): value is LanguageCode {
  return (supportedLanguages as readonly string[]).includes(value);
}

/** `en-GB` → `en`, `FR` → `fr`; undefined for a language we do not ship. */
export function toSupportedLanguage(value: string | null | undefined): LanguageCode | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split('-')[0] ?? '';
  return isSupportedLanguage(primary) ? primary : undefined;
}
