import * as z from 'zod/mini';
import {InseeCode, IsoDate} from './common.js';
import {IntakeReason} from './intake.js';
import {named} from './registry.js';

export const StatsQuery = /* @__PURE__ */ z.object({from: z.optional(IsoDate), to: z.optional(IsoDate)});
export type StatsQuery = z.input<typeof StatsQuery>;

export const Stats = /* @__PURE__ */ named(
  z.object({
    from: z.nullable(IsoDate),
    to: z.nullable(IsoDate),
    registered: z.int(),
    resolved: z.int(),
    open: z.int(),
    priorityShare: z.number(),
    homeVisitsShare: z.number(),
    medianDaysToSolution: z.nullable(z.number()),
    byCommune: z.array(z.object({insee: InseeCode, name: z.string(), registered: z.int(), resolved: z.int()})),
    byReason: z.array(z.object({reason: IntakeReason, count: z.int()})),
  }),
  {id: 'Stats', description: 'What a CPTS reports: counts, shares (0–1) and median time to solution.'},
);
export type Stats = z.infer<typeof Stats>;
