import {defineStrings} from '../translations/bundle.js';

/** Strings of the printable paper form: their own chunks, fetched with the paper view only. */
export interface IntakePaperStrings {
  title: string;
  instructions: string;
  print: string;
  back: string;
  tick: string;
  writeHere: string;
  sendBack: string;
  sendBackTo: (name: string) => string;
  phone: (phone: string) => string;
  email: (email: string) => string;
  signature: string;
  date: string;
  forCpts: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** The printable blank version of `<cpts-intake-form>`. */
    intakePaper: IntakePaperStrings;
  }
}

export const intakePaperStrings = defineStrings<'intakePaper'>({
  fr: () => import('./paper-strings.fr.js').then((m) => m.fr),
  en: () => import('./paper-strings.en.js').then((m) => m.en),
});
