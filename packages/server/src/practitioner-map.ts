import Supercluster from 'supercluster';
import type {Accepting, PractitionerMap, Profession} from '@cpts-kit/contract';
import type {Db} from './db/index.js';
import {displayName} from './practitioners.js';

/**
 * The public map's clusters, computed on the server: a supercluster index per territory and filter
 * combination, built lazily from one read of the territory's public practitioners and kept until
 * `practitioner_map_versions` moves (migration 075: any change to a practitioner or a declaration;
 * only the practitioners the log names are read again).
 * Measured against clustering in SQL (bench/map-api.ts): a view answers in milliseconds from the
 * index, where a grid `group by` over 100,000 rows takes about a second on PGlite.
 */

export interface MapRow {
  id: string;
  name: string;
  profession: Profession;
  accepting: Accepting | null;
  homeVisits: boolean;
  lat: number;
  lng: number;
}

export interface MapFilters {
  profession?: Profession | undefined;
  accepting?: Accepting | undefined;
  acceptsNew?: boolean | undefined;
  homeVisits?: boolean | undefined;
}

/** The same options as the widget's own index, so a small territory clusters alike in both modes. */
const CLUSTER_OPTIONS = {radius: 60, maxZoom: 16, minPoints: 2} as const;
/** Filter combinations kept per territory: professions × accepting × home visits would be hundreds, a page uses a few. */
const INDEXES_PER_TERRITORY = 16;
/** Beyond this many changed practitioners a full read is as cheap as reading them by id. */
const MAX_CHANGED = 5_000;

type PointProps = {i: number; a: number};
type ClusterProps = {a: number};

interface FilteredIndex {
  rows: MapRow[];
  index: Supercluster<PointProps, ClusterProps>;
}

interface TerritoryMap {
  version: string;
  rows: Promise<MapRow[]>;
  indexes: Map<string, FilteredIndex>;
}

const takesNewPatients = (accepting: Accepting | null) => accepting === 'yes' || accepting === 'limited';

export function matchesMapFilters(row: MapRow, f: MapFilters): boolean {
  if (f.profession && row.profession !== f.profession) return false;
  if (f.accepting && row.accepting !== f.accepting) return false;
  if (f.acceptsNew !== undefined && takesNewPatients(row.accepting) !== f.acceptsNew) return false;
  if (f.homeVisits !== undefined && row.homeVisits !== f.homeVisits) return false;
  return true;
}

export function filterKey(f: MapFilters): string {
  return `${f.profession ?? ''}|${f.accepting ?? ''}|${String(f.acceptsNew ?? '')}|${String(f.homeVisits ?? '')}`;
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

interface RawRow {
  id: string;
  title: string | null;
  first_name: string;
  last_name: string;
  profession: Profession;
  accepting: Accepting | null;
  home_visits: boolean | null;
  lat: number;
  lng: number;
}

/** The same practitioners as the public list: active, whose latest declaration is public; only `ids` when given. */
async function loadRows(db: Db, territory: string, ids?: readonly string[]): Promise<MapRow[]> {
  const rows = await db.query<RawRow>(
    `select p.id, p.title, p.first_name, p.last_name, p.profession, p.lat, p.lng,
            d.declaration->>'accepting' as accepting, (d.declaration->>'homeVisits')::boolean as home_visits
       from practitioners p
       join lateral (
         select a.declaration, a.visibility from availability_declarations a
          where a.practitioner_id = p.id order by a.declared_at desc, a.id desc limit 1
       ) d on true
      where p.territory = $1 and p.active and d.visibility = 'public' ${ids ? 'and p.id = any($2::uuid[])' : ''}
      order by p.id`,
    ids ? [territory, ids] : [territory],
  );
  return rows.map((r) => ({
    id: r.id,
    name: displayName(r),
    profession: r.profession,
    accepting: r.accepting,
    homeVisits: r.home_visits === true,
    lat: Number(r.lat),
    lng: Number(r.lng),
  }));
}

function buildIndex(rows: MapRow[]): Supercluster<PointProps, ClusterProps> {
  const index = new Supercluster<PointProps, ClusterProps>({
    ...CLUSTER_OPTIONS,
    map: (props) => ({a: props.a}),
    reduce: (acc, props) => {
      acc.a += props.a;
    },
  });
  index.load(rows.map((r, i) => ({type: 'Feature', geometry: {type: 'Point', coordinates: [r.lng, r.lat]}, properties: {i, a: takesNewPatients(r.accepting) ? 1 : 0}})));
  return index;
}

export type BBox = [west: number, south: number, east: number, north: number];

/** Clusters and points of one view, and how many match inside the bbox (what the list shows). */
function view({rows, index}: FilteredIndex, bbox: BBox, zoom: number): PractitionerMap {
  const [west, south, east, north] = bbox;
  let total = 0;
  for (const r of rows) if (r.lng >= west && r.lng <= east && r.lat >= south && r.lat <= north) total++;
  const answer: PractitionerMap = {zoom, total, clusters: [], points: []};
  for (const feature of index.getClusters(bbox, zoom)) {
    const [lng, lat] = feature.geometry.coordinates as [number, number];
    const props = feature.properties;
    if ('cluster' in props && props.cluster) {
      const expansion = Math.min(index.getClusterExpansionZoom(props.cluster_id), CLUSTER_OPTIONS.maxZoom + 1);
      answer.clusters.push({lat: round5(lat), lng: round5(lng), count: props.point_count, accepting: props.a, zoom: expansion});
    } else {
      const r = rows[(props as PointProps).i]!;
      answer.points.push({id: r.id, lat: round5(r.lat), lng: round5(r.lng), name: r.name, profession: r.profession, accepting: r.accepting});
    }
  }
  return answer;
}

/** `rows` (sorted by id) with the `changed` ids replaced by `fresh` (those of them still public, sorted by id). */
export function mergeRows(rows: readonly MapRow[], changed: ReadonlySet<string>, fresh: readonly MapRow[]): MapRow[] {
  const merged: MapRow[] = [];
  let i = 0;
  for (const row of rows) {
    if (changed.has(row.id)) continue;
    while (i < fresh.length && fresh[i]!.id < row.id) merged.push(fresh[i++]!);
    merged.push(row);
  }
  while (i < fresh.length) merged.push(fresh[i++]!);
  return merged;
}

/** One per app: the indexes of every territory asked for, each at the version it was built from. */
export class PractitionerMapCache {
  private readonly territories = new Map<string, TerritoryMap>();

  constructor(private readonly db: Db) {}

  /** The territory's map version: part of the ETag, so a 304 needs no index at all. */
  async version(territory: string): Promise<string> {
    const [row] = await this.db.query<{version: string | number}>('select version from practitioner_map_versions where territory = $1', [territory]);
    return String(row?.version ?? 0);
  }

  async view(territory: string, version: string, filters: MapFilters, bbox: BBox, zoom: number): Promise<PractitionerMap> {
    return view(await this.index(territory, version, filters), bbox, zoom);
  }

  private async index(territory: string, version: string, filters: MapFilters): Promise<FilteredIndex> {
    let entry = this.territories.get(territory);
    if (!entry || entry.version !== version) {
      const previous = entry;
      entry = {version, rows: previous ? this.refresh(territory, previous, version) : loadRows(this.db, territory), indexes: new Map()};
      this.territories.set(territory, entry);
      // a failed read must not stay cached
      const failed = entry;
      entry.rows.catch(() => {
        if (this.territories.get(territory) === failed) this.territories.delete(territory);
      });
    }
    const rows = await entry.rows;
    const key = filterKey(filters);
    let found = entry.indexes.get(key);
    if (found) {
      // least recently used goes first
      entry.indexes.delete(key);
    } else {
      const filtered = rows.filter((r) => matchesMapFilters(r, filters));
      found = {rows: filtered, index: buildIndex(filtered)};
      if (entry.indexes.size >= INDEXES_PER_TERRITORY) entry.indexes.delete(entry.indexes.keys().next().value!);
    }
    entry.indexes.set(key, found);
    return found;
  }

  /**
   * The rows at `version` from those at `previous.version`: only the practitioners the versions in
   * between changed are read again. Versions missing from the change log (pruned, or written before
   * it existed) or a change too large mean a full read.
   */
  private async refresh(territory: string, previous: TerritoryMap, version: string): Promise<MapRow[]> {
    const rows = await previous.rows.catch(() => undefined);
    const range = [territory, previous.version, version];
    const [logged] = await this.db.query<{n: string | number}>(
      'select count(distinct version) as n from practitioner_map_changes where territory = $1 and version > $2 and version <= $3',
      range,
    );
    if (!rows || Number(logged?.n ?? 0) !== Number(version) - Number(previous.version)) return loadRows(this.db, territory);
    const changes = await this.db.query<{id: string}>(
      'select distinct practitioner_id as id from practitioner_map_changes where territory = $1 and version > $2 and version <= $3',
      range,
    );
    if (changes.length > MAX_CHANGED) return loadRows(this.db, territory);
    const ids = new Set(changes.map((c) => c.id));
    return mergeRows(rows, ids, await loadRows(this.db, territory, [...ids]));
  }
}
