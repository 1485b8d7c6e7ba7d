import type {AppConfig} from './config.js';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {IntakeWriter} from './intake-writer.js';
import type {LimitStore} from './rate-limit.js';
import type {CommuneCache, TerritoryCache, TerritoryRow} from './territories.js';

export type {TerritoryRow};

/** Who called: a coordinator token or a practitioner's personal link. */
export interface Caller {
  tokenId: string;
  kind: 'coordinator' | 'practitioner';
  practitionerId: string | null;
  label: string | null;
}

export interface Deps {
  db: Db;
  config: AppConfig;
  keys: Keys;
  communes: CommuneCache;
  territories: TerritoryCache;
  /** Group commit of intake requests: one per app, so its queue can be drained on shutdown. */
  intakeWriter: IntakeWriter;
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
