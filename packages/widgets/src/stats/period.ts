/** A period of UTC days, both ends included, as the stats route takes it. */
export interface Period {
  from: string;
  to: string;
}

export type PresetId = 'last12Months' | 'thisYear' | 'lastYear';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The periods a coordinator reports on. « 12 derniers mois » is this month and the 11 before it
 * (the server's default, whole months for the monthly chart); a calendar year stops at today
 * while it is under way: the server refuses a period in the future.
 */
export function presetPeriod(preset: PresetId, today = new Date()): Period {
  const year = today.getUTCFullYear();
  const to = isoDay(today);
  if (preset === 'thisYear') return {from: `${year}-01-01`, to};
  if (preset === 'lastYear') return {from: `${year - 1}-01-01`, to: `${year - 1}-12-31`};
  return {from: isoDay(new Date(Date.UTC(year, today.getUTCMonth() - 11, 1))), to};
}

/** The preset a period is, if any: its button shows as pressed. */
export function presetOf(period: Period, today = new Date()): PresetId | undefined {
  return (['last12Months', 'thisYear', 'lastYear'] as const).find((id) => {
    const preset = presetPeriod(id, today);
    return preset.from === period.from && preset.to === period.to;
  });
}

export type PeriodProblem = 'required' | 'reversed';

/**
 * What the widget checks before asking: a field left empty, or the end before the start. Dates in
 * the future or beyond the retention are the server's to refuse (it knows the territory's
 * retention), and its French message is shown by the field.
 */
export function periodProblems(period: Period): Partial<Record<keyof Period, PeriodProblem>> {
  const problems: Partial<Record<keyof Period, PeriodProblem>> = {};
  if (!period.from) problems.from = 'required';
  if (!period.to) problems.to = 'required';
  if (period.from && period.to && period.from > period.to) problems.to = 'reversed';
  return problems;
}

/** `2026-03-05` as the reader's date, read as a UTC day (never shifted by the time zone). */
export function formatDay(iso: string, lang: string, style: 'long' | 'medium' = 'long'): string {
  return new Intl.DateTimeFormat(lang, {dateStyle: style, timeZone: 'UTC'}).format(new Date(`${iso}T00:00:00Z`));
}

/** `2026-03` as « mars 2026 » (`long`) or « mars 26 » (`short`, under the chart's bars). */
export function formatMonth(month: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const format = new Intl.DateTimeFormat(lang, {month: style === 'long' ? 'long' : 'short', year: style === 'long' ? 'numeric' : '2-digit', timeZone: 'UTC'});
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
