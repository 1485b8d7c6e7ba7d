import {en} from './en.js';
import {fr} from './fr.js';
import type {LanguageCode, Translation} from './translation.js';

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
 * The strings of each language loaded so far: the common ones from the start, each bundle's keys
 * once it is loaded. Typed whole because an element renders only once its bundles are in (see
 * `LocalizeController.whenLoaded()`).
 */
export const translations = {fr: {...fr}, en: {...en}} as Record<LanguageCode, Translation>;
