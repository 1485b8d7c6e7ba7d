import {IncomingMessage} from 'node:http';
import {Slug} from '@cpts-kit/contract';
import {buildOpenApiDocument} from '@cpts-kit/contract/openapi';
import {Hono, type MiddlewareHandler} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {cors} from 'hono/cors';
import {HTTPException} from 'hono/http-exception';
import type {AppConfig} from './config.js';
import {deriveKeys} from './crypto.js';
import {compressJson} from './encoding.js';
import type {Db} from './db/index.js';
import {IntakeWriter} from './intake-writer.js';
import type {AppEnv, Deps} from './env.js';
import {MAX_IMPORT_BYTES} from './practitioner-import.js';
import {ApiProblem, notFound} from './problems.js';
import {SharedLimits} from './rate-limit-shared.js';
import {availabilityRoutes} from './routes/availability.js';
import {intakeRoutes} from './routes/intake.js';
import {internshipRoutes} from './routes/internships.js';
import {interestRoutes} from './routes/interests.js';
import {matchingRoutes} from './routes/matching.js';
import {messageRoutes} from './routes/messages.js';
import {statsRoutes} from './routes/stats.js';
import {proposalRoutes} from './routes/proposals.js';
import {requestStatusRoutes} from './routes/request-status.js';
import {practitionerMapRoutes} from './routes/practitioner-map.js';
import {practitionerRoutes} from './routes/practitioners.js';
import {sessionRoutes} from './routes/session.js';
import {systemRoutes} from './routes/system.js';
import {territoryRoutes} from './routes/territory.js';
import {waitingListRoutes} from './routes/waiting-list.js';
import {CommuneCache, TerritoryCache} from './territories.js';
import {prefersEnglish} from './validate.js';

export const MAX_BODY_BYTES = 64 * 1024;
/** The routes that take a file: a CSV of practitioners or of an existing waiting list. */
const IMPORT_PATH = /^\/v1\/territories\/[^/]+\/(?:practitioners|intake-requests)\/import$/;

const CORS_COMMON = {
  allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language', 'If-None-Match', 'If-Match'],
  exposeHeaders: ['ETag', 'Retry-After', 'Location'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  maxAge: 600,
};

const LOCAL_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/i;

function loadTerritory(territories: TerritoryCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param('t') ?? '';
    const row = Slug.safeParse(slug).success ? await territories.get(slug) : undefined;
    if (!row) throw notFound(`Le territoire « ${slug.slice(0, 60)} » n'existe pas.`);
    c.set('territory', row);
    await next();
  };
}

/** The territory's own allow-list, the server-wide one, and localhost outside production. */
function territoryCors(config: AppConfig): MiddlewareHandler<AppEnv> {
  const full = corsFor(config);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.header('Origin') !== undefined) return full(c, next);
    // Not a CORS request: Hono's cors would still set Access-Control-Expose-Headers before the
    // handler, and the handler's response is then rebuilt as a full WHATWG Response (a stream for
    // the body) to merge it in: a fifth of a public GET's time, for a header only browsers read
    // cross-origin. Vary is set before the handler, for the same reason (handlers append to it).
    c.header('Vary', 'Origin');
    await next();
  };
}

function corsFor(config: AppConfig): MiddlewareHandler<AppEnv> {
  return cors({
    ...CORS_COMMON,
    origin: (origin, c) => {
      const allowed = (c.get('territory') as AppEnv['Variables']['territory'] | undefined)?.allowed_origins ?? [];
      const normalised = origin.toLowerCase();
      if (allowed.includes(normalised) || config.allowedOrigins.some((o) => o.toLowerCase() === normalised)) return origin;
      if (!config.production && LOCAL_ORIGIN.test(origin)) return origin;
      return null;
    },
  }) as MiddlewareHandler<AppEnv>;
}

function tooLarge(maxBytes: number): never {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} Mo` : `${maxBytes / 1024} Ko`;
  throw new ApiProblem(413, 'payload_too_large', 'Requête trop volumineuse', {detail: `Le corps de la requête dépasse ${size}.`});
}

/**
 * Bodies over MAX_BODY_BYTES get 413. Under @hono/node-server the Content-Length is read from Node's
 * request: Hono's bodyLimit asks for `c.req.raw.body`, which builds a whole WHATWG Request (streams,
 * AbortSignal) on every POST. Chunked bodies, and other runtimes, still go through Hono's.
 */
function limitBody(maxBytes = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({maxSize: maxBytes, onError: () => tooLarge(maxBytes)}) as MiddlewareHandler<AppEnv>;
  return async (c, next) => {
    const incoming = (c.env as {incoming?: unknown} | undefined)?.incoming;
    if (!(incoming instanceof IncomingMessage) || incoming.headers['transfer-encoding'] !== undefined) return streamed(c, next);
    const length = incoming.headers['content-length'];
    // HTTP/1.1: neither Content-Length nor Transfer-Encoding means no body at all
    if (length !== undefined && !(Number(length) <= maxBytes)) tooLarge(maxBytes);
    await next();
  };
}

function problemResponse(problem: ApiProblem, path: string): Response {
  return new Response(JSON.stringify(problem.toBody(path)), {
    status: problem.status,
    headers: {'Content-Type': 'application/problem+json; charset=UTF-8', ...problem.headers},
  });
}

/** Turns anything thrown into problem+json; client mistakes are 4xx, never 500. */
function toProblem(error: unknown, english: boolean): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof HTTPException) {
    return new ApiProblem(error.status, error.status === 413 ? 'payload_too_large' : 'bad_request', english ? 'Bad request' : 'Requête invalide', {
      detail: error.message || undefined,
    });
  }
  return new ApiProblem(500, 'internal', english ? 'Internal error' : 'Erreur interne', {
    detail: english ? 'The server hit an unexpected error.' : 'Le serveur a rencontré une erreur inattendue.',
  });
}

/**
 * `intakeWriter`: pass one to wait for its queue (`idle()`) before closing the database.
 * `messagesQueued`: called when a request wrote messages, so the outbox worker sends them now rather than at its next look.
 * `stopping`: aborted when the server begins to shut down; `/readyz` then answers 503.
 */
export function createApp({
  db,
  config,
  intakeWriter = new IntakeWriter(db),
  messagesQueued = () => {},
  stopping,
}: {
  db: Db;
  config: AppConfig;
  intakeWriter?: IntakeWriter;
  messagesQueued?: () => void;
  stopping?: AbortSignal;
}) {
  const deps: Deps = {
    db,
    config,
    keys: deriveKeys(config.secretKey, config.previousSecretKeys),
    communes: new CommuneCache(db),
    territories: new TerritoryCache(db),
    intakeWriter,
    messagesQueued,
  };
  if (stopping) deps.stopping = stopping;
  const app = new Hono<AppEnv>();
  // several servers may share one PostgreSQL: their per-client budgets must be one
  const limits = db.kind === 'postgres' ? new SharedLimits(db) : undefined;

  app.use('/healthz', cors({...CORS_COMMON, origin: '*'}));
  app.use('/readyz', cors({...CORS_COMMON, origin: '*'}));
  app.use('/v1/openapi.json', cors({...CORS_COMMON, origin: '*'}));
  app.use('/v1/territories/:t/*', loadTerritory(deps.territories), territoryCors(config));
  const jsonLimit = limitBody();
  const importLimit = limitBody(MAX_IMPORT_BYTES);
  const limitByPath: MiddlewareHandler<AppEnv> = (c, next) => {
    if (limits) c.set('limits', limits);
    return (IMPORT_PATH.test(c.req.path) ? importLimit : jsonLimit)(c, next);
  };
  app.use('/v1/*', limitByPath);
  app.use('/v1/*', compressJson());

  app.route(
    '/',
    systemRoutes(deps, () => buildOpenApiDocument({version: config.version})),
  );
  app.route('/', territoryRoutes(deps));
  app.route('/', sessionRoutes(deps));
  app.route('/', intakeRoutes(deps));
  app.route('/', requestStatusRoutes(deps));
  app.route('/', waitingListRoutes(deps));
  app.route('/', matchingRoutes(deps));
  app.route('/', proposalRoutes(deps));
  // before the practitioners' routes: `map` is not a practitioner's id
  app.route('/', practitionerMapRoutes(deps));
  app.route('/', practitionerRoutes(deps));
  app.route('/', availabilityRoutes(deps));
  app.route('/', internshipRoutes(deps));
  app.route('/', interestRoutes(deps));
  app.route('/', messageRoutes(deps));
  app.route('/', statsRoutes(deps));

  app.notFound((c) => problemResponse(new ApiProblem(404, 'not_found', 'Introuvable', {detail: `Aucune route ${c.req.method} ${c.req.path}.`}), c.req.path));
  app.onError((error, c) => {
    const problem = toProblem(error, prefersEnglish(c));
    if (problem.status >= 500 && problem.status !== 501 && problem.status !== 503) console.error(`${c.req.method} ${c.req.path}:`, error);
    const response = problemResponse(problem, c.req.path);
    // keep what middleware already decided (CORS, Vary) on the error response
    c.res.headers.forEach((value, key) => {
      if (key.toLowerCase().startsWith('access-control-') || key.toLowerCase() === 'vary') response.headers.set(key, value);
    });
    return response;
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
