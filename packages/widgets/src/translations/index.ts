export {LocalizeController, translations, defaultLanguage, inheritedLang} from './localize.js';
export {defineStrings, type StringBundle} from './bundle.js';
export {supportedLanguages, isSupportedLanguage, toSupportedLanguage, type CommonStrings, type LanguageCode, type Translation, type IntakeFormStrings} from './translation.js';
export {fr, en} from './full.js';
