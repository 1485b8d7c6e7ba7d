import {fr} from './fr.js';
import type {CommonStrings, LanguageCode, Translation} from './translation.js';

/** Some keys of `Translation`, in every language, each fetched when a widget first needs it. */
export interface StringBundle {
  /** Languages whose strings are in `translations` already. */
  readonly loaded: Set<LanguageCode>;
  load(lang: LanguageCode): Promise<Partial<Translation>>;
}

/**
 * Declares a string bundle: one dynamic `import()` per language, so each language is a chunk of
 * its own and a French page never downloads the English strings (nor the reverse) until it
 * switches language. A widget lists the bundles it reads in `static stringBundles` (see `CptsElement`).
 *
 *     export const intakeStrings = defineStrings<'intake'>({
 *       fr: () => import('./intake-strings.fr.js').then((m) => m.fr),
 *       en: () => import('./intake-strings.en.js').then((m) => m.en),
 *     });
 */
export function defineStrings<K extends keyof Translation>(loaders: Record<LanguageCode, () => Promise<Pick<Translation, K>>>): StringBundle {
  const pending = new Map<LanguageCode, Promise<Partial<Translation>>>();
  const bundle: StringBundle = {
    loaded: new Set(),
    load(lang) {
      let loading = pending.get(lang);
      if (!loading) {
        loading = loaders[lang]().then((strings) => {
          Object.assign(translations[lang], strings);
          bundle.loaded.add(lang);
          return strings;
        });
        // a chunk that failed to download may be asked for again (the next render retries)
        loading.catch(() => pending.delete(lang));
        pending.set(lang, loading);
      }
      return loading;
    },
  };
  return bundle;
}

/**
 * The strings of each language loaded so far: the common French ones from the start (in English
 * too, until the English ones arrive), each bundle's keys once loaded. Typed whole because an element renders
 * only once its bundles are in (see `LocalizeController.whenLoaded()`).
 */
export const translations = {fr: {...fr}, en: {...fr}} as Record<LanguageCode, Translation>;

/**
 * What every widget says (errors, Retry). French ships with the shared code: it is the default,
 * and what an English widget falls back to if its strings cannot be fetched. English is a chunk a
 * French page never downloads. Every element waits for it, as for its own bundles.
 */
export const commonStrings: StringBundle = defineStrings<keyof CommonStrings>({
  fr: () => Promise.resolve(fr),
  en: () => import('./en.js').then((m) => m.en),
});
commonStrings.loaded.add('fr');
