import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-availability-map>`. */
export interface MapStrings {
  /** The heading while only those who take new patients are shown (the default). */
  title: string;
  /** The heading once « show everyone » is chosen. */
  titleAll: string;
  loading: string;
  loadError: string;
  filters: string;
  profession: string;
  anyProfession: string;
  /** The checkbox, checked by default: only those who take new patients. */
  acceptsNew: string;
  homeVisits: string;
  view: string;
  showMap: string;
  showList: string;
  mapLabel: string;
  zoomIn: string;
  zoomOut: string;
  /** How many practitioners the list shows (those in the map's view, with the filters). */
  inView: (count: number) => string;
  none: string;
  showMore: (remaining: number) => string;
  /** A cluster's accessible name: how many, and how many of them take new patients. */
  cluster: (count: number, accepting: number) => string;
  legend: string;
  legendCluster: string;
  legendUnknown: string;
  /** Shown while the details of a practitioner chosen on the map are fetched. */
  loadingDetails: string;
  details: string;
  close: string;
  call: (phone: string) => string;
  homeVisitsYes: string;
  homeVisitsNo: string;
  teleconsultation: string;
  updated: (date: string) => string;
  noTiles: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-availability-map>`. */
    map: MapStrings;
  }
}

/** Fetched in the page's language when the element first renders (its `stringBundles`). */
export const mapStrings = defineStrings<'map'>({
  fr: () => import('./map-strings.fr.js').then((m) => m.fr),
  en: () => import('./map-strings.en.js').then((m) => m.en),
});
