import type {StatCount} from '@cpts-kit/contract';
import type {StatsStrings} from './stats-strings.js';

/** A table cell: words, or a figure that each medium writes its own way. */
export type Cell = string | {count: StatCount} | {share: number | null} | {rate: number | null} | {days: number | null};

/**
 * Writes figures for the screen (« 1 200 », « 34,2 % ») or for a CSV (« 1200 »: no thousands
 * separator, which spreadsheets would read as text; the decimal comma of the language stays, as
 * French Excel expects it).
 */
export class StatsFormat {
  readonly t: StatsStrings;
  readonly lang: string;
  private readonly integer: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;

  constructor(t: StatsStrings, lang: string, medium: 'screen' | 'csv' = 'screen') {
    this.t = t;
    this.lang = lang;
    const useGrouping = medium === 'screen';
    this.integer = new Intl.NumberFormat(lang, {maximumFractionDigits: 0, useGrouping});
    this.decimal = new Intl.NumberFormat(lang, {minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping});
    this.percent = new Intl.NumberFormat(lang, {style: 'percent', maximumFractionDigits: 1, useGrouping});
  }

  /** A count; a suppressed one as « moins de 11 » or « masqué ». */
  count(count: StatCount): string {
    if (typeof count === 'number') return this.integer.format(count);
    return count.suppressed === 'lessThan11' ? this.t.lessThan11 : this.t.masked;
  }

  number(value: number): string {
    return this.integer.format(value);
  }

  share(share: number | null): string {
    return share === null ? this.t.notAvailable : this.percent.format(share);
  }

  rate(rate: number | null): string {
    return rate === null ? this.t.notAvailable : this.decimal.format(rate);
  }

  days(days: number | null): string {
    return days === null ? this.t.notAvailable : this.t.days(days, this.integer.format(days));
  }

  cell(cell: Cell): string {
    if (typeof cell === 'string') return cell;
    if ('count' in cell) return this.count(cell.count);
    if ('share' in cell) return this.share(cell.share);
    if ('rate' in cell) return this.rate(cell.rate);
    return this.days(cell.days);
  }
}

/** The number a count holds, or 0 for a suppressed one (charts draw the coordinator's figures, never suppressed). */
export const countValue = (count: StatCount): number => (typeof count === 'number' ? count : 0);
