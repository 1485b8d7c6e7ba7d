import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-intake-form>`. */
export const intakeStrings = defineStrings<'intake'>({
  fr: () => import('./intake-strings.fr.js').then((m) => m.fr),
  en: () => import('./intake-strings.en.js').then((m) => m.en),
});
