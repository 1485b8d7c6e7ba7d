import type {Accepting, PractitionerPublic, Profession} from '@cpts-kit/contract';
import type {MapBounds} from '../map/map-engine.js';

export interface MapFilters {
  profession: Profession | '';
  accepting: Accepting | '';
  homeVisits: boolean;
}

export const noFilters: MapFilters = {profession: '', accepting: '', homeVisits: false};

export function matchesFilters(p: PractitionerPublic, filters: MapFilters): boolean {
  if (filters.profession && p.profession !== filters.profession) return false;
  if (filters.accepting && p.availability?.accepting !== filters.accepting) return false;
  if (filters.homeVisits && !p.availability?.homeVisits) return false;
  return true;
}

export function inBounds(p: PractitionerPublic, b: MapBounds): boolean {
  const {lat, lng} = p.location;
  return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}

/** `minLng,minLat,maxLng,maxLat`, as the API's `bbox` wants it. */
export function bboxParam(b: MapBounds): string {
  const round = (n: number) => String(Math.round(n * 1e5) / 1e5);
  return [b.west, b.south, b.east, b.north].map(round).join(',');
}

// one collator: `localeCompare` builds one per call, which costs seconds over 100,000 names
const collator = new Intl.Collator('fr');

export function byName(a: PractitionerPublic, b: PractitionerPublic): number {
  return collator.compare(a.displayName, b.displayName);
}

/**
 * The first `k` of `items` in `compare` order, without sorting them all: the list shows 50 at a
 * time, and sorting 100,000 practitioners on every pan would block the page.
 */
export function firstBy<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
