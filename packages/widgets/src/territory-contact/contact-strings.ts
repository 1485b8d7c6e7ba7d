import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-territory-contact>`. */
export interface ContactStrings {
  heading: string;
  phone: string;
  email: string;
  /** The phone link's accessible name. */
  call: (phone: string) => string;
  write: (email: string) => string;
  loading: string;
  error: string;
  communes: (count: number) => string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-territory-contact>`. */
    contact: ContactStrings;
  }
}

/** Fetched in the page's language when the element first renders (its `stringBundles`). */
export const contactStrings = defineStrings<'contact'>({
  fr: () => import('./contact-strings.fr.js').then((m) => m.fr),
  en: () => import('./contact-strings.en.js').then((m) => m.en),
});
