import * as z from 'zod/mini';
import {Email, FieldError, FrenchPhone, Id, InseeCode, LatLng, PageQuery, Profession, QueryBoolean, Timestamp, shortText} from './common.js';
import {Availability, AvailabilitySummary, Freshness} from './availability.js';
import {named} from './registry.js';

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

export const Rpps = /* @__PURE__ */ z.string().check(
  z.regex(/^\d{11}$/, 'le numéro RPPS compte 11 chiffres'),
  z.refine(isValidRpps, 'numéro RPPS invalide (clé de contrôle)'),
);

/** What anyone may see of a practitioner who chose to be public. */
export const PractitionerPublic = /* @__PURE__ */ named(
  z.object({
    id: Id,
    profession: Profession,
    displayName: z.string(),
    practiceName: z.nullable(z.string()),
    address: z.nullable(z.string()),
    communeInsee: InseeCode,
    location: LatLng,
    phone: z.nullable(z.string()),
    availability: z.nullable(AvailabilitySummary),
  }),
  {id: 'PractitionerPublic'},
);
export type PractitionerPublic = z.infer<typeof PractitionerPublic>;

export const Practitioner = /* @__PURE__ */ named(
  z.object({
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
  }),
  {id: 'Practitioner', description: 'A practitioner as the CPTS coordinators see them.'},
);
export type Practitioner = z.infer<typeof Practitioner>;

export const PractitionerCreate = /* @__PURE__ */ named(
  z.strictObject({
    rpps: z.optional(Rpps),
    profession: Profession,
    title: z.optional(shortText(20)),
    firstName: shortText(100),
    lastName: shortText(100),
    practiceName: z.optional(shortText(160)),
    address: z.optional(shortText(300)),
    communeInsee: InseeCode,
    /** Defaults to the commune's centre. */
    location: z.optional(LatLng),
    phone: z.optional(FrenchPhone),
    email: z.optional(Email),
  }),
  {
    id: 'PractitionerCreate',
    example: {profession: 'medecin_generaliste', title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre', practiceName: 'MSP des Marais', communeInsee: '62765', phone: '03 21 38 00 00'},
  },
);
export type PractitionerCreate = z.infer<typeof PractitionerCreate>;

export const PractitionerPatch = /* @__PURE__ */ named(
  z.strictObject({
    ...z.partial(PractitionerCreate).shape,
    active: z.optional(z.boolean()),
  }),
  {id: 'PractitionerPatch', example: {phone: '03 21 38 11 11', active: false}},
);
export type PractitionerPatch = z.infer<typeof PractitionerPatch>;

/** `minLng,minLat,maxLng,maxLat`, as map libraries give it. */
export const BBox = /* @__PURE__ */ z.string().check(
  z.regex(/^-?\d+(?:\.\d+)?(?:,-?\d+(?:\.\d+)?){3}$/, 'bbox attendue : minLng,minLat,maxLng,maxLat'),
);

export const PublicPractitionerQuery = /* @__PURE__ */ z.object({
  bbox: z.optional(BBox),
  profession: z.optional(Profession),
  accepting: z.optional(z.enum(['yes', 'limited', 'no'])),
  homeVisits: QueryBoolean,
  q: z.optional(z.string().check(z.maxLength(100))),
  ...PageQuery,
});
export type PublicPractitionerQuery = z.input<typeof PublicPractitionerQuery>;

export const PractitionerQuery = /* @__PURE__ */ z.object({
  profession: z.optional(Profession),
  commune: z.optional(InseeCode),
  active: QueryBoolean,
  q: z.optional(z.string().check(z.maxLength(100))),
  ...PageQuery,
});
export type PractitionerQuery = z.input<typeof PractitionerQuery>;

export const PublicPractitionerList = /* @__PURE__ */ named(
  z.object({items: z.array(PractitionerPublic), nextCursor: z.nullable(z.string())}),
  {id: 'PublicPractitionerList'},
);
export type PublicPractitionerList = z.infer<typeof PublicPractitionerList>;

export const PractitionerList = /* @__PURE__ */ named(
  z.object({items: z.array(Practitioner), nextCursor: z.nullable(z.string())}),
  {id: 'PractitionerList'},
);
export type PractitionerList = z.infer<typeof PractitionerList>;

/** `?dryRun=true` validates the file and answers what an import would do, writing nothing. */
export const PractitionerImportQuery = /* @__PURE__ */ z.object({dryRun: QueryBoolean});
export type PractitionerImportQuery = z.input<typeof PractitionerImportQuery>;

/** How one heading of the file was understood; `field` is null for a column that is ignored. */
export const ImportColumn = /* @__PURE__ */ named(
  z.object({column: z.string(), field: z.nullable(z.string())}),
  {id: 'ImportColumn'},
);
export type ImportColumn = z.infer<typeof ImportColumn>;

/** One data line of the file as it will be written: created, or updating the practitioner with that RPPS. */
export const PractitionerImportRow = /* @__PURE__ */ named(
  z.object({
    line: z.int(),
    action: z.enum(['create', 'update']),
    /** The practitioner an update applies to; null for a creation. */
    id: z.nullable(Id),
    practitioner: PractitionerCreate,
  }),
  {id: 'PractitionerImportRow'},
);
export type PractitionerImportRow = z.infer<typeof PractitionerImportRow>;

export const PRACTITIONER_IMPORT_PREVIEW_ROWS = 20;

export const PractitionerImportResult = /* @__PURE__ */ named(
  z.object({
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
  }),
  {
    id: 'PractitionerImportResult',
    description:
      'A CSV file of up to 5 MB (413 beyond), UTF-8 or Windows-1252, `;` or `,`, one practitioner a line under a header. All or nothing: a file with any error writes nothing and gets 422 problem+json (code `import_invalid`) listing every error, each with its `line` and `column`. An RPPS already known in the territory updates that practitioner; blank cells leave its fields as they are.',
  },
);
export type PractitionerImportResult = z.infer<typeof PractitionerImportResult>;

export const PersonalLinkCreate = /* @__PURE__ */ named(
  z.strictObject({expiresInDays: z.optional(z.int().check(z.gte(1), z.lte(730)))}),
  {id: 'PersonalLinkCreate', example: {expiresInDays: 365}},
);
export type PersonalLinkCreate = z.infer<typeof PersonalLinkCreate>;

export const PersonalLink = /* @__PURE__ */ named(
  z.object({practitionerId: Id, token: z.string(), expiresAt: Timestamp}),
  {id: 'PersonalLink', description: 'The token is shown once; only its hash is stored.'},
);
export type PersonalLink = z.infer<typeof PersonalLink>;
