import type {AppConfig} from './config.js';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {IntakeWriter} from './intake-writer.js';
import type {CommuneCache, TerritoryCache} from './territories.js';

export interface TerritoryRow {
  slug: string;
  name: string;
  phone: string;
  email: string;
  website: string | null;
  privacy_summary: string;
  privacy_url: string | null;
  retention_days: number;
  stale_after_days: number;
  allowed_origins: string[];
  version: number;
  updated_at: Date;
}

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
}

export interface AppEnv {
  Variables: {
    territory: TerritoryRow;
    caller: Caller;
  };
}
