import {promisify} from 'node:util';
import {brotliCompress, brotliCompressSync, constants, gzip, gzipSync} from 'node:zlib';
import type {MiddlewareHandler} from 'hono';

export type Encoding = 'br' | 'gzip';

/** What a client accepts, by q-value: `br;q=0.5, gzip` picks gzip; `*` covers the ones not named; q=0 refuses. */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name.trim().toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  // `available` is in order of preference (brotli first): a tie keeps the earlier one
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

/** Adds `Accept-Encoding` to Vary without repeating it. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** Under this many bytes, compressing costs more than the bytes it saves (headers, CPU). */
export const JSON_COMPRESS_THRESHOLD = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
// quick levels: an API answer is compressed on every request, unlike the precompressed bundle
const GZIP_OPTIONS = {level: 6};
const BROTLI_OPTIONS = {params: {[constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT}};

/** Up to this size, compressing on the spot costs less than a round trip through libuv's thread pool. */
const SYNC_LIMIT = 64 * 1024;

function compressed(body: Buffer, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> | Uint8Array<ArrayBuffer> {
  if (body.byteLength <= SYNC_LIMIT) return encoding === 'br' ? brotliCompressSync(body, BROTLI_OPTIONS) : gzipSync(body, GZIP_OPTIONS);
  return encoding === 'br' ? brotli(body, BROTLI_OPTIONS) : gzipAsync(body, GZIP_OPTIONS);
}

const isJson = (type: string | null) => type !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);

/**
 * The body of an answer made by `c.json()` under @hono/node-server, still the string it was given:
 * its Response defers building a web stream until something reads the body, and reading it here
 * through `arrayBuffer()` would cost every answer that stream (measured: about +70 % on a small
 * GET). Null elsewhere (app.request() in tests, a stream, another version): then the body is read.
 */
function pendingText(res: Response): string | null {
  const key = Object.getOwnPropertySymbols(res).find((symbol) => symbol.description === 'cache');
  const cache = key ? (res as unknown as Record<symbol, unknown>)[key] : undefined;
  return Array.isArray(cache) && typeof cache[1] === 'string' ? cache[1] : null;
}

/**
 * Compresses JSON answers (problem+json included) above JSON_COMPRESS_THRESHOLD, brotli or gzip
 * by the client's Accept-Encoding. Only JSON: it is built in memory anyway, whereas a stream (CSV
 * export, event stream) must go out as it comes.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || res.headers.has('Content-Encoding') || !isJson(res.headers.get('Content-Type'))) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    varyOnEncoding(res.headers);
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'), ['br', 'gzip']);
    if (!encoding) return;
    const pending = pendingText(res);
    const body = pending === null ? Buffer.from(await res.arrayBuffer()) : Buffer.from(pending);
    // a body still pending went nowhere: the answer stands as it is
    if (body.byteLength < JSON_COMPRESS_THRESHOLD && pending !== null) return;
    const headers = new Headers(res.headers);
    const small = body.byteLength < JSON_COMPRESS_THRESHOLD;
    const sent: Uint8Array<ArrayBuffer> = small ? new Uint8Array(body) : await compressed(body, encoding);
    if (!small) {
      headers.set('Content-Encoding', encoding);
      const etag = headers.get('ETag');
      if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    }
    headers.set('Content-Length', String(sent.byteLength));
    // Hono merges the previous answer's headers into a new one (a stale Content-Length among them): start afresh
    c.res = undefined;
    c.res = new Response(sent, {status: res.status, statusText: res.statusText, headers});
  };
}
