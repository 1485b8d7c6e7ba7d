import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {WaitingListPage, WaitingRequest} from '@cpts-kit/contract';
import {deriveKeys} from '../../packages/server/src/crypto.js';
import {backfillWaitingList} from '../../packages/server/src/waiting-list-backfill.js';
import {engines} from './databases.js';
import {harness, intakeBody, SECRET, type Harness} from './helpers.js';

const DAY = 86_400_000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

for (const engine of await engines()) {
  describe(`the waiting list (${engine.name})`, () => {
    let h: Harness;
    const base = '/v1/territories/alpha/intake-requests';
    const post = (body: unknown) => h.call('POST', base, {body, headers: {'Idempotency-Key': crypto.randomUUID()}});
    const person = (lastName: string, birthDate: string, extra: Record<string, unknown> = {}) => ({...intakeBody().person, lastName, birthDate, ...extra});
    const none = {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'no'};
    const get = (id: string) => h.call('GET', `${base}/${id}`, {token: h.token});
    const list = async (query = '') => WaitingListPage.parse((await h.call('GET', `${base}${query}`, {token: h.token})).body);
    const ids: Record<string, string> = {};

    before(async () => {
      h = await harness(engine);
      ids.old = (await post(intakeBody({person: person('Ancien', '1940-05-02'), priority: none}))).body.id;
      ids.child = (await post(intakeBody({person: person('Petit', isoDaysAgo(700), {phone: '03 21 12 34 56'}), priority: none}))).body.id;
      ids.adult = (await post(intakeBody({person: person('Lefèvre-Dupré', '1985-01-10', {communeInsee: '62040'}), priority: none}))).body.id;
      ids.ald = (await post(intakeBody({person: person('Durand', '1990-06-01'), priority: {...none, ald: 'yes'}}))).body.id;
      ids.teen = (await post(intakeBody({person: person('Jeune', isoDaysAgo(12 * 365)), priority: {...none, homeVisits: 'yes'}}))).body.id;
      // the adult has waited the longest
      await h.db.query("update intake_requests set created_at = now() - interval '40 days' where id = $1", [ids.adult]);
    });
    after(() => h.close());

    describe('the list', () => {
      it('puts priority criteria and home visits first, then the longest wait, and counts per status', async () => {
        const page = await list();
        const order = page.items.map((i) => i.id);
        assert.equal(order.indexOf(ids.adult!), 4, 'the adult without criteria comes last despite waiting longest');
        assert.deepEqual(page.counts, {received: 5, contacted: 0, oriented: 0, resolved: 0, closed: 0});
        assert.equal(page.items.find((i) => i.id === ids.old)!.ageBand, '70_plus');
      });

      it('sorts newest or oldest first on request', async () => {
        assert.equal((await list('?sort=oldest')).items[0]!.id, ids.adult);
        assert.equal((await list('?sort=newest')).items.at(-1)!.id, ids.adult);
      });

      it('filters by age band, criterion, home visits, commune and waiting time', async () => {
        assert.deepEqual(
          (await list('?ageBand=under_6')).items.map((i) => i.id),
          [ids.child],
        );
        assert.deepEqual(
          (await list('?ageBand=6_17')).items.map((i) => i.id),
          [ids.teen],
        );
        assert.deepEqual(
          (await list('?ageBand=70_plus')).items.map((i) => i.id),
          [ids.old],
        );
        assert.deepEqual(
          (await list('?criterion=ald')).items.map((i) => i.id),
          [ids.ald],
        );
        assert.deepEqual(
          (await list('?homeVisits=true')).items.map((i) => i.id),
          [ids.teen],
        );
        assert.deepEqual(
          (await list('?commune=62040')).items.map((i) => i.id),
          [ids.adult],
        );
        assert.deepEqual(
          (await list('?waitingMoreThanDays=30')).items.map((i) => i.id),
          [ids.adult],
        );
      });

      it('pages with a keyset cursor that skips and repeats nothing', async () => {
        for (const sort of ['triage', 'newest', 'oldest']) {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: WaitingListPage = await list(`?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
            seen.push(...page.items.map((i) => i.id));
            cursor = page.nextCursor;
          } while (cursor);
          assert.equal(new Set(seen).size, 5, sort);
        }
      });

      it('refuses a cursor given for another sort, naming the field', async () => {
        const page = await list('?sort=newest&limit=1');
        const res = await h.call('GET', `${base}?sort=oldest&cursor=${page.nextCursor}`, {token: h.token});
        assert.equal(res.status, 400);
        assert.equal(res.body.errors[0].path, 'cursor');
      });
    });

    describe('the search', () => {
      const search = async (text: string) => WaitingListPage.parse((await h.call('POST', `${base}/search`, {token: h.token, body: {text}})).body);

      it('finds a last name whatever its case, accents and hyphens', async () => {
        assert.deepEqual(
          (await search('lefevre dupre')).items.map((i) => i.id),
          [ids.adult],
        );
      });

      it('finds a phone number however it is written, and a reference or its number', async () => {
        assert.deepEqual(
          (await search('+33 3 21 12 34 56')).items.map((i) => i.id),
          [ids.child],
        );
        const {reference} = (await get(ids.ald!)).body;
        assert.deepEqual(
          (await search(reference.toLowerCase())).items.map((i) => i.id),
          [ids.ald],
        );
        assert.deepEqual(
          (await search(String(Number(reference.slice(-6))))).items.map((i) => i.id),
          [ids.ald],
        );
      });

      it('stores no name in clear: only a keyed index', async () => {
        const [row] = await h.db.query<{name_index: string}>('select name_index from intake_requests where id = $1', [ids.adult]);
        assert.match(row!.name_index, /^[0-9a-f]{64}$/);
      });
    });

    describe('one request', () => {
      it('answers an ETag and refuses a change made on a stale one with 412', async () => {
        const read = await get(ids.old!);
        const etag = read.headers.get('ETag')!;
        assert.ok(etag);
        const first = await h.call('PATCH', `${base}/${ids.old}`, {token: h.token, body: {notes: 'Rappeler lundi.'}, headers: {'If-Match': etag}});
        assert.equal(first.status, 200);
        assert.notEqual(first.headers.get('ETag'), etag);
        const second = await h.call('PATCH', `${base}/${ids.old}`, {token: h.token, body: {notes: 'Autre chose.'}, headers: {'If-Match': etag}});
        assert.equal(second.status, 412);
        assert.equal(second.body.code, 'stale');
        assert.match(second.body.detail, /modifié/);
        assert.equal((await get(ids.old!)).body.notes, 'Rappeler lundi.');
      });

      it('shows who opened it in its history', async () => {
        const request = WaitingRequest.parse((await get(ids.old!)).body);
        const read = request.events.filter((e) => e.kind === 'read');
        assert.ok(read.length >= 1);
        assert.equal(read.at(-1)!.by, 'coordinateur:test');
      });

      it('keeps notes encrypted at rest', async () => {
        const [row] = await h.db.query<{notes: string | null; notes_encrypted: string}>('select notes, notes_encrypted from intake_requests where id = $1', [ids.old]);
        assert.equal(row!.notes, null);
        assert.doesNotMatch(row!.notes_encrypted, /lundi/);
      });

      it('logs calls with their outcome and note, and lists them', async () => {
        const res = await h.call('POST', `${base}/${ids.old}/calls`, {token: h.token, body: {outcome: 'voicemail', note: 'Message laissé.'}});
        assert.equal(res.status, 201);
        const request = WaitingRequest.parse(res.body);
        assert.equal(request.calls.length, 1);
        assert.equal(request.calls[0]!.outcome, 'voicemail');
        assert.equal(request.calls[0]!.note, 'Message laissé.');
        const [row] = await h.db.query<{note_encrypted: string}>("select note_encrypted from intake_events where request_id = $1 and kind = 'call'", [ids.old]);
        assert.doesNotMatch(row!.note_encrypted, /Message/);
      });

      it('assigns to a coordinator, found by « assigned to me »', async () => {
        await h.call('PATCH', `${base}/${ids.teen}`, {token: h.token, body: {assignedTo: 'test'}});
        assert.deepEqual(
          (await list('?assigned=me')).items.map((i) => i.id),
          [ids.teen],
        );
        assert.equal((await list('?assigned=nobody')).items.length, 4);
      });
    });

    describe('the lifecycle', () => {
      const move = (id: string, body: unknown) => h.call('POST', `${base}/${id}/transitions`, {token: h.token, body});

      it('moves received → contacted → oriented → resolved, recording the practitioner', async () => {
        const [p] = await h.db.query<{id: string}>(
          "insert into practitioners (id, territory, profession, first_name, last_name, commune_insee, lat, lng) values (gen_random_uuid(), 'alpha', 'medecin_generaliste', 'Claire', 'Lefebvre', '62765', 50.75, 2.25) returning id",
        );
        assert.equal((await move(ids.ald!, {to: 'contacted', note: 'Jointe.'})).status, 200);
        assert.equal((await move(ids.ald!, {to: 'oriented'})).status, 200);
        const done = await move(ids.ald!, {to: 'resolved', resolvedPractitionerId: p!.id});
        assert.equal(done.status, 200);
        const request = WaitingRequest.parse(done.body);
        assert.equal(request.resolvedPractitionerId, p!.id);
        assert.deepEqual(
          request.history.map((s) => s.status),
          ['received', 'contacted', 'oriented', 'resolved'],
        );
        assert.equal(request.events.find((e) => e.to === 'contacted')!.note, 'Jointe.');
      });

      it('refuses an invalid move with a clear message', async () => {
        const res = await move(ids.child!, {to: 'resolved'});
        assert.equal(res.status, 409);
        assert.equal(res.body.code, 'invalid_transition');
        assert.match(res.body.detail, /« reçue » ne peut pas passer à « solution trouvée »/);
      });

      it('asks for a reason to close, by the field', async () => {
        const res = await move(ids.child!, {to: 'closed'});
        assert.equal(res.status, 400);
        assert.equal(res.body.errors[0].path, 'closeReason');
        const closed = await move(ids.child!, {to: 'closed', closeReason: 'moved_away'});
        assert.equal(closed.body.closeReason, 'moved_away');
      });

      it('answers 404 for an unknown request', async () => {
        assert.equal((await move(crypto.randomUUID(), {to: 'contacted'})).status, 404);
      });
    });

    describe('duplicates', () => {
      it('names a possible duplicate by its reference, in the list and in the detail', async () => {
        const first = (await post(intakeBody({person: person('Jumeau', '1961-07-07')}))).body;
        const second = (await post(intakeBody({person: person('JUMEAU', '1961-07-07')}))).body;
        const detail = WaitingRequest.parse((await get(second.id)).body);
        assert.equal(detail.possibleDuplicateOf, first.id, 'the old field stays');
        assert.deepEqual(detail.possibleDuplicate, {id: first.id, reference: first.reference});
        const row = (await list()).items.find((i) => i.id === second.id)!;
        assert.deepEqual(row.possibleDuplicate, {id: first.id, reference: first.reference});
        assert.equal(WaitingRequest.parse((await get(first.id)).body).possibleDuplicate, null);
      });

      it('merges the other into the kept one: closed as duplicate, pointing to it, both histories kept', async () => {
        const a = (await post(intakeBody({person: person('Doublon', '1955-02-02')}))).body.id;
        const b = (await post(intakeBody({person: person('DOUBLON', '1955-02-02')}))).body.id;
        await h.call('POST', `${base}/${b}/calls`, {token: h.token, body: {outcome: 'no_answer'}});
        const res = await h.call('POST', `${base}/${a}/merge`, {token: h.token, body: {otherId: b}});
        assert.equal(res.status, 200);
        const kept = WaitingRequest.parse(res.body);
        assert.deepEqual(
          kept.merged.map((m) => m.id),
          [b],
        );
        assert.ok(
          kept.calls.some((c) => c.requestId === b),
          'the other’s calls show on the kept one',
        );
        const other = WaitingRequest.parse((await get(b)).body);
        assert.equal(other.status, 'closed');
        assert.equal(other.closeReason, 'duplicate');
        assert.equal(other.mergedInto, a);
        const again = await h.call('POST', `${base}/${a}/merge`, {token: h.token, body: {otherId: b}});
        assert.equal(again.status, 409);
      });
    });

    describe('phone and paper registrations', () => {
      const assisted = (body: unknown, key: string = crypto.randomUUID()) => h.call('POST', `${base}/assisted`, {token: h.token, body, headers: {'Idempotency-Key': key}});
      const {consent: _c, ...fields} = intakeBody({person: person('Téléphone', '1950-01-20')});

      it('registers exactly once, with the date of the call as its start', async () => {
        const body = {...fields, channel: 'phone', receivedOn: isoDaysAgo(10)};
        const first = await assisted(body, 'assisted-key-0001');
        const again = await assisted(body, 'assisted-key-0001');
        assert.equal(first.status, 201);
        assert.equal(again.body.id, first.body.id);
        const request = WaitingRequest.parse((await get(first.body.id)).body);
        assert.equal(request.channel, 'phone');
        assert.equal(request.waitingDays, 10);
      });

      it('applies the public form’s rules', async () => {
        const res = await assisted({...fields, channel: 'paper', receivedOn: isoDaysAgo(1), person: {...fields.person, phone: undefined}});
        assert.equal(res.status, 400);
        assert.equal(res.body.errors[0].path, 'person.phone');
        assert.equal((await assisted({...fields, channel: 'paper', receivedOn: isoDaysAgo(-5)})).body.errors[0].path, 'receivedOn');
      });

      it('is for coordinators only', async () => {
        const res = await h.call('POST', `${base}/assisted`, {
          body: {...fields, channel: 'phone', receivedOn: isoDaysAgo(1)},
          headers: {'Idempotency-Key': crypto.randomUUID()},
        });
        assert.equal(res.status, 401);
      });
    });

    describe('the export', () => {
      it('is the filtered list as CSV for a French spreadsheet, audited', async () => {
        await post(intakeBody({person: person('=HYPERLINK("x")', '1970-01-01')}));
        const res = await h.call('GET', `${base}/export.csv?status=received`, {token: h.token});
        assert.equal(res.status, 200);
        assert.match(res.headers.get('Content-Type')!, /text\/csv/);
        // Response.text() drops the BOM: read the bytes
        const raw = await h.app.request(`${base}/export.csv`, {headers: {Authorization: `Bearer ${h.token}`}});
        assert.deepEqual([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf]);
        assert.ok(res.text.startsWith('Référence;Statut;Inscrit(e) le'));
        assert.match(res.text, /;"'=HYPERLINK\(""x""\)";/);
        assert.match(res.text, /;02\/05\/1940;/);
        assert.doesNotMatch(res.text, /Durand/, 'a resolved request is filtered out');
        const [audit] = await h.db.query<{details: {rows: number}; actor: string}>(
          "select details, actor from audit_log where action = 'intake.export' and details->'filters'->>'status' = 'received'",
        );
        assert.equal(audit!.details.rows, res.text.trim().split('\r\n').length - 1);
        assert.equal(audit!.actor, 'coordinateur:test');
      });
    });

    describe('the import of an existing list', () => {
      const csv = (text: string, query = '') => h.call('POST', `${base}/import${query}`, {token: h.token, body: text, headers: {'Content-Type': 'text/csv'}});
      const good =
        'Nom;Prénom;Date de naissance;Téléphone;Commune;Date d’inscription;ALD;Statut\nImporté;Jean;12/03/1948;06 11 22 33 44;62765;05/01/2025;oui;contactée\nImportée;Anne;01/02/1990;0611223345;62040;06/01/2025;non;\n';

      it('checks everything in a dry run and writes nothing', async () => {
        const res = await csv(good, '?dryRun=true');
        assert.equal(res.status, 200);
        assert.equal(res.body.rows, 2);
        assert.equal(res.body.created.length, 0);
        assert.equal((await h.db.query("select 1 from intake_requests where channel = 'import'")).length, 0);
      });

      it('imports all, keeping the original registration dates', async () => {
        const res = await csv(good);
        assert.equal(res.status, 200);
        assert.equal(res.body.created.length, 2);
        const first = WaitingRequest.parse((await get(res.body.created[0].id)).body);
        assert.equal(first.createdAt.slice(0, 10), '2025-01-05');
        assert.equal(first.status, 'contacted');
        assert.equal(first.channel, 'import');
      });

      it('reads Windows-1252 and commas', async () => {
        const text = 'nom,prenom,date de naissance,tel,ville\nCœurderoy,Hélène,03/04/1960,0612345678,62765\n';
        const bytes = Uint8Array.from([...text].map((ch) => (ch === 'œ' ? 0x9c : ch.charCodeAt(0))));
        const res = await h.app.request(`${base}/import?dryRun=true`, {
          method: 'POST',
          body: bytes,
          headers: {'Content-Type': 'text/csv', Authorization: `Bearer ${h.token}`},
        });
        assert.equal(res.status, 200);
        const result = (await res.json()) as {encoding: string; delimiter: string; preview: {lastName: string; firstNames: string}[]};
        assert.equal(result.encoding, 'windows-1252');
        assert.equal(result.delimiter, ',');
        assert.equal(result.preview[0]!.lastName, 'Cœurderoy');
        assert.equal(result.preview[0]!.firstNames, 'Hélène');
      });

      it('refuses a file with broken lines, naming each, and writes nothing', async () => {
        const before = (await h.db.query('select id from intake_requests')).length;
        const res = await csv('Nom;Prénom;Date de naissance;Téléphone;Commune\nBon;Jean;12/03/1948;0611223344;62765\nMauvais;Paul;31/02/1950;;Lille\n');
        assert.equal(res.status, 422);
        const paths = res.body.errors.map((e: {path: string}) => e.path);
        assert.ok(paths.includes('lines.3.birthDate'), JSON.stringify(paths));
        assert.ok(paths.includes('lines.3.commune'), JSON.stringify(paths));
        assert.equal((await h.db.query('select id from intake_requests')).length, before);
      });

      it('refuses a file over 5 MB with 413', async () => {
        const res = await csv('x'.repeat(5 * 1024 * 1024 + 10));
        assert.equal(res.status, 413);
      });
    });

    describe('the backfill', () => {
      it('indexes requests stored before the waiting list and seals their notes', async () => {
        await h.db.query("update intake_requests set name_index = null, birth_month = null, notes = 'en clair', notes_encrypted = null where id = $1", [ids.adult]);
        assert.equal(await backfillWaitingList(h.db, deriveKeys(SECRET)), 1);
        const [row] = await h.db.query<{name_index: string | null; notes: string | null}>('select name_index, notes from intake_requests where id = $1', [ids.adult]);
        assert.ok(row!.name_index);
        assert.equal(row!.notes, null);
        assert.equal((await get(ids.adult!)).body.notes, 'en clair');
      });
    });
  });
}
