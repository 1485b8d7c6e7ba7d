import type {Accepting, Freshness, PatientScope, Visibility} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';
import type {BoardColumn} from './board-columns.js';
import type {BoardSort} from './board-model.js';

/**
 * Strings of `<cpts-availability-board>`, one chunk per language, so a page without the board
 * never downloads them; professions and the shared error messages come from the shared labels.
 */
export interface BoardStrings {
  title: string;
  signedOut: string;
  loading: string;
  loadError: string;
  refresh: string;
  filtersLegend: string;
  search: string;
  searchHint: string;
  profession: string;
  anyProfession: string;
  commune: string;
  anyCommune: string;
  accepting: string;
  anyAccepting: string;
  acceptingFilter: Record<Accepting, string>;
  freshnessFilter: string;
  anyFreshness: string;
  homeVisits: string;
  snp: string;
  msu: string;
  sort: string;
  sorts: Record<BoardSort, string>;
  reset: string;
  counts: (shown: number, total: number) => string;
  acceptingCount: (n: number) => string;
  staleCount: (n: number) => string;
  empty: string;
  emptyFiltered: string;
  view: string;
  showList: string;
  showMap: string;
  mapLabel: string;
  mapLoading: string;
  noTiles: string;
  zoomIn: string;
  zoomOut: string;
  cluster: (count: number) => string;
  close: string;
  exportCsv: string;
  exported: (count: number) => string;
  caption: string;
  columnsSummary: (shown: number, total: number) => string;
  columnsLegend: string;
  columnsHint: string;
  columnsDefault: string;
  staleRule: (days: number) => string;
  /** Headers of the table and the CSV; `quota` and `declaredAt` are CSV-only (the table joins them to others). */
  columns: Record<BoardColumn | 'name' | 'quota' | 'declaredAt', string>;
  acceptingShort: Record<Accepting, string>;
  quota: (n: number) => string;
  /** Once the CPTS has placed someone with them this month: the places left under the quota. */
  placesLeft: (left: number, quota: number) => string;
  noQuota: string;
  scopes: Record<PatientScope, string>;
  visibility: Record<Visibility, string>;
  freshness: Record<Freshness, string>;
  declaredOn: (date: string) => string;
  notDeclared: string;
  inactive: string;
  yes: string;
  no: string;
  none: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-availability-board>`. */
    board: BoardStrings;
  }
}

export const boardStrings = defineStrings<'board'>({
  fr: () => import('./board-strings.fr.js').then((m) => m.fr),
  en: () => import('./board-strings.en.js').then((m) => m.en),
});
