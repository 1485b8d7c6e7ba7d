import {createHash, timingSafeEqual} from 'node:crypto';
import type {IntakeStatus, RequestClosedBecause, RequestProgress, RequestStatus} from '@cpts-kit/contract';
import {decryptJson, encryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {PersonalFields} from './intake-rules.js';
import {ApiProblem} from './problems.js';
import type {TerritoryRow} from './territories.js';

/** Tries one reference gets per window, right or wrong; a right answer starts the count again. */
export const TRIES_PER_REFERENCE = 10;
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

/**
 * Counts a try for `reference` and says whether it may go on. One statement, so concurrent tries
 * (several processes included) are each counted: a window that is over starts again at 1.
 */
export async function takeReferenceTry(db: Db, territory: string, reference: string, now = new Date()): Promise<{ok: true} | {ok: false; retryAfterSeconds: number}> {
  const [row] = await db.query<{tries: number; window_started_at: Date}>(
    `insert into request_status_attempts as a (territory, reference, window_started_at, tries) values ($1, $2, $3, 1)
     on conflict (territory, reference) do update set
       tries = case when a.window_started_at <= $3::timestamptz - make_interval(hours => $4) then 1 else a.tries + 1 end,
       window_started_at = case when a.window_started_at <= $3::timestamptz - make_interval(hours => $4) then $3 else a.window_started_at end
     returning tries, window_started_at`,
    [territory, reference, now, REFERENCE_WINDOW_HOURS],
  );
  if (!row || row.tries <= TRIES_PER_REFERENCE) return {ok: true};
  const endsAt = new Date(row.window_started_at).getTime() + REFERENCE_WINDOW_HOURS * 3_600_000;
  return {ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000))};
}

/** A right answer: the person is who they say, their earlier typos no longer count. */
export async function forgetReferenceTries(db: Db, territory: string, reference: string): Promise<void> {
  await db.query('delete from request_status_attempts where territory = $1 and reference = $2', [territory, reference]);
}

/** Windows that are over, every territory: the server's hourly purge. */
export async function purgeStatusAttempts(db: Db, now = new Date()): Promise<number> {
  const rows = await db.query<{n: number}>(
    `with d as (delete from request_status_attempts where window_started_at <= $1::timestamptz - make_interval(hours => $2) returning 1)
     select count(*)::int as n from d`,
    [now, REFERENCE_WINDOW_HOURS],
  );
  return rows[0]?.n ?? 0;
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
