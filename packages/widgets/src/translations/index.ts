export {LocalizeController, translations, defaultLanguage, inheritedLang} from './localize.js';
export {defineStrings, type StringBundle} from './bundle.js';
export {supportedLanguages, isSupportedLanguage, toSupportedLanguage, type CommonStrings, type LabelStrings, type LanguageCode, type Translation} from './translation.js';
