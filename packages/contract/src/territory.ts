import * as z from 'zod/mini';
import {Email, FrenchPhone, InseeCode, LatLng, PostalCode, Slug, WebUrl, longText} from './common.js';

export const Commune = /* @__PURE__ */ z.object({
  insee: InseeCode,
  name: z.string(),
  postalCodes: z.array(PostalCode),
  centre: z.nullable(LatLng),
  population: z.nullable(z.int()),
});
export type Commune = z.infer<typeof Commune>;

export const PrivacyNotice = /* @__PURE__ */ z.object({
  summary: z.string().check(z.minLength(1), z.maxLength(2000)),
  url: z.nullable(z.url()),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

/**
 * The notice as a coordinator writes it: its link `https:` only (see WebUrl). Reads keep the looser
 * PrivacyNotice, so a link stored before the rule never makes a client refuse the territory.
 */
export const PrivacyNoticeInput = /* @__PURE__ */ z.object({
  summary: longText(2000).check(z.minLength(1)),
  url: z.nullable(WebUrl),
});

/** An origin as the browser sends it: scheme, host, optional port, nothing else. */
export const Origin = /* @__PURE__ */ z.string().check(z.regex(/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i, 'origine invalide (ex. https://www.mairie-exemple.fr)'));

export const Territory = /* @__PURE__ */ z.object({
  slug: Slug,
  name: z.string(),
  phone: FrenchPhone,
  email: Email,
  website: z.nullable(z.url()),
  privacyNotice: PrivacyNotice,
  retentionDays: z.int(),
  staleAfterDays: z.int(),
  communes: z.array(Commune),
  /** Practitioners may see pseudonymised waiting people near them and offer to take one (the coordinator confirms). Optional: older servers leave it out (off). */
  practitionersMayPick: z.optional(z.boolean()),
  /** The public, suppressed summary `GET …/impact` answers (else 404). Optional: older servers leave it out (off). */
  publishImpact: z.optional(z.boolean()),
  /** Only in coordinators' reads. */
  allowedOrigins: z.optional(z.array(Origin)),
});
export type Territory = z.infer<typeof Territory>;
