import type {IntakeReason, RequesterKind} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';
import type {ErrorKind, FieldKey, PriorityQuestion} from './form-model.js';

/** Messages by field and kind of error; `default` when a kind has no message of its own. */
export type IntakeErrorMessages = Record<FieldKey, Partial<Record<ErrorKind, string>> & {default: string}>;

/** Strings of `<cpts-intake-form>`. */
/** Strings of `<cpts-intake-form>` it shows from the start (the `intake` bundle). */
export interface IntakeFirstStrings {
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
  /** Said as soon as the commune box is left, before any sending. */
  communeOutside: string;
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

  failedTitle: string;
  failedKept: string;
  rateLimited: (seconds: number | undefined) => string;

  /** The link to the printable blank version (loaded on demand). */
  paperVersion: string;
}

/**
 * Strings the form shows only once it has been sent: the messages by the fields, the error
 * summary, the receipt (the `intakeReplies` bundle, fetched with the sending code while the person
 * types, so the first bytes of the page stay without them).
 */
export interface IntakeReplyStrings {
  errorSummaryTitle: string;
  errorPrefix: string;
  errors: IntakeErrorMessages;
  otherError: string;
  successTitle: string;
  reference: string;
  receiptDate: string;
  receiptName: string;
  receiptCommune: string;
  print: string;
  another: string;
  /** The receipt's link to the status page (`status-href`). */
  followRequest: string;
}

/** Every string of `<cpts-intake-form>`, as its templates read them. */
export type IntakeFormStrings = IntakeFirstStrings & IntakeReplyStrings;

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-intake-form>`. */
    intake: IntakeFirstStrings;
    /** `<cpts-intake-form>`, once sent. */
    intakeReplies: IntakeReplyStrings;
  }
}

/** Fetched in the page's language when the element first renders (its `stringBundles`). */
export const intakeStrings = defineStrings<'intake'>({
  fr: () => import('./intake-strings.fr.js').then((m) => m.fr),
  en: () => import('./intake-strings.en.js').then((m) => m.en),
});

/** Fetched with the sending code (see `CptsIntakeForm.preload()`), in the element's language. */
export const intakeReplyStrings = defineStrings<'intakeReplies'>({
  fr: () => import('./reply-strings.fr.js').then((m) => m.fr),
  en: () => import('./reply-strings.en.js').then((m) => m.en),
});
