import * as z from 'zod/mini';

/** Territory slug as it appears in URLs: `demo`, `cpts-audomarois`. */
export const Slug = /* @__PURE__ */ z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'identifiant de territoire invalide (minuscules, chiffres, tirets)'));
export const Id = /* @__PURE__ */ z.uuid();
export const Timestamp = /* @__PURE__ */ z.iso.datetime({offset: true});
export const IsoDate = /* @__PURE__ */ z.iso.date();

/** INSEE commune code: 5 characters, Corsica uses 2A / 2B. */
export const InseeCode = /* @__PURE__ */ z.string().check(z.regex(/^(?:\d{2}|2A|2B)\d{3}$/, 'code INSEE invalide (5 caractères)'));
export const PostalCode = /* @__PURE__ */ z.string().check(z.regex(/^\d{5}$/, 'code postal invalide (5 chiffres)'));

/** French phone numbers as people type them: 03 21 00 00 00, 03.21.00.00.00, +33 3 21 00 00 00. */
export const FrenchPhone = /* @__PURE__ */ z
  .string()
  .check(z.trim(), z.regex(/^(?:(?:\+|00)33[\s.-]?(?:\(0\))?[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}$/, 'numéro de téléphone invalide (ex. 03 21 00 00 00 ou +33 3 21 00 00 00)'));
export const Email = /* @__PURE__ */ z.email('adresse e-mail invalide').check(z.maxLength(254));

export const shortText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const longText = (max: number) => z.string().check(z.maxLength(max));

export const LatLng = /* @__PURE__ */ z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export type LatLng = z.infer<typeof LatLng>;

export const Profession = /* @__PURE__ */ z.enum([
  'medecin_generaliste',
  'ipa',
  'infirmier',
  'sage_femme',
  'masseur_kinesitherapeute',
  'chirurgien_dentiste',
  'orthophoniste',
  'pharmacien',
  'psychologue',
  'pedicure_podologue',
  'medecin_specialiste',
]);
export type Profession = z.infer<typeof Profession>;

export const FieldError = /* @__PURE__ */ z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  /** Uploaded files (CSV import): the line as a spreadsheet numbers it, the header being line 1. */
  line: z.optional(z.int().check(z.gte(1))),
  /** Uploaded files: the column's heading as written in the file. */
  column: z.optional(z.string()),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with the field errors a form puts under its fields. */
export const ApiError = /* @__PURE__ */ z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type ApiError = z.infer<typeof ApiError>;

export const Health = /* @__PURE__ */ z.object({
  status: z.literal('ok'),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

export const Readiness = /* @__PURE__ */ z.object({
  status: z.literal('ready'),
  database: z.literal('up'),
  migrations: z.literal('done'),
  version: z.string(),
});
export type Readiness = z.infer<typeof Readiness>;
