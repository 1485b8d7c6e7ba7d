import * as z from 'zod/mini';
import {Email, FrenchPhone, WebUrl, longText, shortText} from './common.js';
import {IntakeStatus} from './intake.js';
import {InternshipOfferCreate} from './internship.js';
import {PractitionerCreate} from './practitioner.js';
import {Origin, PrivacyNoticeInput} from './territory.js';

// Partial updates, as the server checks them. The widgets' editors build them from their own
// forms and the SDK sends them unchecked, so no browser bundle needs these schemas.

export const TerritoryPatch = /* @__PURE__ */ z.strictObject({
  name: z.optional(shortText(160)),
  phone: z.optional(FrenchPhone),
  email: z.optional(Email),
  website: z.optional(z.nullable(WebUrl)),
  privacyNotice: z.optional(PrivacyNoticeInput),
  retentionDays: z.optional(z.int().check(z.gte(30), z.lte(3650))),
  staleAfterDays: z.optional(z.int().check(z.gte(1), z.lte(365))),
  allowedOrigins: z.optional(z.array(Origin).check(z.maxLength(50))),
  practitionersMayPick: z.optional(z.boolean()),
  publishImpact: z.optional(z.boolean()),
});
export type TerritoryPatch = z.infer<typeof TerritoryPatch>;

export const IntakeRequestPatch = /* @__PURE__ */ z.strictObject({
  status: z.optional(IntakeStatus),
  notes: z.optional(longText(5000)),
  assignedTo: z.optional(z.nullable(shortText(120))),
});
export type IntakeRequestPatch = z.infer<typeof IntakeRequestPatch>;

export const PractitionerPatch = /* @__PURE__ */ z.strictObject({
  ...z.partial(PractitionerCreate).shape,
  active: z.optional(z.boolean()),
});
export type PractitionerPatch = z.infer<typeof PractitionerPatch>;

export const InternshipOfferPatch = /* @__PURE__ */ z.partial(InternshipOfferCreate);
export type InternshipOfferPatch = z.infer<typeof InternshipOfferPatch>;
