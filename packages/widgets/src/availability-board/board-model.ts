import type {Accepting, BoardRow, Freshness, Profession} from '@cpts-kit/contract';

export type BoardSort = 'name' | 'commune' | 'freshness' | 'declared';
export const boardSorts: readonly BoardSort[] = ['name', 'commune', 'freshness', 'declared'];

export interface BoardFilters {
  q: string;
  profession: Profession | '';
  commune: string;
  accepting: Accepting | '';
  freshness: Freshness | '';
  homeVisits: boolean;
  snp: boolean;
  msu: boolean;
}

export const noBoardFilters: BoardFilters = {q: '', profession: '', commune: '', accepting: '', freshness: '', homeVisits: false, snp: false, msu: false};

export function hasFilters(filters: BoardFilters): boolean {
  return (Object.keys(noBoardFilters) as (keyof BoardFilters)[]).some((key) => filters[key] !== noBoardFilters[key]);
}

/** « Hélène » and « HELENE » both become « helene »: what a coordinator types on a phone call. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}

/** What a row is searched by, once per load: a territory has hundreds of rows, a keystroke must not redo it. */
export interface IndexedRow {
  row: BoardRow;
  text: string;
  communeName: string;
  familyName: string;
}

export function indexRows(rows: readonly BoardRow[], communeName: (insee: string) => string): IndexedRow[] {
  return rows.map((row) => {
    const commune = communeName(row.communeInsee);
    return {row, communeName: commune, familyName: familyNameKey(row), text: normalizeText([row.displayName, commune, row.availability?.noteForCoordinator ?? ''].join(' '))};
  });
}

export function matchesBoard({row, text}: IndexedRow, filters: BoardFilters): boolean {
  const a = row.availability;
  if (filters.profession && row.profession !== filters.profession) return false;
  if (filters.commune && row.communeInsee !== filters.commune) return false;
  if (filters.accepting && a?.accepting !== filters.accepting) return false;
  if (filters.freshness && row.freshness !== filters.freshness) return false;
  if (filters.homeVisits && !a?.homeVisits) return false;
  if (filters.snp && !((a?.snpSlotsThisWeek ?? 0) > 0)) return false;
  if (filters.msu && !a?.hostsInterns) return false;
  const words = normalizeText(filters.q).split(' ').filter(Boolean);
  return words.every((word) => text.includes(word));
}

const collator = new Intl.Collator('fr', {sensitivity: 'base'});
/** Titles a name may start with when a row carries no family name apart (an older server). */
const TITLE = /^(?:dr|pr|m|mme|mlle|me)\.?\s+/i;

/**
 * « Martin Hélène », not « Dr Hélène Martin »: a coordinator looks a practitioner up by family
 * name, and sorting by what `displayName` starts with would group them by title.
 */
export function familyNameKey(row: BoardRow): string {
  if (row.lastName !== undefined) return `${row.lastName} ${row.firstName ?? ''}`;
  return row.displayName.replace(TITLE, '');
}
const freshnessOrder: Record<Freshness, number> = {never: 0, stale: 1, fresh: 2};

function declaredTime(row: BoardRow): number {
  return row.availability ? Date.parse(row.availability.declaredAt) : -Infinity;
}

export function compareRows(sort: BoardSort): (a: IndexedRow, b: IndexedRow) => number {
  const byName = (a: IndexedRow, b: IndexedRow) => collator.compare(a.familyName, b.familyName) || collator.compare(a.row.displayName, b.row.displayName);
  switch (sort) {
    case 'name':
      return byName;
    case 'commune':
      return (a, b) => collator.compare(a.communeName, b.communeName) || byName(a, b);
    case 'freshness':
      // what needs a call first: never declared, then the oldest declarations
      return (a, b) => freshnessOrder[a.row.freshness] - freshnessOrder[b.row.freshness] || declaredTime(a.row) - declaredTime(b.row) || byName(a, b);
    case 'declared':
      return (a, b) => declaredTime(b.row) - declaredTime(a.row) || byName(a, b);
  }
}

export function filterAndSort(rows: readonly IndexedRow[], filters: BoardFilters, sort: BoardSort): IndexedRow[] {
  return rows.filter((r) => matchesBoard(r, filters)).sort(compareRows(sort));
}

export interface BoardCounts {
  shown: number;
  total: number;
  accepting: number;
  stale: number;
}

export function countRows(shown: readonly IndexedRow[], total: number): BoardCounts {
  return {
    shown: shown.length,
    total,
    accepting: shown.filter((r) => r.row.availability && r.row.availability.accepting !== 'no').length,
    stale: shown.filter((r) => r.row.freshness === 'stale').length,
  };
}
