import type {RequestClosedBecause, RequestProgress} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';

/** The fields of the lookup form, as the error messages name them. */
export type StatusField = 'reference' | 'birthDate';
/** What is wrong with a field of the lookup. */
export type StatusFieldProblem = 'required' | 'invalid' | 'impossible' | 'future';

/** Strings of `<cpts-request-status>`. */
export interface StatusStrings {
  title: string;
  intro: string;
  reference: string;
  /** `example`: a reference as the receipt prints it. */
  referenceHint: (example: string) => string;
  birthDate: string;
  birthDateHint: string;
  day: string;
  month: string;
  year: string;
  submit: string;
  checking: string;
  errorSummaryTitle: string;
  /** Read before each field's message by screen readers. */
  errorPrefix: string;
  errors: Record<StatusField, Partial<Record<StatusFieldProblem, string>> & {default: string}>;
  /** The answer's heading. */
  answerTitle: (reference: string) => string;
  /** A short name of each step. */
  progress: Record<RequestProgress, string>;
  /** What the step means, in a sentence; `received` and `since` are dates already written out. */
  explain: Record<RequestProgress, (received: string, since: string) => string>;
  closedBecause: Record<RequestClosedBecause, string>;
  notFound: string;
  notFoundHelp: string;
  tooManyTries: (minutes: number | undefined) => string;
  failed: string;
  call: (phone: string) => string;
  byPhone: (phone: string) => string;
  another: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-request-status>`. */
    requestStatus: StatusStrings;
  }
}

/** Fetched in the page's language when the element first renders (its `stringBundles`). */
export const statusStrings = defineStrings<'requestStatus'>({
  fr: () => import('./status-strings.fr.js').then((m) => m.fr),
  en: () => import('./status-strings.en.js').then((m) => m.en),
});
