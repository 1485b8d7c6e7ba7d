import {defineStrings} from './bundle.js';
import type {LabelStrings} from './translation.js';

/** Names of the contract's enumerations (professions, kinds of offer…), shared by the map, CartoDispo and the offers. */
export const labelStrings = defineStrings<keyof LabelStrings>({
  fr: () => import('./labels.fr.js').then((m) => m.fr),
  en: () => import('./labels.en.js').then((m) => m.en),
});
