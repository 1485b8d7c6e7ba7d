import type {IntakeStatus, StatusCounts, WaitingListQuery, WaitingListSort} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {validationProblem} from './problems.js';
import {AGE_BAND_SQL, nameIndex, normalisePhone, phoneIndex} from './waiting-list-index.js';
import {WAITING_SELECT, type WaitingRow} from './waiting-list-read.js';

/** The list's filters once parsed (numbers and booleans already coerced). */
export type WaitingFilters = Omit<WaitingListQuery, 'limit' | 'waitingMoreThanDays' | 'priority' | 'homeVisits'> & {
  priority?: boolean | undefined;
  homeVisits?: boolean | undefined;
  waitingMoreThanDays?: number | undefined;
  limit?: number | undefined;
};

/** A WHERE clause being built, its parameters numbered as they are added. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (param: string) => string, value: unknown): void {
    this.params.push(value);
    this.clauses.push(sql(`$${this.params.length}`));
  }
  raw(sql: string): void {
    this.clauses.push(sql);
  }
  get sql(): string {
    return this.clauses.join(' and ');
  }
}

const CRITERION_SQL: Record<string, string> = {
  age_70_plus: AGE_BAND_SQL['70_plus'],
  under_6: AGE_BAND_SQL.under_6,
  ald: "r.priority->>'ald' = 'yes'",
  css_ame: "r.priority->>'cssAme' = 'yes'",
  pregnancy: "r.priority->>'pregnancy' = 'yes'",
  disability: "r.priority->>'disability' = 'yes'",
  home_visits: "r.priority->>'homeVisits' = 'yes'",
  chronic_follow_up: "r.priority->>'chronicFollowUp' = 'yes'",
};

/** Every filter but the status and the cursor: what the counts per status are taken under. */
export function filtersWhere(territory: string, f: WaitingFilters, me: string): Where {
  const where = new Where();
  where.add((p) => `r.territory = ${p}`, territory);
  if (f.commune) where.add((p) => `r.commune_insee = ${p}`, f.commune);
  if (f.priority !== undefined) where.add((p) => `r.has_priority = ${p}`, f.priority);
  if (f.criterion) where.raw(`(${CRITERION_SQL[f.criterion]})`);
  if (f.homeVisits !== undefined) where.add((p) => `((r.priority->>'homeVisits') = 'yes') = ${p}`, f.homeVisits);
  if (f.ageBand) where.raw(`(${AGE_BAND_SQL[f.ageBand]})`);
  if (f.assigned === 'me') where.add((p) => `r.assigned_to = ${p}`, me);
  if (f.assigned === 'nobody') where.raw('r.assigned_to is null');
  if (f.waitingMoreThanDays !== undefined) where.add((p) => `r.created_at < now() - make_interval(days => ${p}::int)`, f.waitingMoreThanDays);
  return where;
}

interface KeysetCursor {
  sort: WaitingListSort;
  rank: number;
  at: string;
  id: string;
}

const CURSOR_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeWaitingCursor(sort: WaitingListSort, row: WaitingRow): string {
  return Buffer.from(JSON.stringify([sort, row.triage_rank, row.cursor_at, row.id]), 'utf8').toString('base64url');
}

function decodeWaitingCursor(cursor: string, sort: WaitingListSort): KeysetCursor {
  const invalid = () => validationProblem([{path: 'cursor', code: 'invalid_cursor', message: 'curseur de pagination invalide (ou donné pour un autre tri)'}]);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts.length !== 4) throw invalid();
  const [s, rank, at, id] = parts as unknown[];
  if (
    s !== sort ||
    (rank !== 0 && rank !== 1) ||
    typeof at !== 'string' ||
    !CURSOR_AT.test(at) ||
    !Number.isFinite(Date.parse(at)) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  )
    throw invalid();
  return {sort, rank, at, id};
}

const ORDER: Record<WaitingListSort, string> = {
  triage: 'r.triage_rank, r.created_at, r.id',
  oldest: 'r.created_at, r.id',
  newest: 'r.created_at desc, r.id desc',
};

function afterCursor(where: Where, c: KeysetCursor): void {
  if (c.sort === 'triage') {
    where.params.push(c.rank, c.at, c.id);
    const n = where.params.length;
    where.raw(`(r.triage_rank, r.created_at, r.id) > ($${n - 2}::smallint, $${n - 1}::timestamptz, $${n}::uuid)`);
    return;
  }
  where.params.push(c.at, c.id);
  const n = where.params.length;
  where.raw(`(r.created_at, r.id) ${c.sort === 'newest' ? '<' : '>'} ($${n - 1}::timestamptz, $${n}::uuid)`);
}

export async function statusCounts(db: Db, where: Where): Promise<StatusCounts> {
  const counts: StatusCounts = {received: 0, contacted: 0, oriented: 0, resolved: 0, closed: 0};
  const rows = await db.query<{status: IntakeStatus; n: number}>(
    `select r.status, count(*)::int as n from intake_requests r where ${where.sql} group by r.status`,
    where.params,
  );
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export interface WaitingPage {
  rows: WaitingRow[];
  nextCursor: string | null;
  counts: StatusCounts;
}

/** One page of the list in `sort` order, after `cursor`, and the counts per status under the same filters. */
export async function listWaiting(db: Db, territory: string, f: WaitingFilters, me: string, extra?: (where: Where) => void): Promise<WaitingPage> {
  const sort = f.sort ?? 'triage';
  const base = filtersWhere(territory, f, me);
  extra?.(base);
  const page = filtersWhere(territory, f, me);
  extra?.(page);
  if (f.status) page.add((p) => `r.status = ${p}`, f.status);
  if (f.cursor) afterCursor(page, decodeWaitingCursor(f.cursor, sort));
  const limit = f.limit ?? 50;
  const [rows, counts] = await Promise.all([
    db.query<WaitingRow>(`${WAITING_SELECT} where ${page.sql} order by ${ORDER[sort]} limit ${limit + 1}`, page.params),
    statusCounts(db, base),
  ]);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {rows: shown, nextCursor: rows.length > limit && last ? encodeWaitingCursor(sort, last) : null, counts};
}

const REFERENCE = /^[A-Za-z0-9]{2,12}-\d{4}-\d{6}$/;

/**
 * What a search text looks for: a whole reference, a reference's number, a phone number or a last
 * name — each an equality on an indexed column, so a search never decrypts a row it does not show.
 */
export function searchClause(keys: Keys, text: string): (where: Where) => void {
  const trimmed = text.trim();
  if (REFERENCE.test(trimmed)) return (w) => w.add((p) => `r.reference = ${p}`, trimmed.toUpperCase());
  if (/^\d{1,6}$/.test(trimmed)) return (w) => w.add((p) => `r.reference like ${p}`, `%-${trimmed.padStart(6, '0')}`);
  if (/^[\d\s.+()-]+$/.test(trimmed) && normalisePhone(trimmed)) {
    const index = phoneIndex(keys, trimmed);
    return (w) => w.add((p) => `(r.phone_index = ${p} or r.requester_phone_index = ${p})`, index);
  }
  const index = nameIndex(keys, trimmed);
  return (w) => w.add((p) => `r.name_index = ${p}`, index ?? '');
}
