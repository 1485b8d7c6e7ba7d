import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {serve, type ServerType} from '@hono/node-server';
import {createApp, type App} from './app.js';
import {DEFAULT_RATE_LIMIT, resolveSecretKey, SERVER_VERSION} from './config.js';
import {migrate, openDatabase, type Db} from './db/index.js';
import {IntakeWriter} from './intake-writer.js';
import {purgeAll} from './purge.js';
import {ensureDemoToken, seedDemo} from './seed.js';
import {seedWaitingList} from './seed-waiting-list.js';
import {backfillWaitingList} from './waiting-list-backfill.js';
import {deriveKeys} from './crypto.js';
import {IMMUTABLE, serveFile, SHORT_CACHE} from './static.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where `/dist` and `/examples` come from: the repository when the server runs in it, else the copy
 * the build puts in the package (`public/`), which is what `npx @cpts-kit/server start` has.
 */
export function defaultStaticRoot(): string {
  const inRepo = existsSync(resolve(REPO_ROOT, 'examples')) && existsSync(resolve(REPO_ROOT, 'packages', 'server', 'package.json'));
  return inRepo ? REPO_ROOT : resolve(PACKAGE_ROOT, 'public');
}

export interface StartOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  databaseUrl?: string | undefined;
  dataDir?: string;
  secretKey?: string | undefined;
  allowedOrigins?: string[];
  production?: boolean;
  /** Seed the demo territory when the database has none, and issue a demo coordinator token. */
  demo?: boolean;
  demoToken?: string | undefined;
  /** Intake POSTs per client address and minute; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Reverse proxies that append to X-Forwarded-For; 0 ignores the header. */
  trustProxy?: number;
  /** Test hook: see CPTS_TEST_CRASH_AFTER_COMMIT in the README. */
  testCrashAfterCommit?: boolean;
  /** Serves `/` → examples/index.html, `/examples/*` and `/dist/*` from this folder (the repo root). */
  staticRoot?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  app: App;
  db: Db;
  demoToken?: string;
  close(): Promise<void>;
}

function mountStatic(app: App, root: string): void {
  const notFoundFile = (path: string) => app.request(`/__static_not_found__${path}`);
  app.get('/', async (c) => (await serveFile(c, resolve(root, 'examples'), 'index.html')) ?? notFoundFile(c.req.path));
  app.get('/examples/*', async (c) => (await serveFile(c, resolve(root, 'examples'), c.req.path.slice('/examples/'.length))) ?? notFoundFile(c.req.path));
  app.get('/dist/*', async (c) => {
    const path = c.req.path.slice('/dist/'.length);
    // rollup names every chunk after its content (`chunks/[name]-[hash].js`); the entry keeps its name
    const cache = path.startsWith('chunks/') ? IMMUTABLE : SHORT_CACHE;
    return (await serveFile(c, resolve(root, 'dist'), path, cache)) ?? notFoundFile(c.req.path);
  });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? './.data';
  const db = await openDatabase({databaseUrl: options.databaseUrl, dataDir});
  try {
    await migrate(db);
    const secretKey = resolveSecretKey({secretKey: options.secretKey, databaseUrl: options.databaseUrl, dataDir});
    const keys = deriveKeys(secretKey);
    let demoToken: string | undefined;
    if (options.demo) {
      const [{count} = {count: 0}] = await db.query<{count: number}>('select count(*)::int as count from territories');
      if (count === 0) {
        await seedDemo(db);
        await seedWaitingList(db, keys);
      }
      const [demo] = await db.query("select 1 from territories where slug = 'demo'");
      if (demo) demoToken = await ensureDemoToken(db, options.demoToken);
    }
    // requests stored before the waiting list get their search indexes (needs the key, so not in SQL)
    await backfillWaitingList(db, keys).catch((error: unknown) => console.error('index de recherche de la liste d’attente :', (error as Error).message));
    // PGlite runs no autovacuum: without statistics the waiting list's keyset pages sort the whole
    // territory instead of reading its index in order
    const analyse = () => (db.kind === 'pglite' ? db.query('analyze intake_requests').then(() => undefined) : Promise.resolve());
    await analyse();
    const intakeWriter = new IntakeWriter(db);
    const app = createApp({
      db,
      intakeWriter,
      config: {
        secretKey,
        allowedOrigins: options.allowedOrigins ?? [],
        production: options.production ?? false,
        version: SERVER_VERSION,
        rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT,
        trustProxy: options.trustProxy ?? 0,
        testCrashAfterCommit: options.testCrashAfterCommit === true && options.production !== true,
      },
    });
    if (options.staticRoot) mountStatic(app, options.staticRoot);

    const host = options.host ?? '127.0.0.1';
    const {server, port} = await new Promise<{server: ServerType; port: number}>((resolvePromise, reject) => {
      const server = serve({fetch: app.fetch, port: options.port ?? 8787, hostname: host}, (info) => resolvePromise({server, port: info.port}));
      server.once('error', reject);
    });
    // retention and key lifetime are kept hourly here too: with PGlite the CLI cannot run beside the server
    const sweep = setInterval(() => {
      purgeAll(db)
        .then(analyse)
        .catch((error: unknown) => console.error('purge horaire :', (error as Error).message));
    }, 3_600_000);
    sweep.unref();
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= new Promise<void>((done) => {
        clearInterval(sweep);
        // stop accepting, let in-flight requests finish, then drop idle keep-alive sockets
        server.close(() => done());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      })
        .then(() => intakeWriter.idle())
        .then(() => db.close()));
    const result: RunningServer = {url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`, port, app, db, close};
    if (demoToken) result.demoToken = demoToken;
    return result;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
