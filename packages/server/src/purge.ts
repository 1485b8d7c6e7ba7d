import type {Db} from './db/index.js';
import {purgeStatusAttempts} from './request-status.js';
import {audit} from './territories.js';

/**
 * How long a used Idempotency-Key answers with its first response. The draft asks that keys
 * outlive any retry a client may make; 24 h covers a form resent the next morning.
 */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export interface PurgeCounts {
  requests: number;
  history: number;
  idempotencyKeys: number;
}

/**
 * A request is kept `retention_days` after its last status change (or its creation, when it never
 * changed): a coordinator still working on it keeps it alive; a forgotten one goes.
 */
const EXPIRED_REQUESTS = `
  select r.id from intake_requests r join territories t on t.slug = r.territory
   where r.territory = $1
     and greatest(r.created_at, coalesce((select max(h.at) from intake_status_history h where h.request_id = r.id), r.created_at))
         < $2::timestamptz - make_interval(days => t.retention_days)`;

/** Deletes what the territory may no longer keep, in one transaction; with `dryRun`, only counts. */
export async function purgeTerritory(db: Db, territory: string, options: {dryRun?: boolean; now?: Date; actor?: string} = {}): Promise<PurgeCounts> {
  const now = options.now ?? new Date();
  const keyCutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000);
  return db.transaction(async (tx) => {
    const [counts] = await tx.query<PurgeCounts>(
      `with expired as (${EXPIRED_REQUESTS})
       select (select count(*)::int from expired) as requests,
              (select count(*)::int from intake_status_history where request_id in (select id from expired)) as history,
              (select count(*)::int from idempotency_keys k
                where k.territory = $1 and (k.created_at < $3::timestamptz or k.resource_id in (select id from expired))) as "idempotencyKeys"`,
      [territory, now, keyCutoff],
    );
    const result = counts ?? {requests: 0, history: 0, idempotencyKeys: 0};
    if (options.dryRun) return result;
    // keys first: a key whose request is gone would answer 422 to a retry instead of nothing
    await tx.query(
      `delete from idempotency_keys k where k.territory = $1
          and (k.created_at < $3::timestamptz or k.resource_id in (${EXPIRED_REQUESTS}))`,
      [territory, now, keyCutoff],
    );
    // messages about a request go with it (their sealed address too); so do messages never sent
    // (no SMTP configured) once they are older than what the territory may keep
    await tx.query(
      `delete from outbox o where o.territory = $1
          and ((o.data->>'requestId') in (select e.id::text from (${EXPIRED_REQUESTS}) e)
               or (o.status = 'pending' and o.created_at < $2::timestamptz - make_interval(days => (select t.retention_days from territories t where t.slug = $1))))`,
      [territory, now],
    );
    // history goes with its request (on delete cascade); links from duplicates become null
    await tx.query(`delete from intake_requests where id in (${EXPIRED_REQUESTS})`, [territory, now]);
    // the server's hourly run audits only what it deleted; a person running the command is always audited
    const deletedSomething = result.requests + result.history + result.idempotencyKeys > 0;
    if (deletedSomething || options.actor !== 'serveur') await audit(tx, {territory, actor: options.actor ?? 'cli', action: 'intake.purge', details: result});
    return result;
  });
}

/** Keys past their lifetime, every territory: the server runs this hourly. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const rows = await db.query<{n: number}>('with d as (delete from idempotency_keys where created_at < $1::timestamptz returning 1) select count(*)::int as n from d', [
    new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000),
  ]);
  return rows[0]?.n ?? 0;
}

/**
 * Sent, failed and skipped messages are kept a little over a year, then deleted with their sealed
 * address. Not sooner: a row's dedupe key is what stops a second reminder in the same staleness
 * period, and `staleAfterDays` goes up to 365.
 */
export const MESSAGE_RETENTION_DAYS = 400;

export async function purgeFinishedMessages(db: Db, now = new Date()): Promise<number> {
  const rows = await db.query<{n: number}>(
    `with d as (delete from outbox where status in ('sent', 'failed', 'skipped') and created_at < $1::timestamptz returning 1) select count(*)::int as n from d`,
    [new Date(now.getTime() - MESSAGE_RETENTION_DAYS * 86_400_000)],
  );
  return rows[0]?.n ?? 0;
}

/** The server's hourly run: every territory's retention, then every expired key, status-lookup window and old message. */
export async function purgeAll(db: Db, now = new Date()): Promise<void> {
  const territories = await db.query<{slug: string}>('select slug from territories order by slug');
  for (const {slug} of territories) await purgeTerritory(db, slug, {now, actor: 'serveur'});
  await purgeExpiredIdempotencyKeys(db, now);
  await purgeStatusAttempts(db, now);
  await purgeFinishedMessages(db, now);
}
