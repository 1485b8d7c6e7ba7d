import {createHash, createHmac, timingSafeEqual} from 'node:crypto';
import type {IntakeStatus, RequestClosedBecause, RequestProgress, RequestStatus} from '@cpts-kit/contract';
import {decryptJson, encryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {PersonalFields} from './intake-rules.js';
import {ApiProblem} from './problems.js';
import {clientKey} from './rate-limit.js';
import type {TerritoryRow} from './territories.js';

/** Tries one client gets per reference and window, right or wrong; a right answer starts its count again. */
export const TRIES_PER_CLIENT = 10;
/** Tries a reference gets per window from every client together: only many addresses at once use it up. */
export const TRIES_PER_REFERENCE = 100;
export const REFERENCE_WINDOW_HOURS = 24;

const PROGRESS: Record<IntakeStatus, RequestProgress> = {received: 'received', contacted: 'in_progress', oriented: 'oriented', resolved: 'resolved', closed: 'closed'};

const CLOSED_BECAUSE: Record<string, RequestClosedBecause> = {
  found_via_cpts: 'found',
  found_alone: 'found',
  moved_away: 'moved_away',
  unreachable: 'unreachable',
  duplicate: 'duplicate',
  withdrew: 'withdrew',
  other: 'other',
};

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit'});

/** The day in France, as YYYY-MM-DD: a request sent at 00:30 in Paris was received that day, not the day before in UTC. */
export function parisDay(at: Date): string {
  return PARIS_DAY.format(at);
}

/** One answer for every wrong pair: an unknown reference, a wrong birth date, another territory's reference. */
export const noSuchRequest = () =>
  new ApiProblem(404, 'not_found', 'Demande introuvable', {
    detail: 'Aucune demande ne correspond à cette référence et à cette date de naissance. Vérifiez-les, ou appelez la CPTS.',
  });

export function tooManyTries(seconds: number, phone: string): ApiProblem {
  const minutes = Math.ceil(seconds / 60);
  return new ApiProblem(429, 'rate_limited', 'Trop d’essais', {
    detail: `Trop d’essais. Réessayez dans ${minutes} min, ou appelez la CPTS au ${phone}.`,
    headers: {'Retry-After': String(seconds)},
    retryAfter: seconds,
  });
}

export type Try = {ok: true} | {ok: false; retryAfterSeconds: number};

/**
 * The asker, as the per-client budget counts them: the address the rate limits use (clientKey),
 * with IPv6 widened from its /64 to its /48, because one subscriber often gets a /56 or more to hop
 * between. It is hashed with a key of its own, so the table keeps no address. Only two people
 * asking about the same reference from one site share a count.
 */
export function statusClient(keys: Keys, address: string): string {
  const client = clientKey(address);
  const site = client.endsWith('::/64') ? `${client.split(':').slice(0, 3).join(':')}::/48` : client;
  return createHmac('sha256', keys.statusClient).update(site).digest('hex').slice(0, 32);
}

interface Budget {
  table: string;
  columns: readonly string[];
  limit: number;
}

const PER_CLIENT: Budget = {table: 'request_status_client_attempts', columns: ['territory', 'reference', 'client'], limit: TRIES_PER_CLIENT};
const PER_REFERENCE: Budget = {table: 'request_status_attempts', columns: ['territory', 'reference'], limit: TRIES_PER_REFERENCE};

/**
 * Counts a try on one budget's row, in one statement, so concurrent tries (several processes
 * included) are each counted. A window that is over starts again at 1.
 */
async function countTry(db: Db, {table, columns, limit}: Budget, values: readonly string[], now: Date): Promise<Try> {
  const at = `$${columns.length + 1}`;
  const over = `a.window_started_at <= ${at}::timestamptz - make_interval(hours => $${columns.length + 2})`;
  const [row] = await db.query<{tries: number; window_started_at: Date}>(
    `insert into ${table} as a (${columns.join(', ')}, window_started_at, tries) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}, ${at}, 1)
     on conflict (${columns.join(', ')}) do update set
       tries = case when ${over} then 1 else a.tries + 1 end,
       window_started_at = case when ${over} then ${at} else a.window_started_at end
     returning tries, window_started_at`,
    [...values, now, REFERENCE_WINDOW_HOURS],
  );
  if (!row || row.tries <= limit) return {ok: true};
  const endsAt = new Date(row.window_started_at).getTime() + REFERENCE_WINDOW_HOURS * 3_600_000;
  return {ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000))};
}

/**
 * Counts a try for `reference` by `client` (statusClient) and says whether it may go on. The
 * client's own budget comes first: a client past it is refused without touching the reference's
 * total, so one address cannot use up the total and lock others out. A try the total refuses is
 * given back to the client, whose count then holds only the tries that were looked up.
 * Counted for the reference as typed, existing or not: a refusal says nothing about existence.
 */
export async function takeLookupTry(db: Db, territory: string, reference: string, client: string, now = new Date()): Promise<Try> {
  const own = await countTry(db, PER_CLIENT, [territory, reference, client], now);
  if (!own.ok) return own;
  const all = await countTry(db, PER_REFERENCE, [territory, reference], now);
  if (!all.ok)
    await db.query('update request_status_client_attempts set tries = greatest(tries - 1, 0) where territory = $1 and reference = $2 and client = $3', [
      territory,
      reference,
      client,
    ]);
  return all;
}

/**
 * A right answer: the asker is who they say, their earlier typos no longer count. The reference's
 * total keeps them: the total is a ceiling against guesses from many addresses, and whoever knows
 * the birth date never gets near it.
 */
export async function forgetClientTries(db: Db, territory: string, reference: string, client: string): Promise<void> {
  await db.query('delete from request_status_client_attempts where territory = $1 and reference = $2 and client = $3', [territory, reference, client]);
}

/** Windows that are over, every territory, both budgets: the server's hourly purge. */
export async function purgeStatusAttempts(db: Db, now = new Date()): Promise<number> {
  let purged = 0;
  for (const table of [PER_REFERENCE.table, PER_CLIENT.table]) {
    const rows = await db.query<{n: number}>(
      `with d as (delete from ${table} where window_started_at <= $1::timestamptz - make_interval(hours => $2) returning 1)
       select count(*)::int as n from d`,
      [now, REFERENCE_WINDOW_HOURS],
    );
    purged += rows[0]?.n ?? 0;
  }
  return purged;
}

interface StatusRow {
  status: IntakeStatus;
  close_reason: string | null;
  personal_encrypted: string;
  created_at: Date;
  changed_at: Date | null;
}

/**
 * Finds the request and checks the birth date, doing the same work whether the reference exists or
 * not (a decryption, a comparison of equal lengths), so the answer's timing does not tell either.
 */
export class StatusLookup {
  /** Decrypted in place of a row when the reference is unknown. */
  private readonly decoy: string;

  constructor(
    private readonly db: Db,
    private readonly keys: Keys,
  ) {
    const person = {lastName: 'x'.repeat(20), firstNames: 'x'.repeat(20), birthDate: '0000-00-00', communeInsee: '00000'};
    this.decoy = encryptJson(keys.encryption, {requester: {kind: 'self'}, person, situation: {reason: 'other'}, comment: null});
  }

  /**
   * The stored birth date, or the decoy's: a row no configured key opens (an old key dropped before
   * `keys rotate` finished) answers like an unknown reference, never a 500 that would tell it exists.
   */
  private birthDateOf(sealed: string | undefined): string {
    try {
      return decryptJson<PersonalFields>(this.keys.decryption, sealed ?? this.decoy).person.birthDate;
    } catch {
      return decryptJson<PersonalFields>(this.keys.decryption, this.decoy).person.birthDate;
    }
  }

  async find(territory: TerritoryRow, reference: string, birthDate: string): Promise<RequestStatus | undefined> {
    const [row] = await this.db.query<StatusRow>(
      `select r.status, r.close_reason, r.personal_encrypted, r.created_at,
              (select max(h.at) from intake_status_history h where h.request_id = r.id) as changed_at
         from intake_requests r where r.territory = $1 and r.reference = $2`,
      [territory.slug, reference],
    );
    const stored = this.birthDateOf(row?.personal_encrypted);
    if (!sameDate(stored, birthDate) || !row) return undefined;
    const receivedOn = parisDay(new Date(row.created_at));
    return {
      reference,
      status: PROGRESS[row.status],
      receivedOn,
      since: row.status === 'received' || !row.changed_at ? receivedOn : parisDay(new Date(row.changed_at)),
      closedBecause: row.status === 'closed' ? (CLOSED_BECAUSE[row.close_reason ?? 'other'] ?? 'other') : null,
      territory: {name: territory.name, phone: territory.phone},
    };
  }
}

/** Equal-length digests: the comparison takes as long whichever character differs first. */
function sameDate(stored: string, given: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(stored), digest(given));
}
