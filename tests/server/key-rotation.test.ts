import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {createApp, type App} from '../../packages/server/src/app.js';
import {issueToken} from '../../packages/server/src/auth.js';
import {hkdfSync} from 'node:crypto';
import {deriveKeys, sealedWith} from '../../packages/server/src/crypto.js';
import {migrate, openDatabase, openPostgres, type Db} from '../../packages/server/src/db/index.js';
import {loadMailKey} from '../../packages/server/src/mail-key.js';
import type {OutgoingMessage, Transport} from '../../packages/server/src/mail-transport.js';
import {readUnsubscribeToken, recipientHash, unsubscribeToken} from '../../packages/server/src/outbox.js';
import {OutboxWorker} from '../../packages/server/src/outbox-worker.js';
import {rekeyAll, SEALED_COLUMNS, sealDeclarationNotes} from '../../packages/server/src/rekey.js';
import {startServer} from '../../packages/server/src/server.js';
import {createTerritory} from '../../packages/server/src/territories.js';
import {useCliFolder} from './admin-cli.js';
import {engines} from './databases.js';
import {declaration, intakeBody} from './helpers.js';

const OLD = 'old-secret-key-of-the-cpts-0001';
const NEW = 'new-secret-key-of-the-cpts-0002';

// Free text a coordinator or a practitioner writes about a person: none may be readable in the database.
const NOTES = {
  notes: 'Fille de Mme Ribaucourt, appeler le soir',
  call: 'Messagerie de M. Vandevelde, rappeler jeudi',
  proposal: 'Mme Ribaucourt préfère un cabinet au rez-de-chaussée',
  decline: 'Je suis déjà le médecin de son mari, M. Ribaucourt',
  declaration: 'Je peux prendre le fils de Mme Delattre en juin',
  close: 'Partie vivre chez sa sœur à Lille, Mme Ribaucourt-Lenoir',
};
const LAST_NAME = 'Ribaucourt';

function appWith(db: Db, secretKey: string, previousSecretKeys: string[] = []): App {
  return createApp({db, config: {secretKey, previousSecretKeys, allowedOrigins: [], production: false, version: 'test', rateLimitPerMinute: 0}});
}

async function call(app: App, method: string, path: string, token: string | undefined, body?: unknown): Promise<{status: number; body: any}> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && path.endsWith('/intake-requests')) headers['Idempotency-Key'] = `rotation-${crypto.randomUUID()}`;
  const res = await app.request(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await res.text();
  return {status: res.status, body: text ? JSON.parse(text) : undefined};
}

/** Every row of every table of ours, as text: what a dump or a stolen backup shows. */
async function wholeDatabase(db: Db): Promise<string> {
  const tables = await db.query<{name: string}>(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const {name} of tables) for (const row of await db.query<{t: string}>(`select row_to_json(x)::text as t from ${name} x`)) parts.push(row.t);
  return parts.join('\n');
}

for (const engine of await engines()) {
  describe(`free text at rest and key rotation (${engine.name})`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let token: string;
    let requestId: string;
    let closedId: string;
    let practitionerId: string;
    const base = '/v1/territories/alpha';

    before(async () => {
      ({db, cleanup} = await engine.open());
      await migrate(db);
      await createTerritory(db, {slug: 'alpha', name: 'CPTS Alpha', phone: '03 21 00 00 00', email: 'a@alpha.example.fr', privacySummary: 'S.', communes: ['62765']});
      ({token} = await issueToken(db, {territory: 'alpha', kind: 'coordinator', label: 'Claire'}));
      const app = appWith(db, OLD);
      const person = {...intakeBody().person, lastName: LAST_NAME};
      requestId = (await call(app, 'POST', `${base}/intake-requests`, undefined, intakeBody({person}))).body.id;
      closedId = (await call(app, 'POST', `${base}/intake-requests`, undefined, intakeBody({person: {...person, firstNames: 'Odette', birthDate: '1950-01-02'}}))).body.id;
      assert.equal((await call(app, 'PATCH', `${base}/intake-requests/${requestId}`, token, {notes: NOTES.notes})).status, 200);
      assert.equal((await call(app, 'POST', `${base}/intake-requests/${requestId}/calls`, token, {outcome: 'voicemail', note: NOTES.call})).status, 201);
      const closed = await call(app, 'POST', `${base}/intake-requests/${closedId}/transitions`, token, {to: 'closed', closeReason: 'other', note: NOTES.close});
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const practitioner = await call(app, 'POST', `${base}/practitioners`, token, {
        profession: 'medecin_generaliste',
        firstName: 'Jeanne',
        lastName: 'Martel',
        communeInsee: '62765',
      });
      practitionerId = practitioner.body.id;
      const link = await call(app, 'POST', `${base}/practitioners/${practitionerId}/link`, token, {expiresInDays: 30});
      const declared = await call(app, 'PUT', `${base}/availability`, link.body.token, declaration({noteForCoordinator: NOTES.declaration}));
      assert.equal(declared.status, 200, JSON.stringify(declared.body));
      assert.equal(declared.body.noteForCoordinator, NOTES.declaration);
      const proposals = await call(app, 'POST', `${base}/intake-requests/${requestId}/proposals`, token, {practitionerIds: [practitionerId], note: NOTES.proposal});
      assert.equal(proposals.status, 201, JSON.stringify(proposals.body));
      const proposalId = proposals.body.items?.[0]?.id ?? proposals.body[0]?.id;
      const declined = await call(app, 'POST', `${base}/proposals/${proposalId}/decline`, link.body.token, {reason: 'other', note: NOTES.decline});
      assert.equal(declined.status, 200, JSON.stringify(declined.body));
    });
    after(async () => cleanup());

    /** What the API gives back of every note, through an app with these keys. */
    async function notesThroughApi(app: App): Promise<string[]> {
      const request = await call(app, 'GET', `${base}/intake-requests/${requestId}`, token);
      const closed = await call(app, 'GET', `${base}/intake-requests/${closedId}`, token);
      const proposals = await call(app, 'GET', `${base}/intake-requests/${requestId}/proposals`, token);
      const practitioner = await call(app, 'GET', `${base}/practitioners/${practitionerId}`, token);
      assert.equal(request.status, 200, JSON.stringify(request.body));
      const items = proposals.body.items ?? proposals.body;
      return [
        request.body.notes,
        ...request.body.calls.map((e: {note: string | null}) => e.note),
        ...closed.body.events.map((e: {note: string | null}) => e.note),
        items[0].note,
        items[0].declineNote,
        practitioner.body.availability.noteForCoordinator,
      ].filter((n): n is string => typeof n === 'string');
    }

    it('rotates every encrypted column of the schema', async () => {
      const columns = await db.query<{name: string}>(
        "select table_name || '.' || column_name as name from information_schema.columns where table_schema = current_schema() and column_name like '%\\_encrypted' order by 1",
      );
      const rotated = ['intake_requests.personal_encrypted', ...SEALED_COLUMNS.flatMap(({table, columns: names}) => names.map((c) => `${table}.${c}`))].sort();
      assert.deepEqual(
        columns.map((c) => c.name),
        rotated,
      );
    });

    it('keeps every note unreadable in the database, and readable through the API', async () => {
      const dump = await wholeDatabase(db);
      for (const note of Object.values(NOTES)) assert.ok(!dump.includes(note), `« ${note} » is in the database in clear`);
      assert.ok(!dump.includes(LAST_NAME));
      assert.deepEqual((await notesThroughApi(appWith(db, OLD))).sort(), Object.values(NOTES).sort());
    });

    it('reads everything with a new key while the old one is kept as CPTS_SECRET_KEY_OLD', async () => {
      assert.deepEqual((await notesThroughApi(appWith(db, NEW, [OLD]))).sort(), Object.values(NOTES).sort());
    });

    it('seals everything again with the new key, once, after which the old key can go', async () => {
      const keys = deriveKeys(NEW, [OLD]);
      const first = await rekeyAll(db, keys, {batch: 1});
      const resealed = Object.fromEntries(first.map((c) => [c.column, c.resealed]));
      assert.equal(resealed['intake_requests.personal_encrypted'], 2);
      assert.equal(resealed['intake_requests.notes_encrypted'], 1);
      assert.equal(resealed['intake_events.note_encrypted'], 2);
      assert.equal(resealed['proposals.note_encrypted'], 1);
      assert.equal(resealed['proposals.decline_note_encrypted'], 1);
      assert.equal(resealed['availability_declarations.note_encrypted'], 1);
      assert.ok(first.every((c) => c.unreadable === 0));
      const second = await rekeyAll(db, keys);
      assert.deepEqual(
        second.map((c) => c.resealed),
        second.map(() => 0),
      );

      const newOnly = appWith(db, NEW);
      assert.deepEqual((await notesThroughApi(newOnly)).sort(), Object.values(NOTES).sort());
      // the keyed indexes moved with the key: search by name and duplicate detection still work
      const found = await call(newOnly, 'POST', `${base}/intake-requests/search`, token, {text: LAST_NAME});
      assert.equal(found.status, 200, JSON.stringify(found.body));
      assert.deepEqual(found.body.items.map((i: {id: string}) => i.id).sort(), [requestId, closedId].sort());
      const again = await call(newOnly, 'POST', `${base}/intake-requests`, undefined, intakeBody({person: {...intakeBody().person, lastName: LAST_NAME}}));
      assert.equal(again.status, 201);
      const duplicate = await call(newOnly, 'GET', `${base}/intake-requests/${again.body.id}`, token);
      assert.equal(duplicate.body.possibleDuplicate?.id, requestId);
      // and the old key alone opens nothing any more
      const oldOnly = await call(appWith(db, OLD), 'GET', `${base}/intake-requests/${requestId}`, token);
      assert.equal(oldOnly.status, 500);
    });

    it('seals a note written in clear before migration 066, once, and still shows it', async () => {
      const note = 'Pourrait suivre Mme Lemaire-Cousin après sa sortie';
      const legacy = {...declaration({noteForCoordinator: note}), visibility: 'network'};
      await db.query(
        `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_at, declared_by) values ($1, $2, $3, 'network', now() + interval '1 minute', 'practitioner')`,
        [crypto.randomUUID(), practitionerId, JSON.stringify(legacy)],
      );
      const app = appWith(db, NEW);
      const before = await call(app, 'GET', `${base}/practitioners/${practitionerId}`, token);
      assert.equal(before.body.availability.noteForCoordinator, note);
      assert.equal(await sealDeclarationNotes(db, deriveKeys(NEW)), 1);
      assert.equal(await sealDeclarationNotes(db, deriveKeys(NEW)), 0);
      assert.ok(!(await wholeDatabase(db)).includes(note));
      const after = await call(app, 'GET', `${base}/practitioners/${practitionerId}`, token);
      assert.equal(after.body.availability.noteForCoordinator, note);
    });
  });
}

describe('the keys rotate command', () => {
  const {cliWith, withDb} = useCliFolder('cpts-rotate-');
  // no old key unless the call gives one, whatever this process's environment holds
  const cli = (secrets: {CPTS_SECRET_KEY: string; CPTS_SECRET_KEY_OLD?: string}, ...args: string[]) => cliWith({CPTS_SECRET_KEY_OLD: undefined, ...secrets}, ...args);

  before(() =>
    withDb(async (db) => {
      await migrate(db);
      await createTerritory(db, {slug: 'alpha', name: 'CPTS Alpha', phone: '03 21 00 00 00', email: 'a@alpha.example.fr', privacySummary: 'S.', communes: ['62765']});
      const {token} = await issueToken(db, {territory: 'alpha', kind: 'coordinator', label: 'Claire'});
      const app = appWith(db, OLD);
      for (let i = 0; i < 3; i++) {
        const created = await call(
          app,
          'POST',
          '/v1/territories/alpha/intake-requests',
          undefined,
          intakeBody({person: {...intakeBody().person, birthDate: `1950-01-0${i + 1}`}}),
        );
        assert.equal((await call(app, 'PATCH', `/v1/territories/alpha/intake-requests/${created.body.id}`, token, {notes: `${NOTES.notes} ${i}`})).status, 200);
      }
    }),
  );

  it('refuses to declare success while a value is sealed with a key it was not given', () => {
    const run = cli({CPTS_SECRET_KEY: NEW}, 'keys', 'rotate');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /intake_requests.personal_encrypted : 3 lue\(s\), 0 chiffrée\(s\) à nouveau, 3 ILLISIBLE/);
    assert.match(run.stderr, /gardez CPTS_SECRET_KEY_OLD/);
  });

  it('seals everything again in batches, then finds nothing left to do', () => {
    const first = cli({CPTS_SECRET_KEY: NEW, CPTS_SECRET_KEY_OLD: OLD}, 'keys', 'rotate', '--batch', '2');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /intake_requests.personal_encrypted : 3 lue\(s\), 3 chiffrée\(s\) à nouveau/);
    assert.match(first.stdout, /intake_requests.notes_encrypted : 3 lue\(s\), 3 chiffrée\(s\) à nouveau/);
    const second = cli({CPTS_SECRET_KEY: NEW}, 'keys', 'rotate');
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.doesNotMatch(second.stdout, /[1-9]\d* chiffrée\(s\) à nouveau/);
    assert.match(second.stdout, /CPTS_SECRET_KEY_OLD peut être retirée/);
  });

  it('refuses a batch size that is not a number', () => {
    const run = cli({CPTS_SECRET_KEY: NEW}, 'keys', 'rotate', '--batch', 'lots');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--batch/);
  });
});

describe('a server started with an old key', () => {
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cpts-rotate-bg-'));
    const db = await openDatabase({dataDir});
    try {
      await migrate(db);
      await createTerritory(db, {slug: 'alpha', name: 'CPTS Alpha', phone: '03 21 00 00 00', email: 'a@alpha.example.fr', privacySummary: 'S.', communes: ['62765']});
      const app = appWith(db, OLD);
      for (let i = 0; i < 4; i++)
        await call(app, 'POST', '/v1/territories/alpha/intake-requests', undefined, intakeBody({person: {...intakeBody().person, birthDate: `1960-02-0${i + 1}`}}));
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(dataDir, {recursive: true, force: true}));

  it('seals the old data again in the background', async () => {
    const running = await startServer({port: 0, dataDir, secretKey: NEW, previousSecretKeys: [OLD]});
    try {
      const current = deriveKeys(NEW).decryption;
      const sealedWithOld = async () =>
        (await running.db.query<{sealed: string}>('select personal_encrypted as sealed from intake_requests')).filter((r) => sealedWith(current, r.sealed).index !== 0).length;
      for (let i = 0; i < 200 && (await sealedWithOld()) > 0; i++) await new Promise((done) => setTimeout(done, 50));
      assert.equal(await sealedWithOld(), 0);
      const [{count}] = (await running.db.query<{count: number}>('select count(*)::int as count from intake_requests')) as [{count: number}];
      assert.equal(count, 4);
    } finally {
      await running.close();
    }
  });
});

for (const engine of await engines()) {
  describe(`unsubscribes across a key rotation (${engine.name})`, () => {
    let db: Db;
    let url: string | undefined;
    let cleanup: () => Promise<void>;
    let token: string;
    const base = '/v1/territories/alpha';
    const sent: OutgoingMessage[] = [];
    const transport: Transport = {
      name: 'test',
      send: (message) => {
        sent.push(message);
        return Promise.resolve({ok: true});
      },
      close: () => {},
    };
    const sendDue = (secret: string, old: string[] = []) =>
      new OutboxWorker({db, keys: deriveKeys(secret, old), transport, publicUrl: 'https://api.alpha.example.fr/'}).sendDue();
    const resetMailKey = (adoptDerived: boolean) => db.query("update server_keys set key_encrypted = null, adopt_derived = $1 where id = 'mail'", [adoptDerived]);

    before(async () => {
      ({db, url, cleanup} = await engine.open());
      await migrate(db);
      await createTerritory(db, {slug: 'alpha', name: 'CPTS Alpha', phone: '03 21 00 00 00', email: 'a@alpha.example.fr', privacySummary: 'S.', communes: ['62765']});
      ({token} = await issueToken(db, {territory: 'alpha', kind: 'coordinator', label: 'Claire'}));
    });
    after(async () => cleanup());

    it('keeps working a link sent before the rotation, and sends nothing optional to whom unsubscribed before it', async () => {
      const old = appWith(db, OLD);
      const people = ['avant@exemple.fr', 'apres@exemple.fr', 'reste@exemple.fr'];
      const ids: string[] = [];
      for (const [i, email] of people.entries()) {
        const created = await call(old, 'POST', `${base}/intake-requests`, undefined, intakeBody({person: {...intakeBody().person, birthDate: `1970-03-0${i + 1}`, email}}));
        assert.equal(created.status, 201, JSON.stringify(created.body));
        ids.push(created.body.id);
        assert.equal((await call(old, 'POST', `${base}/intake-requests/${created.body.id}/transitions`, token, {to: 'oriented'})).status, 200);
      }
      await sendDue(OLD);
      const linkOf = (email: string) => new URL(sent.find((m) => m.to === email && m.unsubscribeUrl)?.unsubscribeUrl ?? 'https://x/').pathname;
      const [early, late] = [linkOf(people[0]!), linkOf(people[1]!)];
      assert.match(early, /^\/v1\/unsubscribe\//);
      assert.equal((await old.request(early, {method: 'POST'})).status, 200);

      // the rotation, whole: new secret with the old one kept, everything sealed again, the old one dropped
      assert.ok((await rekeyAll(db, deriveKeys(NEW, [OLD]))).every((c) => c.unreadable === 0));
      const rotated = appWith(db, NEW);
      assert.equal((await rotated.request(late)).status, 200, 'the page of a link sent before the rotation');
      assert.equal((await rotated.request(late, {method: 'POST'})).status, 200, 'its one click');
      assert.equal((await db.query('select 1 from mail_unsubscribes')).length, 2);

      sent.length = 0;
      for (const id of ids)
        assert.equal((await call(rotated, 'POST', `${base}/intake-requests/${id}/transitions`, token, {to: 'closed', closeReason: 'found_alone'})).status, 200);
      await sendDue(NEW);
      assert.deepEqual(
        sent.map((m) => m.to),
        [people[2]],
        'only who never unsubscribed hears that the request is closed',
      );
    });

    it('takes over the key of the links a database sent before it had one of its own', async () => {
      const claim = {territory: 'alpha', category: 'status', recipientHash: 'a'.repeat(64)};
      const before076 = Buffer.from(hkdfSync('sha256', Buffer.from(OLD, 'utf8'), 'cpts-kit', 'outbox-mail-v1', 32));
      const link = unsubscribeToken(before076, claim);
      await resetMailKey(true);
      assert.deepEqual(readUnsubscribeToken(await loadMailKey(db, deriveKeys(OLD)), link), claim);
      // upgraded and rotated at once: the old secret is the one the links were signed under
      await resetMailKey(true);
      assert.deepEqual(readUnsubscribeToken(await loadMailKey(db, deriveKeys(NEW, [OLD])), link), claim);
      assert.deepEqual(readUnsubscribeToken(await loadMailKey(db, deriveKeys(NEW)), link), claim);
      // a database that never sent any: a random key, nothing derived from the secret
      await resetMailKey(false);
      const fresh = await loadMailKey(db, deriveKeys(OLD));
      assert.notDeepEqual(fresh, before076);
      assert.equal(recipientHash(fresh, ' Anna@Exemple.fr'), recipientHash(await loadMailKey(db, deriveKeys(NEW, [OLD])), 'anna@exemple.fr'));
    });

    if (engine.name === 'postgres')
      it('gives two servers starting together on one PostgreSQL the same key', async () => {
        const other = await openPostgres(url!, 2);
        try {
          for (let round = 0; round < 5; round++) {
            await resetMailKey(false);
            const [a, b] = await Promise.all([loadMailKey(db, deriveKeys(NEW)), loadMailKey(other, deriveKeys(NEW))]);
            assert.deepEqual(a, b);
          }
        } finally {
          await other.close();
        }
      });
  });
}
