import type {PractitionerPublic, Profession} from '@cpts-kit/contract';
import type {MapBounds} from '../map/map-engine.js';

export interface MapFilters {
  profession: Profession | '';
  /** Only those who take new patients (`yes` or `limited`): what a person looking for a doctor wants first. */
  acceptsNew: boolean;
  homeVisits: boolean;
}

export const defaultFilters: MapFilters = {profession: '', acceptsNew: true, homeVisits: false};

export function takesNewPatients(p: Pick<PractitionerPublic, 'availability'>): boolean {
  return p.availability?.accepting === 'yes' || p.availability?.accepting === 'limited';
}

export function matchesFilters(p: PractitionerPublic, filters: MapFilters): boolean {
  if (filters.profession && p.profession !== filters.profession) return false;
  if (filters.acceptsNew && !takesNewPatients(p)) return false;
  if (filters.homeVisits && !p.availability?.homeVisits) return false;
  return true;
}

export function inBounds(p: PractitionerPublic, b: MapBounds): boolean {
  const {lat, lng} = p.location;
  return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}

/** `minLng,minLat,maxLng,maxLat`, as the API's `bbox` wants it: within the globe (a map zoomed out shows more than one). */
export function bboxParam(b: MapBounds): string {
  const round = (n: number, limit: number) => String(Math.max(-limit, Math.min(limit, Math.round(n * 1e5) / 1e5)));
  return [round(b.west, 180), round(b.south, 90), round(b.east, 180), round(b.north, 90)].join(',');
}

/** The filters as the API's query (`acceptsNew`, `homeVisits` only when asked: unset means everyone). */
export function filterQuery(f: MapFilters): {profession?: Profession; acceptsNew?: boolean; homeVisits?: boolean} {
  return {...(f.profession ? {profession: f.profession} : {}), ...(f.acceptsNew ? {acceptsNew: true} : {}), ...(f.homeVisits ? {homeVisits: true} : {})};
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
