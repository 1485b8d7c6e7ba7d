import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Validator} from '@seriousme/openapi-schema-validator';
import {routes} from '@cpts-kit/contract';
import {buildOpenApiDocument, documentedRoutes} from '@cpts-kit/contract/openapi';
import {createApp} from '../../packages/server/src/app.js';
import {openPglite} from '../../packages/server/src/db/index.js';

type Paths = Record<string, Record<string, unknown>>;
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  it('has request body examples that their own schemas accept', () => {
    for (const route of documentedRoutes) {
      if (!route.body) continue;
      // contract schemas are zod/mini objects, which carry safeParse (the tests resolve another zod)
      const schema = route.body.schema as unknown as {safeParse(v: unknown): {success: boolean; error?: {issues: unknown}}};
      const result = schema.safeParse(route.body.example);
      assert.ok(result.success, `${route.operationId}: ${JSON.stringify(result.error?.issues)}`);
    }
  });

  it('lists exactly the routes the server mounts, both ways', async () => {
    const db = await openPglite();
    try {
      const app = createApp({db, config: {secretKey: 'x', allowedOrigins: [], production: false, version: 'test'}});
      const mounted = new Set(
        app.routes.filter((r) => METHODS.has(r.method.toLowerCase()) && !r.path.includes('*')).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      );
      const documented = new Set(
        Object.entries(document.paths as Paths).flatMap(([path, ops]) =>
          Object.keys(ops)
            .filter((m) => METHODS.has(m))
            .map((m) => `${m} ${path}`),
        ),
      );
      assert.deepEqual(
        [...mounted].filter((r) => !documented.has(r)),
        [],
        'mounted but not in the document',
      );
      assert.deepEqual(
        [...documented].filter((r) => !mounted.has(r)),
        [],
        'in the document but not mounted',
      );
      assert.equal(mounted.size, Object.keys(routes).length);
    } finally {
      await db.close();
    }
  });

  it('is served at /v1/openapi.json', async () => {
    const db = await openPglite();
    try {
      const app = createApp({db, config: {secretKey: 'x', allowedOrigins: [], production: false, version: 'test'}});
      const res = await app.request('/v1/openapi.json');
      assert.equal(res.status, 200);
      const served = (await res.json()) as {openapi: string; paths: Paths};
      assert.equal(served.openapi, '3.1.0');
      assert.deepEqual(Object.keys(served.paths).sort(), Object.keys(document.paths as Paths).sort());
    } finally {
      await db.close();
    }
  });
});
