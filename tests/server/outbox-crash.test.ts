import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {OutboxSummary} from '@cpts-kit/contract';
import {intakeBody} from './helpers.js';
import {startSmtp, type TestSmtp} from './smtp.js';

const MAIN = resolve(import.meta.dirname, '../../packages/server/src/main.ts');
const DEMO_TOKEN = 'outbox-crash-token-0123456789abcdefghij';

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

/** The real server (main.ts) in a child process, on PGlite files that outlive it; resolves once it listens. */
function startMain(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  const {child, exited, ready} = spawnMain(dataDir, extraEnv);
  return ready.then((url) => ({child, url, exited}));
}

function spawnMain(dataDir: string, extraEnv: Record<string, string>): Omit<Started, 'url'> & {ready: Promise<string>} {
  const env: NodeJS.ProcessEnv = {...process.env, CPTS_DATA_DIR: dataDir, PORT: '0', CPTS_DEMO_TOKEN: DEMO_TOKEN, CPTS_SECRET_KEY: 'outbox-crash-secret', ...extraEnv};
  for (const name of ['DATABASE_URL', 'NODE_ENV', 'CPTS_SMTP_URL', 'CPTS_MAIL_FROM', 'CPTS_TEST_CRASH_MAIL']) if (!(name in extraEnv)) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {env, stdio: ['ignore', 'pipe', 'pipe']});
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((done) => child.once('exit', (code, signal) => done({code, signal})));
  const ready = new Promise<string>((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`pas démarré :\n${out}`)), 90_000);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /cpts-kit server on (http:\/\/\S+)/.exec(out);
      if (match && out.includes(DEMO_TOKEN)) {
        clearTimeout(timer);
        resolvePromise(match[1]!.replace(/\/$/, ''));
      }
    });
    void exited.then(({code, signal}) => {
      clearTimeout(timer);
      reject(new Error(`arrêté (${code ?? signal}) :\n${out}`));
    });
  });
  return {child, exited, ready};
}

async function outbox(url: string): Promise<OutboxSummary> {
  const res = await fetch(`${url}/v1/territories/demo/outbox`, {headers: {Authorization: `Bearer ${DEMO_TOKEN}`}});
  return OutboxSummary.parse(await res.json());
}

/** Polls until nothing waits; no timing is asserted, the test runner's timeout is the only limit. */
async function drained(url: string): Promise<OutboxSummary> {
  for (;;) {
    const box = await outbox(url);
    if (box.counts.pending === 0 && box.counts.sending === 0) return box;
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const moment of ['before-send', 'after-send'] as const) {
  describe(`a server killed ${moment === 'before-send' ? 'between claiming a message and sending it' : 'between sending a message and recording it'}`, () => {
    let dataDir: string;
    let smtp: TestSmtp;
    let running: Started | undefined;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cpts-outbox-crash-'));
      smtp = await startSmtp();
    });
    after(async () => {
      if (running && running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
      await smtp.close();
      rmSync(dataDir, {recursive: true, force: true});
    });

    it(`loses nothing, and sends again at most the message in hand, with the same Message-ID`, {timeout: 240_000}, async () => {
      const mail = {CPTS_SMTP_URL: smtp.url, CPTS_MAIL_FROM: 'CPTS démo <contact@demo.cpts-kit.fr>'};
      // without SMTP: the form's receipt waits, and the coordinators can see it waiting
      running = await startMain(dataDir);
      const posted = await fetch(`${running.url}/v1/territories/demo/intake-requests`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': `outbox-crash-${moment}`},
        body: JSON.stringify(intakeBody({person: {...intakeBody().person, lastName: 'Recommandée', email: 'recommandee@exemple.fr'}})),
      });
      assert.equal(posted.status, 201);
      const waiting = await outbox(running.url);
      assert.equal(waiting.smtpConfigured, false);
      assert.ok(waiting.items.some((i) => i.kind === 'receipt' && i.recipient === 'r•••@exemple.fr'));
      running.child.kill('SIGTERM');
      assert.equal((await running.exited).code, 0);

      // it may die before it even says it listens: wait for its end, not its start
      const crashing = spawnMain(dataDir, {...mail, CPTS_TEST_CRASH_MAIL: moment});
      crashing.ready.catch(() => {});
      running = {...crashing, url: ''};
      assert.equal((await running.exited).signal, 'SIGKILL', 'the hook killed the server with its first message');
      const beforeRestart = smtp.received.length;
      assert.equal(beforeRestart, moment === 'before-send' ? 0 : 1);

      running = await startMain(dataDir, mail);
      const box = await drained(running.url);
      assert.equal(box.counts.failed, 0);
      const copies = new Map<string, number>();
      for (const m of smtp.received) copies.set(m.headers.get('message-id')!, (copies.get(m.headers.get('message-id')!) ?? 0) + 1);
      const twice = [...copies].filter(([, n]) => n > 1);
      if (moment === 'before-send') assert.deepEqual(twice, [], 'nothing sent twice');
      else {
        assert.equal(twice.length, 1, 'only the message in hand at the crash is sent again');
        assert.equal(twice[0]![0], smtp.received[0]!.headers.get('message-id'));
        assert.equal(twice[0]![1], 2);
      }
      const receipts = smtp.received.filter((m) => m.to[0] === 'recommandee@exemple.fr');
      assert.ok(receipts.length >= 1, 'the receipt went out');
      assert.equal(new Set(receipts.map((m) => m.headers.get('message-id'))).size, 1);
      running.child.kill('SIGTERM');
      await running.exited;
    });
  });
}
