import * as z from 'zod/mini';

/**
 * Why a count is not shown. `lessThan11`: the count is between 1 and 10 (primary suppression),
 * shown as « moins de 11 ». `complementary`: the count may be large, but showing it would let a
 * reader recompute a suppressed one from a total (« masqué »). 0 is never suppressed.
 */
export const Suppression = /* @__PURE__ */ z.enum(['lessThan11', 'complementary']);
export type Suppression = z.infer<typeof Suppression>;

/**
 * A count of people. The coordinator's figures are always plain integers; publishable figures
 * (`?publishable=true`, the public impact) replace a count that could identify someone by
 * `{suppressed}`.
 */
export const StatCount = /* @__PURE__ */ z.union([z.int().check(z.gte(0)), z.object({suppressed: Suppression})]);
export type StatCount = z.infer<typeof StatCount>;
