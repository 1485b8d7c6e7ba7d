import {createHash} from 'node:crypto';
import type {Context} from 'hono';

/**
 * JSON with a strong ETag over the exact bytes; answers 304 when the client already has them.
 * `cache` is `public` for anonymous reads, `private` when the body depends on the caller.
 */
export function jsonWithEtag(c: Context, body: unknown, cache: 'public' | 'private'): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', cache === 'public' ? 'public, max-age=60, must-revalidate' : 'private, no-cache');
  c.header('Vary', 'Authorization, Accept-Language');
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304);
  }
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(text, 200);
}

export const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

/** Opaque cursors: an offset, so a page stays stable while nobody writes. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}
