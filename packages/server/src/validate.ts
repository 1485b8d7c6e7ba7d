import {IncomingMessage} from 'node:http';
import type {Context, Env, MiddlewareHandler} from 'hono';
import * as z from 'zod/mini';
import {en, fr} from 'zod/locales';
import {hasForbiddenCharacter, type FieldError} from '@cpts-kit/contract';
import {ApiProblem, fieldErrorsFromIssues, validationProblem} from './problems.js';

// French by default for every schema of the contract, the server's and the contract's zod alike
// (zod keeps its config on globalThis).
z.config(fr());
const englishLocale = en();

type Target = 'json' | 'query' | 'param';

/** English messages when the caller prefers English; French otherwise. */
export function prefersEnglish(c: Context): boolean {
  const header = c.req.header('Accept-Language') ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * The body as text. Under @hono/node-server, with a Content-Length (already checked by the body
 * limit), it is read straight from Node's stream: asking Hono for it would first build a full WHATWG
 * Request (AbortSignal, web stream), which cost more than the rest of an intake POST's JavaScript.
 */
async function readBodyText(c: Context): Promise<string> {
  const incoming = (c.env as {incoming?: unknown} | undefined)?.incoming;
  if (
    !(incoming instanceof IncomingMessage) ||
    incoming.headers['content-length'] === undefined ||
    incoming.headers['transfer-encoding'] !== undefined ||
    incoming.readableDidRead
  ) {
    return c.req.text();
  }
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  // as Request.text() does
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readJsonBody(c: Context): Promise<unknown> {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  if (!JSON_TYPE.test(mediaType)) {
    throw new ApiProblem(415, 'unsupported_media_type', 'Type de contenu non pris en charge', {
      detail: `Le corps de la requête doit être envoyé en application/json (reçu : ${mediaType || 'aucun'}).`,
    });
  }
  const text = await readBodyText(c);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'malformed_json', 'JSON invalide', {
      detail: "Le corps de la requête (body) n'est pas un JSON valide.",
      errors: [{path: 'body', code: 'malformed_json', message: "le corps de la requête n'est pas un JSON valide"}],
    });
  }
}

function rawInput(c: Context, target: Target): Record<string, unknown> | Promise<unknown> {
  if (target === 'json') return readJsonBody(c);
  if (target === 'param') return c.req.param();
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}

const FORBIDDEN_FR = 'caractère interdit : caractère de contrôle (NUL…) ou Unicode mal formé';
const FORBIDDEN_EN = 'forbidden character: control character (NUL…) or malformed Unicode';
const MAX_FORBIDDEN_REPORTED = 20;

/**
 * Every string (and key) of a parsed value that breaks the contract's text rules. The contract's
 * text constructors already refuse them field by field; this is the last line for a schema written
 * with a plain `z.string()`: NUL makes PostgreSQL fail the query, a lone surrogate is stored as « � ».
 * One path stack, joined only on a hit: it runs on every request.
 */
export function forbiddenCharacters(value: unknown, path: string[], message: string): FieldError[] {
  const found: FieldError[] = [];
  const stack = [...path];
  const hit = (key?: string) => found.push({path: (key === undefined ? stack : [...stack, key]).join('.'), code: 'forbidden_character', message});
  const walk = (node: unknown): void => {
    if (found.length >= MAX_FORBIDDEN_REPORTED) return;
    if (typeof node === 'string') {
      if (hasForbiddenCharacter(node)) hit();
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        stack.push(String(i));
        walk(node[i]);
        stack.pop();
      }
    } else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        if (hasForbiddenCharacter(key)) {
          hit(key);
          continue;
        }
        stack.push(key);
        walk((node as Record<string, unknown>)[key]);
        stack.pop();
      }
    }
  };
  walk(value);
  return found;
}

/** Parses `schema` against the request part, in the caller's language; throws a 400 naming each field. */
export async function parseWith<S extends z.core.$ZodType>(c: Context, schema: S, value: unknown, prefix: string[] = []): Promise<z.output<S>> {
  const english = prefersEnglish(c);
  const result = await z.safeParseAsync(schema, value, english ? {error: englishLocale.localeError} : undefined);
  if (!result.success) throw validationProblem(fieldErrorsFromIssues(result.error.issues, prefix));
  const forbidden = forbiddenCharacters(result.data, prefix, english ? FORBIDDEN_EN : FORBIDDEN_FR);
  if (forbidden.length > 0) throw validationProblem(forbidden);
  return result.data;
}

/**
 * Validates one part of the request with a contract schema; the handler reads `c.req.valid(target)`.
 * Written over safeParse so every failure goes through `app.onError` as problem+json.
 */
export function validate<T extends Target, S extends z.core.$ZodType>(
  target: T,
  schema: S,
): MiddlewareHandler<Env, string, {in: {[K in T]: z.input<S>}; out: {[K in T]: z.output<S>}}> {
  return async (c, next) => {
    const data = await parseWith(c, schema, await rawInput(c, target));
    c.req.addValidatedData(target, data as never);
    await next();
  };
}
