import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {serve, type ServerType} from '@hono/node-server';
import {createApp, type App} from './app.js';
import {DEFAULT_RATE_LIMIT, DEFAULT_STATUS_RATE_LIMIT, resolveSecretKey, SERVER_VERSION, type MailConfig} from './config.js';
import {SmtpTransport} from './mail-transport.js';
import {DEFAULT_RETRY, OutboxWorker} from './outbox-worker.js';
import {migrate, openDatabase, underStartupLock, type Db} from './db/index.js';
import {IntakeWriter} from './intake-writer.js';
import {purgeAll} from './purge.js';
import {ensureDemoToken, seedDemo} from './seed.js';
import {seedRequestHistory} from './seed-history.js';
import {seedWaitingList} from './seed-waiting-list.js';
import {backfillWaitingList} from './waiting-list-backfill.js';
import {deriveKeys, type Keys} from './crypto.js';
import {DEFAULT_SHUTDOWN_GRACE_MS, drain} from './shutdown.js';
import {createMailKeyIfMissing} from './mail-key.js';
import {rekeyInBackground, sealDeclarationNotes} from './rekey.js';
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
  /** CPTS_SECRET_KEY_OLD: old secrets that still decrypt while everything is sealed again with the current one. */
  previousSecretKeys?: string[];
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
  /** Status lookups per client address and minute; 0 turns the limit off (the per-reference one stays). */
  statusRateLimitPerMinute?: number;
  /** E-mail delivery; without `smtpUrl` messages wait in the outbox. */
  mail?: Partial<MailConfig> & {pollMs?: number; leaseMs?: number; scheduleMs?: number};
  /** How long a shutdown waits for requests in flight before cutting their connections (CPTS_SHUTDOWN_GRACE_MS, 10 s). */
  shutdownGraceMs?: number;
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

/**
 * Every write a server makes before it listens, in the transaction that holds the start-up lock:
 * servers started together on one PostgreSQL migrate and seed the demo once. Returns the demo token.
 */
async function prepareDatabase(tx: Db, keys: Keys, options: StartOptions): Promise<string | undefined> {
  await migrate(tx);
  // under the lock, before any message: every server on this database signs with the same key
  await createMailKeyIfMissing(tx, keys);
  let demoToken: string | undefined;
  if (options.demo) {
    const [{count} = {count: 0}] = await tx.query<{count: number}>('select count(*)::int as count from territories');
    if (count === 0) {
      await seedDemo(tx);
      await seedWaitingList(tx, keys);
      await seedRequestHistory(tx, keys);
    }
    const [demo] = await tx.query("select 1 from territories where slug = 'demo'");
    if (demo) demoToken = await ensureDemoToken(tx, options.demoToken);
  }
  // requests stored before the waiting list get their search indexes (needs the key, so not in
  // SQL); a failure there must not cost the start, nor abort the transaction: a savepoint
  await tx.query('savepoint backfill');
  try {
    await backfillWaitingList(tx, keys);
    await tx.query('release savepoint backfill');
  } catch (error) {
    await tx.query('rollback to savepoint backfill');
    console.error('index de recherche de la liste d’attente :', (error as Error).message);
  }
  return demoToken;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? './.data';
  const db = await openDatabase({databaseUrl: options.databaseUrl, dataDir});
  try {
    const secretKey = resolveSecretKey({secretKey: options.secretKey, databaseUrl: options.databaseUrl, dataDir});
    const keys = deriveKeys(secretKey, options.previousSecretKeys);
    const demoToken = await underStartupLock(db, (tx) => prepareDatabase(tx, keys, options));
    await sealDeclarationNotes(db, keys).catch((error: unknown) => console.error('notes des déclarations :', (error as Error).message));
    // an old key is set: seal everything again with the current one, in the background (rekey.ts)
    if (keys.decryption.length > 1) void rekeyInBackground(db, keys);
    // PGlite runs no autovacuum: without statistics the waiting list's keyset pages sort the whole
    // territory instead of reading its index in order
    const analyse = () => (db.kind === 'pglite' ? db.query('analyze intake_requests').then(() => undefined) : Promise.resolve());
    await analyse();
    const intakeWriter = new IntakeWriter(db);
    const stopping = new AbortController();
    // the worker needs the port for its links, so it starts after listening; the app wakes it once there
    const outbox: {worker?: OutboxWorker} = {};
    const app = createApp({
      db,
      intakeWriter,
      messagesQueued: () => outbox.worker?.wake(),
      stopping: stopping.signal,
      config: {
        secretKey,
        previousSecretKeys: options.previousSecretKeys ?? [],
        allowedOrigins: options.allowedOrigins ?? [],
        production: options.production ?? false,
        version: SERVER_VERSION,
        rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT,
        statusRateLimitPerMinute: options.statusRateLimitPerMinute ?? DEFAULT_STATUS_RATE_LIMIT,
        trustProxy: options.trustProxy ?? 0,
        testCrashAfterCommit: options.testCrashAfterCommit === true && options.production !== true,
        mailConfigured: options.mail?.smtpUrl !== undefined,
      },
    });
    if (options.staticRoot) mountStatic(app, options.staticRoot);

    const host = options.host ?? '127.0.0.1';
    const {server, port} = await new Promise<{server: ServerType; port: number}>((resolvePromise, reject) => {
      const server = serve({fetch: app.fetch, port: options.port ?? 8787, hostname: host}, (info) => resolvePromise({server, port: info.port}));
      server.once('error', reject);
    });
    // retention and key lifetime are kept hourly here too: with PGlite the CLI cannot run beside the server
    const mail = options.mail ?? {};
    const worker = (outbox.worker = new OutboxWorker({
      db,
      keys,
      transport: mail.smtpUrl ? new SmtpTransport(mail.smtpUrl, mail.from ?? 'cpts-kit <no-reply@localhost>') : undefined,
      publicUrl: mail.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
      retry: {...DEFAULT_RETRY, baseMs: (mail.retrySeconds ?? 60) * 1000, maxAttempts: mail.maxAttempts ?? DEFAULT_RETRY.maxAttempts},
      pollMs: mail.pollMs,
      leaseMs: mail.leaseMs,
      scheduleMs: mail.scheduleMs,
      testCrash: options.production ? undefined : mail.testCrash,
    }));
    await worker.start();
    let sweeping: Promise<void> | undefined;
    const sweep = setInterval(() => {
      sweeping ??= purgeAll(db)
        .then(analyse)
        .catch((error: unknown) => console.error('purge horaire :', (error as Error).message))
        .finally(() => (sweeping = undefined));
    }, 3_600_000);
    sweep.unref();
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        stopping.abort();
        clearInterval(sweep);
        void worker.stop();
        await drain(server, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
        await sweeping;
        await intakeWriter.idle();
        // after the writer: a form stored while closing still gets its receipt row, sent on the next start
        await worker.stop();
        await db.close();
      })());
    const result: RunningServer = {url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`, port, app, db, close};
    if (demoToken) result.demoToken = demoToken;
    return result;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
