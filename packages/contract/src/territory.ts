import * as z from 'zod/mini';
import {Email, FrenchPhone, InseeCode, LatLng, PostalCode, Slug, shortText} from './common.js';
import {named} from './registry.js';

export const Commune = /* @__PURE__ */ named(
  z.object({
    insee: InseeCode,
    name: z.string(),
    postalCodes: z.array(PostalCode),
    centre: z.nullable(LatLng),
    population: z.nullable(z.int()),
  }),
  {id: 'Commune', example: {insee: '62765', name: 'Saint-Omer', postalCodes: ['62500'], centre: {lat: 50.7502, lng: 2.2522}, population: 14037}},
);
export type Commune = z.infer<typeof Commune>;

export const PrivacyNotice = /* @__PURE__ */ named(
  z.object({
    summary: z.string().check(z.minLength(1), z.maxLength(2000)),
    url: z.nullable(z.url()),
  }),
  {id: 'PrivacyNotice', description: 'What the intake form shows next to its consent box.'},
);
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

/** An origin as the browser sends it: scheme, host, optional port, nothing else. */
export const Origin = /* @__PURE__ */ z.string().check(z.regex(/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i, 'origine invalide (ex. https://www.mairie-exemple.fr)'));

export const Territory = /* @__PURE__ */ named(
  z.object({
    slug: Slug,
    name: z.string(),
    phone: FrenchPhone,
    email: Email,
    website: z.nullable(z.url()),
    privacyNotice: PrivacyNotice,
    retentionDays: z.int(),
    staleAfterDays: z.int(),
    communes: z.array(Commune),
    /** Only in coordinators' reads. */
    allowedOrigins: z.optional(z.array(Origin)),
  }),
  {id: 'Territory', description: 'A CPTS (or a commune) and the communes it serves.'},
);
export type Territory = z.infer<typeof Territory>;

export const TerritoryPatch = /* @__PURE__ */ named(
  z.strictObject({
    name: z.optional(shortText(160)),
    phone: z.optional(FrenchPhone),
    email: z.optional(Email),
    website: z.optional(z.nullable(z.url())),
    privacyNotice: z.optional(PrivacyNotice),
    retentionDays: z.optional(z.int().check(z.gte(30), z.lte(3650))),
    staleAfterDays: z.optional(z.int().check(z.gte(1), z.lte(365))),
    allowedOrigins: z.optional(z.array(Origin).check(z.maxLength(50))),
  }),
  {id: 'TerritoryPatch', example: {phone: '03 21 00 00 00', retentionDays: 730, allowedOrigins: ['https://www.ville-exemple.fr']}},
);
export type TerritoryPatch = z.infer<typeof TerritoryPatch>;
