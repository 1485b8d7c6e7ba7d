import {Hono} from 'hono';
import type {AppEnv, Deps} from '../env.js';

export function systemRoutes({db, config}: Deps, openApi: () => unknown) {
  let document: unknown;
  return new Hono<AppEnv>()
    .get('/healthz', async (c) => {
      const up = await db.query('select 1 as ok').then(
        () => true,
        () => false,
      );
      c.header('Cache-Control', 'no-store');
      return c.json({status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', version: config.version}, up ? 200 : 503);
    })
    .get('/v1/openapi.json', (c) => {
      document ??= openApi();
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(document);
    });
}
