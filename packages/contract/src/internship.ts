import * as z from 'zod/mini';
import {Email, FrenchPhone, Id, InseeCode, LatLng, Timestamp, longText, shortText} from './common.js';

export const OfferKind = /* @__PURE__ */ z.enum(['mg_niveau_1', 'saspas', 'externat', 'pharmacie', 'kinesitherapie', 'soins_infirmiers', 'maieutique', 'ipa', 'autre']);
export type OfferKind = z.infer<typeof OfferKind>;

export const PracticeType = /* @__PURE__ */ z.enum(['msp', 'cabinet', 'centre_de_sante', 'service_hospitalier']);
export type PracticeType = z.infer<typeof PracticeType>;

export const HousingKind = /* @__PURE__ */ z.enum(['internat_rural', 'maison_des_internes', 'logement_msp', 'logement_communal', 'aide_au_logement']);
export type HousingKind = z.infer<typeof HousingKind>;

export const OfferStatus = /* @__PURE__ */ z.enum(['draft', 'published', 'archived']);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** A semester or period by the month it starts: `2027-05` reads "mai 2027". */
export const Period = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'période attendue au format AAAA-MM'));

export const Housing = /* @__PURE__ */ z.strictObject({
  kind: HousingKind,
  monthlyCostEur: z.nullable(z.number().check(z.gte(0), z.lte(5000))),
  distanceKm: z.nullable(z.number().check(z.gte(0), z.lte(200))),
  details: z.nullable(longText(500)),
});

export const Transport = /* @__PURE__ */ z.strictObject({
  carNeeded: z.boolean(),
  stationDistanceKm: z.nullable(z.number().check(z.gte(0), z.lte(200))),
  vehicleProvided: z.boolean(),
  travelCostsPaid: z.boolean(),
  details: z.nullable(longText(500)),
});

export const Welcome = /* @__PURE__ */ z.strictObject({
  discoveryKit: z.boolean(),
  welcomeDay: z.boolean(),
  referentName: z.nullable(shortText(120)),
});

export const FinancialAid = /* @__PURE__ */ z.strictObject({
  amountEur: z.number().check(z.gte(0), z.lte(100000)),
  from: shortText(160),
  conditions: z.nullable(longText(500)),
});

export const OfferContact = /* @__PURE__ */ z.strictObject({name: shortText(120), email: Email, phone: z.nullable(FrenchPhone)});

const offerFields = {
  title: shortText(160),
  kind: OfferKind,
  discipline: shortText(120),
  supervisors: z.array(shortText(120)).check(z.maxLength(10)),
  practiceType: PracticeType,
  practiceName: shortText(160),
  communeInsee: InseeCode,
  location: z.nullable(LatLng),
  periods: z.array(Period).check(z.minLength(1), z.maxLength(12)),
  places: z.int().check(z.gte(1), z.lte(50)),
  housing: z.array(Housing).check(z.maxLength(5)),
  transport: Transport,
  welcome: Welcome,
  financialAid: z.array(FinancialAid).check(z.maxLength(5)),
  /** Plain text; blank lines separate paragraphs. Never HTML. */
  description: longText(10000),
  contact: OfferContact,
};

export const internshipOfferExample = {
  title: 'Stage de médecine générale en MSP rurale',
  kind: 'mg_niveau_1',
  discipline: 'Médecine générale',
  supervisors: ['Dr Claire Lefebvre', 'Dr Marc Dubois'],
  practiceType: 'msp',
  practiceName: 'MSP des Marais',
  communeInsee: '62765',
  location: null,
  periods: ['2027-05', '2027-11'],
  places: 2,
  housing: [{kind: 'logement_msp', monthlyCostEur: 0, distanceKm: 0, details: 'Studio meublé au-dessus de la MSP.'}],
  transport: {carNeeded: true, stationDistanceKm: 3, vehicleProvided: false, travelCostsPaid: true, details: null},
  welcome: {discoveryKit: true, welcomeDay: true, referentName: 'Julie Martin'},
  financialAid: [{amountEur: 300, from: 'Communauté d’agglomération', conditions: 'Par mois de stage'}],
  description: 'Une MSP de 12 professionnels.\n\nPatientèle variée, visites à domicile.',
  contact: {name: 'Julie Martin', email: 'stages@cpts-exemple.fr', phone: null},
};

export const InternshipOfferCreate = /* @__PURE__ */ z.strictObject(offerFields);
export type InternshipOfferCreate = z.infer<typeof InternshipOfferCreate>;

export const InternshipOffer = /* @__PURE__ */ z.object({
  id: Id,
  ...offerFields,
  status: OfferStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: z.nullable(Timestamp),
});
export type InternshipOffer = z.infer<typeof InternshipOffer>;

export const InternshipOfferList = /* @__PURE__ */ z.object({items: z.array(InternshipOffer), nextCursor: z.nullable(z.string()), total: z.int()});
export type InternshipOfferList = z.infer<typeof InternshipOfferList>;
