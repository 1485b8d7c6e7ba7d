import {runPrepared, type Db} from './db/index.js';

/** One intake request ready to store: everything computed, personal fields already encrypted. */
export interface IntakeInsert {
  territory: string;
  year: number;
  /** `DEMO-2026-`: the number is appended in SQL, from the counter. */
  referencePrefix: string;
  key: string;
  operation: string;
  bodyHash: string;
  id: string;
  historyId: string;
  communeInsee: string;
  hasPriority: boolean;
  priority: unknown;
  personalEncrypted: string;
  dedupeHmac: string;
  /** When the request arrived: its creation time, and the order of duplicates. */
  at: Date;
  /** Blind indexes and birth month of the waiting list's search and filters (waiting-list-index.ts). */
  nameIndex?: string | null;
  phoneIndex?: string | null;
  requesterPhoneIndex?: string | null;
  birthMonth?: string | null;
  /** The situation's reason, a category kept in clear for the stats (never the « other » text). */
  reason?: string | null;
  /** form (the public form, the default), phone, paper or import. */
  channel?: string;
  /** Who the first status is attributed to: `formulaire` unless said. */
  by?: string;
  /**
   * Messages this registration causes, written by the same statement (outbox.ts): a receipt to the
   * person when `receiptTo` (sealed address) is set, an alert to the coordinators when priority.
   * Absent for imports and demo data, which tell nobody.
   */
  notify?: {language: 'fr' | 'en'; receiptTo: string | null; alert: boolean};
}

/** What the insert gave: the reference, or `undefined` when the Idempotency-Key was already taken. */
export type IntakeInserted = {id: string; reference: string} | undefined;

interface Pending {
  item: IntakeInsert;
  resolve(value: IntakeInserted): void;
  reject(error: unknown): void;
}

const OPEN_STATUSES = "('received', 'contacted', 'oriented')";

/**
 * Stores a batch of one territory and year in one statement, so it is atomic without an explicit
 * transaction: claim each key (a key already claimed inserts nothing and takes no number), raise
 * the year's counter once by the number of claimed keys (the row lock is held for this statement
 * only), number the claimed rows in arrival order, store them with their first status and the
 * open request each probably duplicates — earlier in the table or earlier in the batch.
 */
export const INSERT_BATCH_SQL = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as t(
      ord int, key text, body_hash text, id uuid, history_id uuid, commune_insee text,
      has_priority boolean, priority jsonb, personal text, hmac text, at timestamptz,
      name_idx text, phone_idx text, rphone_idx text, birth_month date, channel text, by text, reason text,
      notify boolean, alert boolean, lang text, receipt_to text, receipt_id uuid, alert_id uuid)
  ), k as (
    insert into idempotency_keys (territory, key, operation, body_hash, resource_id, created_at)
    select $2::text, key, $3::text, body_hash, id, at from input order by ord
    on conflict do nothing returning key
  ), claimed as (
    select input.*, row_number() over (order by ord) as n from input where key in (select key from k)
  ), c as (
    insert into intake_counters (territory, year, last_number)
    select $2::text, $4::int, count(*)::int from claimed having count(*) > 0
    on conflict (territory, year) do update set last_number = intake_counters.last_number + excluded.last_number
    returning last_number
  ), r as (
    insert into intake_requests (id, territory, reference, status, commune_insee, has_priority, priority, personal_encrypted,
                                 dedupe_hmac, duplicate_of, created_at, updated_at,
                                 name_index, phone_index, requester_phone_index, birth_month, channel, message_language, reason)
    select cl.id, $2::text, $5::text || lpad((c.last_number - (select count(*) from claimed) + cl.n)::text, 6, '0'), 'received',
           cl.commune_insee, cl.has_priority, cl.priority, cl.personal, cl.hmac,
           coalesce(
             (select o.id from intake_requests o
               where o.territory = $2::text and o.dedupe_hmac = cl.hmac and o.status in ${OPEN_STATUSES}
               order by o.created_at, o.id limit 1),
             (select e.id from claimed e where e.hmac = cl.hmac and e.ord < cl.ord order by e.ord limit 1)),
           cl.at, cl.at, cl.name_idx, cl.phone_idx, cl.rphone_idx, cl.birth_month, cl.channel, cl.lang, cl.reason
      from claimed cl cross join c
    returning id, reference
  ), h as (
    insert into intake_status_history (id, request_id, status, at, by)
    select cl.history_id, r.id, 'received', cl.at, cl.by from claimed cl join r on r.id = cl.id
  ), o as (
    insert into outbox (id, territory, kind, recipient_encrypted, language, data, message_id, dedupe_key)
    select m.oid, $2::text, m.kind, m.recipient, m.lang, jsonb_build_object('requestId', r.id, 'reference', r.reference, 'communeInsee', cl.commune_insee),
           '<' || m.oid::text || '@' || $2::text || '.cpts-kit>', m.kind || ':' || r.id::text
      from claimed cl join r on r.id = cl.id
      cross join lateral (values (cl.receipt_id, 'receipt', cl.receipt_to, cl.lang, cl.receipt_to is not null),
                                 (cl.alert_id, 'priority_alert', null::text, 'fr', cl.has_priority and cl.alert)) as m(oid, kind, recipient, lang, wanted)
     where cl.notify and m.wanted
    on conflict (dedupe_key) do nothing
  )
  select id, reference from r`;

/** Most requests a batch carries: a bigger statement holds the counter lock longer for little gain. */
const MAX_BATCH = 256;

/**
 * Group commit for intake requests. A request that arrives while the database is busy waits for
 * the current write to end and then goes out with every other request that arrived meanwhile, in
 * one statement: one commit for many forms instead of one each. When idle, a request goes out at
 * once, so nothing waits on a timer. Each request still gets its own answer, its own number and its
 * own Idempotency-Key, and nothing is answered before its commit.
 */
export class IntakeWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private flushed: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  /** The caller makes sure no two requests with one key are in the queue at once (see `inFlight`). */
  insert(item: IntakeInsert): Promise<IntakeInserted> {
    return new Promise((resolve, reject) => {
      this.queue.push({item, resolve, reject});
      if (this.flushing) return;
      this.flushing = true;
      // PGlite runs on this thread and blocks it while it writes: wait until the requests that
      // already arrived have been read, so they join this batch instead of each waiting its own turn
      this.flushed = new Promise((done) => setImmediate(() => void this.flush().then(done, done)));
    });
  }

  /**
   * Resolves once every queued request is written. The server waits for it before closing the
   * database: a client that hung up leaves its request queued, and it must still be stored.
   */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushed;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        for (const group of groupByCounter(batch)) await this.write(group);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(group: Pending[]): Promise<void> {
    try {
      const rows = await insertBatch(
        this.db,
        group.map((p) => p.item),
      );
      const byId = new Map(rows.map((r) => [r.id, r.reference]));
      for (const p of group) {
        const reference = byId.get(p.item.id);
        p.resolve(reference === undefined ? undefined : {id: p.item.id, reference});
      }
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // one bad request must not fail the others: write each alone, so only it gets the error
      for (const p of group) await this.write([p]);
    }
  }
}

/** One counter row per statement: requests of one territory and year go together. */
function groupByCounter(batch: Pending[]): Pending[][] {
  const groups = new Map<string, Pending[]>();
  for (const p of batch) {
    const k = `${p.item.territory}\n${p.item.year}\n${p.item.operation}`;
    const group = groups.get(k);
    if (group) group.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.values()];
}

export async function insertBatch(db: Db, items: IntakeInsert[]): Promise<{id: string; reference: string}[]> {
  const first = items[0];
  if (!first) return [];
  const input = items.map((i, ord) => ({
    ord,
    key: i.key,
    body_hash: i.bodyHash,
    id: i.id,
    history_id: i.historyId,
    commune_insee: i.communeInsee,
    has_priority: i.hasPriority,
    priority: i.priority,
    personal: i.personalEncrypted,
    hmac: i.dedupeHmac,
    at: i.at.toISOString(),
    name_idx: i.nameIndex ?? null,
    phone_idx: i.phoneIndex ?? null,
    rphone_idx: i.requesterPhoneIndex ?? null,
    birth_month: i.birthMonth ?? null,
    channel: i.channel ?? 'form',
    by: i.by ?? 'formulaire',
    notify: i.notify !== undefined,
    alert: i.notify?.alert ?? false,
    lang: i.notify?.language ?? null,
    receipt_to: i.notify?.receiptTo ?? null,
    receipt_id: crypto.randomUUID(),
    alert_id: crypto.randomUUID(),
    reason: i.reason ?? null,
  }));
  const rows = await runPrepared(db, 'cpts_intake_batch', INSERT_BATCH_SQL, [JSON.stringify(input), first.territory, first.operation, first.year, first.referencePrefix]);
  return rows as {id: string; reference: string}[];
}
