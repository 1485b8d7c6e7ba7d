import {defineStrings} from './bundle.js';

/** Names of the contract's enumerations (professions, kinds of offer…), shared by the map, CartoDispo and the offers. */
export const labelStrings = defineStrings<'professions' | 'accepting' | 'intakeStatuses' | 'requesterKinds' | 'intakeReasons' | 'priorityCriteria' | 'offerKinds' | 'practiceTypes' | 'housingKinds'>({
  fr: () => import('./labels.fr.js').then((m) => m.fr),
  en: () => import('./labels.en.js').then((m) => m.en),
});
