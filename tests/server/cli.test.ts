import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {findCaller} from '../../packages/server/src/auth.js';
import {useCliFolder} from './admin-cli.js';

describe('the cpts-kit-server admin CLI', () => {
  const {cli, withDb} = useCliFolder('cpts-cli-');

  it('prints its usage with --help', () => {
    const run = cli('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /territory create/);
    assert.match(run.stdout, /token revoke/);
  });

  it('creates a territory from an EPCI code with all its communes', async () => {
    const run = cli(
      'territory',
      'create',
      '--slug',
      'audomarois',
      '--name',
      "CPTS de l'Audomarois",
      '--epci',
      '200069037',
      '--phone',
      '03 21 00 00 00',
      '--email',
      'contact@example.fr',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /53 commune/);
    const [row] = await withDb((db) => db.query<{count: number}>("select count(*)::int as count from territory_communes where territory = 'audomarois'"));
    assert.equal(row?.count, 53);
  });

  it('issues a coordinator token that the API accepts, and revokes it', async () => {
    const created = cli('token', 'create', '--territory', 'audomarois', '--label', 'Julie', '--days', '30');
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout;
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal((await withDb((db) => findCaller(db, 'audomarois', `Bearer ${token}`)))?.kind, 'coordinator');
    const listed = cli('token', 'list', '--territory', 'audomarois');
    assert.match(listed.stdout, /actif.*Julie/);
    assert.ok(!listed.stdout.includes(token), 'the list never shows a token');
    const revoked = cli('token', 'revoke', '--territory', 'audomarois', '--token', token);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(await withDb((db) => findCaller(db, 'audomarois', `Bearer ${token}`)), null);
    assert.match(cli('token', 'list', '--territory', 'audomarois').stdout, /révoqué/);
  });

  it('purges requests past the retention period, with a dry run first, and prints the counts', async () => {
    await withDb(async (db) => {
      await db.query("update territories set retention_days = 30 where slug = 'audomarois'");
      await db.query(
        `insert into intake_requests (id, territory, reference, commune_insee, priority, personal_encrypted, dedupe_hmac, created_at, updated_at)
         values ($1, 'audomarois', 'AUDOMAROIS-2025-000001', '62765', '{}', 'v1:x', 'h', now() - interval '90 days', now() - interval '90 days')`,
        [crypto.randomUUID()],
      );
    });
    const dry = cli('purge', '--territory', 'audomarois', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^1 demande\(s\).*simulation/);
    const done = cli('purge', '--territory', 'audomarois');
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /^1 demande\(s\).*supprimé/);
    const [left] = await withDb((db) => db.query<{count: number}>("select count(*)::int as count from intake_requests where territory = 'audomarois'"));
    assert.equal(left?.count, 0);
    assert.match(cli('purge', '--territory', 'audomarois').stdout, /^0 demande/);
  });

  it('exits non-zero with a French message on bad arguments', () => {
    const cases = [
      ['token', 'create'],
      ['token', 'create', '--territory', 'nulle-part'],
      ['territory', 'create', '--slug', 'x y', '--name', 'N', '--epci', '200069037', '--phone', '03 21 00 00 00', '--email', 'a@b.fr'],
      ['territory', 'create', '--slug', 'autre', '--name', 'N', '--epci', '999', '--phone', '03 21 00 00 00', '--email', 'a@b.fr'],
      ['frobnicate'],
      ['purge'],
      ['purge', '--territory', 'nulle-part'],
      ['token', 'create', '--territory', 'audomarois', '--days', 'beaucoup'],
    ];
    for (const args of cases) {
      const run = cli(...args);
      assert.notEqual(run.code, 0, args.join(' '));
      assert.match(run.stderr, /Erreur/, args.join(' '));
    }
  });
});
