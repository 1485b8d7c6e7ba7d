import type {BoardRow} from '@cpts-kit/contract';
import type {LanguageCode, Translation} from '../translations/translation.js';

/** The table's columns after the name (always shown, the row's header), in the order they show. */
export const boardColumns = ['profession', 'commune', 'accepting', 'freshness', 'scope', 'homeVisits', 'snp', 'teleconsultation', 'msu', 'visibility', 'note'] as const;
export type BoardColumn = (typeof boardColumns)[number];

/**
 * What a coordinator orienting a patient reads first, and what fits a 940 px frame without
 * scrolling sideways: the others are one tick away in the columns menu.
 */
export const defaultColumns: ReadonlySet<BoardColumn> = new Set<BoardColumn>(['profession', 'commune', 'accepting', 'freshness', 'homeVisits', 'snp', 'note']);

/** The columns to show, in table order, whatever order they were ticked in. */
export function orderColumns(shown: ReadonlySet<BoardColumn>): BoardColumn[] {
  return boardColumns.filter((c) => shown.has(c));
}

/** Turns a row's values into the words the table, the map's details and the CSV share. */
export class BoardFormat {
  readonly t: Translation['board'];
  readonly shared: Translation;
  readonly lang: LanguageCode;
  readonly communeName: (insee: string) => string;

  constructor(strings: Translation, lang: LanguageCode, communeName: (insee: string) => string) {
    this.t = strings.board;
    this.shared = strings;
    this.lang = lang;
    this.communeName = communeName;
  }

  date(iso: string, style: 'medium' | 'short' = 'medium'): string {
    return new Intl.DateTimeFormat(this.lang, {dateStyle: style}).format(new Date(iso));
  }

  profession(row: BoardRow): string {
    return this.shared.professions[row.profession];
  }

  /** « Limité · 5 par mois »: whether, and how many; « reste 4 sur 5 ce mois-ci » once the CPTS placed someone this month. */
  accepting(row: BoardRow): string {
    const a = row.availability;
    if (!a) return this.t.none;
    if (a.accepting === 'no') return this.t.acceptingShort.no;
    return `${this.t.acceptingShort[a.accepting]} · ${this.quota(a.monthlyQuota, row.takenThisMonth ?? 0)}`;
  }

  private quota(quota: number | null, taken: number): string {
    if (quota === null) return this.t.noQuota;
    return taken > 0 ? this.t.placesLeft(Math.max(0, quota - taken), quota) : this.t.quota(quota);
  }

  scope(row: BoardRow): string {
    const a = row.availability;
    if (!a || a.accepting === 'no') return this.t.none;
    const names = a.patientScope.map((s) => this.t.scopes[s]);
    if (a.patientScope.includes('chosen_communes') && a.scopeCommunes.length > 0) {
      names.push(`(${a.scopeCommunes.map(this.communeName).join(', ')})`);
    }
    return names.join(', ');
  }

  yesNo(value: boolean | undefined): string {
    return value === undefined ? this.t.none : value ? this.t.yes : this.t.no;
  }

  /** A column's cell as plain text; `freshness` without its date (the table adds it beside the badge). */
  cell(row: BoardRow, communeName: string, column: BoardColumn): string {
    const a = row.availability;
    switch (column) {
      case 'profession':
        return this.profession(row);
      case 'commune':
        return communeName;
      case 'accepting':
        return this.accepting(row);
      case 'freshness':
        return this.t.freshness[row.freshness];
      case 'scope':
        return this.scope(row);
      case 'homeVisits':
        return this.yesNo(a?.homeVisits);
      case 'snp':
        return a ? String(a.snpSlotsThisWeek) : this.t.none;
      case 'teleconsultation':
        return this.yesNo(a?.teleconsultation);
      case 'msu':
        return this.yesNo(a?.hostsInterns);
      case 'visibility':
        return a ? this.t.visibility[a.visibility] : this.t.none;
      case 'note':
        return a?.noteForCoordinator ?? '';
    }
  }
}
