import * as z from 'zod/mini';
import {Id} from './common.js';

/** Who a token belongs to, as its holder may know it: never the token nor its hash. */
export const Me = /* @__PURE__ */ z.object({
  kind: z.enum(['coordinator', 'practitioner']),
  /** The name the waiting list assigns requests to (a coordinator's token label), or the practitioner's name. */
  name: z.string(),
  /** The token's label as given at its creation (`token create --label`), null when none was given. */
  label: z.nullable(z.string()),
  practitionerId: z.nullable(Id),
});
export type Me = z.infer<typeof Me>;

/** The names of the territory's coordinators (labels of their live tokens), for assignment suggestions. */
export const CoordinatorNames = /* @__PURE__ */ z.object({names: z.array(z.string())});
export type CoordinatorNames = z.infer<typeof CoordinatorNames>;
