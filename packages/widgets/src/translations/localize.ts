import {ContextConsumer} from '@lit/context';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {localeContext} from '../context/locale.js';
import {commonStrings, translations, type StringBundle} from './bundle.js';
import {toSupportedLanguage, type LanguageCode, type Translation} from './translation.js';

export {translations};
export const defaultLanguage: LanguageCode = 'fr';

type Host = ReactiveControllerHost & HTMLElement;

const connectedControllers = new Set<LocalizeController>();
let langObserver: MutationObserver | undefined;

// one observer for the whole page: a CMS or a language switcher may change <html lang> (or any
// ancestor's) after the widgets rendered, and they should follow without a reload
function observeLangChanges(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => {
    for (const controller of connectedControllers) controller.host.requestUpdate();
  });
  langObserver.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
}

/** The nearest `lang` above `element`, crossing shadow roots, up to `<html>`. */
export function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = null;
    }
  }
  return undefined;
}

/**
 * Picks a widget's language: its own `lang` attribute, else its provider's, else the nearest
 * `lang` on the page (ancestors, then `<html>`), else French. A language we do not ship is
 * skipped, so `lang="de"` falls through to the next source rather than to English.
 */
export class LocalizeController implements ReactiveController {
  readonly host: Host;
  private providedLang: LanguageCode | undefined;
  private readonly bundles: StringBundle[];

  /** `bundles`: the string bundles the host reads, beyond the common strings. */
  constructor(host: Host, bundles: readonly StringBundle[] = []) {
    this.host = host;
    this.bundles = [...bundles];
    host.addController(this);
    new ContextConsumer(host, {
      context: localeContext,
      subscribe: true,
      callback: (value) => {
        this.providedLang = value;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    connectedControllers.add(this);
    observeLangChanges();
  }

  hostDisconnected(): void {
    connectedControllers.delete(this);
  }

  hostUpdate(): void {
    // a CptsElement renders only once its strings are in; any other host (a developer's own
    // LitElement) renders at once, with the French common strings, and again once they are in
    const lang = this.lang;
    if (!commonStrings.loaded.has(lang))
      commonStrings.load(lang).then(
        () => this.host.requestUpdate(),
        () => undefined,
      );
  }

  /** The resolved language code, e.g. for `Intl` formatting. */
  get lang(): LanguageCode {
    return (
      // the property, not the attribute: a developer may set `el.lang = 'en'` from script
      toSupportedLanguage(this.host.lang || this.host.getAttribute('lang')) ?? this.providedLang ?? toSupportedLanguage(inheritedLang(this.host)) ?? defaultLanguage
    );
  }

  /**
   * The strings of the resolved language: the common ones and the host's bundles, once
   * `whenLoaded()` has resolved for it. Until then, in English, the common strings are French.
   */
  get strings(): Translation {
    return translations[this.lang];
  }

  /**
   * Undefined when every bundle is loaded in the resolved language; else a promise that resolves
   * once they are. If one cannot be fetched, its keys are taken from a language that has them, so
   * the widget still renders (in French, say) rather than not at all.
   */
  whenLoaded(): Promise<void> | undefined {
    const lang = this.lang;
    const missing = [commonStrings, ...this.bundles].filter((bundle) => !bundle.loaded.has(lang));
    if (missing.length === 0) return undefined;
    return Promise.all(
      missing.map((bundle) =>
        bundle.load(lang).catch(async (error: unknown) => {
          console.error('[cpts-kit]', error);
          const strings = await bundle.load(lang === 'fr' ? 'en' : 'fr');
          const target = translations[lang] as unknown as Record<string, unknown>;
          for (const [key, value] of Object.entries(strings)) target[key] ??= value;
        }),
      ),
    ).then(() => undefined);
  }

  /**
   * Adds a bundle the host reads from now on (a part it shows only later, such as the intake form's
   * replies): from now on every render waits for it too, in whatever language. Undefined when it is
   * loaded already in the current language; else a promise resolved once it is.
   */
  need(bundle: StringBundle): Promise<void> | undefined {
    if (!this.bundles.includes(bundle)) this.bundles.push(bundle);
    return this.whenLoaded();
  }

  /** `t.term('retry')`; for functions (plurals, interpolation) use `t.strings.x(…)`. */
  term<K extends keyof Translation>(key: K): Translation[K] {
    return this.strings[key];
  }
}
