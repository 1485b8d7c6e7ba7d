export {LocalizeController, translations, defaultLanguage, inheritedLang} from './localize.js';
export {supportedLanguages, isSupportedLanguage, toSupportedLanguage, type LanguageCode, type Translation, type IntakeFormStrings} from './translation.js';
export {fr} from './fr.js';
export {en} from './en.js';
