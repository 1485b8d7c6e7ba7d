import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {useCliFolder} from './admin-cli.js';

describe('cpts-kit-server intake import', () => {
  const {cli, file, withDb, createTerritory} = useCliFolder('cpts-cli-intake-', {CPTS_SECRET_KEY: 'cli-test-secret-key'});
  const count = () =>
    withDb(async (db) => {
      const [row] = await db.query<{count: number}>("select count(*)::int as count from intake_requests where territory = 'cli' and channel = 'import'");
      return row!.count;
    });
  before(createTerritory);

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
