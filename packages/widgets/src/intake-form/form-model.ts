import {PRIORITY_QUESTIONS, type Commune, type IntakeReason, type RequesterKind, type Tristate} from '@cpts-kit/contract';

export type PriorityQuestion = (typeof PRIORITY_QUESTIONS)[number];
/** The six yes / no / don't-know questions, in the contract's order. */
export const priorityQuestions: readonly PriorityQuestion[] = PRIORITY_QUESTIONS;

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
