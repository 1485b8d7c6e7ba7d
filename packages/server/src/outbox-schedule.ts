import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {mailKey} from './mail-key.js';
import {enqueue, isUnsubscribed, recipientHash} from './outbox.js';

/** The digest of a day goes out from this hour (Paris) the next morning, not in the middle of the night. */
export const DIGEST_HOUR = 7;
const DAY = 86_400_000;
/** Past this many references, the digest says how many and the list in the tool does the rest. */
const DIGEST_REFERENCES = 50;

const parisParts = (d: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23'})
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return {day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour)};
};

/** The instant a Paris day starts: midnight in winter (UTC+1) or summer (UTC+2). */
export function parisMidnight(day: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  for (const offset of [1, 2]) {
    const candidate = new Date(utc - offset * 3_600_000);
    const p = parisParts(candidate);
    if (p.day === day && p.hour === 0) return candidate;
  }
  return new Date(utc - 3_600_000);
}

/**
 * One digest per territory per Paris day, for the non-priority forms of the day before (priority
 * ones were announced at once). The dedupe key makes it once even with several servers.
 */
export async function enqueueDigests(db: Db, keys: Keys, now: Date): Promise<number> {
  const today = parisParts(now);
  if (today.hour < DIGEST_HOUR) return 0;
  const end = parisMidnight(today.day);
  const yesterday = parisParts(new Date(end.getTime() - DAY / 2)).day;
  const start = parisMidnight(yesterday);
  const rows = await db.query<{territory: string; references: string[]}>(
    `select t.slug as territory, array_agg(r.reference order by r.reference) as references
       from territories t join intake_requests r on r.territory = t.slug
      where r.channel = 'form' and not r.has_priority and r.created_at >= $1 and r.created_at < $2
        and not exists (select 1 from outbox o where o.dedupe_key = 'digest:' || t.slug || ':' || $3::text)
      group by t.slug`,
    [start, end, yesterday],
  );
  let queued = 0;
  for (const row of rows) {
    const [y, m, d] = yesterday.split('-');
    const data = {day: `${d}/${m}/${y}`, count: row.references.length, references: row.references.slice(0, DIGEST_REFERENCES)};
    if (await enqueue(db, keys, {territory: row.territory, kind: 'daily_digest', recipient: null, language: 'fr', data, dedupeKey: `digest:${row.territory}:${yesterday}`}))
      queued++;
  }
  return queued;
}

/**
 * A reminder to each practitioner whose latest declaration is older than the territory's
 * `staleAfterDays`: at most one per staleness period (the key names the declaration and the
 * period), none once they update it, none after they unsubscribed.
 */
export async function enqueueStaleReminders(db: Db, keys: Keys, now: Date): Promise<number> {
  const rows = await db.query<{id: string; territory: string; email: string; declaration_id: string; declared_at: Date | string; stale_after_days: number}>(
    `select p.id, p.territory, p.email, d.id as declaration_id, d.declared_at, t.stale_after_days
       from practitioners p
       join territories t on t.slug = p.territory
       join lateral (select id, declared_at from availability_declarations a where a.practitioner_id = p.id order by declared_at desc limit 1) d on true
      where p.active and p.email is not null and p.email <> '' and d.declared_at < $1::timestamptz - make_interval(days => t.stale_after_days)
        and not exists (select 1 from outbox o where o.dedupe_key = 'stale:' || d.id::text || ':' ||
                        floor(extract(epoch from ($1::timestamptz - d.declared_at)) / 86400 / greatest(1, t.stale_after_days))::int::text)`,
    [now],
  );
  if (rows.length === 0) return 0;
  const mail = await mailKey(db, keys);
  let queued = 0;
  for (const row of rows) {
    const days = Math.floor((now.getTime() - new Date(row.declared_at).getTime()) / DAY);
    const period = Math.floor(days / Math.max(1, row.stale_after_days));
    const claim = {territory: row.territory, category: 'reminders', recipientHash: recipientHash(mail, row.email)};
    if (await isUnsubscribed(db, claim)) continue;
    const dedupeKey = `stale:${row.declaration_id}:${period}`;
    if (await enqueue(db, keys, {territory: row.territory, kind: 'stale_reminder', recipient: row.email, language: 'fr', data: {practitionerId: row.id, days}, dedupeKey}))
      queued++;
  }
  return queued;
}

export async function runSchedule(db: Db, keys: Keys, now: Date): Promise<void> {
  await enqueueDigests(db, keys, now);
  await enqueueStaleReminders(db, keys, now);
}
