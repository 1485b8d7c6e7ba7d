import type {Profession} from '@cpts-kit/contract';

// How the columns and cells of a coordinator's sheet are understood: headings in French or English,
// with or without accents, professions by code, label or the words coordinators write.

export type Field = 'rpps' | 'profession' | 'title' | 'firstName' | 'lastName' | 'practiceName' | 'address' | 'communeInsee' | 'phone' | 'email' | 'lat' | 'lng';

/** Headings are compared without case, accents, spaces or punctuation: « Prénom », « PRENOM », « prénom » are one. */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export const FIELD_NAMES: Record<Field, string[]> = {
  rpps: ['rpps', 'numerorpps', 'nrpps', 'norpps', 'numrpps', 'idrpps', 'identifiantrpps', 'rppsid', 'identifiantpp', 'numerorppsadeli'],
  profession: ['profession', 'metier', 'libelleprofession', 'professionlibelle', 'professiondesante', 'codeprofession'],
  title: ['title', 'titre', 'civilite'],
  firstName: ['firstname', 'prenom', 'prenoms', 'prenomdexercice', 'prenomusuel'],
  lastName: ['lastname', 'nom', 'nomdefamille', 'nomdexercice', 'nomdusage', 'nomusuel'],
  practiceName: ['practicename', 'cabinet', 'nomducabinet', 'structure', 'lieudexercice', 'raisonsociale', 'etablissement', 'msp'],
  address: ['address', 'adresse', 'adressepostale', 'adressedexercice', 'adresseducabinet', 'rue'],
  communeInsee: ['communeinsee', 'codeinsee', 'insee', 'codecommune', 'inseecommune', 'codeinseecommune', 'cog', 'codeinseedelacommune'],
  phone: ['phone', 'telephone', 'tel', 'telephonefixe', 'telephoneprofessionnel', 'teldelacabinet', 'numerodetelephone', 'telephonecabinet'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'adressemail', 'adressecourriel', 'emailprofessionnel', 'mailpro'],
  lat: ['lat', 'latitude'],
  lng: ['lng', 'lon', 'long', 'longitude'],
};

export const HEADING_TO_FIELD = new Map<string, Field>(Object.entries(FIELD_NAMES).flatMap(([field, names]) => names.map((n) => [n, field as Field] as const)));

/** How a field is named in French messages. */
export const FIELD_LABELS: Record<Field, string> = {
  rpps: 'RPPS',
  profession: 'profession',
  title: 'titre',
  firstName: 'prénom',
  lastName: 'nom',
  practiceName: 'cabinet',
  address: 'adresse',
  communeInsee: 'code INSEE',
  phone: 'téléphone',
  email: 'e-mail',
  lat: 'latitude',
  lng: 'longitude',
};

export const REQUIRED: Field[] = ['profession', 'firstName', 'lastName', 'communeInsee'];
export const MAX_LENGTH: Partial<Record<Field, number>> = {title: 20, firstName: 100, lastName: 100, practiceName: 160, address: 300};

export const PROFESSION_LABELS: Record<Profession, string> = {
  medecin_generaliste: 'Médecin généraliste',
  ipa: 'Infirmier(ère) en pratique avancée (IPA)',
  infirmier: 'Infirmier(ère)',
  sage_femme: 'Sage-femme',
  masseur_kinesitherapeute: 'Masseur-kinésithérapeute',
  chirurgien_dentiste: 'Chirurgien-dentiste',
  orthophoniste: 'Orthophoniste',
  pharmacien: 'Pharmacien(ne)',
  psychologue: 'Psychologue',
  pedicure_podologue: 'Pédicure-podologue',
  medecin_specialiste: 'Médecin spécialiste',
};

/** The code, its label, and what coordinators write in their sheets. */
const PROFESSION_NAMES: Record<Profession, string[]> = {
  medecin_generaliste: ['generaliste', 'medecingeneral', 'medecingeneraliste', 'mg', 'medecingeneralistes', 'medecindemedecinegenerale', 'medecinegenerale'],
  ipa: ['ipa', 'infirmierepratiqueavancee', 'infirmierenpratiqueavancee', 'infirmiereenpratiqueavancee', 'infirmierpratiqueavancee'],
  infirmier: [
    'infirmier',
    'infirmiere',
    'infirmiers',
    'infirmieres',
    'ide',
    'idel',
    'infirmierdiplomedetat',
    'infirmierediplomeedetat',
    'infirmierliberal',
    'infirmiereliberale',
  ],
  sage_femme: ['sagefemme', 'sagesfemmes', 'maieuticien', 'maieuticienne'],
  masseur_kinesitherapeute: ['masseurkinesitherapeute', 'kinesitherapeute', 'kine', 'mk', 'masseurkine', 'kinesitherapie'],
  chirurgien_dentiste: ['chirurgiendentiste', 'dentiste', 'chirurgienedentiste'],
  orthophoniste: ['orthophoniste', 'orthophonie'],
  pharmacien: ['pharmacien', 'pharmacienne', 'pharmacie', 'pharmacienneofficine', 'pharmaciendofficine'],
  psychologue: ['psychologue', 'psy', 'psychologie'],
  pedicure_podologue: ['pedicurepodologue', 'podologue', 'pedicure', 'podologie'],
  medecin_specialiste: ['medecinspecialiste', 'specialiste', 'medecinspecialistes'],
};

const PROFESSION_BY_NAME = new Map<string, Profession>(
  (Object.keys(PROFESSION_NAMES) as Profession[]).flatMap((code) =>
    [code, PROFESSION_LABELS[code], ...PROFESSION_NAMES[code]].map((name) => [normaliseKey(name), code] as const),
  ),
);

export function professionOf(text: string): Profession | undefined {
  return PROFESSION_BY_NAME.get(normaliseKey(text));
}

/** A decimal number as a French spreadsheet writes it (`50,75`) or as anything else does (`50.75`). */
export function decimal(text: string): number {
  return /^-?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}
