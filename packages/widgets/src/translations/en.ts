import type {CommonStrings} from './translation.js';

/** What every widget says, in English: a chunk of its own, fetched by the first English widget (see `commonStrings`). */
export const en: CommonStrings = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Error',
  errorApi: (status) => `The service answered with an error (${status}). Please try again later.`,
  errorNetwork: 'The service cannot be reached. Check your connection and try again.',
  errorTimeout: 'The service is taking too long to answer. Please try again later.',
  errorUnknown: 'An unexpected error occurred.',
  errorNoApi: 'Widget misconfigured: set the “api” and “territory” attributes, or place it inside a <cpts-provider>.',
  labelSeparator: ': ',
};
