import type {Commune, Territory} from '@cpts-kit/contract';
import {findCommune} from './communes.js';
import type {Db} from './db/index.js';
import {strongEtag} from './http.js';

/** A territory as the database holds it. */
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
  practitioners_may_pick: boolean;
  publish_impact: boolean;
  version: number;
  updated_at: Date;
}

export const TERRITORY_COLUMNS =
  'slug, name, phone, email, website, privacy_summary, privacy_url, retention_days, stale_after_days, allowed_origins, practitioners_may_pick, publish_impact, version, updated_at';

export async function findTerritory(db: Db, slug: string): Promise<TerritoryRow | undefined> {
  const [row] = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where slug = $1`, [slug]);
  return row;
}

interface CommuneRow {
  insee: string;
  name: string;
  postal_codes: string[];
  lat: number | null;
  lng: number | null;
  population: number | null;
}

export async function territoryCommunes(db: Db, slug: string): Promise<Commune[]> {
  const rows = await db.query<CommuneRow>('select insee, name, postal_codes, lat, lng, population from territory_communes where territory = $1 order by name, insee', [slug]);
  return rows.map((r) => ({
    insee: r.insee,
    name: r.name,
    postalCodes: r.postal_codes,
    centre: r.lat === null || r.lng === null ? null : {lat: r.lat, lng: r.lng},
    population: r.population,
  }));
}

/**
 * Territory rows for a second or two: every request of a territory needs its row (CORS, 404,
 * staleness), and public GETs should not wait on the database for it. A PATCH through this app
 * forgets the row at once; another server process sees the change within `ttlMs`.
 */
export class TerritoryCache {
  private readonly rows = new Map<string, {at: number; row: Promise<TerritoryRow | undefined>}>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 2000,
  ) {}

  get(slug: string): Promise<TerritoryRow | undefined> {
    const now = Date.now();
    const cached = this.rows.get(slug);
    if (cached && now - cached.at < this.ttlMs) return cached.row;
    const row = findTerritory(this.db, slug);
    // an unknown slug is not kept: anyone could fill the map with made-up names
    void row.then(
      (r) => (r ? undefined : this.rows.delete(slug)),
      () => this.rows.delete(slug),
    );
    this.rows.set(slug, {at: now, row});
    return row;
  }

  forget(slug: string): void {
    this.rows.delete(slug);
  }
}

/**
 * A territory's communes, read once per app: no route changes them, and reading 50 rows of arrays
 * on every public GET would cost more than the rest of the request.
 */
export class CommuneCache {
  private readonly bySlug = new Map<string, Promise<{list: Commune[]; insee: Set<string>}>>();

  constructor(private readonly db: Db) {}

  private load(slug: string) {
    let entry = this.bySlug.get(slug);
    if (!entry) {
      entry = territoryCommunes(this.db, slug).then((list) => ({list, insee: new Set(list.map((c) => c.insee))}));
      entry.catch(() => this.bySlug.delete(slug));
      this.bySlug.set(slug, entry);
    }
    return entry;
  }

  async list(slug: string): Promise<Commune[]> {
    return (await this.load(slug)).list;
  }

  async includes(slug: string, insee: string): Promise<boolean> {
    return (await this.load(slug)).insee.has(insee);
  }
}

/**
 * Reads each territory's `version`, sharing one query among the requests that wait for it. A request
 * only joins a query that starts after it arrived, never one already running: it sees every change
 * committed before it came, whichever process made it. On PGlite, where this process is the only
 * writer, the versions last read stand for as long as the database's write count has not moved.
 */
export class TerritoryVersions {
  private waiting = new Map<string, {resolve(version: number | undefined): void; reject(error: unknown): void}[]>();
  private running = false;

  constructor(private readonly db: Db) {}

  /** The versions last read, and the database's write count just before they were read. */
  private known: {writes: number; versions: Map<string, number | undefined>} | undefined;

  current(slug: string): Promise<number | undefined> {
    const known = this.known;
    if (known && known.writes === this.db.writes?.() && known.versions.has(slug)) return Promise.resolve(known.versions.get(slug));
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(slug);
      if (list) list.push({resolve, reject});
      else this.waiting.set(slug, [{resolve, reject}]);
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.size > 0) {
        // let the requests already read by the HTTP parser queue up first: one query for all of them
        await new Promise((r) => setImmediate(r));
        const batch = this.waiting;
        this.waiting = new Map();
        try {
          const writes = this.db.writes?.();
          const rows = await this.db.query<{slug: string; version: number}>('select slug, version from territories where slug = any($1::text[])', [[...batch.keys()]]);
          const found = new Map(rows.map((r) => [r.slug, r.version]));
          if (writes !== undefined) {
            const versions = this.known?.writes === writes ? this.known.versions : new Map<string, number | undefined>();
            // only slugs that exist: a made-up one must not grow the map
            for (const [slug, version] of found) versions.set(slug, version);
            this.known = {writes, versions};
          }
          for (const [slug, list] of batch) for (const w of list) w.resolve(found.get(slug));
        } catch (error) {
          for (const list of batch.values()) for (const w of list) w.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

export interface TerritoryJson {
  text: string;
  etag: string;
}

interface BuiltTerritory {
  version: number;
  public: TerritoryJson;
  coordinator: TerritoryJson;
}

/**
 * The GET body of each territory, serialised with its ETag once per `version` (migration 012 moves
 * it on every change to the row or its communes): a read costs a version check, not a JSON.stringify
 * and a SHA-1 of 7 KB.
 */
export class TerritoryBodies {
  /** `version`: the version the build was started for; the row it reads may be newer still. */
  private readonly built = new Map<string, {version: number; body: Promise<BuiltTerritory | undefined>}>();
  private readonly versions: TerritoryVersions;

  constructor(private readonly db: Db) {
    this.versions = new TerritoryVersions(db);
  }

  async get(slug: string, forCoordinator: boolean): Promise<TerritoryJson | undefined> {
    const version = await this.versions.current(slug);
    if (version === undefined) {
      this.built.delete(slug);
      return undefined;
    }
    let entry = this.built.get(slug);
    // checked and replaced synchronously: the requests that find a new version together build it once
    // `!==`, not `<`: a territory deleted and created again under its slug starts again at version 1
    if (!entry || entry.version !== version) {
      const started = {version, body: this.build(slug)};
      this.built.set(slug, started);
      started.body.catch(() => this.built.get(slug) === started && this.built.delete(slug));
      entry = started;
    }
    const built = await entry.body;
    return built && (forCoordinator ? built.coordinator : built.public);
  }

  private async build(slug: string): Promise<BuiltTerritory | undefined> {
    const row = await findTerritory(this.db, slug);
    if (!row) return undefined;
    const communes = await territoryCommunes(this.db, slug);
    const json = (forCoordinator: boolean): TerritoryJson => {
      const text = JSON.stringify(territoryBodyWith(communes, row, forCoordinator));
      return {text, etag: strongEtag(text)};
    };
    return {version: row.version, public: json(false), coordinator: json(true)};
  }
}

/** The contract's Territory; `allowedOrigins` only for coordinators. */
export async function territoryBody(communes: CommuneCache, row: TerritoryRow, forCoordinator: boolean): Promise<Territory> {
  return territoryBodyWith(await communes.list(row.slug), row, forCoordinator);
}

function territoryBodyWith(communes: Commune[], row: TerritoryRow, forCoordinator: boolean): Territory {
  const body: Territory = {
    slug: row.slug,
    name: row.name,
    phone: row.phone,
    email: row.email,
    website: row.website,
    privacyNotice: {summary: row.privacy_summary, url: row.privacy_url},
    retentionDays: row.retention_days,
    staleAfterDays: row.stale_after_days,
    communes,
    practitionersMayPick: row.practitioners_may_pick,
    publishImpact: row.publish_impact,
  };
  if (forCoordinator) body.allowedOrigins = row.allowed_origins;
  return body;
}

export interface NewTerritory {
  slug: string;
  name: string;
  phone: string;
  email: string;
  website?: string | null;
  privacySummary: string;
  privacyUrl?: string | null;
  retentionDays?: number;
  staleAfterDays?: number;
  allowedOrigins?: string[];
  communes: string[];
}

/** Creates a territory from INSEE codes; throws naming the codes that are not French communes. */
export async function createTerritory(db: Db, t: NewTerritory): Promise<void> {
  const communes = t.communes.map((insee) => ({insee, commune: findCommune(insee)}));
  const unknown = communes.filter((c) => !c.commune).map((c) => c.insee);
  if (unknown.length > 0) throw new Error(`code(s) INSEE inconnu(s) : ${unknown.join(', ')}`);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into territories (slug, name, phone, email, website, privacy_summary, privacy_url, retention_days, stale_after_days, allowed_origins)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [t.slug, t.name, t.phone, t.email, t.website ?? null, t.privacySummary, t.privacyUrl ?? null, t.retentionDays ?? 730, t.staleAfterDays ?? 30, t.allowedOrigins ?? []],
    );
    for (const {commune} of communes) {
      if (!commune) continue;
      await tx.query('insert into territory_communes (territory, insee, name, postal_codes, lat, lng, population) values ($1, $2, $3, $4, $5, $6, $7)', [
        t.slug,
        commune.insee,
        commune.name,
        commune.postalCodes,
        commune.centre?.lat ?? null,
        commune.centre?.lng ?? null,
        commune.population,
      ]);
    }
  });
}

export async function audit(db: Db, entry: {territory: string | null; actor: string; action: string; target?: string | null; details?: unknown}): Promise<void> {
  await db.query('insert into audit_log (id, territory, actor, action, target, details) values ($1, $2, $3, $4, $5, $6)', [
    crypto.randomUUID(),
    entry.territory,
    entry.actor,
    entry.action,
    entry.target ?? null,
    entry.details === undefined ? null : JSON.stringify(entry.details),
  ]);
}
