import {createContext} from '@lit/context';
import type {LanguageCode} from '../translations/translation.js';

/** The provider's `lang`, or undefined when it has none (widgets then look at the page). */
export const localeContext = createContext<LanguageCode | undefined>(Symbol('cpts-locale'));
