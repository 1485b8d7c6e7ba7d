import * as z from 'zod/mini';
import {PractitionerPublic} from './practitioner.js';
import {named} from './registry.js';

export const MatchReason = /* @__PURE__ */ z.enum(['same_commune', 'nearby', 'accepting', 'limited_quota_left', 'home_visits', 'priority_scope', 'children_scope', 'elderly_scope']);
export type MatchReason = z.infer<typeof MatchReason>;

export const Match = /* @__PURE__ */ named(
  z.object({
    practitioner: PractitionerPublic,
    score: z.number(),
    distanceKm: z.nullable(z.number()),
    reasons: z.array(MatchReason),
  }),
  {id: 'Match'},
);
export type Match = z.infer<typeof Match>;

export const MatchList = /* @__PURE__ */ named(z.object({items: z.array(Match)}), {id: 'MatchList'});
export type MatchList = z.infer<typeof MatchList>;
