import assert from 'node:assert/strict';
import {request} from 'node:http';
import {connect} from 'node:net';
import {after, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {readConfig} from '../../packages/server/src/config.js';
import {intakeBody} from './helpers.js';
import {startServerProcess, type ServerProcess} from './processes.js';

const DEMO_TOKEN = 'shutdown-demo-token-0123456789abcdefghij';

/** Whether a new TCP connection to `port` is refused (the server stopped listening). */
function refused(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

/** A form whose body is sent in two halves: the request is in flight until `finish()`. */
function halfSentForm(port: number, key: string) {
  const body = Buffer.from(JSON.stringify(intakeBody({person: {...intakeBody().person, lastName: 'Enchemin'}})));
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/v1/territories/demo/intake-requests',
    headers: {'Content-Type': 'application/json', 'Content-Length': body.length, 'Idempotency-Key': key},
  });
  const answer = new Promise<{status: number; body: string}>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.once('end', () => resolve({status: res.statusCode ?? 0, body: text}));
    });
    req.once('error', reject);
  });
  req.write(body.subarray(0, 40));
  req.flushHeaders();
  return {answer, finish: () => req.end(body.subarray(40))};
}

describe('the shutdown grace period', () => {
  it('is 10 s unless CPTS_SHUTDOWN_GRACE_MS says otherwise, and refuses nonsense', () => {
    assert.equal(readConfig({}).shutdownGraceMs, 10_000);
    assert.equal(readConfig({CPTS_SHUTDOWN_GRACE_MS: '2500'}).shutdownGraceMs, 2500);
    assert.throws(() => readConfig({CPTS_SHUTDOWN_GRACE_MS: 'vite'}), /CPTS_SHUTDOWN_GRACE_MS/);
  });
});

describe('a server told to stop (SIGTERM)', {timeout: 120_000}, () => {
  let server: ServerProcess | undefined;
  after(() => server?.kill());

  it('finishes the request in flight, refuses new connections, and exits 0', async () => {
    server = await startServerProcess({DATABASE_URL: 'memory://', CPTS_DEMO_TOKEN: DEMO_TOKEN, CPTS_SECRET_KEY: 'shutdown-secret'});
    const port = server.port;
    const inFlight = halfSentForm(port, 'shutdown-in-flight-1');
    // the server has the request's head before we signal: it is in flight, not merely queued in the kernel
    await sleep(200);
    server.child.kill('SIGTERM');
    await server.printed('SIGTERM reçu');
    let closed = false;
    for (let i = 0; i < 100 && !closed; i++) {
      closed = await refused(port);
      if (!closed) await sleep(20);
    }
    assert.ok(closed, 'new connections are refused once the shutdown began');
    assert.equal(server.child.exitCode, null, 'still running while a request is in flight');
    inFlight.finish();
    const answer = await inFlight.answer;
    assert.equal(answer.status, 201, answer.body);
    assert.match((JSON.parse(answer.body) as {reference: string}).reference, /^DEMO-\d{4}-\d{6}$/);
    assert.equal((await server.exited).code, 0, server.output());
  });

  it('cuts a request that never ends once the grace period is over, and still exits 0', async () => {
    server = await startServerProcess({DATABASE_URL: 'memory://', CPTS_DEMO_TOKEN: DEMO_TOKEN, CPTS_SECRET_KEY: 'shutdown-secret', CPTS_SHUTDOWN_GRACE_MS: '300'});
    const stuck = halfSentForm(server.port, 'shutdown-stuck-1');
    await sleep(200);
    server.child.kill('SIGTERM');
    await assert.rejects(stuck.answer, 'the connection is cut');
    assert.equal((await server.exited).code, 0, server.output());
    assert.match(server.output(), /connexions coupées/);
  });
});
