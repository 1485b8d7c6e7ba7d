import {defineStrings} from '../translations/bundle.js';
import type {EditorField} from './editor-model.js';

/** Strings of `<cpts-offer-manager>` and `<cpts-offer-editor>`; the sign-in is the coordinator kit's. */
export interface OfferManagerStrings {
  title: string;
  create: string;
  edit: (title: string) => string;
  publish: string;
  archive: string;
  duplicate: string;
  duplicated: (title: string) => string;
  interests: string;
  interestsOf: (title: string) => string;
  noInterests: string;
  noOffers: string;
  status: string;
  actions: string;
  saved: string;
  published: (title: string) => string;
  archived: (title: string) => string;
  editorNew: string;
  save: string;
  saving: string;
  cancel: string;
  sectionGeneral: string;
  sectionPractice: string;
  sectionHousing: string;
  sectionTransport: string;
  sectionWelcome: string;
  sectionAid: string;
  sectionContact: string;
  titleField: string;
  supervisorsField: string;
  supervisorsHint: string;
  practiceType: string;
  practiceName: string;
  periodsField: string;
  periodsHint: string;
  placesField: string;
  housingKind: string;
  housingNone: string;
  housingCost: string;
  housingDistance: string;
  details: string;
  carNeeded: string;
  stationDistance: string;
  vehicleProvided: string;
  travelCostsPaid: string;
  discoveryKit: string;
  welcomeDay: string;
  referentName: string;
  aidAmount: string;
  aidFrom: string;
  aidConditions: string;
  descriptionField: string;
  descriptionHint: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  publishName: (title: string) => string;
  archiveName: (title: string) => string;
  duplicateName: (title: string) => string;
  interestsName: (title: string) => string;
  savedNamed: (title: string) => string;
  /** What to do when a required field is empty, field by field. */
  required: Partial<Record<EditorField, string>>;
  /** What to do when a field's value is refused, field by field. */
  invalid: Partial<Record<EditorField, string>>;
  /** Any other field refused: `label` names it. */
  invalidField: (label: string) => string;
  tooLong: (label: string) => string;
}

declare module '../translations/translation.js' {
  interface Translation {
    offerManager: OfferManagerStrings;
  }
}

export const offerManagerStrings = defineStrings<'offerManager'>({
  fr: () => import('./offer-manager-strings.fr.js').then((m) => m.fr),
  en: () => import('./offer-manager-strings.en.js').then((m) => m.en),
});
