import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startServer, type RunningServer} from '../../packages/server/src/index.js';
import {intakeBody} from './helpers.js';

describe('startServer', () => {
  let root: string;
  let server: RunningServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cpts-static-'));
    mkdirSync(join(root, 'examples'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'examples', 'index.html'), '<!doctype html><title>Exemples</title>');
    writeFileSync(join(root, 'examples', 'commune.html'), '<!doctype html><title>Commune</title>');
    writeFileSync(join(root, 'dist', 'cpts-kit.js'), 'export {};');
    writeFileSync(join(root, 'secret.txt'), 'ne pas servir');
    server = await startServer({port: 0, databaseUrl: 'memory://', secretKey: 'k', demo: true, demoToken: 'static-test-token-0123456789', staticRoot: root});
  });
  after(async () => {
    await server.close();
    rmSync(root, {recursive: true, force: true});
  });

  it('listens on a free port of 127.0.0.1 and serves the API with the demo token', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(server.demoToken, 'static-test-token-0123456789');
    const res = await fetch(new URL('v1/territories/demo/availability-board', server.url), {headers: {Authorization: `Bearer ${server.demoToken}`}});
    assert.equal(res.status, 200);
  });

  it('serves the example pages and the widget bundle with their content types', async () => {
    const home = await fetch(server.url);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('Content-Type') ?? '', /^text\/html/);
    assert.match(await home.text(), /Exemples/);
    assert.equal((await fetch(new URL('examples/commune.html', server.url))).status, 200);
    const bundle = await fetch(new URL('dist/cpts-kit.js', server.url));
    assert.match(bundle.headers.get('Content-Type') ?? '', /^text\/javascript/);
  });

  it('reads a form sent over HTTP, and names a malformed body, as through app.request()', async () => {
    const post = (body: string) =>
      fetch(new URL('v1/territories/demo/intake-requests', server.url), {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': `http-${crypto.randomUUID()}`},
        body,
      });
    const created = await post('\ufeff' + JSON.stringify(intakeBody()));
    assert.equal(created.status, 201);
    const malformed = await post('{"requester":');
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as {errors: {path: string}[]}).errors[0]?.path, 'body');
    const huge = await post(JSON.stringify(intakeBody({comment: 'x'.repeat(70 * 1024)})));
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as {code: string}).code, 'payload_too_large');
  });

  it('never serves a file outside the examples and dist folders', async () => {
    for (const path of ['examples/../secret.txt', 'examples/%2e%2e/secret.txt', 'dist/%2e%2e%2fsecret.txt', 'examples/nothing.html']) {
      const res = await fetch(new URL(path, server.url));
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /ne pas servir/);
    }
  });
});
