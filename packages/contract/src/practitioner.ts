import * as z from 'zod/mini';
import {Email, FieldError, FrenchPhone, Id, InseeCode, LatLng, Profession, Timestamp, shortText, addressText} from './common.js';
import {Availability, AvailabilitySummary, Freshness} from './availability.js';

/** Luhn check used by the RPPS identifier (11 digits). */
export function isValidRpps(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let digit = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const Rpps = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^\d{11}$/, 'le numéro RPPS compte 11 chiffres'), z.refine(isValidRpps, 'numéro RPPS invalide (clé de contrôle)'));

/** What anyone may see of a practitioner who chose to be public. */
export const PractitionerPublic = /* @__PURE__ */ z.object({
  id: Id,
  profession: Profession,
  displayName: z.string(),
  practiceName: z.nullable(z.string()),
  address: z.nullable(z.string()),
  communeInsee: InseeCode,
  location: LatLng,
  phone: z.nullable(z.string()),
  availability: z.nullable(AvailabilitySummary),
});
export type PractitionerPublic = z.infer<typeof PractitionerPublic>;

export const Practitioner = /* @__PURE__ */ z.object({
  id: Id,
  rpps: z.nullable(z.string()),
  profession: Profession,
  title: z.nullable(z.string()),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  practiceName: z.nullable(z.string()),
  address: z.nullable(z.string()),
  communeInsee: InseeCode,
  location: LatLng,
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  availability: z.nullable(Availability),
  freshness: Freshness,
});
export type Practitioner = z.infer<typeof Practitioner>;

export const PractitionerCreate = /* @__PURE__ */ z.strictObject({
  rpps: z.optional(Rpps),
  profession: Profession,
  title: z.optional(shortText(20)),
  firstName: shortText(100),
  lastName: shortText(100),
  practiceName: z.optional(shortText(160)),
  address: z.optional(addressText(300)),
  communeInsee: InseeCode,
  /** Defaults to the commune's centre. */
  location: z.optional(LatLng),
  phone: z.optional(FrenchPhone),
  email: z.optional(Email),
});
export type PractitionerCreate = z.infer<typeof PractitionerCreate>;

export const PublicPractitionerList = /* @__PURE__ */ z.object({items: z.array(PractitionerPublic), nextCursor: z.nullable(z.string())});
export type PublicPractitionerList = z.infer<typeof PublicPractitionerList>;

export const PractitionerList = /* @__PURE__ */ z.object({items: z.array(Practitioner), nextCursor: z.nullable(z.string())});
export type PractitionerList = z.infer<typeof PractitionerList>;

/** How one heading of the file was understood; `field` is null for a column that is ignored. */
export const ImportColumn = /* @__PURE__ */ z.object({column: z.string(), field: z.nullable(z.string())});
export type ImportColumn = z.infer<typeof ImportColumn>;

/** One data line of the file as it will be written: created, or updating the practitioner with that RPPS. */
export const PractitionerImportRow = /* @__PURE__ */ z.object({
  line: z.int(),
  action: z.enum(['create', 'update']),
  /** The practitioner an update applies to; null for a creation. */
  id: z.nullable(Id),
  practitioner: PractitionerCreate,
});
export type PractitionerImportRow = z.infer<typeof PractitionerImportRow>;

export const PRACTITIONER_IMPORT_PREVIEW_ROWS = 20;

export const PractitionerImportResult = /* @__PURE__ */ z.object({
  /** True when nothing was written (`?dryRun=true`). */
  dryRun: z.boolean(),
  /** Data lines read, blank lines left out. */
  rows: z.int(),
  created: z.int(),
  updated: z.int(),
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']),
  delimiter: z.enum([';', ',', '\t']),
  columns: z.array(ImportColumn),
  /** Problems that did not stop the import, such as a column that is not recognised (ignored). */
  warnings: z.array(FieldError),
  /** The first lines (at most PRACTITIONER_IMPORT_PREVIEW_ROWS) as they are, or would be, written. */
  preview: z.array(PractitionerImportRow),
});
export type PractitionerImportResult = z.infer<typeof PractitionerImportResult>;

export const PersonalLinkCreate = /* @__PURE__ */ z.strictObject({expiresInDays: z.optional(z.int().check(z.gte(1), z.lte(730)))});
export type PersonalLinkCreate = z.infer<typeof PersonalLinkCreate>;

export const PersonalLink = /* @__PURE__ */ z.object({practitionerId: Id, token: z.string(), expiresAt: Timestamp});
export type PersonalLink = z.infer<typeof PersonalLink>;
