import {createApp, type App} from '../../packages/server/src/app.js';
import {issueToken} from '../../packages/server/src/auth.js';
import {migrate, type Db} from '../../packages/server/src/db/index.js';
import {createTerritory} from '../../packages/server/src/territories.js';
import type {Engine} from './databases.js';

export const SECRET = 'test-secret-key-not-for-production';

export interface Harness {
  app: App;
  db: Db;
  /** Coordinator of `alpha`. */
  token: string;
  /** Coordinator of `beta`, another territory. */
  betaToken: string;
  call(method: string, path: string, options?: CallOptions): Promise<Called>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The peer address of the connection, as @hono/node-server would give it. */
  remoteAddress?: string;
}

export interface Called {
  status: number;
  headers: Headers;
  // the tests read whatever shape the route returns
  body: any;
  text: string;
}

/** A fresh database on `engine` with two small territories and a coordinator token for each. */
export async function harness(
  engine: Engine,
  options: {allowedOrigins?: string[]; production?: boolean; rateLimitPerMinute?: number; statusRateLimitPerMinute?: number; trustProxy?: number} = {},
): Promise<Harness> {
  const {db, cleanup} = await engine.open();
  await migrate(db);
  await createTerritory(db, {
    slug: 'alpha',
    name: 'CPTS Alpha',
    phone: '03 21 00 00 00',
    email: 'contact@alpha.example.fr',
    privacySummary: 'Vos données servent à vous orienter.',
    communes: ['62765', '62040', '62691'],
    allowedOrigins: ['https://www.mairie-alpha.fr'],
  });
  await createTerritory(db, {slug: 'beta', name: 'CPTS Beta', phone: '03 20 00 00 00', email: 'contact@beta.example.fr', privacySummary: 'Beta.', communes: ['59350']});
  const {token} = await issueToken(db, {territory: 'alpha', kind: 'coordinator', label: 'test'});
  const {token: betaToken} = await issueToken(db, {territory: 'beta', kind: 'coordinator', label: 'test'});
  const app = createApp({
    db,
    config: {
      secretKey: SECRET,
      allowedOrigins: options.allowedOrigins ?? [],
      production: options.production ?? false,
      version: 'test',
      // most tests post many forms from one (absent) address; the rate-limit tests set their own
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      statusRateLimitPerMinute: options.statusRateLimitPerMinute ?? 0,
      trustProxy: options.trustProxy ?? 0,
    },
  });
  return {
    app,
    db,
    token,
    betaToken,
    async call(method, path, {token: bearer, body, headers = {}, remoteAddress} = {}) {
      const init: RequestInit = {method, headers: {...headers}};
      const h = init.headers as Record<string, string>;
      if (bearer) h.Authorization = `Bearer ${bearer}`;
      if (body !== undefined) {
        h['Content-Type'] ??= 'application/json';
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const res = await app.request(path, init, remoteAddress ? {incoming: {socket: {remoteAddress}}} : undefined);
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return {status: res.status, headers: res.headers, body: parsed, text};
    },
    close: cleanup,
  };
}

export const intakeBody = (overrides: Record<string, unknown> = {}) => ({
  requester: {kind: 'self'},
  person: {lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
  situation: {reason: 'gp_retired'},
  priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
  consent: true,
  ...overrides,
});

export const declaration = (overrides: Record<string, unknown> = {}) => ({
  accepting: 'limited',
  monthlyQuota: 5,
  patientScope: ['priority_only'],
  scopeCommunes: [],
  homeVisits: true,
  homeVisitCommunes: ['62765'],
  snpSlotsThisWeek: 4,
  teleconsultation: false,
  hostsInterns: true,
  visibility: 'public',
  noteForCoordinator: null,
  ...overrides,
});
