import {mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PGlite, protocol, type Transaction} from '@electric-sql/pglite';
import {Worker} from 'node:worker_threads';
import pg from 'pg';

/** The one database surface the app uses; the same SQL runs on PGlite and PostgreSQL. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * A statement run on every request: parsed and planned once per connection under `name`, then
   * only bound and run. Values go in as text (cast them in the SQL) and come back as text.
   */
  prepared?(name: string, sql: string, params: PreparedValue[]): Promise<Record<string, string | null>[]>;
  /** Runs `fn` in one transaction; inside it, `tx.transaction` just reuses the same one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * A number that moves whenever this process may have written, or undefined when other processes
   * can write too (PostgreSQL). PGlite's files belong to one process: while the number stays, no
   * table changed, and a cache can skip asking the database whether it did.
   */
  writes?(): number;
  /**
   * Settles, with the reason, if the database is gone for good while the server runs (PGlite's
   * thread died): every query fails from then on, so the process had better stop and be restarted.
   */
  readonly lost?: Promise<Error>;
}

export type PreparedValue = string | number | boolean | null;

const asText = (params: PreparedValue[]) => params.map((v) => (v === null ? null : String(v)));

/** A parsed column value back as text: JSON for json columns and ISO for timestamps, not "[object Object]". */
function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** Inside a transaction the statement is rare enough: an ordinary query, its values as text. */
async function preparedAsQuery(db: Pick<Db, 'query'>, sql: string, params: PreparedValue[]): Promise<Record<string, string | null>[]> {
  const rows = await db.query<Record<string, unknown>>(sql, asText(params));
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, textOf(v)])));
}

/** `db.prepared`, or an ordinary query on a Db without it (a test's stand-in, say). */
export function runPrepared(db: Db, name: string, sql: string, params: PreparedValue[]): Promise<Record<string, string | null>[]> {
  return db.prepared ? db.prepared(name, sql, params) : preparedAsQuery(db, sql, params);
}

/** What PGlite's own query() holds while it runs: the transaction lock, then the query lock. */
interface PgliteLocks {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * PGlite's query() costs six calls into WebAssembly (parse, describe, bind, describe, execute,
 * sync) and a fresh plan each time. A named statement is parsed once; each run is then one call
 * (bind, execute, sync), under the same locks query() takes, so it never runs inside another
 * caller's transaction.
 */
function pglitePrepared(pglite: PGlite) {
  const locks = pglite as unknown as PgliteLocks;
  const ready = new Set<string>();
  const {serialize} = protocol;
  const concat = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  return async (name: string, sql: string, params: PreparedValue[]): Promise<Record<string, string | null>[]> =>
    locks._runExclusiveTransaction(() =>
      locks.runExclusive(async () => {
        if (!ready.has(name)) {
          await pglite.execProtocol(concat([serialize.parse({name, text: sql}), serialize.sync()]), {syncToFs: false});
          ready.add(name);
        }
        const {messages} = await pglite.execProtocol(
          concat([serialize.bind({statement: name, values: asText(params)}), serialize.describe({type: 'P'}), serialize.execute({}), serialize.sync()]),
        );
        let columns: string[] = [];
        const rows: Record<string, string | null>[] = [];
        for (const m of messages) {
          if (m.name === 'rowDescription') columns = (m as unknown as {fields: {name: string}[]}).fields.map((f) => f.name);
          else if (m.name === 'dataRow') {
            const fields = (m as unknown as {fields: (string | null)[]}).fields;
            const row: Record<string, string | null> = {};
            columns.forEach((c, i) => (row[c] = fields[i] ?? null));
            rows.push(row);
          }
        }
        return rows;
      }),
    );
}

/** Only a statement that starts with `select` counts as a read: anything else might write. */
const READ_ONLY = /^\s*select\b/i;

/** Counts statements that may write, once when they start and once when they end. */
class WriteCounter {
  count = 0;
  async around<T>(sql: string, run: () => Promise<T>): Promise<T> {
    if (READ_ONLY.test(sql)) return run();
    this.count++;
    try {
      return await run();
    } finally {
      this.count++;
    }
  }
}

function pgliteTx(tx: Transaction, writes: WriteCounter): Db {
  const self: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await writes.around(sql, () => tx.query<T>(sql, params))).rows;
    },
    async exec(sql) {
      await writes.around(sql, () => tx.exec(sql));
    },
    prepared: (_name, sql, params) => preparedAsQuery(self, sql, params),
    transaction: (fn) => fn(self),
    close: async () => {},
  };
  return self;
}

/** `dataDir` undefined or `memory://` keeps everything in memory. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, {recursive: true});
  const pglite = new PGlite(inMemory ? undefined : dataDir);
  await pglite.waitReady;
  const writes = new WriteCounter();
  const prepared = typeof (pglite as unknown as Partial<PgliteLocks>)._runExclusiveTransaction === 'function' ? pglitePrepared(pglite) : undefined;
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await writes.around(sql, () => pglite.query<T>(sql, params))).rows;
    },
    async exec(sql) {
      await writes.around(sql, () => pglite.exec(sql));
    },
    // a PGlite without the locks query() takes (another version): plain queries, still correct
    prepared: (name, sql, params) => writes.around(sql, () => (prepared ? prepared(name, sql, params) : preparedAsQuery(db, sql, params))),
    // PGlite is one connection: its transaction() queues other queries until this one ends.
    transaction: (fn) => writes.around('begin', () => pglite.transaction((tx) => fn(pgliteTx(tx, writes)))),
    close: () => pglite.close(),
    writes: () => writes.count,
  };
  return db;
}

/**
 * PGlite files in a worker thread (pglite-worker.mjs): the HTTP thread no longer stops while SQL
 * runs. Statements go to the worker in order and it runs them one at a time, as PGlite's single
 * connection would; a transaction holds back every statement sent after it began until it ends,
 * so nothing else runs inside it. Rows come back by structured clone (Dates, arrays and jsonb
 * objects as PGlite parsed them), errors with PostgreSQL's code and constraint.
 */
export async function openPgliteWorker(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, {recursive: true});
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {workerData: {dataDir}});
  const pending = new Map<number, {resolve(value: unknown): void; reject(error: unknown): void}>();
  let nextId = 0;
  let dead: Error | undefined;
  let closing = false;
  let markLost: (error: Error) => void = () => {};
  const lost = new Promise<Error>((resolve) => (markLost = resolve));
  const toError = (e: Record<string, string>) => Object.assign(new Error(e.message), e);
  const started = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: {ready?: true; fatal?: Record<string, string>; id?: number; result?: unknown; error?: Record<string, string>}) => {
      if (m.ready) return resolve();
      if (m.fatal) return reject(toError(m.fatal));
      const p = pending.get(m.id!);
      if (!p) return;
      pending.delete(m.id!);
      // an idle worker must not keep the process alive (a CLI run that is done, say)
      if (pending.size === 0) worker.unref();
      if (m.error) p.reject(toError(m.error));
      else p.resolve(m.result);
    });
    const fail = (error: Error) => {
      if (!closing && !dead) markLost(error);
      dead ??= error;
      reject(error);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`le thread PGlite s'est arrêté (code ${code})`)));
  });
  const send = <T>(message: {op: string; sql?: string; params?: unknown[]; name?: string}): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, {resolve: resolve, reject});
      worker.postMessage({...message, id});
    });
  };
  try {
    await started;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();
  const writes = new WriteCounter();
  // settles when the transaction begun last has ended: statements sent later wait for it
  let gate: Promise<void> = Promise.resolve();
  const inTx: Db = {
    kind: 'pglite',
    query: <T>(sql: string, params?: unknown[]) => writes.around(sql, () => send<T[]>({op: 'query', sql, params: params ?? []})),
    exec: (sql) => writes.around(sql, () => send<void>({op: 'exec', sql})),
    prepared: (_name, sql, params) => preparedAsQuery(inTx, sql, params),
    transaction: (fn) => fn(inTx),
    close: async () => {},
  };
  const db: Db = {
    kind: 'pglite',
    query: <T>(sql: string, params?: unknown[]) => writes.around(sql, () => gate.then(() => send<T[]>({op: 'query', sql, params: params ?? []}))),
    exec: (sql) => writes.around(sql, () => gate.then(() => send<void>({op: 'exec', sql}))),
    prepared: (name, sql, params) => writes.around(sql, () => gate.then(() => send<Record<string, string | null>[]>({op: 'prepared', name, sql, params: asText(params)}))),
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const run = gate.then(async () => {
        await send({op: 'exec', sql: 'begin'});
        let result: T;
        try {
          result = await fn(inTx);
        } catch (error) {
          await send({op: 'exec', sql: 'rollback'}).catch(() => {});
          throw error;
        }
        await send({op: 'commit'});
        return result;
      });
      gate = run.then(
        () => {},
        () => {},
      );
      return writes.around('begin', () => run);
    },
    async close() {
      closing = true;
      await gate;
      if (!dead) await send({op: 'close'}).catch(() => {});
      dead ??= new Error('base fermée');
      await worker.terminate();
    },
    writes: () => writes.count,
    lost,
  };
  return db;
}

function pgClientDb(client: pg.PoolClient): Db {
  const self: Db = {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
    prepared: (_name, sql, params) => preparedAsQuery(self, sql, params),
    transaction: (fn) => fn(self),
    close: async () => {},
  };
  return self;
}

const RAW_TEXT = {getTypeParser: () => (value: string) => value} as unknown as pg.CustomTypesConfig;

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({connectionString: url, max: poolSize});
  // an idle client losing its connection must not crash the process
  pool.on('error', (error) => console.error('postgres: connexion perdue', error.message));
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    // node-postgres prepares a named statement once on each pooled connection
    async prepared(name, sql, params) {
      return (await pool.query<Record<string, string | null>>({name, text: sql, values: asText(params), types: RAW_TEXT})).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(pgClientDb(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `postgres://…` → PostgreSQL; `memory://` → in-memory PGlite; unset → PGlite files in `dataDir`. */
export async function openDatabase(options: {databaseUrl?: string | undefined; dataDir?: string | undefined}): Promise<Db> {
  const url = options.databaseUrl;
  if (url && /^postgres(?:ql)?:\/\//.test(url)) return openPostgres(url);
  if (url && url.startsWith('memory://')) return openPglite();
  if (url) throw new Error(`DATABASE_URL non reconnue : « ${url.replace(/\/\/[^@]*@/, '//…@')} » (attendu postgres://…, memory:// ou rien)`);
  const dir = resolve(options.dataDir ?? './.data', 'pglite');
  // CPTS_PGLITE_THREAD=0 keeps PGlite on the main thread (to compare, or to debug)
  return process.env.CPTS_PGLITE_THREAD === '0' ? openPglite(dir) : openPgliteWorker(dir);
}

const migrationsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export function listMigrations(dir = migrationsDir): {version: string; sql: string}[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({version: f.replace(/\.sql$/, ''), sql: readFileSync(resolve(dir, f), 'utf8')}));
}

// any constant will do; it only has to be the same in every process of this app
const MIGRATION_LOCK = 7_412_019;

/**
 * Runs `fn` in one transaction that holds the start-up lock: migrations, demo seeding and any other
 * write a server makes before it listens. N servers started at once on one PostgreSQL queue here;
 * each one after the first finds the work done (read committed: a statement run after the lock is
 * granted sees what the holder committed). The lock is a transaction lock, so a server killed while
 * holding it releases it with its connection. On PGlite (one process) it costs one statement.
 */
export async function underStartupLock<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return fn(tx);
  });
}

let expectedVersions: string[] | undefined;

/** The migrations this code expects that the database has not applied (none: what `/readyz` wants). */
export async function migrationsPending(db: Db): Promise<string[]> {
  const expected = (expectedVersions ??= listMigrations().map((m) => m.version));
  const rows = await db.query<{version: string}>('select version from schema_migrations where version = any($1::text[])', [expected]);
  const done = new Set(rows.map((r) => r.version));
  return expected.filter((v) => !done.has(v));
}

/** Applies the migrations not yet applied, in one transaction; returns their versions. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    // two servers starting together on one PostgreSQL: the second waits, then finds nothing to do
    // (a second take of a lock this transaction holds, under underStartupLock, is granted at once)
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{version: string}>('select version from schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const m of listMigrations()) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
