import * as z from 'zod/mini';
import {named} from './registry.js';

/** Territory slug as it appears in URLs: `demo`, `cpts-audomarois`. */
export const Slug = /* @__PURE__ */ z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'identifiant de territoire invalide (minuscules, chiffres, tirets)'));
export const Id = /* @__PURE__ */ z.uuid();
export const Timestamp = /* @__PURE__ */ z.iso.datetime({offset: true});
export const IsoDate = /* @__PURE__ */ z.iso.date();

/** INSEE commune code: 5 characters, Corsica uses 2A / 2B. */
export const InseeCode = /* @__PURE__ */ z.string().check(z.regex(/^(?:\d{2}|2A|2B)\d{3}$/, 'code INSEE invalide (5 caractères)'));
export const PostalCode = /* @__PURE__ */ z.string().check(z.regex(/^\d{5}$/, 'code postal invalide (5 chiffres)'));

/** French phone numbers as people type them: 03 21 00 00 00, 03.21.00.00.00, +33 3 21 00 00 00. */
export const FrenchPhone = /* @__PURE__ */ z.string().check(
  z.trim(),
  z.regex(/^(?:(?:\+|00)33[\s.-]?(?:\(0\))?[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}$/, 'numéro de téléphone invalide (ex. 03 21 00 00 00 ou +33 3 21 00 00 00)'),
);
export const Email = /* @__PURE__ */ z.email('adresse e-mail invalide').check(z.maxLength(254));

export const shortText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const longText = (max: number) => z.string().check(z.maxLength(max));

export const LatLng = /* @__PURE__ */ named(
  z.object({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lng: z.number().check(z.gte(-180), z.lte(180)),
  }),
  {id: 'LatLng', description: 'WGS84 coordinates.'},
);
export type LatLng = z.infer<typeof LatLng>;

/** Cursor pagination shared by every list. */
export const PageQuery = {
  cursor: /* @__PURE__ */ z.optional(z.string().check(z.maxLength(200))),
  limit: /* @__PURE__ */ z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
};

/** Query-string booleans: `true` / `false` (also 1/0, yes/no). */
export const QueryBoolean = /* @__PURE__ */ z.optional(z.stringbool());

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

export const FieldError = /* @__PURE__ */ named(
  z.object({
    path: z.string(),
    code: z.string(),
    message: z.string(),
    /** Uploaded files (CSV import): the line as a spreadsheet numbers it, the header being line 1. */
    line: z.optional(z.int().check(z.gte(1))),
    /** Uploaded files: the column's heading as written in the file. */
    column: z.optional(z.string()),
  }),
  {
    id: 'FieldError',
    description:
      'One problem with one field; `path` is dotted (`person.birthDate`). For a CSV import, `path` is `lines.12.rpps` (line 12 of the file, field rpps; `lines.1` is the header, `file` the whole file) and `line` / `column` say where to look in the spreadsheet.',
  },
);
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with the field errors a form puts under its fields. */
export const ApiError = /* @__PURE__ */ named(
  z.looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string(),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    errors: z.optional(z.array(FieldError)),
  }),
  {
    id: 'ApiError',
    description: 'RFC 9457 application/problem+json.',
    example: {type: 'https://cpts-kit.fr/problems/validation', title: 'Données invalides', status: 400, code: 'validation', errors: [{path: 'person.phone', code: 'invalid_format', message: 'numéro de téléphone invalide'}]},
  },
);
export type ApiError = z.infer<typeof ApiError>;

export const Health = /* @__PURE__ */ named(
  z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
    version: z.string(),
  }),
  {id: 'Health'},
);
export type Health = z.infer<typeof Health>;
