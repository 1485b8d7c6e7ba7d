import {Hono} from 'hono';
import {migrationsPending} from '../db/index.js';
import type {AppEnv, Deps} from '../env.js';
import {ApiProblem} from '../problems.js';

function notReady(detail: string): ApiProblem {
  return new ApiProblem(503, 'not_ready', 'Serveur pas prêt', {detail, headers: {'Cache-Control': 'no-store'}});
}

/** Why this server should not get traffic now, or undefined when it may. */
async function unreadiness(db: Deps['db'], stopping: AbortSignal | undefined): Promise<string | undefined> {
  if (stopping?.aborted) return 'Arrêt en cours : le serveur termine les requêtes reçues.';
  let pending: string[];
  try {
    pending = await migrationsPending(db);
  } catch {
    return 'La base de données ne répond pas.';
  }
  if (pending.length > 0) return `Migrations en attente : ${pending.join(', ')}.`;
  return undefined;
}

export function systemRoutes({db, config, stopping}: Deps, openApi: () => unknown) {
  let document: unknown;
  return (
    new Hono<AppEnv>()
      // liveness: the process answers; the database is /readyz's business, or a database outage
      // would make an orchestrator restart every server at once
      .get('/healthz', (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json({status: 'ok' as const, version: config.version}, 200);
      })
      .get('/readyz', async (c) => {
        c.header('Cache-Control', 'no-store');
        const reason = await unreadiness(db, stopping);
        if (reason) throw notReady(reason);
        return c.json({status: 'ready' as const, database: 'up' as const, migrations: 'done' as const, version: config.version}, 200);
      })
      .get('/v1/openapi.json', (c) => {
        document ??= openApi();
        c.header('Cache-Control', 'public, max-age=300');
        return c.json(document);
      })
  );
}
