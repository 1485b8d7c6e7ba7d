/**
 * The database engines the server tests run against: in-memory PGlite always, and a real
 * PostgreSQL whenever one can be reached or started. Each call to `open()` gives a fresh,
 * empty database that `cleanup()` removes.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync, chmodSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pg from 'pg';
import {openPglite, openPostgres, type Db} from '../../packages/server/src/db/index.js';

export interface OpenedDb {
  db: Db;
  /** PostgreSQL: the database's URL, for a server started in another process. */
  url?: string;
  cleanup: () => Promise<void>;
}

export interface Engine {
  name: 'pglite' | 'postgres';
  open(): Promise<OpenedDb>;
}

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({connectionString: url, connectionTimeoutMillis: 2000});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A throwaway database created through `adminUrl`, dropped on cleanup. When the role may not
 * create databases (a CI-provided URL, say), a throwaway schema in that database instead.
 */
function throwawayDatabases(adminUrl: string): Engine {
  const adminQuery = async (sql: string) => {
    const admin = new pg.Client({connectionString: adminUrl});
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  return {
    name: 'postgres',
    async open() {
      const name = `cpts_test_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
      let url: string;
      let drop: string;
      try {
        await adminQuery(`create database ${name}`);
        url = withDatabase(adminUrl, name);
        drop = `drop database if exists ${name} with (force)`;
      } catch {
        await adminQuery(`create schema ${name}`);
        const u = new URL(adminUrl);
        u.searchParams.set('options', `-c search_path=${name}`);
        url = u.toString();
        drop = `drop schema if exists ${name} cascade`;
      }
      const db = await openPostgres(url, 5);
      return {
        db,
        url,
        async cleanup() {
          await db.close().catch(() => {});
          await adminQuery(drop);
        },
      };
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('pas de port'))));
    });
  });
}

/** initdb + pg_ctl in a temp folder, as user `postgres` when we are root (PostgreSQL refuses root). */
export async function startThrowawayCluster(): Promise<{adminUrl: string; stop(): void} | undefined> {
  const candidates = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cpts-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], {stdio: 'pipe'}) : spawnSync(cmd, args, {stdio: 'pipe'});
  if (run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust']).status !== 0) return undefined;
  const started = run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
  if (started.status !== 0) return undefined;
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

let cluster: {adminUrl: string; stop(): void} | undefined;
process.on('exit', () => cluster?.stop());

const pglite: Engine = {
  name: 'pglite',
  async open() {
    const db = await openPglite();
    return {db, cleanup: () => db.close()};
  },
};

let cached: Promise<Engine[]> | undefined;

/** Engines to run every server test against. In CI a missing PostgreSQL fails instead of skipping. */
export function engines(): Promise<Engine[]> {
  cached ??= (async () => {
    for (const url of [process.env.TEST_DATABASE_URL, LOCAL_ADMIN_URL]) {
      if (url && (await canConnect(url))) return [pglite, throwawayDatabases(url)];
    }
    cluster = await startThrowawayCluster();
    if (cluster && (await canConnect(cluster.adminUrl))) return [pglite, throwawayDatabases(cluster.adminUrl)];
    const message = 'PostgreSQL introuvable (TEST_DATABASE_URL, 127.0.0.1:5432, initdb) : tests PostgreSQL IGNORÉS';
    if (process.env.CI) throw new Error(`${message} — interdit en CI`);
    console.warn(`\n${'!'.repeat(80)}\n!!! ${message}\n${'!'.repeat(80)}\n`);
    return [pglite];
  })();
  return cached;
}
