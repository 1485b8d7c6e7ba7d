import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {openDatabase} from '../../packages/server/src/db/index.js';

const BIN = resolve(import.meta.dirname, '../../packages/server/bin/cpts-kit-server.mjs');

describe('cpts-kit-server intake import', () => {
  let dir: string;
  const cli = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = {...process.env, CPTS_DATA_DIR: join(dir, 'data'), CPTS_SECRET_KEY: 'cli-test-secret-key'};
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, [BIN, ...args], {env, encoding: 'utf8', timeout: 60_000});
    return {code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim()};
  };
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const count = async () => {
    const db = await openDatabase({dataDir: join(dir, 'data')});
    try {
      const [row] = await db.query<{count: number}>("select count(*)::int as count from intake_requests where territory = 'cli' and channel = 'import'");
      return row!.count;
    } finally {
      await db.close();
    }
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpts-cli-intake-'));
    const created = cli(
      'territory',
      'create',
      '--slug',
      'cli',
      '--name',
      'CPTS CLI',
      '--communes',
      '62765,62040',
      '--phone',
      '03 21 00 00 00',
      '--email',
      'contact@example.fr',
    );
    assert.equal(created.code, 0, created.stderr);
  });
  after(() => rmSync(dir, {recursive: true, force: true}));

  it('is in the usage', () => {
    assert.match(cli('--help').stdout, /intake import --territory S --file F \[--dry-run\]/);
  });

  it('prints every error by line and exits 1, writing nothing', async () => {
    const run = cli(
      'intake',
      'import',
      '--territory',
      'cli',
      '--file',
      file('bad.csv', 'Nom;Prénom;Date de naissance;Téléphone;Commune\nRoux;Hélène;32/01/1950;0611223344;62765\n'),
    );
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /ligne 2, colonne « Date de naissance » : date de naissance illisible.*\[invalid_date\]/);
    assert.equal(await count(), 0);
  });

  it('checks with --dry-run, then imports', async () => {
    const good = file('good.csv', 'Nom;Prénom;Date de naissance;Téléphone;Commune;Inscrit le\nRoux;Hélène;02/01/1950;0611223344;62765;03/02/2025\n');
    const dry = cli('intake', 'import', '--territory', 'cli', '--file', good, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Simulation.*1 demande/);
    assert.equal(await count(), 0);
    const run = cli('intake', 'import', '--territory', 'cli', '--file', good);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await count(), 1);
  });
});
