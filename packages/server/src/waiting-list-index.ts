import type {AgeBand, IntakePerson, Requester} from '@cpts-kit/contract';
import {createHmac} from 'node:crypto';
import {normaliseName, type Keys} from './crypto.js';

/**
 * Keyed blind indexes of the waiting list's search. A column holds HMAC-SHA256(key, normalised
 * value), the key derived from CPTS_SECRET_KEY: the database finds « DUPONT » through an index by
 * equality, and whoever reads the database (a dump, a backup) learns no name without the key.
 * Only exact values match: a search by a name's beginning would need to index each prefix, which
 * gives away much more of the name; coordinators search the last name as written on a call sheet.
 */
function hmac(key: Buffer, kind: string, value: string): string {
  return createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex');
}

/** Last names as people type them: case, accents, hyphens, apostrophes and spaces do not count. */
export function nameIndex(keys: Keys, lastName: string): string | null {
  const normalised = normaliseName(lastName);
  return normalised === '' ? null : hmac(keys.search, 'name', normalised);
}

/** `03 21 00 00 00`, `03.21.00.00.00`, `+33 3 21 00 00 00` and `0033321000000` are one number. */
export function normalisePhone(text: string): string | null {
  let digits = text.replace(/\D/g, '');
  if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('33') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (/^[1-9]\d{8}$/.test(digits)) digits = `0${digits}`;
  return /^0\d{9}$/.test(digits) ? digits : null;
}

export function phoneIndex(keys: Keys, phone: string | undefined): string | null {
  const normalised = phone === undefined ? null : normalisePhone(phone);
  return normalised === null ? null : hmac(keys.search, 'phone', normalised);
}

/** The first of the birth month: age bands to the month, without the birth date in clear. */
export function birthMonth(birthDate: string): string {
  return `${birthDate.slice(0, 7)}-01`;
}

export interface SearchColumns {
  nameIndex: string | null;
  phoneIndex: string | null;
  requesterPhoneIndex: string | null;
  birthMonth: string;
}

export function searchColumns(keys: Keys, person: Pick<IntakePerson, 'lastName' | 'phone' | 'birthDate'>, requester: Pick<Requester, 'phone'>): SearchColumns {
  return {
    nameIndex: nameIndex(keys, person.lastName),
    phoneIndex: phoneIndex(keys, person.phone),
    requesterPhoneIndex: phoneIndex(keys, requester.phone),
    birthMonth: birthMonth(person.birthDate),
  };
}

export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

export function ageBandOf(birthDate: string, today = new Date()): AgeBand {
  const age = ageOn(birthDate, today);
  return age < 6 ? 'under_6' : age < 18 ? '6_17' : age < 70 ? '18_69' : '70_plus';
}

/** SQL of each band over `birth_month` (first of the month: a person is counted in their new band from the first of their birthday's month). */
export const AGE_BAND_SQL: Record<AgeBand, string> = {
  under_6: "r.birth_month > (current_date - interval '6 years')",
  '6_17': "r.birth_month <= (current_date - interval '6 years') and r.birth_month > (current_date - interval '18 years')",
  '18_69': "r.birth_month <= (current_date - interval '18 years') and r.birth_month > (current_date - interval '70 years')",
  '70_plus': "r.birth_month <= (current_date - interval '70 years')",
};
