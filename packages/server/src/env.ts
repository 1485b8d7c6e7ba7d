import type {AppConfig} from './config.js';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {IntakeWriter} from './intake-writer.js';
import type {CommuneCache, TerritoryCache, TerritoryRow} from './territories.js';

export type {TerritoryRow};

/** Who called: a coordinator token or a practitioner's personal link. */
export interface Caller {
  tokenId: string;
  kind: 'coordinator' | 'practitioner';
  practitionerId: string | null;
  label: string | null;
}

/** One request taken from a client's budget, or how long until it may send the next. */
export type Taken = {ok: true} | {ok: false; retryAfterSeconds: number};

/** Per-client budgets that every server on one PostgreSQL shares (rate-limit.ts). */
export interface LimitStore {
  take(scope: string, client: string, perMinute: number): Promise<Taken>;
}

export interface Deps {
  db: Db;
  config: AppConfig;
  keys: Keys;
  communes: CommuneCache;
  territories: TerritoryCache;
  /** Group commit of intake requests: one per app, so its queue can be drained on shutdown. */
  intakeWriter: IntakeWriter;
  /** Wakes the outbox worker after a request wrote messages (a no-op without one). */
  messagesQueued: () => void;
  /** Aborted once the server begins to shut down (see `/readyz`). */
  stopping?: AbortSignal;
}

export interface AppEnv {
  Variables: {
    territory: TerritoryRow;
    caller: Caller;
    /** Per-client budgets shared by every server (PostgreSQL); unset: each route keeps its own in memory. */
    limits: LimitStore | undefined;
  };
}
