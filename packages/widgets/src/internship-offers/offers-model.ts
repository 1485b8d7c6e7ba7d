import type {InternshipOffer, InternshipOfferCreate, OfferKind} from '@cpts-kit/contract';

/** « Médecine Générale » and « medecine generale » compare equal: accents and case do not count. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export type OfferSort = 'newest' | 'commune' | 'places';
export const offerSorts: readonly OfferSort[] = ['newest', 'commune', 'places'];

export interface OfferFilters {
  q: string;
  kind: OfferKind | '';
  discipline: string;
  commune: string;
  housing: boolean;
  period: string;
}

export const noFilters: OfferFilters = {q: '', kind: '', discipline: '', commune: '', housing: false, period: ''};

export function hasFilters(filters: OfferFilters): boolean {
  return filters.q.trim() !== '' || filters.kind !== '' || filters.discipline !== '' || filters.commune !== '' || filters.housing || filters.period !== '';
}

/** An offer with its searchable text normalised once, so each keystroke only compares strings. */
export interface IndexedOffer {
  offer: InternshipOffer;
  text: string;
  communeName: string;
}

/** Labels the search should match besides the offer's own text (« logement », « SASPAS »…). */
export interface SearchLabels {
  communeName(insee: string): string;
  kind(kind: OfferKind): string;
  housing(kind: InternshipOffer['housing'][number]['kind']): string;
}

export function indexOffers(offers: readonly InternshipOffer[], labels: SearchLabels): IndexedOffer[] {
  return offers.map((offer) => {
    const communeName = labels.communeName(offer.communeInsee);
    const parts = [
      offer.title,
      offer.discipline,
      offer.practiceName,
      communeName,
      labels.kind(offer.kind),
      ...offer.supervisors,
      ...offer.housing.map((h) => labels.housing(h.kind)),
      offer.housing.length > 0 ? 'logement housing' : '',
      offer.description,
    ];
    return {offer, communeName, text: normalizeText(parts.join('\n'))};
  });
}

/** Words of the query, normalised; an offer matches when it contains every one, in any order. */
export function queryWords(q: string): string[] {
  return normalizeText(q)
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The widget's filter, run on every keystroke: pure and allocation-light (see bench/offers.ts). */
export function filterOffers(index: readonly IndexedOffer[], filters: OfferFilters): IndexedOffer[] {
  const words = queryWords(filters.q);
  const discipline = normalizeText(filters.discipline);
  return index.filter(({offer, text}) => {
    if (filters.kind && offer.kind !== filters.kind) return false;
    if (discipline && normalizeText(offer.discipline) !== discipline) return false;
    if (filters.commune && offer.communeInsee !== filters.commune) return false;
    if (filters.housing && offer.housing.length === 0) return false;
    if (filters.period && !offer.periods.includes(filters.period)) return false;
    for (const word of words) if (!text.includes(word)) return false;
    return true;
  });
}

function newestFirst(a: InternshipOffer, b: InternshipOffer): number {
  const at = a.publishedAt ?? a.createdAt;
  const bt = b.publishedAt ?? b.createdAt;
  return at < bt ? 1 : at > bt ? -1 : 0;
}

export function sortOffers(list: readonly IndexedOffer[], sort: OfferSort, lang: string): IndexedOffer[] {
  const sorted = [...list];
  if (sort === 'newest') sorted.sort((a, b) => newestFirst(a.offer, b.offer));
  if (sort === 'places') sorted.sort((a, b) => b.offer.places - a.offer.places || newestFirst(a.offer, b.offer));
  if (sort === 'commune') {
    const collator = new Intl.Collator(lang, {sensitivity: 'base'});
    sorted.sort((a, b) => collator.compare(a.communeName, b.communeName) || newestFirst(a.offer, b.offer));
  }
  return sorted;
}

export interface FacetOptions {
  kinds: OfferKind[];
  disciplines: string[];
  communes: string[];
  periods: string[];
}

/** Only the values some offer has: a facet never offers a choice that gives nothing. */
export function facetOptions(offers: readonly InternshipOffer[]): FacetOptions {
  const kinds = new Set<OfferKind>();
  const disciplines = new Map<string, string>();
  const communes = new Set<string>();
  const periods = new Set<string>();
  for (const o of offers) {
    kinds.add(o.kind);
    disciplines.set(normalizeText(o.discipline), o.discipline);
    communes.add(o.communeInsee);
    for (const p of o.periods) periods.add(p);
  }
  return {
    kinds: [...kinds],
    disciplines: [...disciplines.values()].sort((a, b) => a.localeCompare(b, 'fr')),
    communes: [...communes],
    periods: [...periods].sort(),
  };
}

const periodFormats = new Map<string, Intl.DateTimeFormat>();

/** `2027-05` → « mai 2027 » (fr), "May 2027" (en). */
export function formatPeriod(period: string, lang: string): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  let format = periodFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {month: 'long', year: 'numeric', timeZone: 'UTC'});
    periodFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(year, month - 1, 1)));
}

export function formatEuros(amount: number, lang: string): string {
  return new Intl.NumberFormat(lang, {style: 'currency', currency: 'EUR', maximumFractionDigits: amount % 1 === 0 ? 0 : 2}).format(amount);
}

/** Plain text to paragraphs: blank lines separate them. The text is never parsed as HTML. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** `2027-05` moved by `months` (may cross years). */
export function shiftPeriod(period: string, months: number): string {
  const [year = 0, month = 1] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The fields a coordinator edits: the offer without what the server decides. */
export function editableFields(offer: InternshipOffer): InternshipOfferCreate {
  const {id: _id, status: _status, createdAt: _c, updatedAt: _u, publishedAt: _p, ...fields} = offer;
  return fields;
}

/** A copy for the next semester: same offer, periods six months later, to save as a new draft. */
export function duplicateForNextSemester(offer: InternshipOffer): InternshipOfferCreate {
  const fields = editableFields(offer);
  return {...fields, periods: fields.periods.map((p) => shiftPeriod(p, 6))};
}

const HASH = /^#offre-([0-9a-f-]{36})$/i;

export const offerHash = (id: string): string => `#offre-${id}`;

/** The offer id a `#offre-<id>` URL hash points at. */
export function offerIdFromHash(hash: string): string | undefined {
  return HASH.exec(hash)?.[1]?.toLowerCase();
}
