import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {CptsApiError, createClient, importPractitioners, type CptsClient} from '@cpts-kit/sdk';
import {startServer} from '@cpts-kit/server';
import {rpps} from '../server/rpps.js';

type Running = Awaited<ReturnType<typeof startServer>>;

const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('importPractitioners against the reference server', () => {
  let server: Running;
  let client: CptsClient;
  const demoToken = 'sdk-import-coordinator-token-0123456789abcdef';

  before(async () => {
    server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true, demoToken});
    client = createClient({baseUrl: server.url, territory: 'demo', token: demoToken});
  });
  after(async () => {
    await server?.close();
  });

  it('previews a text file with a dry run, then imports it', async () => {
    const csv = `rpps;profession;prénom;nom;code insee\n${rpps('3000000001')};Médecin généraliste;Hélène;Sdk;62765\n`;
    const preview = await importPractitioners(client, csv, {dryRun: true});
    assert.deepEqual([preview.dryRun, preview.created, preview.updated], [true, 1, 0]);
    assert.equal(preview.preview[0]?.practitioner.firstName, 'Hélène');
    const done = await importPractitioners(client, csv);
    assert.deepEqual([done.dryRun, done.created], [false, 1]);
    assert.deepEqual([(await importPractitioners(client, csv)).updated], [1], 'the same RPPS again is an update');
  });

  it('sends bytes as they are, so a Windows-1252 file keeps its accents', async () => {
    const bytes = latin1(`rpps,profession,prenom,nom,commune_insee,adresse\n${rpps('3000000002')},infirmier,Hélène,Octets,62765,Saint-Omer\n`);
    for (const body of [bytes, bytes.buffer, new Blob([bytes], {type: 'text/csv'})]) {
      const result = await importPractitioners(client, body, {dryRun: true});
      assert.equal(result.encoding, 'windows-1252');
      assert.equal(result.preview[0]?.practitioner.firstName, 'Hélène');
      assert.equal(result.preview[0]?.practitioner.address, 'Saint-Omer');
    }
  });

  it('rejects a file with errors with a CptsApiError listing each line and column', async () => {
    const error = await importPractitioners(client, 'profession;prenom;nom;code insee\nastronaute;Luc;Sdk;62765\ninfirmier;Anne;Sdk;59350\n').catch((e: unknown) => e);
    assert.ok(error instanceof CptsApiError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'import_invalid');
    assert.deepEqual(
      error.fieldErrors.map((e) => [e.line, e.column, e.code, e.path]),
      [
        [2, 'profession', 'unknown_profession', 'lines.2.profession'],
        [3, 'code insee', 'unknown_commune', 'lines.3.communeInsee'],
      ],
    );
  });

  it('sends files above the 64 KB JSON limit over HTTP, and gets 413 beyond 5 MB', async () => {
    const row = (i: number) => `${rpps(String(3_100_000_000 + i))};kiné;Prénom;Nom ${i};62765;${'x'.repeat(200)}\n`;
    const big = `rpps;profession;prenom;nom;insee;adresse\n${Array.from({length: 400}, (_, i) => row(i)).join('')}`;
    assert.ok(new TextEncoder().encode(big).length > 64 * 1024);
    assert.equal((await importPractitioners(client, big, {dryRun: true})).created, 400);
    const error = await importPractitioners(client, new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41)).catch((e: unknown) => e);
    assert.ok(error instanceof CptsApiError);
    assert.equal(error.status, 413);
  });

  it('needs a coordinator token', async () => {
    const error = await importPractitioners(client.withToken(undefined), 'profession;prenom;nom;code insee\n').catch((e: unknown) => e);
    assert.ok(error instanceof CptsApiError);
    assert.equal(error.status, 401);
  });
});
