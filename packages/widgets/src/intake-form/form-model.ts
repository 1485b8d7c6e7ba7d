import {IntakeRequestCreate, PriorityAnswers, type Commune, type IntakeReason, type RequesterKind, type Tristate} from '@cpts-kit/contract';

export type PriorityQuestion = keyof PriorityAnswers;
/** The six yes / no / don't-know questions, in the contract's key order. */
export const priorityQuestions = Object.keys(PriorityAnswers.shape) as readonly PriorityQuestion[];

/** What the person typed, as typed: every text is a string, nothing is parsed yet. */
export interface IntakeFormValues {
  requesterKind: RequesterKind | '';
  requesterName: string;
  requesterPhone: string;
  requesterOrganisation: string;
  lastName: string;
  firstNames: string;
  birthDay: string;
  birthMonth: string;
  birthYear: string;
  phone: string;
  email: string;
  bestTimeToCall: string;
  /** The commune box's text: a name, a postal code, or an option of the list. */
  commune: string;
  address: string;
  reason: IntakeReason | '';
  reasonOther: string;
  sinceMonth: string;
  sinceYear: string;
  priority: Record<PriorityQuestion, Tristate | ''>;
  comment: string;
  consent: boolean;
  /** Honeypot, left empty by people. */
  website: string;
}

export function emptyValues(): IntakeFormValues {
  return {
    requesterKind: '',
    requesterName: '',
    requesterPhone: '',
    requesterOrganisation: '',
    lastName: '',
    firstNames: '',
    birthDay: '',
    birthMonth: '',
    birthYear: '',
    phone: '',
    email: '',
    bestTimeToCall: '',
    commune: '',
    address: '',
    reason: '',
    reasonOther: '',
    sinceMonth: '',
    sinceYear: '',
    priority: {ald: '', cssAme: '', pregnancy: '', disability: '', homeVisits: '', chronicFollowUp: ''},
    comment: '',
    consent: false,
    website: '',
  };
}

export const COMMENT_MAX = 1000;

/**
 * Fields a message can sit by (the contract's dotted paths, in the order of the form), each with
 * the id of the control its messages point at (the first of a group).
 */
export const fieldIds = {
  'requester.kind': 'requester-kind-self',
  'requester.name': 'requester-name',
  'requester.phone': 'requester-phone',
  'requester.organisation': 'requester-organisation',
  'person.lastName': 'last-name',
  'person.firstNames': 'first-names',
  'person.birthDate': 'birth-day',
  'person.phone': 'phone',
  'person.email': 'email',
  'person.bestTimeToCall': 'best-time',
  'person.communeInsee': 'commune',
  'person.address': 'address',
  'situation.reason': 'reason-gp_retired',
  'situation.reasonOther': 'reason-other-text',
  'situation.since': 'since-month',
  comment: 'comment',
  consent: 'consent',
} as const;
export type FieldKey = keyof typeof fieldIds;
export const fieldKeys = Object.keys(fieldIds) as readonly FieldKey[];

/**
 * What went wrong with a field, in our words: zod's and the server's issue codes are mapped onto
 * these, and the translations hold one message per field and kind.
 */
export type ErrorKind = 'required' | 'invalid' | 'tooLong' | 'impossible' | 'future' | 'tooOld' | 'phoneOrEmail' | 'notInTerritory' | 'ambiguous';

export interface FieldError {
  field: FieldKey;
  kind: ErrorKind;
}

export function isFieldKey(path: string): path is FieldKey {
  return (fieldKeys as readonly string[]).includes(path);
}

/** A zod issue code (client) or a `FieldError.code` (server) → our kind of error. */
export function errorKindOf(field: FieldKey, code: string): ErrorKind {
  switch (code) {
    case 'too_big':
      return 'tooLong';
    case 'invalid_format':
    case 'invalid_string':
      return 'invalid';
    case 'unknown_commune':
      return 'notInTerritory';
    case 'custom':
      if (field === 'person.phone') return 'phoneOrEmail';
      if (field === 'person.birthDate') return 'tooOld';
      return 'required';
    default:
      // invalid_type (missing), too_small (empty once trimmed), invalid_value (unchecked consent)
      return code === 'invalid_type' || code === 'too_small' || code === 'invalid_value' || code === 'required' ? 'required' : 'invalid';
  }
}

export type DateCheck = {ok: true; iso: string; date: Date} | {ok: false; kind: 'required' | 'impossible'};

/** Day, month, year as typed → a real calendar date (31 February is not one). */
export function parseDayMonthYear(day: string, month: string, year: string): DateCheck {
  const parts = [day, month, year].map((part) => part.trim());
  if (parts.every((part) => part === '')) return {ok: false, kind: 'required'};
  if (!parts.every((part) => /^\d+$/.test(part))) return {ok: false, kind: 'impossible'};
  const [d, m, y] = parts.map(Number) as [number, number, number];
  if ((parts[2] ?? '').length !== 4) return {ok: false, kind: 'impossible'};
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return {ok: false, kind: 'impossible'};
  return {ok: true, iso: date.toISOString().slice(0, 10), date};
}

/** Whole years between `birth` and `today`, by the calendar. */
export function ageOn(birth: Date, today: Date): number {
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday = today.getUTCMonth() < birth.getUTCMonth() || (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export type AgePriority = 'age_70_plus' | 'under_6';

/** The priority the birth date alone gives, which the form shows rather than asks. */
export function agePriority(values: IntakeFormValues, today = new Date()): AgePriority | undefined {
  const birth = parseDayMonthYear(values.birthDay, values.birthMonth, values.birthYear);
  if (!birth.ok || birth.date.getTime() > today.getTime()) return undefined;
  const age = ageOn(birth.date, today);
  if (age >= 70) return 'age_70_plus';
  if (age < 6) return 'under_6';
  return undefined;
}

/** `Saint-Omer (62500)`: what the commune list offers and what picking an option writes in the box. */
export function communeLabel(commune: Commune): string {
  return commune.postalCodes.length ? `${commune.name} (${commune.postalCodes.join(', ')})` : commune.name;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();
}

export type CommuneMatch = {status: 'empty'} | {status: 'found'; commune: Commune} | {status: 'several'; communes: Commune[]} | {status: 'outside'};

/**
 * The territory's commune the box designates: an option of the list, a name (accents and case
 * ignored), or a postal code. A postal code shared by several communes gives them all, to choose.
 */
export function matchCommune(text: string, communes: readonly Commune[]): CommuneMatch {
  const typed = text.trim();
  if (!typed) return {status: 'empty'};
  const byLabel = communes.find((commune) => communeLabel(commune) === typed);
  if (byLabel) return {status: 'found', commune: byLabel};
  if (/^\d{5}$/.test(typed)) {
    const sharing = communes.filter((commune) => commune.postalCodes.includes(typed));
    if (sharing.length === 1 && sharing[0]) return {status: 'found', commune: sharing[0]};
    return sharing.length ? {status: 'several', communes: sharing} : {status: 'outside'};
  }
  const folded = fold(typed.replace(/\s*\([\d,\s]*\)\s*$/, ''));
  const named = communes.filter((commune) => fold(commune.name) === folded);
  if (named.length === 1 && named[0]) return {status: 'found', commune: named[0]};
  return named.length ? {status: 'several', communes: named} : {status: 'outside'};
}

function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Month and year as typed → the first of that month, or a reason it is not one. */
function parseMonthYear(month: string, year: string): {ok: true; iso: string | undefined} | {ok: false; kind: 'impossible'} {
  if (!month.trim() && !year.trim()) return {ok: true, iso: undefined};
  const date = parseDayMonthYear('1', month, year);
  return date.ok ? {ok: true, iso: date.iso} : {ok: false, kind: 'impossible'};
}

export interface Validation {
  /** Ready to send, when there is no error. */
  body: IntakeRequestCreate | undefined;
  /** One error per field, in the order of the form. */
  errors: FieldError[];
}

/**
 * Builds the request from what was typed and checks it against the contract. The schema's
 * cross-field rules only run once every field is well-formed, so they are checked here too:
 * otherwise a person would fix one batch of errors only to be shown the next.
 */
export function validate(values: IntakeFormValues, communes: readonly Commune[], today = new Date()): Validation {
  const found: FieldError[] = [];
  const add = (field: FieldKey, kind: ErrorKind) => {
    if (!found.some((error) => error.field === field)) found.push({field, kind});
  };

  const birth = parseDayMonthYear(values.birthDay, values.birthMonth, values.birthYear);
  if (!birth.ok) add('person.birthDate', birth.kind);
  else if (birth.date.getTime() > today.getTime()) add('person.birthDate', 'future');
  const since = parseMonthYear(values.sinceMonth, values.sinceYear);
  if (!since.ok) add('situation.since', since.kind);
  else if (since.iso && new Date(`${since.iso}T00:00:00Z`).getTime() > today.getTime()) add('situation.since', 'future');

  const commune = matchCommune(values.commune, communes);
  if (commune.status === 'empty') add('person.communeInsee', 'required');
  else if (commune.status === 'several') add('person.communeInsee', 'ambiguous');
  else if (commune.status === 'outside') add('person.communeInsee', 'notInTerritory');

  const helped = values.requesterKind !== '' && values.requesterKind !== 'self';
  const phone = optionalText(values.phone);
  const email = optionalText(values.email);
  if (!phone && !email) add('person.phone', 'phoneOrEmail');
  if (helped && !optionalText(values.requesterName)) add('requester.name', 'required');
  if (helped && !optionalText(values.requesterPhone)) add('requester.phone', 'required');
  if (values.reason === 'other' && !optionalText(values.reasonOther)) add('situation.reasonOther', 'required');

  const candidate = {
    requester: {
      kind: values.requesterKind || undefined,
      ...(helped ? {name: optionalText(values.requesterName), phone: optionalText(values.requesterPhone), organisation: optionalText(values.requesterOrganisation)} : {}),
    },
    person: {
      lastName: values.lastName,
      firstNames: values.firstNames,
      birthDate: birth.ok ? birth.iso : '',
      phone,
      email,
      bestTimeToCall: optionalText(values.bestTimeToCall),
      communeInsee: commune.status === 'found' ? commune.commune.insee : '',
      address: optionalText(values.address),
    },
    situation: {
      reason: values.reason || undefined,
      reasonOther: values.reason === 'other' ? optionalText(values.reasonOther) : undefined,
      since: since.ok ? since.iso : undefined,
    },
    // an unanswered question is a "don't know": the coordinator asks on the phone
    priority: Object.fromEntries(priorityQuestions.map((question) => [question, values.priority[question] || 'unknown'])),
    comment: optionalText(values.comment),
    consent: values.consent,
    website: values.website === '' ? undefined : values.website,
  };
  const result = IntakeRequestCreate.safeParse(withoutUndefined(candidate));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      // the honeypot's error is for bots; the server decides what they get
      if (isFieldKey(path)) add(path, errorKindOf(path, issue.code));
    }
  }
  const errors = fieldKeys.flatMap((field) => found.filter((error) => error.field === field));
  const honeypotOnly = !result.success && result.error.issues.every((issue) => issue.path[0] === 'website');
  return {body: errors.length === 0 ? (result.success ? result.data : honeypotOnly ? (withoutUndefined(candidate) as IntakeRequestCreate) : undefined) : undefined, errors};
}

/** The contract's objects are strict, and `undefined` is not "absent" to them: drop those keys. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}
