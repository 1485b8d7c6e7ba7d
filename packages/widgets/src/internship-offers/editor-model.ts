import {InternshipOfferCreate, type HousingKind, type InternshipOfferCreate as OfferCreate, type OfferKind, type PracticeType} from '@cpts-kit/contract';
import {problemOfIssue, type FieldProblem} from '../internal/field-problems.js';

/** The editor's fields as the inputs hold them: text and ticks, converted only when saving. */
export interface EditorValues {
  title: string;
  kind: OfferKind | '';
  discipline: string;
  supervisors: string;
  practiceType: PracticeType | '';
  practiceName: string;
  communeInsee: string;
  periods: string;
  places: string;
  housingKind: HousingKind | '';
  housingCost: string;
  housingDistance: string;
  housingDetails: string;
  carNeeded: boolean;
  stationDistance: string;
  vehicleProvided: boolean;
  travelCostsPaid: boolean;
  transportDetails: string;
  discoveryKit: boolean;
  welcomeDay: boolean;
  referentName: string;
  aidAmount: string;
  aidFrom: string;
  aidConditions: string;
  description: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export type EditorField = keyof EditorValues;

/** Housing and aid beyond the first, which the editor does not show but must not lose. */
export interface EditorExtras {
  housing: OfferCreate['housing'];
  financialAid: OfferCreate['financialAid'];
  location: OfferCreate['location'];
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A new offer: its lists show « Choisissez… » until chosen, never their first entry. */
export function emptyEditorValues(communeInsee = ''): EditorValues {
  return {
    title: '',
    kind: '',
    discipline: 'Médecine générale',
    supervisors: '',
    practiceType: '',
    practiceName: '',
    communeInsee,
    periods: '',
    places: '1',
    housingKind: '',
    housingCost: '',
    housingDistance: '',
    housingDetails: '',
    carNeeded: false,
    stationDistance: '',
    vehicleProvided: false,
    travelCostsPaid: false,
    transportDetails: '',
    discoveryKit: false,
    welcomeDay: false,
    referentName: '',
    aidAmount: '',
    aidFrom: '',
    aidConditions: '',
    description: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  };
}

export function editorValuesOf(offer: OfferCreate): {values: EditorValues; extras: EditorExtras} {
  const [housing, ...moreHousing] = offer.housing;
  const [aid, ...moreAid] = offer.financialAid;
  return {
    values: {
      title: offer.title,
      kind: offer.kind,
      discipline: offer.discipline,
      supervisors: offer.supervisors.join('\n'),
      practiceType: offer.practiceType,
      practiceName: offer.practiceName,
      communeInsee: offer.communeInsee,
      periods: offer.periods.join(', '),
      places: String(offer.places),
      housingKind: housing?.kind ?? '',
      housingCost: text(housing?.monthlyCostEur),
      housingDistance: text(housing?.distanceKm),
      housingDetails: housing?.details ?? '',
      carNeeded: offer.transport.carNeeded,
      stationDistance: text(offer.transport.stationDistanceKm),
      vehicleProvided: offer.transport.vehicleProvided,
      travelCostsPaid: offer.transport.travelCostsPaid,
      transportDetails: offer.transport.details ?? '',
      discoveryKit: offer.welcome.discoveryKit,
      welcomeDay: offer.welcome.welcomeDay,
      referentName: offer.welcome.referentName ?? '',
      aidAmount: text(aid?.amountEur),
      aidFrom: aid?.from ?? '',
      aidConditions: aid?.conditions ?? '',
      description: offer.description,
      contactName: offer.contact.name,
      contactEmail: offer.contact.email,
      contactPhone: offer.contact.phone ?? '',
    },
    extras: {housing: moreHousing, financialAid: moreAid, location: offer.location},
  };
}

/** `''` → null; anything else a number (NaN when it is not one, which the schema then refuses). */
function optionalNumber(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** The values as the API takes them; not yet validated. */
export function offerFromEditor(v: EditorValues, extras: EditorExtras = {housing: [], financialAid: [], location: null}): unknown {
  const housing = v.housingKind
    ? [
        {kind: v.housingKind, monthlyCostEur: optionalNumber(v.housingCost), distanceKm: optionalNumber(v.housingDistance), details: orNull(v.housingDetails)},
        ...extras.housing,
      ]
    : extras.housing;
  const aidAmount = optionalNumber(v.aidAmount);
  const hasAid = aidAmount !== null || v.aidFrom.trim() !== '';
  return {
    title: v.title,
    kind: v.kind,
    discipline: v.discipline,
    supervisors: v.supervisors
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    practiceType: v.practiceType,
    practiceName: v.practiceName,
    communeInsee: v.communeInsee,
    location: extras.location,
    periods: v.periods.split(/[\s,;]+/).filter(Boolean),
    places: v.places.trim() === '' ? Number.NaN : Number(v.places),
    housing,
    transport: {
      carNeeded: v.carNeeded,
      stationDistanceKm: optionalNumber(v.stationDistance),
      vehicleProvided: v.vehicleProvided,
      travelCostsPaid: v.travelCostsPaid,
      details: orNull(v.transportDetails),
    },
    welcome: {discoveryKit: v.discoveryKit, welcomeDay: v.welcomeDay, referentName: orNull(v.referentName)},
    financialAid: hasAid ? [{amountEur: aidAmount ?? Number.NaN, from: v.aidFrom, conditions: orNull(v.aidConditions)}, ...extras.financialAid] : extras.financialAid,
    description: v.description,
    contact: {name: v.contactName, email: v.contactEmail.trim(), phone: orNull(v.contactPhone)},
  };
}

/** Where an API path (`housing.0.monthlyCostEur`) shows in the editor. */
const PATH_FIELDS: Record<string, EditorField> = {
  'housing.0.kind': 'housingKind',
  'housing.0.monthlyCostEur': 'housingCost',
  'housing.0.distanceKm': 'housingDistance',
  'housing.0.details': 'housingDetails',
  'transport.carNeeded': 'carNeeded',
  'transport.stationDistanceKm': 'stationDistance',
  'transport.vehicleProvided': 'vehicleProvided',
  'transport.travelCostsPaid': 'travelCostsPaid',
  'transport.details': 'transportDetails',
  'welcome.discoveryKit': 'discoveryKit',
  'welcome.welcomeDay': 'welcomeDay',
  'welcome.referentName': 'referentName',
  'financialAid.0.amountEur': 'aidAmount',
  'financialAid.0.from': 'aidFrom',
  'financialAid.0.conditions': 'aidConditions',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.phone': 'contactPhone',
};

/** The fields in the order the editor shows them. */
export const EDITOR_FIELD_ORDER = Object.keys(emptyEditorValues()) as EditorField[];
const FIELD_ORDER = EDITOR_FIELD_ORDER;

export function fieldOfPath(path: string): EditorField | undefined {
  if (PATH_FIELDS[path]) return PATH_FIELDS[path];
  const head = path.split('.')[0] ?? '';
  return (FIELD_ORDER as string[]).includes(head) ? (head as EditorField) : undefined;
}

/** What is wrong with a field; the editor words it in the widget's language. */
export type EditorProblem = FieldProblem;

/** Problems by field; the first problem of a field wins. */
export type EditorErrors = Partial<Record<EditorField, EditorProblem>>;

/** The server's field errors by field; each is worded as the editor's own check would. */
export function editorErrorsOfServer(fieldErrors: readonly {path: string; code: string}[]): EditorErrors {
  const errors: EditorErrors = {};
  for (const e of fieldErrors) {
    const field = fieldOfPath(e.path);
    if (field && errors[field] === undefined) errors[field] = e.code === 'required' ? 'required' : e.code === 'too_long' ? 'too_long' : 'invalid';
  }
  return errors;
}

export function sortedErrorFields(errors: EditorErrors): EditorField[] {
  return FIELD_ORDER.filter((f) => errors[f] !== undefined);
}

export type EditorCheck = {ok: true; offer: OfferCreate} | {ok: false; errors: EditorErrors};

/** The contract's own check, with each issue put on the field that shows it. */
export function checkEditor(values: EditorValues, extras?: EditorExtras): EditorCheck {
  const result = InternshipOfferCreate.safeParse(offerFromEditor(values, extras));
  if (result.success) return {ok: true, offer: result.data};
  const errors: EditorErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path.map(String).join('.'));
    if (!field || errors[field] !== undefined) continue;
    // a list refusing `''` means nothing was chosen (« Choisissez… » still shows)
    errors[field] = values[field] === '' ? 'required' : problemOfIssue(issue);
  }
  // an issue on a field the editor does not show still blocks saving: put it on the title
  if (Object.keys(errors).length === 0) errors.title = 'invalid';
  return {ok: false, errors};
}
