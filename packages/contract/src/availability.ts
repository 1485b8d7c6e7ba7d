import * as z from 'zod/mini';
import {Id, InseeCode, LatLng, Profession, Timestamp, longText} from './common.js';

export const Accepting = /* @__PURE__ */ z.enum(['yes', 'limited', 'no']);
export type Accepting = z.infer<typeof Accepting>;

export const PatientScope = /* @__PURE__ */ z.enum(['all', 'priority_only', 'children', 'elderly', 'chosen_communes']);
export type PatientScope = z.infer<typeof PatientScope>;

export const Visibility = /* @__PURE__ */ z.enum(['public', 'network']);
export type Visibility = z.infer<typeof Visibility>;

/** fresh: declared within the territory's `staleAfterDays`; stale: older; never: no declaration. */
export const Freshness = /* @__PURE__ */ z.enum(['fresh', 'stale', 'never']);
export type Freshness = z.infer<typeof Freshness>;

const Count = /* @__PURE__ */ z.int().check(z.gte(0), z.lte(500));

/** What a practitioner declares from their personal link (PUT replaces the current one). */
export const AvailabilityDeclaration = /* @__PURE__ */ z.strictObject({
  accepting: Accepting,
  monthlyQuota: z.nullable(Count),
  patientScope: z.array(PatientScope).check(z.minLength(1), z.maxLength(5)),
  scopeCommunes: z.array(InseeCode).check(z.maxLength(200)),
  homeVisits: z.boolean(),
  homeVisitCommunes: z.array(InseeCode).check(z.maxLength(200)),
  snpSlotsThisWeek: Count,
  teleconsultation: z.boolean(),
  hostsInterns: z.boolean(),
  visibility: Visibility,
  noteForCoordinator: z.nullable(longText(500)),
});
export type AvailabilityDeclaration = z.infer<typeof AvailabilityDeclaration>;

export const Availability = /* @__PURE__ */ z.object({
  ...AvailabilityDeclaration.shape,
  declaredAt: Timestamp,
  declaredBy: z.enum(['practitioner', 'coordinator']),
});
export type Availability = z.infer<typeof Availability>;

/** The part of a declaration shown to the public. */
export const AvailabilitySummary = /* @__PURE__ */ z.object({
  accepting: Accepting,
  homeVisits: z.boolean(),
  teleconsultation: z.boolean(),
  declaredAt: Timestamp,
});
export type AvailabilitySummary = z.infer<typeof AvailabilitySummary>;

/** What the practitioner's own page reads. */
export const OwnAvailability = /* @__PURE__ */ z.object({
  practitioner: z.object({id: Id, displayName: z.string(), profession: Profession}),
  current: z.nullable(Availability),
  freshness: Freshness,
  staleAfterDays: z.int(),
});
export type OwnAvailability = z.infer<typeof OwnAvailability>;

export const BoardRow = /* @__PURE__ */ z.object({
  practitionerId: Id,
  displayName: z.string(),
  /** Apart from the title (« Dr », « Mme »), so the board sorts by family name. Optional, so an older server’s rows still validate. */
  lastName: z.optional(z.string()),
  firstName: z.optional(z.string()),
  profession: Profession,
  communeInsee: InseeCode,
  /** Where the practice is: the coordinators' board shows it on a map, network-only practitioners too. */
  location: LatLng,
  active: z.boolean(),
  availability: z.nullable(Availability),
  freshness: Freshness,
  daysSinceDeclaration: z.nullable(z.int()),
  /** Patients taken through the CPTS this month (accepted proposals), against `monthlyQuota`. Optional, so an older server’s rows still validate. */
  takenThisMonth: z.optional(z.int()),
});
export type BoardRow = z.infer<typeof BoardRow>;

export const Board = /* @__PURE__ */ z.object({
  items: z.array(BoardRow),
  counts: z.object({total: z.int(), fresh: z.int(), stale: z.int(), never: z.int(), accepting: z.int()}),
  staleAfterDays: z.int(),
});
export type Board = z.infer<typeof Board>;
