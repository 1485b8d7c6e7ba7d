import {AssistedIntakeCreate, IntakeRequestCreate, type FieldError} from '@cpts-kit/contract';
import {problemOfIssue, type FieldProblem} from '../internal/field-problems.js';

/** The fields of the form registering a person who called or sent the paper form, in the order they show. */
export const ASSISTED_FIELDS = [
  'channel',
  'receivedOn',
  'requesterKind',
  'requesterName',
  'requesterPhone',
  'requesterOrganisation',
  'lastName',
  'firstNames',
  'birthDate',
  'phone',
  'email',
  'bestTimeToCall',
  'communeInsee',
  'address',
  'reason',
  'reasonOther',
  'since',
  'ald',
  'cssAme',
  'pregnancy',
  'disability',
  'homeVisits',
  'chronicFollowUp',
  'comment',
] as const;
export type AssistedField = (typeof ASSISTED_FIELDS)[number];
export type AssistedValues = Record<AssistedField, string>;
export type PriorityField = 'ald' | 'cssAme' | 'pregnancy' | 'disability' | 'homeVisits' | 'chronicFollowUp';
export const PRIORITY_FIELDS: readonly PriorityField[] = ['ald', 'cssAme', 'pregnancy', 'disability', 'homeVisits', 'chronicFollowUp'];

/** `31/12/2026` for the date inputs. */
export function frenchDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** `31/12/2026` (or `31-12-2026`, `31.12.2026`) → `2026-12-31`; undefined when it is no real day. */
export function isoOfFrenchDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function emptyAssisted(today = new Date()): AssistedValues {
  const values = Object.fromEntries(ASSISTED_FIELDS.map((f) => [f, ''])) as AssistedValues;
  // most people call: the phone and today are what the coordinator would pick anyway
  return {...values, channel: 'phone', receivedOn: frenchDate(today)};
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** Where a contract path (`person.phone`) shows in this form. */
const FIELD_OF_PATH: Record<string, AssistedField> = {
  channel: 'channel',
  receivedOn: 'receivedOn',
  'requester.kind': 'requesterKind',
  'requester.name': 'requesterName',
  'requester.phone': 'requesterPhone',
  'requester.organisation': 'requesterOrganisation',
  'person.lastName': 'lastName',
  'person.firstNames': 'firstNames',
  'person.birthDate': 'birthDate',
  'person.phone': 'phone',
  'person.email': 'email',
  'person.bestTimeToCall': 'bestTimeToCall',
  'person.communeInsee': 'communeInsee',
  'person.address': 'address',
  'situation.reason': 'reason',
  'situation.reasonOther': 'reasonOther',
  'situation.since': 'since',
  'priority.ald': 'ald',
  'priority.cssAme': 'cssAme',
  'priority.pregnancy': 'pregnancy',
  'priority.disability': 'disability',
  'priority.homeVisits': 'homeVisits',
  'priority.chronicFollowUp': 'chronicFollowUp',
  comment: 'comment',
};

export type AssistedErrors = Partial<Record<AssistedField, FieldProblem>>;
export type AssistedCheck = {ok: true; request: AssistedIntakeCreate} | {ok: false; errors: AssistedErrors};

/** The request as the contract wants it, built from what was typed (dates left as typed when they are no day). */
function bodyOf(v: AssistedValues): Record<string, unknown> {
  const date = (text: string) => (optional(text) === undefined ? undefined : (isoOfFrenchDate(text) ?? text));
  return {
    channel: v.channel,
    receivedOn: date(v.receivedOn) ?? '',
    requester: {kind: v.requesterKind, name: optional(v.requesterName), phone: optional(v.requesterPhone), organisation: optional(v.requesterOrganisation)},
    person: {
      lastName: v.lastName.trim(),
      firstNames: v.firstNames.trim(),
      birthDate: date(v.birthDate) ?? '',
      phone: optional(v.phone),
      email: optional(v.email),
      bestTimeToCall: optional(v.bestTimeToCall),
      communeInsee: v.communeInsee,
      address: optional(v.address),
    },
    situation: {reason: v.reason, reasonOther: optional(v.reasonOther), since: date(v.since)},
    priority: Object.fromEntries(PRIORITY_FIELDS.map((q) => [q, v[q]])),
    comment: optional(v.comment),
  };
}

function errorsOfIssues(issues: ReadonlyArray<{path: readonly PropertyKey[]; code: string; minimum?: unknown; origin?: unknown}>, into: AssistedErrors): void {
  for (const issue of issues) {
    const field = FIELD_OF_PATH[issue.path.join('.')];
    // an empty list (« Choisissez… ») is a missing answer, not an invalid one
    if (field && into[field] === undefined) into[field] = issue.code === 'invalid_value' && issue.path.length > 0 ? 'required' : problemOfIssue(issue);
  }
}

/**
 * Checks the form with the contract's own rules: the assisted request's schema, and the public
 * form's cross-field rules (a phone or an e-mail, the helper's name and phone, a plausible birth
 * date…), so a person registered by phone meets exactly the rules of the online form.
 */
export function checkAssisted(values: AssistedValues): AssistedCheck {
  const body = bodyOf(values);
  const errors: AssistedErrors = {};
  const parsed = AssistedIntakeCreate.safeParse(body);
  if (!parsed.success) errorsOfIssues(parsed.error.issues, errors);
  const {channel: _channel, receivedOn: _receivedOn, ...publicPart} = body;
  const publicRules = IntakeRequestCreate.safeParse({...publicPart, consent: true});
  if (!publicRules.success) errorsOfIssues(publicRules.error.issues, errors);
  const received = isoOfFrenchDate(values.receivedOn);
  if (received && received > new Date().toISOString().slice(0, 10) && errors.receivedOn === undefined) errors.receivedOn = 'invalid';
  if (!parsed.success || Object.keys(errors).length > 0) return {ok: false, errors};
  return {ok: true, request: parsed.data};
}

/** The server's field errors, by this form's fields. */
export function assistedErrorsOfServer(errors: readonly FieldError[]): AssistedErrors {
  const out: AssistedErrors = {};
  for (const e of errors) {
    const field = FIELD_OF_PATH[e.path];
    if (field && out[field] === undefined) out[field] = e.code === 'too_big' ? 'too_long' : 'invalid';
  }
  return out;
}
