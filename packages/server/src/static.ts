import {createHash} from 'node:crypto';
import {readFile, stat} from 'node:fs/promises';
import {extname, resolve, sep} from 'node:path';
import type {Context} from 'hono';
import {chooseEncoding, varyOnEncoding, type Encoding} from './encoding.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8',
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=UTF-8',
  '.woff2': 'font/woff2',
};

/** A file whose name changes with its content (`chunks/x-<hash>.js`): cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry script and the pages keep their names across builds: a minute, then revalidated with the ETag. */
export const SHORT_CACHE = 'public, max-age=60, must-revalidate';

/** The encodings the build writes beside a file (`x.js.br`, `x.js.gz`), by preference. */
const SIBLINGS: readonly Encoding[] = ['br', 'gzip'];
const SUFFIX: Record<Encoding, string> = {br: '.br', gzip: '.gz'};

interface Variant {
  path: string;
  encoding: Encoding | null;
}

/** Content hashes by file, kept while the file's size and mtime stay: hashing once per build, not per request. */
const etags = new Map<string, {size: number; mtimeMs: number; etag: string}>();

async function etagOf(path: string, size: number, mtimeMs: number, body: Buffer): Promise<string> {
  const known = etags.get(path);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.etag;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  etags.set(path, {size, mtimeMs, etag});
  return etag;
}

/** The precompressed siblings that exist, so only those are offered to the client's Accept-Encoding. */
async function siblings(target: string): Promise<Encoding[]> {
  const found = await Promise.all(
    SIBLINGS.map((encoding) =>
      stat(target + SUFFIX[encoding]).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  return SIBLINGS.filter((_, i) => found[i]);
}

/** `If-None-Match: "a", W/"b"` matches the current ETag, weak or strong (RFC 9110 weak comparison). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** The file under `root` a URL path names, or null: `..` and absolute tricks never leave `root`. */
async function locate(root: string, relative: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  const base = resolve(root);
  const file = resolve(base, '.' + sep + decoded);
  if (file !== base && !file.startsWith(base + sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isDirectory() ? resolve(file, 'index.html') : file;
}

/**
 * A file under `root`, or null. Brotli or gzip when the build wrote `x.br`/`x.gz` beside it and the
 * client accepts it (never compressed per request); an ETag per representation, so
 * `If-None-Match` gets a 304.
 */
export async function serveFile(c: Context, root: string, relative: string, cacheControl = SHORT_CACHE): Promise<Response | null> {
  const target = await locate(root, relative);
  if (!target) return null;
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) return null;
  const available = await siblings(target);
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'), available);
  const variant: Variant = encoding ? {path: target + SUFFIX[encoding], encoding} : {path: target, encoding: null};
  const variantInfo = variant.encoding ? await stat(variant.path).catch(() => null) : info;
  const body = variantInfo ? await readFile(variant.path).catch(() => null) : null;
  if (!body || !variantInfo) return null;
  const etag = await etagOf(variant.path, variantInfo.size, variantInfo.mtimeMs, body);
  const headers = new Headers({'Content-Type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': cacheControl, ETag: etag});
  if (available.length > 0) varyOnEncoding(headers);
  if (matches(c.req.header('If-None-Match'), etag)) return new Response(null, {status: 304, headers});
  if (variant.encoding) headers.set('Content-Encoding', variant.encoding);
  headers.set('Content-Length', String(body.byteLength));
  return new Response(body, {status: 200, headers});
}
