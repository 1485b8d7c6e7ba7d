import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Board, Health, Impact, RequestStatus, Stats, Territory} from '@cpts-kit/contract';
import {getAvailabilityBoard, getHealth, getImpact, getStats, getTerritory, isCptsApiError, isCptsNetworkError, lookupRequestStatus, patchTerritory} from '@cpts-kit/sdk';
import {createMockClient, createMockFetch, demoTerritory, longTerritoryName, mockBaseUrl, mockCoordinatorToken} from '../../stories/mock-client.js';

describe('the stories’ mock API', () => {
  it('serves a demo territory that passes the contract', async () => {
    const territory = await getTerritory(createMockClient());
    assert.deepEqual(Territory.parse(territory), demoTerritory);
    assert.equal(territory.name, "CPTS de l'Audomarois (démo)");
    assert.equal(territory.phone, '03 21 00 00 00');
  });

  it('lists real communes of the Saint-Omer area by INSEE code', () => {
    const codes = demoTerritory.communes.map((commune) => `${commune.insee} ${commune.name}`);
    for (const expected of ['62765 Saint-Omer', '62040 Arques', '62525 Longuenesse', '62139 Blendecques', '62902 Wizernes']) {
      assert.ok(codes.includes(expected), `${expected} is missing`);
    }
  });

  it('serves a coordinators’ board that passes the contract, with network-only and never-declared rows', async () => {
    const board = Board.parse(await getAvailabilityBoard(createMockClient({board: 'demo'}).withToken('any')));
    assert.ok(board.items.some((r) => r.availability?.visibility === 'network'));
    assert.ok(board.items.some((r) => r.freshness === 'never'));
    assert.ok(board.items.some((r) => r.freshness === 'stale'));
    assert.equal(board.counts.total, board.items.length);
    assert.deepEqual((await getAvailabilityBoard(createMockClient({board: 'empty'}))).items, []);
    const refused = await getAvailabilityBoard(createMockClient({board: 'refused'})).catch((e: unknown) => e);
    assert.ok(isCptsApiError(refused) && refused.status === 401);
  });

  it('answers the health check with a valid body', async () => {
    assert.equal(Health.parse(await getHealth(createMockClient())).status, 'ok');
  });

  it('lets a story replace fields, and the result still passes the contract', async () => {
    const territory = await getTerritory(createMockClient({territory: {name: longTerritoryName}}));
    assert.equal(Territory.parse(territory).name, longTerritoryName);
  });

  it('waits the given delay before answering', async () => {
    const started = performance.now();
    await getTerritory(createMockClient({delayMs: 60}));
    assert.ok(performance.now() - started >= 55);
  });

  it('never answers with an infinite delay, until the caller gives up', async () => {
    const controller = new AbortController();
    const pending = getTerritory(createMockClient({delayMs: Infinity}), {signal: controller.signal});
    const outcome = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(resolve, 50, 'still loading')),
    ]);
    assert.equal(outcome, 'still loading');
    controller.abort();
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  });

  it('fails like a server that is down: a CptsApiError carrying a French problem', async () => {
    const error = await getTerritory(createMockClient({failure: 'server'})).catch((e: unknown) => e);
    assert.ok(isCptsApiError(error));
    assert.equal(error.status, 503);
    assert.equal(error.problem.title, 'Service momentanément indisponible');
  });

  it('writes the problem in English when the client asks for English', async () => {
    const error = await getTerritory(createMockClient({failure: 'server', lang: 'en'})).catch((e: unknown) => e);
    assert.ok(isCptsApiError(error));
    assert.equal(error.problem.title, 'Service temporarily unavailable');
  });

  it('answers 404 for an unknown territory', async () => {
    const error = await getTerritory(createMockClient({failure: 'not-found'})).catch((e: unknown) => e);
    assert.ok(isCptsApiError(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not-found');
  });

  it('fails like an offline page: a CptsNetworkError', async () => {
    const error = await getTerritory(createMockClient({failure: 'network'})).catch((e: unknown) => e);
    assert.ok(isCptsNetworkError(error));
  });

  it('says so, rather than inventing data, for an operation it does not simulate', async () => {
    const error = await patchTerritory(createMockClient().withToken(mockCoordinatorToken), {name: 'Autre nom'}).catch((e: unknown) => e);
    assert.ok(isCptsApiError(error));
    assert.equal(error.status, 501);
  });

  it('serves stats that pass the contract, one row per month of the period, and their publishable variant suppressed', async () => {
    const client = createMockClient().withToken(mockCoordinatorToken);
    const stats = Stats.parse(await getStats(client, {from: '2026-01-01', to: '2026-06-30'}));
    assert.deepEqual(
      stats.byMonth.map((m) => m.month),
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    );
    assert.equal(
      stats.registered,
      stats.byMonth.reduce((sum, m) => sum + (m.registered as number), 0),
    );
    const published = Stats.parse(await getStats(client, {from: '2026-01-01', to: '2026-06-30', publishable: true}));
    assert.equal(published.publishable, true);
    assert.deepEqual(published.byCommune.find((c) => c.name === 'Esquerdes')?.waitingNow, {suppressed: 'lessThan11'});
    assert.ok(Stats.parse(await getStats(client)).byMonth.length >= 12);
    assert.equal(Stats.parse(await getStats(createMockClient({stats: 'empty'}).withToken(mockCoordinatorToken))).empty, true);
  });

  it('refuses a period in the future with the server’s French words on the field', async () => {
    const error = await getStats(createMockClient().withToken(mockCoordinatorToken), {from: '2026-01-01', to: '2999-01-01'}).catch((e: unknown) => e);
    assert.ok(isCptsApiError(error) && error.status === 400);
    assert.deepEqual(
      error.fieldErrors.map((e) => e.path),
      ['to'],
    );
  });

  it('serves the public impact, suppressed, and 404 when the territory does not publish it', async () => {
    assert.equal(Impact.parse(await getImpact(createMockClient())).registered, 412);
    assert.deepEqual(Impact.parse(await getImpact(createMockClient({impact: 'small'}))).foundDoctor, {suppressed: 'lessThan11'});
    const off = await getImpact(createMockClient({impact: 'off'})).catch((e: unknown) => e);
    assert.ok(isCptsApiError(off) && off.status === 404);
  });

  it('answers 404 problem+json for a path outside the contract', async () => {
    const response = await createMockFetch()(`${mockBaseUrl}/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('answers the status lookup at each step within the contract, and its generic 404 and 429', async () => {
    for (const step of ['received', 'in_progress', 'oriented', 'resolved', 'closed'] as const) {
      const status = RequestStatus.parse(await lookupRequestStatus(createMockClient({requestStatus: step}), {reference: 'demo-2026-000123', birthDate: '1951-07-04'}));
      assert.equal(status.status, step);
      assert.equal(status.reference, 'DEMO-2026-000123');
      assert.equal(status.closedBecause === null, step !== 'closed');
    }
    const notFound = await lookupRequestStatus(createMockClient({requestStatus: 'not-found'}), {reference: 'DEMO-2026-000123', birthDate: '1951-07-04'}).catch(
      (e: unknown) => e,
    );
    assert.ok(isCptsApiError(notFound) && notFound.status === 404);
    const limited = await lookupRequestStatus(createMockClient({requestStatus: 'rate-limited'}), {reference: 'DEMO-2026-000123', birthDate: '1951-07-04'}).catch(
      (e: unknown) => e,
    );
    assert.ok(isCptsApiError(limited) && limited.status === 429);
    assert.equal((limited.problem as {retryAfter?: unknown}).retryAfter, 600);
  });
});
