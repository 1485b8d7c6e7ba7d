import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-availability-map>`. */
export const mapStrings = defineStrings<'map'>({
  fr: () => import('./map-strings.fr.js').then((m) => m.fr),
  en: () => import('./map-strings.en.js').then((m) => m.en),
});
