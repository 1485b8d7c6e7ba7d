import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-impact>`: whole sentences, each count already in words (« 412 », « moins de 11 »). */
export interface ImpactStrings {
  /** « Depuis janvier 2026, 412 personnes se sont inscrites auprès de la CPTS » (`n` is null when suppressed). */
  registered: (since: string, count: string, n: number | null) => string;
  /** « ; 198 ont trouvé un médecin traitant ». */
  found: (count: string, n: number | null) => string;
  /** « , dont 150 grâce à la CPTS ». */
  viaCpts: (count: string) => string;
  /** Switched on, but nobody registered yet since `since`. */
  empty: (since: string) => string;
  lessThan11: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-impact>`. */
    impact: ImpactStrings;
  }
}

export const impactStrings = defineStrings<'impact'>({
  fr: () => import('./impact-strings.fr.js').then((m) => m.fr),
  en: () => import('./impact-strings.en.js').then((m) => m.en),
});
