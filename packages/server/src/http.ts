import {createHash} from 'node:crypto';
import type {Context} from 'hono';

/**
 * JSON with a strong ETag over the exact bytes; answers 304 when the client already has them.
 * `cache` is `public` for anonymous reads, `private` when the body depends on the caller.
 */
export function jsonWithEtag(c: Context, body: unknown, cache: 'public' | 'private'): Response {
  return jsonTextWithEtag(c, JSON.stringify(body), cache);
}

/** The same, for JSON already serialised (built by the database, or kept in a cache). */
export function jsonTextWithEtag(c: Context, text: string, cache: 'public' | 'private', etag = strongEtag(text)): Response {
  c.header('ETag', etag);
  c.header('Cache-Control', cache === 'public' ? 'public, max-age=60, must-revalidate' : 'private, no-cache');
  c.header('Vary', 'Authorization, Accept-Language', {append: true});
  if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(text, 200);
}

export function strongEtag(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url')}"`;
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch !== undefined && ifNoneMatch !== '' && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

/** Opaque offset cursors: a page stays stable while nobody writes (see `encodeKeyCursor` for lists that must not shift). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

/**
 * Keyset cursors: the sort key and id of the last row served, so the next page starts right after
 * it whatever was inserted or deleted before it, and costs the same at page 200 as at page 2.
 * `key` is what the query gives (`<timestamp with microseconds> <uuid>`), kept to the microsecond:
 * a millisecond would skip or repeat rows created within the same millisecond.
 */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export type ListCursor = {offset: number} | {at: string; id: string};

// year 0000 passes Date.parse but not PostgreSQL's timestamptz: refused here rather than a 500
const KEY_CURSOR = /^k:((?!0000)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A keyset cursor, or an offset one (those given before keyset cursors existed); null when invalid. */
export function decodeListCursor(cursor: string | undefined): ListCursor | null {
  if (cursor === undefined) return {offset: 0};
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = KEY_CURSOR.exec(text);
  if (key) {
    const at = key[1]!;
    // the database would refuse 2026-02-31: check the date exists rather than answer 500
    const ms = Date.parse(`${at.slice(0, 23)}Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === at.slice(0, 19) ? {at, id: key[2]!} : null;
  }
  const offset = decodeCursor(cursor);
  return offset === null ? null : {offset};
}
