import type {Commune, Territory} from '@cpts-kit/contract';
import {findCommune} from './communes.js';
import type {Db} from './db/index.js';
import type {TerritoryRow} from './env.js';

export const TERRITORY_COLUMNS = 'slug, name, phone, email, website, privacy_summary, privacy_url, retention_days, stale_after_days, allowed_origins, version, updated_at';

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
    void row.then((r) => (r ? undefined : this.rows.delete(slug)), () => this.rows.delete(slug));
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

/** The contract's Territory; `allowedOrigins` only for coordinators. */
export async function territoryBody(communes: CommuneCache, row: TerritoryRow, forCoordinator: boolean): Promise<Territory> {
  const body: Territory = {
    slug: row.slug,
    name: row.name,
    phone: row.phone,
    email: row.email,
    website: row.website,
    privacyNotice: {summary: row.privacy_summary, url: row.privacy_url},
    retentionDays: row.retention_days,
    staleAfterDays: row.stale_after_days,
    communes: await communes.list(row.slug),
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
      await tx.query(
        'insert into territory_communes (territory, insee, name, postal_codes, lat, lng, population) values ($1, $2, $3, $4, $5, $6, $7)',
        [t.slug, commune.insee, commune.name, commune.postalCodes, commune.centre?.lat ?? null, commune.centre?.lng ?? null, commune.population],
      );
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
