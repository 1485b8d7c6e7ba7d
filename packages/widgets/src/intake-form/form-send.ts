import type {CptsApiError} from '@cpts-kit/sdk';
import {IntakeRequestCreate, type Commune} from '@cpts-kit/contract';
import {fieldKeys, matchCommune, parseDayMonthYear, priorityQuestions, type ErrorKind, type FieldError, type FieldKey, type IntakeFormValues} from './form-model.js';

// What only sending needs: the contract's schema (and with it zod) and the SDK's call. The form
// loads this module once the person starts typing, so the page shows the form without them.
export {createIntakeRequest} from '@cpts-kit/sdk';
export {attemptFor} from '../internal/attempt.js';
export {errorSummary, receipt} from './form-replies.js';
export {replyStyles} from './form-replies.styles.js';
export {CptsSubmittedEvent} from './submitted-event.js';

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

/** The server's field errors, by our fields (one each), and how many name no field of ours; undefined when it sent none. */
export function serverFieldErrors(error: CptsApiError): {errors: FieldError[]; other: number} | undefined {
  const fieldErrors = error.fieldErrors.filter((fieldError) => fieldError.path !== 'Idempotency-Key');
  if (fieldErrors.length === 0) return undefined;
  const errors: FieldError[] = [];
  let other = 0;
  for (const fieldError of fieldErrors) {
    const path = fieldError.path.replace(/^body\./, '');
    if (isFieldKey(path)) {
      if (!errors.some((known) => known.field === path)) errors.push({field: path, kind: errorKindOf(path, fieldError.code)});
    } else {
      other += 1;
    }
  }
  return {errors, other};
}

/** Seconds to wait after a 429: the `Retry-After` header, else the problem's `retryAfter`. */
export function retryAfterSeconds(error: CptsApiError): number | undefined {
  const response = (error.cause as {response?: Response} | undefined)?.response;
  const header = response?.headers.get('retry-after');
  const fromHeader = header && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
  const fromProblem = (error.problem as {retryAfter?: unknown}).retryAfter;
  const seconds = fromHeader ?? (typeof fromProblem === 'number' ? fromProblem : undefined);
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds));
}
