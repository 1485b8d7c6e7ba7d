import type {CloseReason, IntakeEvent, IntakeRequest, IntakeStatus, WaitingListItem, WaitingRequest} from '@cpts-kit/contract';
import {decryptJson, encryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {iso} from './http.js';
import {priorityCriteria, type PersonalFields} from './intake-rules.js';
import {ageBandOf} from './waiting-list-index.js';

export interface WaitingRow {
  id: string;
  reference: string;
  status: IntakeStatus;
  priority: IntakeRequest['priority'];
  personal_encrypted: string;
  notes: string | null;
  notes_encrypted: string | null;
  assigned_to: string | null;
  created_at: Date;
  updated_at: Date;
  duplicate_of: string | null;
  duplicate_reference: string | null;
  channel: WaitingListItem['channel'];
  close_reason: CloseReason | null;
  resolved_practitioner_id: string | null;
  merged_into: string | null;
  version: number;
  call_count: number;
  /** The keyset cursor's timestamp, to the microsecond. */
  cursor_at: string;
  triage_rank: number;
}

export const WAITING_SELECT = `
  select r.id, r.reference, r.status, r.priority, r.personal_encrypted, r.notes, r.notes_encrypted, r.assigned_to, r.created_at,
         r.updated_at, r.duplicate_of, r.channel, r.close_reason, r.resolved_practitioner_id, r.merged_into, r.version, r.triage_rank,
         to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
         (select count(*)::int from intake_events e where e.request_id = r.id and e.kind = 'call') as call_count,
         (select d.reference from intake_requests d where d.id = r.duplicate_of) as duplicate_reference
    from intake_requests r`;

export async function historyOf(db: Db, ids: string[]): Promise<Map<string, IntakeRequest['history']>> {
  const out = new Map<string, IntakeRequest['history']>();
  if (ids.length === 0) return out;
  const rows = await db.query<{request_id: string; status: IntakeStatus; at: Date; by: string}>(
    'select request_id, status, at, by from intake_status_history where request_id = any($1::uuid[]) order by at, id',
    [ids],
  );
  for (const r of rows) {
    const list = out.get(r.request_id) ?? [];
    list.push({status: r.status, at: iso(r.at), by: r.by});
    out.set(r.request_id, list);
  }
  return out;
}

/** Notes written before the waiting list were stored in clear; the start-up backfill seals them. */
export function notesOf(keys: Keys, row: Pick<WaitingRow, 'notes' | 'notes_encrypted'>): string | null {
  return row.notes_encrypted !== null ? decryptJson<string>(keys.decryption, row.notes_encrypted) : row.notes;
}

export const sealNote = (keys: Keys, note: string | undefined | null): string | null => (note ? encryptJson(keys.encryption, note) : null);

const DAY_MS = 86_400_000;

export function toItem(row: WaitingRow, keys: Keys, history: IntakeRequest['history'], now = new Date()): WaitingListItem {
  const personal = decryptJson<PersonalFields>(keys.decryption, row.personal_encrypted);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    requester: personal.requester,
    person: personal.person,
    situation: personal.situation,
    priority: row.priority,
    priorityCriteria: priorityCriteria({person: personal.person, priority: row.priority}, now),
    comment: personal.comment,
    notes: notesOf(keys, row),
    assignedTo: row.assigned_to,
    possibleDuplicateOf: row.duplicate_of,
    history,
    channel: row.channel,
    ageBand: ageBandOf(personal.person.birthDate, now),
    // calendar days, so a request registered yesterday evening has waited one day this morning
    waitingDays: Math.max(0, Math.floor(now.getTime() / DAY_MS) - Math.floor(new Date(row.created_at).getTime() / DAY_MS)),
    version: row.version,
    closeReason: row.close_reason,
    callCount: row.call_count,
    possibleDuplicate: row.duplicate_of && row.duplicate_reference ? {id: row.duplicate_of, reference: row.duplicate_reference} : null,
  };
}

interface EventRow {
  id: string;
  request_id: string;
  at: Date;
  by: string;
  kind: IntakeEvent['kind'];
  details: Partial<Pick<IntakeEvent, 'from' | 'to' | 'outcome' | 'closeReason' | 'assignedTo' | 'otherId' | 'otherReference'>>;
  note_encrypted: string | null;
}

/** The latest openings shown in a request's history: who read a person's record is theirs to know (RGPD, art. 15). */
const MAX_READS = 50;

/** The request with its calls, its events and those of the requests merged into it, and who opened it. */
export async function toDetail(db: Db, keys: Keys, row: WaitingRow): Promise<WaitingRequest> {
  const merged = await db.query<{id: string; reference: string}>('select id, reference from intake_requests where merged_into = $1 order by created_at, id', [row.id]);
  const ids = [row.id, ...merged.map((m) => m.id)];
  const [history, rows, reads] = await Promise.all([
    historyOf(db, [row.id]),
    db.query<EventRow>('select id, request_id, at, by, kind, details, note_encrypted from intake_events where request_id = any($1::uuid[]) order by at, id', [ids]),
    db.query<{id: string; at: Date; actor: string}>("select id, at, actor from audit_log where target = $1 and action = 'intake.read' order by at desc limit $2", [
      row.id,
      MAX_READS,
    ]),
  ]);
  const events: IntakeEvent[] = [
    ...rows.map((e): IntakeEvent => ({
      id: e.id,
      requestId: e.request_id,
      at: iso(e.at),
      by: e.by,
      kind: e.kind,
      ...e.details,
      note: e.note_encrypted === null ? null : decryptJson<string>(keys.decryption, e.note_encrypted),
    })),
    ...reads.map((r): IntakeEvent => ({id: r.id, requestId: row.id, at: iso(r.at), by: r.actor, kind: 'read', note: null})),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    ...toItem(row, keys, history.get(row.id) ?? []),
    resolvedPractitionerId: row.resolved_practitioner_id,
    mergedInto: row.merged_into,
    merged,
    calls: events.filter((e) => e.kind === 'call'),
    events,
  };
}

export async function findWaitingRow(db: Db, territory: string, id: string): Promise<WaitingRow | undefined> {
  const [row] = await db.query<WaitingRow>(`${WAITING_SELECT} where r.territory = $1 and r.id = $2`, [territory, id]);
  return row;
}

export const etagOf = (version: number): string => `"r${version}"`;
