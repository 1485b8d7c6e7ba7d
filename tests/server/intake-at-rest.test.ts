import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {createApp} from '../../packages/server/src/app.js';
import {migrate, openPglite} from '../../packages/server/src/db/index.js';
import {createTerritory} from '../../packages/server/src/territories.js';
import {intakeBody, SECRET} from './helpers.js';

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Every file of the data folder that holds `text`, in UTF-8 bytes, anywhere. */
function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return [...filesUnder(dir)].filter((file) => readFileSync(file).includes(needle));
}

describe('personal fields on disk (PGlite files)', () => {
  let dir: string;
  let reference: string;
  const lastName = 'Quenouillère';
  const phone = '07 61 42 93 58';
  const comment = 'Sonner deux fois, interphone en panne';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpts-at-rest-'));
    const db = await openPglite(dir);
    try {
      await migrate(db);
      await createTerritory(db, {slug: 'alpha', name: 'CPTS Alpha', phone: '03 21 00 00 00', email: 'a@alpha.example.fr', privacySummary: 'S.', communes: ['62765']});
      const app = createApp({db, config: {secretKey: SECRET, allowedOrigins: [], production: false, version: 'test'}});
      const res = await app.request('/v1/territories/alpha/intake-requests', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'at-rest-0001'},
        body: JSON.stringify(intakeBody({person: {...intakeBody().person, lastName, phone}, comment})),
      });
      assert.equal(res.status, 201);
      reference = ((await res.json()) as {reference: string}).reference;
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(dir, {recursive: true, force: true}));

  it('finds what is stored in clear, so the search below can see text in these files', () => {
    assert.ok(filesContaining(dir, reference).length > 0, `the reference ${reference} should be on disk in clear`);
  });

  it('never writes the name, the phone or the comment in clear in any file of the data folder', () => {
    for (const secret of [lastName, phone, comment]) assert.deepEqual(filesContaining(dir, secret), [], secret);
  });
});
