import type {FieldError} from '@cpts-kit/contract';
import {validationProblem} from './problems.js';

const DAY_MS = 86_400_000;

/** A period of UTC days, both ends included. */
export interface StatsPeriod {
  from: string;
  to: string;
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The first day of the month `months` before the month of `day`. */
export function monthStart(day: string, monthsBack = 0): string {
  const d = new Date(`${day}T00:00:00Z`);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1)));
}

const FR_DATE = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * The period asked, or the default one: the last 12 months (this month and the 11 before), never
 * before what the territory still keeps. A reversed period, a day in the future or before the
 * retention is a 400 naming the field: requests older than the retention are purged, so figures
 * there would be zeros pretending to be data.
 */
export function resolvePeriod(query: {from?: string | undefined; to?: string | undefined}, today: string, retentionDays: number): StatsPeriod {
  const earliest = addDays(today, -retentionDays);
  const errors: FieldError[] = [];
  const to = query.to ?? today;
  const from = query.from ?? maxDay(monthStart(to, 11), earliest);
  const beyond = (day: string) =>
    `la période dépasse la durée de conservation (${retentionDays} jours) : les demandes plus anciennes sont effacées ; le ${FR_DATE(day)} est avant le ${FR_DATE(earliest)}`;
  if (to > today) errors.push({path: 'to', code: 'future_date', message: `la date de fin ne peut pas être dans le futur (aujourd’hui : ${FR_DATE(today)})`});
  else if (to < earliest) errors.push({path: 'to', code: 'beyond_retention', message: beyond(to)});
  if (query.from !== undefined) {
    if (from > today) errors.push({path: 'from', code: 'future_date', message: `la date de début ne peut pas être dans le futur (aujourd’hui : ${FR_DATE(today)})`});
    else if (from > to) errors.push({path: 'from', code: 'reversed_period', message: `la date de début (${FR_DATE(from)}) doit précéder la date de fin (${FR_DATE(to)})`});
    else if (from < earliest) errors.push({path: 'from', code: 'beyond_retention', message: beyond(from)});
  }
  if (errors.length > 0) throw validationProblem(errors, 'La période demandée est invalide.');
  return {from, to};
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

/** `YYYY-MM` of every month the period touches, oldest first. */
export function monthsOf(period: StatsPeriod): string[] {
  const months: string[] = [];
  for (let day = monthStart(period.from); day <= period.to; day = monthStart(addDays(day, 32))) months.push(day.slice(0, 7));
  return months;
}
