import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {migrate, openPgliteWorker, runPrepared, type Db} from '../../packages/server/src/db/index.js';
import {insertBatch} from '../../packages/server/src/intake-writer.js';
import {seedDemo} from '../../packages/server/src/seed.js';

describe('PGlite files in a worker thread', () => {
  let dir: string;
  let db: Db;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpts-pglite-thread-'));
    db = await openPgliteWorker(join(dir, 'pglite'));
    await migrate(db);
  });
  after(async () => {
    await db.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it('gives rows with the types PGlite parses: dates, jsonb, arrays, numbers', async () => {
    const [row] = await db.query<{at: Date; doc: {a: number[]}; list: string[]; n: number; nothing: null}>(
      `select '2026-03-01T10:00:00.123Z'::timestamptz as at, '{"a":[1,2]}'::jsonb as doc, array['x','y'] as list, 42::int as n, null as nothing`,
    );
    assert.ok(row!.at instanceof Date);
    assert.equal(row!.at.toISOString(), '2026-03-01T10:00:00.123Z');
    assert.deepEqual(row!.doc, {a: [1, 2]});
    assert.deepEqual(row!.list, ['x', 'y']);
    assert.equal(row!.n, 42);
    assert.equal(row!.nothing, null);
  });

  it('rejects with PostgreSQL’s error code and constraint', async () => {
    await seedDemo(db);
    await assert.rejects(
      db.query("insert into territories (slug, name, phone, email, privacy_summary) values ('demo', 'x', 'x', 'x', 'x')"),
      (error: Error & {code?: string; constraint?: string}) => {
        assert.equal(error.code, '23505');
        assert.equal(error.constraint, 'territories_pkey');
        return true;
      },
    );
  });

  it('runs nothing sent meanwhile inside a transaction, and rolls the transaction back whole', async () => {
    const action = `thread-${crypto.randomUUID()}`;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.query("insert into audit_log (id, actor, action) values ($1, 'test', $2)", [crypto.randomUUID(), `${action}-tx`]);
      await held;
      throw new Error('boom');
    });
    // sent while the transaction is open: it must neither run inside it nor be rolled back with it
    const outside = db.query("insert into audit_log (id, actor, action) values ($1, 'test', $2)", [crypto.randomUUID(), `${action}-outside`]);
    release();
    await assert.rejects(tx, /boom/);
    await outside;
    const rows = await db.query<{action: string}>('select action from audit_log where action like $1', [`${action}%`]);
    assert.deepEqual(
      rows.map((r) => r.action),
      [`${action}-outside`],
    );
  });

  it('runs a prepared statement again and again, and stores a batch of intake requests', async () => {
    for (let i = 0; i < 3; i++) assert.deepEqual(await runPrepared(db, 'thread_test', 'select $1::int + 1 as n, null::text as none', [i]), [{n: String(i + 1), none: null}]);
    const at = new Date();
    const item = (key: string) => ({
      territory: 'demo',
      year: 2026,
      referencePrefix: 'DEMO-2026-',
      key,
      operation: 'createIntakeRequest',
      bodyHash: 'h',
      id: crypto.randomUUID(),
      historyId: crypto.randomUUID(),
      communeInsee: '62765',
      hasPriority: false,
      priority: {},
      personalEncrypted: 'v1:x',
      dedupeHmac: 'd',
      at,
    });
    const rows = await insertBatch(db, [item('thread-a'), item('thread-b')]);
    assert.deepEqual(rows.map((r) => r.reference).sort(), ['DEMO-2026-000001', 'DEMO-2026-000002']);
    // a key already claimed inserts nothing and takes no number
    const again = await insertBatch(db, [item('thread-a'), item('thread-c')]);
    assert.deepEqual(
      again.map((r) => r.reference),
      ['DEMO-2026-000003'],
    );
  });

  it('says a write happened, so caches of this process know to look again', async () => {
    const before = db.writes!();
    await db.query('select 1');
    assert.equal(db.writes!(), before);
    await db.query("update territories set phone = '03 00 00 00 00' where slug = 'demo'");
    assert.notEqual(db.writes!(), before);
  });

  it('reports the database lost only when its thread dies, not when the server closes it', async () => {
    const other = await openPgliteWorker(join(dir, 'other'));
    assert.ok(other.lost, 'the worker database says when it is lost');
    await other.close();
    const outcome = await Promise.race([other.lost.then(() => 'lost'), new Promise((resolve) => setTimeout(resolve, 100, 'still fine'))]);
    assert.equal(outcome, 'still fine');
  });
});
