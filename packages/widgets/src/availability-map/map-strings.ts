import type {Accepting} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-availability-map>`. */
export interface MapStrings {
  title: string;
  loading: string;
  loadError: string;
  filters: string;
  profession: string;
  anyProfession: string;
  accepting: string;
  anyAccepting: string;
  acceptingOptions: Record<Accepting, string>;
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
  cluster: (count: number) => string;
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
