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

// Text rules, once for every string of the contract. Control characters (C0, DEL, C1: NUL above all,
// which PostgreSQL refuses in text) and lone surrogates (half an emoji: stored as « � ») never get in.
// One-line fields refuse them all; free text keeps its tabs and line breaks (CR LF and CR become LF).
// Each check aborts, so a field gets one message, not that one and a « too long » besides.
// Plain (not `u`) character classes: they run on every string of every request, and a `u` regex
// scanning a note costs four times as much. Surrogates are first spotted as any, then checked paired.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL_IN_LINE = /[\x00-\x1F\x7F-\x9F]/;
const CONTROL_IN_FREE_TEXT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF]/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE_EXACT = /\p{Cs}/u;
const hasLoneSurrogate = (text: string) => ANY_SURROGATE.test(text) && LONE_SURROGATE_EXACT.test(text);

export const CONTROL_CHARACTER_MESSAGE = 'caractère de contrôle interdit (NUL, tabulation, saut de ligne ou autre caractère invisible)';
export const FREE_TEXT_CONTROL_MESSAGE = 'caractère de contrôle interdit (NUL ou autre caractère invisible ; tabulations et sauts de ligne acceptés)';
export const LONE_SURROGATE_MESSAGE = 'texte mal encodé : caractère Unicode incomplet (moitié de paire de substitution)';

/**
 * True when `text` holds what no string of the API may hold, whatever its field: control characters
 * other than tab and line breaks, or lone surrogates. The server checks every parsed string with it.
 */
export function hasForbiddenCharacter(text: string): boolean {
  return SUSPECT.test(text) && (CONTROL_IN_FREE_TEXT.test(text) || hasLoneSurrogate(text));
}

const wellFormed = () => z.refine<string>((s) => !hasLoneSurrogate(s), {message: LONE_SURROGATE_MESSAGE, abort: true});
/** The checks of a one-line string: no control character at all, no lone surrogate. */
export const singleLineChecks = () => [z.refine<string>((s) => !CONTROL_IN_LINE.test(s), {message: CONTROL_CHARACTER_MESSAGE, abort: true}), wellFormed()] as const;

/** A name, a title, a search: one line, trimmed, non-empty. */
export const shortText = (max: number) => z.string().check(z.trim(), ...singleLineChecks(), z.minLength(1), z.maxLength(max));
/** A one-line query value (`q`, a cursor): may be empty, not trimmed (a search matches what was typed). */
export const lineText = (max: number) => z.string().check(...singleLineChecks(), z.maxLength(max));
const freeTextChecks = () =>
  [
    z.overwrite((s: string) => s.replace(/\r\n?/g, '\n')),
    z.refine<string>((s) => !CONTROL_IN_FREE_TEXT.test(s), {message: FREE_TEXT_CONTROL_MESSAGE, abort: true}),
    wellFormed(),
  ] as const;

/** Free text (notes, descriptions): line breaks and tabs kept, CR LF normalised to LF. */
export const longText = (max: number) => z.string().check(...freeTextChecks(), z.maxLength(max));
/** A postal address: trimmed and non-empty like a name, but on several lines when it was written so (a spreadsheet cell). */
export const addressText = (max: number) => z.string().check(z.trim(), ...freeTextChecks(), z.minLength(1), z.maxLength(max));

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const WEB_URL_MESSAGE = 'adresse web invalide : https://… attendu (http:// seulement pour localhost)';

/**
 * A link shown to the public (a territory's website, its privacy notice): `https:` only, and `http:`
 * for localhost, which is all a developer's machine needs and which no production page can use.
 * The contract holds no environment flag, so the rule is the same everywhere.
 */
export function isWebUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' ? url.hostname !== '' : url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
}

export const WebUrl = /* @__PURE__ */ z.string().check(z.trim(), ...singleLineChecks(), z.maxLength(2000), z.refine(isWebUrl, WEB_URL_MESSAGE));

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
