import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-cartodispo>`. */
export const cartodispoStrings = defineStrings<'cartodispo'>({
  fr: () => import('./cartodispo-strings.fr.js').then((m) => m.fr),
  en: () => import('./cartodispo-strings.en.js').then((m) => m.en),
});
