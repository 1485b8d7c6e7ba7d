import assert from 'node:assert/strict';
import {join} from 'node:path';
import {before, describe, it} from 'node:test';
import {useCliFolder} from './admin-cli.js';
import {rpps} from './rpps.js';

describe('cpts-kit-server practitioners import', () => {
  const folder = useCliFolder('cpts-cli-import-');
  const {cli, file, withDb, createTerritory} = folder;
  const count = () =>
    withDb(async (db) => {
      const [row] = await db.query<{count: number; names: string[]}>(
        "select count(*)::int as count, array_agg(first_name order by first_name) as names from practitioners where territory = 'cli'",
      );
      return row!;
    });
  before(createTerritory);

  it('is in the usage', () => {
    assert.match(cli('--help').stdout, /practitioners import --territory S --file F \[--dry-run\]/);
  });

  it('prints every error by line and exits 1, writing nothing', async () => {
    const bad = file('bad.csv', `rpps;profession;prénom;nom;code insee\n${rpps('1000345678')};astronaute;Hélène;Roux;62765\n12345;infirmier;Paul;Petit;59350\n`);
    const run = cli('practitioners', 'import', '--territory', 'cli', '--file', bad);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /rien n'a été importé/);
    assert.match(run.stderr, /ligne 2, colonne « profession » : profession inconnue.*\[unknown_profession\]/);
    assert.match(run.stderr, /ligne 3, colonne « rpps » : .*11 chiffres/);
    assert.match(run.stderr, /ligne 3, colonne « code insee » : .*59350/);
    assert.equal((await count()).count, 0);
  });

  it('simulates with --dry-run, then imports a Windows-1252 file and prints the counts', async () => {
    // « Hélène » in Windows-1252: é is 0xE9
    const good = file(
      'good.csv',
      Uint8Array.from(
        [...'rpps,profession,prenom,nom,commune_insee\n', `${rpps('1000345678')},medecin_generaliste,H`, '\u00e9', 'l', '\u00e8', 'ne,Roux,62765\n'].join(''),
        (ch) => ch.charCodeAt(0),
      ),
    );
    const dry = cli('practitioners', 'import', '--territory', 'cli', '--file', good, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Simulation, rien n'a été écrit : 1 professionnel\(s\) à créer, 0 à mettre à jour .*windows-1252.*« , »/);
    assert.equal((await count()).count, 0);
    const done = cli('practitioners', 'import', '--territory', 'cli', '--file', good);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /^Import terminé : 1 professionnel\(s\) créé\(s\), 0 mis à jour/);
    assert.deepEqual(await count(), {count: 1, names: ['Hélène']});
    const again = cli('practitioners', 'import', '--territory', 'cli', '--file', good);
    assert.match(again.stdout, /0 professionnel\(s\) créé\(s\), 1 mis à jour/);
  });

  it('exits 2 on a missing file or territory', () => {
    assert.equal(cli('practitioners', 'import', '--territory', 'cli').code, 2);
    const missing = cli('practitioners', 'import', '--territory', 'cli', '--file', join(folder.dir, 'absent.csv'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /impossible de lire.*ENOENT/);
    assert.equal(cli('practitioners', 'import', '--territory', 'nulle-part', '--file', join(folder.dir, 'bad.csv')).code, 2);
  });
});
