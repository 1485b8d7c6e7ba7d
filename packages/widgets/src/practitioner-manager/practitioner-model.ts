import {PractitionerCreate, type BoardRow, type Commune, type Practitioner, type PractitionerPatch, type Profession} from '@cpts-kit/contract';
import {problemOfIssue, type FieldProblem} from '../internal/field-problems.js';
import {matchesEveryWord, normalizeText} from '../coordinator/search.js';
import type {PractitionerField} from './practitioner-manager-strings.js';

/** The form's fields as the inputs hold them: text only, converted when saving. */
export type PractitionerValues = Record<PractitionerField, string> & {profession: Profession | ''};

export const FIELD_ORDER: readonly PractitionerField[] = ['profession', 'title', 'firstName', 'lastName', 'rpps', 'practiceName', 'address', 'communeInsee', 'phone', 'email'];

/** A field's problem; `unknown_commune` is the server's word for a commune outside the territory. */
export type PractitionerProblem = FieldProblem | 'unknown_commune';
export type PractitionerErrors = Partial<Record<PractitionerField, PractitionerProblem>>;

export function emptyValues(communeInsee = ''): PractitionerValues {
  return {profession: '', title: '', firstName: '', lastName: '', rpps: '', practiceName: '', address: '', communeInsee, phone: '', email: ''};
}

export function valuesOf(p: Practitioner): PractitionerValues {
  return {
    profession: p.profession,
    title: p.title ?? '',
    firstName: p.firstName,
    lastName: p.lastName,
    rpps: p.rpps ?? '',
    practiceName: p.practiceName ?? '',
    address: p.address ?? '',
    communeInsee: p.communeInsee,
    phone: p.phone ?? '',
    email: p.email ?? '',
  };
}

/** The values as the API takes them: an empty optional field is left out, not sent as `""`. */
export function bodyOf(values: PractitionerValues): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of FIELD_ORDER) {
    const value = field === 'rpps' ? values[field].replace(/\s+/g, '') : values[field].trim();
    if (value !== '' || field === 'profession' || field === 'firstName' || field === 'lastName' || field === 'communeInsee') body[field] = value;
  }
  return body;
}

export function fieldOfPath(path: string): PractitionerField | undefined {
  const head = path.split('.')[0] ?? '';
  return (FIELD_ORDER as readonly string[]).includes(head) ? (head as PractitionerField) : undefined;
}

export function sortedErrorFields(errors: PractitionerErrors): PractitionerField[] {
  return FIELD_ORDER.filter((f) => errors[f] !== undefined);
}

export type PractitionerCheck = {ok: true; body: PractitionerCreate} | {ok: false; errors: PractitionerErrors};

/** The contract's own check (`PractitionerCreate`), each issue put on the field that shows it. */
export function checkPractitioner(values: PractitionerValues): PractitionerCheck {
  const result = PractitionerCreate.safeParse(bodyOf(values));
  if (result.success) return {ok: true, body: result.data};
  const errors: PractitionerErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path.map(String).join('.'));
    // a list refusing `''` means nothing was chosen (« Choisissez… » still shows)
    const problem = (field === 'profession' || field === 'communeInsee') && values[field] === '' ? 'required' : problemOfIssue(issue);
    if (field && errors[field] === undefined) errors[field] = problem;
  }
  if (Object.keys(errors).length === 0) errors.lastName = 'invalid';
  return {ok: false, errors};
}

/**
 * What changed, for `PATCH`: the contract cannot clear an optional field (no `null`), so an
 * emptied field is left as it was rather than refused.
 */
export function patchOf(before: Practitioner, body: PractitionerCreate): PractitionerPatch {
  const current = bodyOf(valuesOf(before));
  const patch: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string' && current[key] !== value) patch[key] = value;
  return patch;
}

/** The server's field errors by field; codes the form does not know read as "invalid". */
export function errorsOfServer(fieldErrors: readonly {path: string; code: string}[]): PractitionerErrors {
  const errors: PractitionerErrors = {};
  for (const e of fieldErrors) {
    const field = fieldOfPath(e.path);
    if (field && errors[field] === undefined) errors[field] = e.code === 'unknown_commune' ? 'unknown_commune' : e.code === 'required' ? 'required' : 'invalid';
  }
  return errors;
}

/** One row of the list, with what the search looks through. */
export interface ListedPractitioner {
  row: BoardRow;
  text: string;
}

export function indexRows(rows: readonly BoardRow[], label: (row: BoardRow) => string): ListedPractitioner[] {
  return rows.map((row) => ({row, text: normalizeText(`${row.displayName} ${label(row)}`)}));
}

/** Every word of the query, in any order, accents and case aside. */
export function searchRows(rows: readonly ListedPractitioner[], query: string): BoardRow[] {
  return rows.filter((r) => matchesEveryWord(r.text, query)).map((r) => r.row);
}

export const communeName = (communes: readonly Commune[], insee: string) => communes.find((c) => c.insee === insee)?.name ?? insee;
