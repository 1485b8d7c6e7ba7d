import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-territory-contact>`. */
export const contactStrings = defineStrings<'contactHeading' | 'contactPhone' | 'contactEmail' | 'contactCall' | 'contactWrite' | 'contactLoading' | 'contactError' | 'communes'>({
  fr: () => import('./contact-strings.fr.js').then((m) => m.fr),
  en: () => import('./contact-strings.en.js').then((m) => m.en),
});
