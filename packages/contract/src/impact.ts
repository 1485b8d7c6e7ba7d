import * as z from 'zod/mini';
import {IsoDate, Timestamp} from './common.js';
import {StatCount} from './stat-count.js';

/** The public summary a CPTS's site shows; always suppressed. */
export const Impact = /* @__PURE__ */ z.object({
  territory: z.string(),
  /** First day of the month the figures start from: 12 months back at most, never before the oldest request kept. */
  since: IsoDate,
  computedAt: Timestamp,
  /** Nobody registered since `since`: show no figure. */
  empty: z.boolean(),
  registered: StatCount,
  /** Found a médecin traitant (through the CPTS or alone). */
  foundDoctor: StatCount,
  foundViaCpts: StatCount,
  /** Registered people meeting at least one priority criterion. */
  priority: StatCount,
  waitingNow: StatCount,
});
export type Impact = z.infer<typeof Impact>;
