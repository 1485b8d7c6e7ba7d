/** The admin CLI (`cpts-kit-server`, as a user runs it) on an embedded database of its own, in a temporary folder. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before} from 'node:test';
import {openDatabase, type Db} from '../../packages/server/src/db/index.js';

const BIN = resolve(import.meta.dirname, '../../packages/server/bin/cpts-kit-server.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliFolder {
  /** The temporary folder: the files a test writes with `file`. */
  readonly dir: string;
  /** Where the CLI keeps its embedded database (CPTS_DATA_DIR), inside `dir`. */
  readonly dataDir: string;
  /** Runs the CLI with the folder's environment. */
  cli: (...args: string[]) => CliRun;
  /** Runs the CLI with `env` over the folder's environment; a variable set to undefined is removed. */
  cliWith: (env: Record<string, string | undefined>, ...args: string[]) => CliRun;
  /** Writes a file into the folder and gives its path. */
  file: (name: string, content: string | Uint8Array) => string;
  /** Opens the CLI's database (while no CLI runs: PGlite has one writer), and closes it after `fn`. */
  withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  /** Creates the territory `cli` (two communes) through the CLI, as the import tests need one. */
  createTerritory: () => void;
}

/**
 * Call inside a `describe`: a fresh temporary folder before its first test (named after `prefix`),
 * removed after its last even when a test failed. `env` is added to every run; DATABASE_URL is
 * never passed on, so the CLI always works on the folder's embedded database.
 */
export function useCliFolder(prefix: string, env: Record<string, string> = {}): CliFolder {
  let dir: string | undefined;
  const folder = (): string => {
    if (dir === undefined) throw new Error('the CLI folder is not made yet: use it from a test or a hook of the describe that called useCliFolder()');
    return dir;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => {
    if (dir !== undefined) rmSync(dir, {recursive: true, force: true});
  });

  const dataDir = () => join(folder(), 'data');
  const cliWith = (extra: Record<string, string | undefined>, ...args: string[]): CliRun => {
    const full: NodeJS.ProcessEnv = {...process.env, CPTS_DATA_DIR: dataDir(), ...env, ...extra};
    delete full.DATABASE_URL;
    for (const [name, value] of Object.entries(extra)) if (value === undefined) delete full[name];
    const run = spawnSync(process.execPath, [BIN, ...args], {env: full, encoding: 'utf8', timeout: 60_000});
    return {code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim()};
  };
  const cli = (...args: string[]) => cliWith({}, ...args);
  return {
    get dir() {
      return folder();
    },
    get dataDir() {
      return dataDir();
    },
    cli,
    cliWith,
    file: (name, content) => {
      const path = join(folder(), name);
      writeFileSync(path, content);
      return path;
    },
    withDb: async (fn) => {
      const db = await openDatabase({dataDir: dataDir()});
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    createTerritory: () => {
      const created = cli(
        ...['territory', 'create', '--slug', 'cli', '--name', 'CPTS CLI', '--communes', '62765,62040'],
        ...['--phone', '03 21 00 00 00', '--email', 'contact@example.fr'],
      );
      assert.equal(created.code, 0, created.stderr);
    },
  };
}
