import * as z from 'zod/mini';
import {PractitionerPublic} from './practitioner.js';

export const MatchReason = /* @__PURE__ */ z.enum([
  'same_commune',
  'nearby',
  'accepting',
  'limited_quota_left',
  'home_visits',
  'priority_scope',
  'children_scope',
  'elderly_scope',
]);
export type MatchReason = z.infer<typeof MatchReason>;

export const Match = /* @__PURE__ */ z.object({
  practitioner: PractitionerPublic,
  score: z.number(),
  distanceKm: z.nullable(z.number()),
  reasons: z.array(MatchReason),
});
export type Match = z.infer<typeof Match>;

export const MatchList = /* @__PURE__ */ z.object({items: z.array(Match)});
export type MatchList = z.infer<typeof MatchList>;
