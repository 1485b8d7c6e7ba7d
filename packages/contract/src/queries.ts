import * as z from 'zod/mini';
import {Accepting, Freshness} from './availability.js';
import {Id, InseeCode, IsoDate, Profession, lineText} from './common.js';
import {IntakeStatus, PriorityCriterion} from './intake.js';
import {AgeBand, WaitingListSort} from './waiting-list.js';
import {OfferKind, OfferStatus, Period} from './internship.js';

// Query strings, as the server checks them. The SDK sends plain values (their `z.input` types)
// and never parses a query, so no browser bundle needs these schemas, nor zod's coercions.

/** Cursor pagination shared by every list. */
export const PageQuery = {
  cursor: /* @__PURE__ */ z.optional(lineText(200)),
  limit: /* @__PURE__ */ z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
};

/** Query-string booleans: `true` / `false` (also 1/0, yes/no). */
export const QueryBoolean = /* @__PURE__ */ z.optional(z.stringbool());

export const BoardQuery = /* @__PURE__ */ z.object({
  profession: z.optional(Profession),
  commune: z.optional(InseeCode),
  accepting: z.optional(Accepting),
  homeVisits: QueryBoolean,
  snp: QueryBoolean,
  msu: QueryBoolean,
  freshness: z.optional(Freshness),
  q: z.optional(lineText(100)),
});
export type BoardQuery = z.input<typeof BoardQuery>;

/** `minLng,minLat,maxLng,maxLat`, as map libraries give it. */
export const BBox = /* @__PURE__ */ z.string().check(z.regex(/^-?\d+(?:\.\d+)?(?:,-?\d+(?:\.\d+)?){3}$/, 'bbox attendue : minLng,minLat,maxLng,maxLat'));

/** The public map's filters, shared by the list and the clustered map so both show the same practitioners. */
const PublicPractitionerFilters = {
  profession: /* @__PURE__ */ z.optional(Profession),
  accepting: /* @__PURE__ */ z.optional(Accepting),
  /** `true`: those who take new patients (`accepting` is `yes` or `limited`); `false`: the others. */
  acceptsNew: QueryBoolean,
  homeVisits: QueryBoolean,
};

export const PublicPractitionerQuery = /* @__PURE__ */ z.object({
  bbox: z.optional(BBox),
  ...PublicPractitionerFilters,
  /** One practitioner, as a map's marker names them (the details of a clicked point). */
  id: z.optional(Id),
  q: z.optional(lineText(100)),
  ...PageQuery,
});
export type PublicPractitionerQuery = z.input<typeof PublicPractitionerQuery>;

/** One view of the clustered map: what is inside `bbox` at `zoom`, with the list's filters. */
export const PractitionerMapQuery = /* @__PURE__ */ z.object({
  bbox: BBox,
  zoom: z.coerce.number().check(z.int(), z.gte(0), z.lte(20)),
  ...PublicPractitionerFilters,
});
export type PractitionerMapQuery = z.input<typeof PractitionerMapQuery>;

export const PractitionerQuery = /* @__PURE__ */ z.object({
  profession: z.optional(Profession),
  commune: z.optional(InseeCode),
  active: QueryBoolean,
  q: z.optional(lineText(100)),
  ...PageQuery,
});
export type PractitionerQuery = z.input<typeof PractitionerQuery>;

/** `?dryRun=true` validates the file and answers what an import would do, writing nothing. */
export const PractitionerImportQuery = /* @__PURE__ */ z.object({dryRun: QueryBoolean});
export type PractitionerImportQuery = z.input<typeof PractitionerImportQuery>;

export const InternshipOfferQuery = /* @__PURE__ */ z.object({
  kind: z.optional(OfferKind),
  discipline: z.optional(lineText(120)),
  commune: z.optional(InseeCode),
  housing: QueryBoolean,
  period: z.optional(Period),
  q: z.optional(lineText(100)),
  /** Coordinators only; the public always gets `published`. */
  status: z.optional(OfferStatus),
  ...PageQuery,
});
export type InternshipOfferQuery = z.input<typeof InternshipOfferQuery>;

/**
 * A period of UTC days, both ends included: by default the last 12 months (this month and the 11
 * before it), never before the territory's retention. `commune` narrows every figure to one
 * commune; `publishable=true` suppresses small counts (see `StatCount`).
 */
export const StatsQuery = /* @__PURE__ */ z.object({from: z.optional(IsoDate), to: z.optional(IsoDate), commune: z.optional(InseeCode), publishable: QueryBoolean});
export type StatsQuery = z.input<typeof StatsQuery>;

/**
 * Filters of the list and of the export. No name or phone here: a search goes in the body of
 * `POST …/intake-requests/search`, so that no personal value reaches a URL or an access log.
 */
export const WaitingListQuery = /* @__PURE__ */ z.object({
  status: z.optional(IntakeStatus),
  commune: z.optional(InseeCode),
  /** true: any priority criterion (or home visits); false: none. */
  priority: QueryBoolean,
  /** One criterion: `ald`, `age_70_plus`… */
  criterion: z.optional(PriorityCriterion),
  homeVisits: QueryBoolean,
  ageBand: z.optional(AgeBand),
  /** `me`: assigned to the caller (their token's name); `nobody`: not assigned. */
  assigned: z.optional(z.enum(['me', 'nobody'])),
  /** Registered more than this many days ago. */
  waitingMoreThanDays: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(3650))),
  sort: z.optional(WaitingListSort),
  ...PageQuery,
});
export type WaitingListQuery = z.input<typeof WaitingListQuery>;

export const IntakeImportQuery = /* @__PURE__ */ z.object({dryRun: QueryBoolean});
export type IntakeImportQuery = z.input<typeof IntakeImportQuery>;

/** How many matches (and as many apart) `…/matches` returns. */
export const MatchQuery = /* @__PURE__ */ z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
});
export type MatchQuery = z.input<typeof MatchQuery>;

/** Pseudonymised waiting people near the practitioner, nearest first. */
export const WaitingPeopleQuery = /* @__PURE__ */ z.object({
  maxKm: z.optional(z.coerce.number().check(z.gte(1), z.lte(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});
export type WaitingPeopleQuery = z.input<typeof WaitingPeopleQuery>;
