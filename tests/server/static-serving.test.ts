import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {request, type IncomingHttpHeaders} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync} from 'node:zlib';
import {startServer, type RunningServer} from '../../packages/server/src/index.js';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch would decode the body and hide which encoding came over the wire. */
function get(url: URL, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((done, fail) => {
    const req = request(url, {headers}, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => done({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts)}));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

function decode(raw: Raw): Buffer {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body);
  if (encoding === 'gzip') return gunzipSync(raw.body);
  assert.equal(encoding, undefined);
  return raw.body;
}

/** Writes a file and, as the build's `cpts-precompress` plugin does, its `.br` and `.gz` beside it. */
function writePrecompressed(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(path + '.br', brotliCompressSync(text));
  writeFileSync(path + '.gz', gzipSync(text));
}

describe('static files and JSON on the wire', () => {
  let root: string;
  let server: RunningServer;
  const entry = `export const entry = ${JSON.stringify('cpts-kit '.repeat(400))};\n`;
  const chunk = `export const chunk = ${JSON.stringify('territoire '.repeat(300))};\n`;
  const url = (path: string) => new URL(path, server.url);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cpts-static-serving-'));
    mkdirSync(join(root, 'examples'));
    mkdirSync(join(root, 'dist', 'chunks'), {recursive: true});
    writeFileSync(join(root, 'examples', 'index.html'), '<!doctype html><title>Exemples</title>');
    writePrecompressed(join(root, 'dist', 'cpts-kit.js'), entry);
    writePrecompressed(join(root, 'dist', 'chunks', 'intake-AbCd12_-.js'), chunk);
    server = await startServer({port: 0, databaseUrl: 'memory://', secretKey: 'k', demo: true, staticRoot: root});
  });
  after(async () => {
    await server.close();
    rmSync(root, {recursive: true, force: true});
  });

  it('sends brotli, gzip or the file itself by Accept-Encoding and its q-values, all decoding to the same bytes', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.4, gzip;q=0.8', 'gzip'],
      ['br;q=0, *', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await get(url('dist/cpts-kit.js'), accept === undefined ? {} : {'Accept-Encoding': accept});
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
      assert.match(res.headers['vary'] ?? '', /Accept-Encoding/i);
      assert.match(res.headers['content-type'] ?? '', /^text\/javascript/);
      assert.equal(Number(res.headers['content-length']), res.body.byteLength);
      assert.equal(decode(res).toString(), entry);
      if (expected) assert.ok(res.body.byteLength < Buffer.byteLength(entry) / 4, `${expected} is the compressed file`);
    }
  });

  it('caches hashed chunks for a year and the entry and pages briefly, with an ETag answered by 304', async () => {
    const hashed = await get(url('dist/chunks/intake-AbCd12_-.js'), {'Accept-Encoding': 'br'});
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(decode(hashed).toString(), chunk);
    for (const path of ['dist/cpts-kit.js', 'examples/index.html', '']) {
      const first = await get(url(path), {'Accept-Encoding': 'gzip'});
      assert.equal(first.status, 200, path);
      assert.match(first.headers['cache-control'] ?? '', /max-age=60\b/);
      assert.doesNotMatch(first.headers['cache-control'] ?? '', /immutable/);
      const etag = first.headers.etag;
      assert.ok(etag, `${path} has an ETag`);
      const again = await get(url(path), {'Accept-Encoding': 'gzip', 'If-None-Match': etag});
      assert.equal(again.status, 304, path);
      assert.equal(again.body.byteLength, 0);
      assert.equal(again.headers.etag, etag);
      const changed = await get(url(path), {'Accept-Encoding': 'gzip', 'If-None-Match': '"autre"'});
      assert.equal(changed.status, 200);
    }
    // each encoding is its own representation: a brotli ETag does not validate the gzip bytes
    const br = await get(url('dist/cpts-kit.js'), {'Accept-Encoding': 'br'});
    const gz = await get(url('dist/cpts-kit.js'), {'Accept-Encoding': 'gzip'});
    assert.notEqual(br.headers.etag, gz.headers.etag);
    assert.equal((await get(url('dist/cpts-kit.js'), {'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.etag ?? ''})).status, 200);
  });

  it('compresses JSON answers above the threshold, not small ones, problem+json included', async () => {
    const plain = await get(url('v1/openapi.json'));
    assert.equal(plain.headers['content-encoding'], undefined);
    const document = plain.body.toString();
    assert.ok(document.length > 1024);
    for (const encoding of ['br', 'gzip']) {
      const res = await get(url('v1/openapi.json'), {'Accept-Encoding': encoding});
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], encoding);
      assert.match(res.headers['vary'] ?? '', /Accept-Encoding/i);
      assert.ok(res.body.byteLength < document.length / 3);
      assert.equal(decode(res).toString(), document);
    }
    // a small answer goes as it is, still saying that its encoding depends on Accept-Encoding
    const small = await get(url('healthz'), {'Accept-Encoding': 'br, gzip'});
    assert.equal(small.status, 200);
    assert.ok(small.body.byteLength < 1024);
    const problem404 = await get(url('v1/nope'), {'Accept-Encoding': 'br, gzip'});
    assert.equal(problem404.headers['content-encoding'], undefined);
    assert.ok(problem404.body.byteLength < 1024);
    assert.match(problem404.headers['vary'] ?? '', /Accept-Encoding/i);
    assert.equal(Number(problem404.headers['content-length'] ?? problem404.body.byteLength), problem404.body.byteLength);
    const territory = await get(url('v1/territories/demo'), {'Accept-Encoding': 'gzip'});
    assert.equal(territory.headers['content-encoding'], 'gzip');
    assert.equal((JSON.parse(decode(territory).toString()) as {slug: string}).slug, 'demo');
    const problem = await get(url('v1/territories/demo/nope'), {'Accept-Encoding': 'br, gzip'});
    assert.equal(problem.status, 404);
    assert.match(problem.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal((JSON.parse(decode(problem).toString()) as {code: string}).code, 'not_found');
  });
});
