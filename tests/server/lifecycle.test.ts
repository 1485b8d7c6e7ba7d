import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {intakeBody} from './helpers.js';

const MAIN = resolve(import.meta.dirname, '../../packages/server/src/main.ts');
const DEMO_TOKEN = 'lifecycle-demo-token-0123456789abcdefghij';

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts the server's entry point (main.ts; `npm start` runs it compiled) and waits for the line announcing its URL. */
function startMain(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {...process.env, CPTS_DATA_DIR: dataDir, PORT: '0', CPTS_DEMO_TOKEN: DEMO_TOKEN};
  delete env.DATABASE_URL;
  delete env.CPTS_SECRET_KEY;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {env, stdio: ['ignore', 'pipe', 'pipe']});
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`pas démarré :\n${out}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /cpts-kit server on (http:\/\/\S+)/.exec(out);
      if (match && out.includes(DEMO_TOKEN)) {
        clearTimeout(timer);
        resolvePromise({child, url: match[1]!.replace(/\/$/, ''), exited});
      }
    });
    void exited.then((code) => reject(new Error(`arrêté (${code}) :\n${out}`)));
  });
}

describe('the server process', () => {
  let dataDir: string;
  let running: Started | undefined;
  before(() => (dataDir = mkdtempSync(join(tmpdir(), 'cpts-main-'))));
  after(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    rmSync(dataDir, {recursive: true, force: true});
  });

  it('starts with the demo territory, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    running = await startMain(dataDir);
    const territory = await fetch(`${running.url}/v1/territories/demo`).then((r) => r.json() as Promise<{communes: unknown[]}>);
    assert.equal(territory.communes.length, 53);
    const created = await fetch(`${running.url}/v1/territories/demo/intake-requests`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'lifecycle-0001'},
      body: JSON.stringify(intakeBody()),
    });
    assert.equal(created.status, 201);
    const {id} = (await created.json()) as {id: string};

    running.child.kill('SIGTERM');
    assert.equal(await running.exited, 0);

    running = await startMain(dataDir);
    const read = await fetch(`${running.url}/v1/territories/demo/intake-requests/${id}`, {headers: {Authorization: `Bearer ${DEMO_TOKEN}`}});
    assert.equal(read.status, 200);
    // decrypted with the key generated on the first start and kept in the data folder
    assert.equal(((await read.json()) as {person: {lastName: string}}).person.lastName, 'Dupont');
    const practitioners = await fetch(`${running.url}/v1/territories/demo/availability-board`, {headers: {Authorization: `Bearer ${DEMO_TOKEN}`}}).then(
      (r) => r.json() as Promise<{counts: {total: number}}>,
    );
    assert.equal(practitioners.counts.total, 80, 'the demo is seeded once, not on every start');
    running.child.kill('SIGINT');
    assert.equal(await running.exited, 0);
  });
});
