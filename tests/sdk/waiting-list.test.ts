import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  CptsApiError,
  createAssistedIntakeRequest,
  createClient,
  etagOf,
  exportIntakeRequests,
  getIntakeRequest,
  getMe,
  importIntakeRequests,
  listCoordinators,
  listIntakeRequests,
  logIntakeCall,
  mergeIntakeRequest,
  patchIntakeRequest,
  searchIntakeRequests,
  transitionIntakeRequest,
} from '@cpts-kit/sdk';
import {startServer} from '@cpts-kit/server';

type Running = Awaited<ReturnType<typeof startServer>>;

describe('the SDK on the waiting list', () => {
  let server: Running;
  const token = 'sdk-waiting-list-token-0123456789abcdef';
  const client = () => createClient({baseUrl: server.url, territory: 'demo', token});

  before(async () => {
    server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true, demoToken: token});
  });
  after(async () => {
    await server?.close();
  });

  it('lists the demo’s living list in triage order, with counts per status', async () => {
    const page = await listIntakeRequests(client(), {limit: 20});
    assert.equal(page.items.length, 20);
    assert.ok(page.nextCursor);
    const total = Object.values(page.counts).reduce((a, b) => a + b, 0);
    // 60 living requests and 240 finished ones of the demo's history (seed-history.ts)
    assert.equal(total, 300);
    assert.ok(page.counts.received > 0 && page.counts.resolved > 0 && page.counts.closed > 0);
    const next = await listIntakeRequests(client(), {limit: 20, cursor: page.nextCursor});
    assert.ok(next.items.every((i) => !page.items.some((p) => p.id === i.id)));
  });

  it('flags the demo’s duplicate registration', async () => {
    const page = await listIntakeRequests(client(), {limit: 100});
    assert.ok(page.items.some((i) => i.possibleDuplicateOf !== null));
  });

  it('registers a phone call, finds it by name, logs a call, moves it and refuses a stale change', async () => {
    const created = await createAssistedIntakeRequest(client(), {
      channel: 'phone',
      receivedOn: new Date().toISOString().slice(0, 10),
      requester: {kind: 'self'},
      person: {lastName: 'Sdk-Appel', firstNames: 'Rémi', birthDate: '1949-09-09', phone: '03 21 55 66 77', communeInsee: '62765'},
      situation: {reason: 'gp_retired'},
      priority: {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'yes', chronicFollowUp: 'no'},
    });
    const found = await searchIntakeRequests(client(), {text: 'SDK APPEL'});
    assert.deepEqual(
      found.items.map((i) => i.id),
      [created.id],
    );
    const read = await getIntakeRequest(client(), created.id);
    const called = await logIntakeCall(client(), created.id, {outcome: 'reached', note: 'Joint.'}, {ifMatch: etagOf(read.version)});
    assert.equal(called.calls.length, 1);
    const moved = await transitionIntakeRequest(client(), created.id, {to: 'contacted'}, {ifMatch: etagOf(called.version)});
    assert.equal(moved.status, 'contacted');
    const stale = await patchIntakeRequest(client(), created.id, {notes: 'trop tard'}, {ifMatch: etagOf(read.version)}).catch((e: unknown) => e);
    assert.ok(stale instanceof CptsApiError);
    assert.equal(stale.status, 412);
  });

  it('merges two requests', async () => {
    const page = await listIntakeRequests(client(), {status: 'received', limit: 2, sort: 'newest'});
    const [a, b] = page.items;
    const kept = await mergeIntakeRequest(client(), a!.id, b!.id);
    assert.deepEqual(
      kept.merged.map((m) => m.id),
      [b!.id],
    );
  });

  it('exports CSV and dry-runs an import', async () => {
    const csv = await exportIntakeRequests(client(), {status: 'resolved'});
    assert.match(csv, /^\uFEFF?Référence;/);
    const result = await importIntakeRequests(client(), 'Nom;Prénom;Date de naissance;Téléphone;Commune\nSdk;Ana;01/01/1980;0611111111;Saint-Omer\n', {dryRun: true});
    assert.equal(result.rows, 1);
    assert.equal(result.preview[0]!.communeInsee, '62765');
  });

  it('says who holds the token and lists the coordinators’ names for assignment', async () => {
    const me = await getMe(client());
    assert.deepEqual(me, {kind: 'coordinator', name: 'démo', label: 'démo', practitionerId: null});
    assert.ok((await listCoordinators(client())).includes(me.name));
    await assert.rejects(getMe(createClient({baseUrl: server.url, territory: 'demo', token: 'wrong-token-0123456789'})), (e) => e instanceof CptsApiError && e.status === 401);
  });
});
