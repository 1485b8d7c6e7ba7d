import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';
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
const BROTLI_OPTIONS = {params: {[constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT}};

const isJson = (type: string | null) => type !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);

/**
 * Compresses JSON answers (problem+json included) above JSON_COMPRESS_THRESHOLD, brotli or gzip
 * by the client's Accept-Encoding. Only JSON: it is built in memory anyway, whereas a stream (CSV
 * export, event stream) must go out as it comes.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding') || !isJson(res.headers.get('Content-Type'))) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    varyOnEncoding(headers);
    const encoding = body.byteLength >= JSON_COMPRESS_THRESHOLD ? chooseEncoding(c.req.header('Accept-Encoding'), ['br', 'gzip']) : null;
    // Hono merges the previous answer's headers into a new one (a stale Content-Length among them): start afresh
    c.res = undefined;
    if (!encoding) {
      c.res = new Response(body, {status: res.status, statusText: res.statusText, headers});
      return;
    }
    const compressed = encoding === 'br' ? await brotli(body, BROTLI_OPTIONS) : await gzipAsync(body);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.byteLength));
    const etag = headers.get('ETag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    c.res = new Response(compressed, {status: res.status, statusText: res.statusText, headers});
  };
}
