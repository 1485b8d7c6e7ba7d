import {IsoDate, isPlausibleBirthDate, RequestStatusLookup} from '@cpts-kit/contract';
import type {StatusField, StatusFieldProblem} from './status-strings.js';

/** What the person typed, as typed. */
export interface StatusValues {
  reference: string;
  day: string;
  month: string;
  year: string;
}

export const emptyStatusValues = (): StatusValues => ({reference: '', day: '', month: '', year: ''});

export interface StatusFieldError {
  field: StatusField;
  problem: StatusFieldProblem;
}

/** The control each field's messages point at (the first box of the date). */
export const statusFieldIds: Record<StatusField, string> = {reference: 'reference', birthDate: 'birth-day'};

/** The lookup to send, or what to fix first: checked with the contract's own rules. */
export function checkLookup(values: StatusValues): {lookup: RequestStatusLookup; errors: []} | {lookup: undefined; errors: StatusFieldError[]} {
  const errors: StatusFieldError[] = [];
  const reference = values.reference.trim().toUpperCase();
  if (!reference) errors.push({field: 'reference', problem: 'required'});
  else if (!RequestStatusLookup.shape.reference.safeParse(reference).success) errors.push({field: 'reference', problem: 'invalid'});
  const birth = birthDateOf(values);
  if (birth.problem) errors.push({field: 'birthDate', problem: birth.problem});
  if (errors.length > 0 || birth.problem) return {lookup: undefined, errors};
  return {lookup: RequestStatusLookup.parse({reference, birthDate: birth.iso}), errors: []};
}

/**
 * The three boxes as an ISO date, checked with the contract's own rules (a real calendar day: no
 * 31 February; then a plausible birth date), so the form and the server never disagree.
 */
function birthDateOf({day, month, year}: StatusValues): {iso: string; problem?: undefined} | {iso?: undefined; problem: StatusFieldProblem} {
  const parts = [day.trim(), month.trim(), year.trim()] as const;
  if (parts.every((part) => part === '')) return {problem: 'required'};
  if (!/^\d{1,2}$/.test(parts[0]) || !/^\d{1,2}$/.test(parts[1]) || !/^\d{4}$/.test(parts[2])) return {problem: 'impossible'};
  const iso = `${parts[2]}-${parts[1].padStart(2, '0')}-${parts[0].padStart(2, '0')}`;
  if (!IsoDate.safeParse(iso).success) return {problem: 'impossible'};
  if (!isPlausibleBirthDate(iso)) return {problem: iso > new Date().toISOString().slice(0, 10) ? 'future' : 'impossible'};
  return {iso};
}

/** The server's field errors (a 400), by our fields. */
export function fieldErrorsOf(paths: readonly string[]): StatusFieldError[] {
  const fields = new Set(paths.map((path) => path.replace(/^body\./, '')).filter((path): path is StatusField => path === 'reference' || path === 'birthDate'));
  return [...fields].map((field) => ({field, problem: field === 'reference' ? 'invalid' : 'impossible'}));
}

/** The reference as this CPTS's receipts print it: its prefix (as the server makes it), this year, a number. */
export function referenceExample(slug: string | undefined, year = new Date().getFullYear()): string {
  const letters = (slug ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 12);
  return `${letters.length >= 2 ? letters : 'DEMO'}-${year}-000123`;
}

/** `2026-03-03` → « 3 mars 2026 » / "3 March 2026": a calendar day, read in UTC so no time zone moves it. */
export function longDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {dateStyle: 'long', timeZone: 'UTC'}).format(new Date(`${iso}T00:00:00Z`));
}
