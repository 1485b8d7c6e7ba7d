import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {intakeBody} from './helpers.js';

const MAIN = resolve(import.meta.dirname, '../../packages/server/src/main.ts');
const DEMO_TOKEN = 'crash-demo-token-0123456789abcdefghijkl';

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

function startMain(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  const env: NodeJS.ProcessEnv = {...process.env, CPTS_DATA_DIR: dataDir, PORT: '0', CPTS_DEMO_TOKEN: DEMO_TOKEN, CPTS_SECRET_KEY: 'crash-test-secret', ...extraEnv};
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {env, stdio: ['ignore', 'pipe', 'pipe']});
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((done) => child.once('exit', (code, signal) => done({code, signal})));
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
    void exited.then(({code}) => reject(new Error(`arrêté (${code}) :\n${out}`)));
  });
}

describe('a server killed after storing a form but before answering', () => {
  let dataDir: string;
  let running: Started | undefined;
  before(() => (dataDir = mkdtempSync(join(tmpdir(), 'cpts-crash-'))));
  after(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    rmSync(dataDir, {recursive: true, force: true});
  });

  it('gives the retry with the same key the reference it stored, and stores the form once', async () => {
    const key = 'crash-retry-0001';
    const send = (url: string) =>
      fetch(`${url}/v1/territories/demo/intake-requests`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': key},
        body: JSON.stringify(intakeBody({person: {...intakeBody().person, lastName: 'Survivante'}})),
      });

    running = await startMain(dataDir, {CPTS_TEST_CRASH_AFTER_COMMIT: '1'});
    await assert.rejects(send(running.url), 'the answer never arrives');
    assert.equal((await running.exited).signal, 'SIGKILL');

    running = await startMain(dataDir);
    const survivors = async () => {
      const list = (await (await fetch(`${running!.url}/v1/territories/demo/intake-requests?limit=100`, {headers: {Authorization: `Bearer ${DEMO_TOKEN}`}})).json()) as {
        items: {id: string; reference: string; person: {lastName: string}}[];
      };
      return list.items.filter((r) => r.person.lastName === 'Survivante').map((r) => [r.id, r.reference]);
    };
    const committed = await survivors();
    assert.equal(committed.length, 1, 'the form was committed before the crash');
    const retried = await send(running.url);
    assert.equal(retried.status, 201);
    const {id, reference} = (await retried.json()) as {id: string; reference: string};
    const again = (await (await send(running.url)).json()) as {reference: string};
    assert.equal(again.reference, reference);

    assert.deepEqual(committed, [[id, reference]], 'the retry answers with the request committed before the crash');
    assert.deepEqual(await survivors(), committed, 'and stores nothing more');
    // the first number after the demo's 60 seeded waiting requests: the crash took none
    // the demo holds 60 waiting and 240 finished requests (seed-history.ts): the next number is 301
    assert.match(reference, /^DEMO-\d{4}-000301$/);
    running.child.kill('SIGTERM');
    assert.equal((await running.exited).code, 0);
  });
});
