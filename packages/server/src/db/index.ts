import {mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PGlite, type Transaction} from '@electric-sql/pglite';
import pg from 'pg';

/** The one database surface the app uses; the same SQL runs on PGlite and PostgreSQL. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; inside it, `tx.transaction` just reuses the same one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * A number that moves whenever this process may have written, or undefined when other processes
   * can write too (PostgreSQL). PGlite's files belong to one process: while the number stays, no
   * table changed, and a cache can skip asking the database whether it did.
   */
  writes?(): number;
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
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await writes.around(sql, () => pglite.query<T>(sql, params))).rows;
    },
    async exec(sql) {
      await writes.around(sql, () => pglite.exec(sql));
    },
    // PGlite is one connection: its transaction() queues other queries until this one ends.
    transaction: (fn) => writes.around('begin', () => pglite.transaction((tx) => fn(pgliteTx(tx, writes)))),
    close: () => pglite.close(),
    writes: () => writes.count,
  };
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
    transaction: (fn) => fn(self),
    close: async () => {},
  };
  return self;
}

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
  return openPglite(resolve(options.dataDir ?? './.data', 'pglite'));
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

/** Applies the migrations not yet applied, in one transaction; returns their versions. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    // two servers starting together on one PostgreSQL: the second waits, then finds nothing to do
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
