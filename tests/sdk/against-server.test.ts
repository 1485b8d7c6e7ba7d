import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {CptsApiError, createClient, getHealth, getOpenApi, getReadiness, getTerritory, patchTerritory} from '@cpts-kit/sdk';
import {startServer} from '@cpts-kit/server';

type Running = Awaited<ReturnType<typeof startServer>>;

describe('the SDK against the reference server', () => {
  let server: Running;
  const demoToken = 'sdk-test-coordinator-token-0123456789abcdef';

  before(async () => {
    server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true, demoToken});
  });
  after(async () => {
    await server?.close();
  });

  it('reads the demo territory with its 53 communes', async () => {
    const client = createClient({baseUrl: server.url, territory: 'demo'});
    const territory = await getTerritory(client);
    assert.equal(territory.slug, 'demo');
    assert.equal(territory.communes.length, 53);
    assert.ok(territory.communes.some((c) => c.insee === '62765' && c.name === 'Saint-Omer'));
    assert.equal(territory.allowedOrigins, undefined, 'the public does not see the allow-list');
  });

  it('reports the server alive, and ready with its database up and migrated', async () => {
    const client = createClient({baseUrl: server.url, territory: 'demo'});
    assert.equal((await getHealth(client)).status, 'ok');
    const {status, database, migrations} = await getReadiness(client);
    assert.deepEqual({status, database, migrations}, {status: 'ready', database: 'up', migrations: 'done'});
  });

  it('turns an unknown territory into a 404 CptsApiError', async () => {
    const client = createClient({baseUrl: server.url, territory: 'nowhere'});
    const error = await getTerritory(client).catch((e: unknown) => e);
    assert.ok(error instanceof CptsApiError);
    assert.equal(error.status, 404);
  });

  it('refuses a coordinator change without a token, and applies it with one', async () => {
    const anonymous = createClient({baseUrl: server.url, territory: 'demo'});
    const refused = await patchTerritory(anonymous, {phone: '03 21 11 22 33'}).catch((e: unknown) => e);
    assert.ok(refused instanceof CptsApiError);
    assert.equal(refused.status, 401);

    const coordinator = anonymous.withToken(demoToken);
    const saved = await patchTerritory(coordinator, {phone: '03 21 11 22 33'});
    assert.equal(saved.phone, '03 21 11 22 33');
    assert.equal((await getTerritory(anonymous)).phone, '03 21 11 22 33');
  });

  it('puts the server’s field errors on the fields', async () => {
    const coordinator = createClient({baseUrl: server.url, territory: 'demo', token: demoToken});
    const error = await patchTerritory(coordinator, {retentionDays: 5}).catch((e: unknown) => e);
    assert.ok(error instanceof CptsApiError);
    assert.equal(error.status, 400);
    assert.deepEqual(
      error.fieldErrors.map((f) => f.path),
      ['retentionDays'],
    );
    assert.match(error.fieldErrors[0]!.message, /\S/);
  });

  it('serves an OpenAPI document that names every operation', async () => {
    const client = createClient({baseUrl: server.url, territory: 'demo'});
    const doc = await getOpenApi(client);
    assert.equal(doc.openapi, '3.1.0');
  });
});
