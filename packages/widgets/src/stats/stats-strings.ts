import type {CloseReason} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-stats>`. Figures come formatted (`n` is the count, `text` its words). */
export interface StatsStrings {
  title: string;
  period: string;
  from: string;
  to: string;
  presets: string;
  last12Months: string;
  calendarYear: (year: number) => string;
  show: string;
  loading: string;
  /** « Du 1er janvier 2026 au 31 décembre 2026 ». */
  periodText: (from: string, to: string) => string;
  computedAt: (when: string) => string;
  problems: {required: string; reversed: string};
  empty: string;
  emptyHint: string;
  /** The key figures' labels (cards and CSV rows). */
  figures: {
    registered: string;
    resolved: string;
    viaCpts: string;
    alone: string;
    open: string;
    closed: string;
    priority: string;
    priorityShare: string;
    homeVisits: string;
    homeVisitsShare: string;
    median: string;
    p90: string;
    waitingNow: string;
    duplicates: string;
  };
  /** « dont 120 grâce à la CPTS, 30 par elles-mêmes ». */
  resolvedSplit: (viaCpts: string, alone: string) => string;
  /** « 34 % des inscrites ». */
  shareOfRegistered: (share: string) => string;
  days: (n: number, text: string) => string;
  notAvailable: string;
  lessThan11: string;
  masked: string;
  tables: {figures: string; months: string; daysToSolution: string; waitingAge: string; communes: string; reasons: string; priority: string; closed: string};
  columns: {
    figure: string;
    value: string;
    month: string;
    registered: string;
    resolved: string;
    days: string;
    waitingFor: string;
    people: string;
    commune: string;
    population: string;
    waitingNow: string;
    per1000: string;
    reason: string;
    criterion: string;
    share: string;
    closeReason: string;
  };
  figuresTable: string;
  anyCriterion: string;
  total: string;
  closeReasons: Record<CloseReason, string>;
  /** « 0 à 7 jours », « 181 jours et plus ». */
  bucket: (min: string, max: string | null) => string;
  charts: {
    monthly: string;
    monthlyDescription: (registered: string, resolved: string, months: number) => string;
    daysToSolution: string;
    daysDescription: (median: string, p90: string) => string;
    waitingAge: string;
    waitingAgeDescription: (waiting: string, oldest: string) => string;
    map: string;
    mapDescription: (highest: string) => string;
    mapNobody: string;
    mapZero: string;
    mapUnknown: string;
    mapClass: (from: string, to: string) => string;
    mapPoint: (name: string, rate: string, waiting: string) => string;
    data: string;
  };
  print: string;
  downloadCsv: string;
  publishableCsv: string;
  publishableHint: string;
  preparing: string;
  downloaded: (fileName: string) => string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-stats>`. */
    stats: StatsStrings;
  }
}

export const statsStrings = defineStrings<'stats'>({
  fr: () => import('./stats-strings.fr.js').then((m) => m.fr),
  en: () => import('./stats-strings.en.js').then((m) => m.en),
});
