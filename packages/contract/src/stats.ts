import * as z from 'zod/mini';
import {InseeCode, IsoDate} from './common.js';
import {IntakeReason} from './intake.js';

export const Stats = /* @__PURE__ */ z.object({
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
});
export type Stats = z.infer<typeof Stats>;
