import type {CallLogCreate, IntakeRequestPatch, IntakeStatus, IntakeTransition} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {ApiProblem, notFound, validationProblem} from './problems.js';
import {notifyStatus} from './outbox-events.js';
import {audit} from './territories.js';
import {sealNote} from './waiting-list-read.js';

/** The lifecycle: forward moves, a close from any open status, and a reopening of a finished request. */
export const TRANSITIONS: Record<IntakeStatus, readonly IntakeStatus[]> = {
  received: ['contacted', 'oriented', 'closed'],
  contacted: ['oriented', 'resolved', 'closed'],
  oriented: ['contacted', 'resolved', 'closed'],
  resolved: ['contacted'],
  closed: ['contacted'],
};

const STATUS_FR: Record<IntakeStatus, string> = {received: 'reçue', contacted: 'contactée', oriented: 'orientée', resolved: 'solution trouvée', closed: 'close'};

export function checkTransition(from: IntakeStatus, to: IntakeStatus): void {
  if (TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from].map((s) => `« ${STATUS_FR[s]} »`).join(', ');
  throw new ApiProblem(409, 'invalid_transition', 'Changement de statut impossible', {
    detail: `Une demande « ${STATUS_FR[from]} » ne peut pas passer à « ${STATUS_FR[to]} » ; possible : ${allowed}.`,
    errors: [{path: 'to', code: 'invalid_transition', message: `passage de « ${STATUS_FR[from]} » à « ${STATUS_FR[to]} » impossible`}],
  });
}

export const staleProblem = () =>
  new ApiProblem(412, 'stale', 'Demande modifiée entre-temps', {
    detail: 'Quelqu’un a modifié cette demande depuis que vous l’avez ouverte : rechargez-la, vérifiez ses changements, puis refaites le vôtre.',
  });

/**
 * The version an If-Match names (`"r12"`), or null when absent or `*`. If-Match stays optional so
 * that callers written before it keep working; the SDK and the widget always send it.
 */
export function ifMatchVersion(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return null;
  const match = /^(?:W\/)?"r(\d{1,9})"$/.exec(header.trim());
  if (!match) throw staleProblem();
  return Number(match[1]);
}

interface Current {
  status: IntakeStatus;
  version: number;
  reference: string;
  merged_into: string | null;
}

/** Locks the row for this transaction and checks the version the caller read. */
async function lockCurrent(tx: Db, territory: string, id: string, expected: number | null): Promise<Current> {
  const [row] = await tx.query<Current>('select status, version, reference, merged_into from intake_requests where territory = $1 and id = $2 for update', [territory, id]);
  if (!row) throw notFound("Cette demande n'existe pas.");
  if (expected !== null && row.version !== expected) throw staleProblem();
  return row;
}

const bump = (tx: Db, id: string, set: string, params: unknown[]) =>
  tx.query(`update intake_requests set ${set}${set ? ', ' : ''}version = version + 1, updated_at = now() where id = $1`, [id, ...params]);

async function event(
  tx: Db,
  keys: Keys,
  e: {requestId: string; by: string; kind: string; details: unknown; note?: string | null | undefined; at?: string | undefined},
): Promise<void> {
  await tx.query('insert into intake_events (id, request_id, at, by, kind, details, note_encrypted) values ($1, $2, coalesce($3::timestamptz, now()), $4, $5, $6, $7)', [
    crypto.randomUUID(),
    e.requestId,
    e.at ?? null,
    e.by,
    e.kind,
    JSON.stringify(e.details),
    sealNote(keys, e.note),
  ]);
}

async function moveStatus(tx: Db, keys: Keys, id: string, from: IntakeStatus, t: IntakeTransition, actor: string): Promise<void> {
  checkTransition(from, t.to);
  const reopened = t.to === 'contacted' && (from === 'resolved' || from === 'closed');
  await bump(tx, id, 'status = $2, close_reason = $3, resolved_practitioner_id = $4, merged_into = case when $5::boolean then null else merged_into end', [
    t.to,
    t.closeReason ?? null,
    t.resolvedPractitionerId ?? null,
    reopened,
  ]);
  const historyId = crypto.randomUUID();
  await tx.query('insert into intake_status_history (id, request_id, status, by) values ($1, $2, $3, $4)', [historyId, id, t.to, actor]);
  await notifyStatus(tx, keys, id, historyId, t.to, t.closeReason ?? null);
  // a finished request's proposals still waiting for an answer are no longer anyone's to accept
  if (t.to === 'closed' || t.to === 'resolved') {
    await tx.query(`update proposals set status = 'filled', answered_at = now() where request_id = $1 and status in ('offered', 'pending')`, [id]);
  }
  await event(tx, keys, {requestId: id, by: actor, kind: 'transition', details: {from, to: t.to, ...(t.closeReason ? {closeReason: t.closeReason} : {})}, note: t.note});
}

async function checkPractitioner(tx: Db, territory: string, practitionerId: string | undefined): Promise<void> {
  if (practitionerId === undefined) return;
  const [p] = await tx.query('select 1 from practitioners where territory = $1 and id = $2', [territory, practitionerId]);
  if (!p) throw validationProblem([{path: 'resolvedPractitionerId', code: 'unknown_practitioner', message: "ce professionnel n'existe pas dans ce territoire"}]);
}

export interface Actor {
  territory: string;
  name: string;
  expected: number | null;
}

export function transition(db: Db, keys: Keys, id: string, t: IntakeTransition, who: Actor): Promise<void> {
  return db.transaction(async (tx) => {
    const current = await lockCurrent(tx, who.territory, id, who.expected);
    await checkPractitioner(tx, who.territory, t.resolvedPractitionerId);
    await moveStatus(tx, keys, id, current.status, t, who.name);
    await audit(tx, {
      territory: who.territory,
      actor: who.name,
      action: 'intake.transition',
      target: id,
      details: {from: current.status, to: t.to, closeReason: t.closeReason},
    });
  });
}

export function logCall(db: Db, keys: Keys, id: string, call: CallLogCreate, who: Actor): Promise<void> {
  return db.transaction(async (tx) => {
    await lockCurrent(tx, who.territory, id, who.expected);
    if (call.at !== undefined && Date.parse(call.at) > Date.now() + 300_000) {
      throw validationProblem([{path: 'at', code: 'future_date', message: "la date de l'appel ne peut pas être dans le futur"}]);
    }
    await bump(tx, id, '', []);
    await event(tx, keys, {requestId: id, by: who.name, kind: 'call', details: {outcome: call.outcome}, note: call.note, at: call.at});
    await audit(tx, {territory: who.territory, actor: who.name, action: 'intake.call', target: id, details: {outcome: call.outcome}});
  });
}

/** The other request is closed as a duplicate of the kept one; each keeps its own history, shown together. */
export function merge(db: Db, keys: Keys, keptId: string, otherId: string, who: Actor): Promise<void> {
  const refuse = (detail: string) => new ApiProblem(409, 'merge_refused', 'Fusion impossible', {detail, errors: [{path: 'otherId', code: 'merge_refused', message: detail}]});
  if (keptId === otherId) return Promise.reject(refuse('Une demande ne peut pas être fusionnée avec elle-même.'));
  return db.transaction(async (tx) => {
    const kept = await lockCurrent(tx, who.territory, keptId, who.expected);
    const [other] = await tx.query<Current>('select status, version, reference, merged_into from intake_requests where territory = $1 and id = $2 for update', [
      who.territory,
      otherId,
    ]);
    if (!other) throw validationProblem([{path: 'otherId', code: 'not_found', message: "l'autre demande n'existe pas dans ce territoire"}]);
    if (kept.merged_into !== null) throw refuse('Cette demande a déjà été fusionnée dans une autre : ouvrez celle-ci pour fusionner.');
    if (other.merged_into !== null) throw refuse(`La demande ${other.reference} est déjà fusionnée dans une autre.`);
    if (other.status === 'resolved') throw refuse(`La demande ${other.reference} a déjà trouvé une solution : rouvrez-la d’abord si c’est un doublon.`);
    const [nested] = await tx.query('select 1 from intake_requests where merged_into = $1 limit 1', [otherId]);
    if (nested) throw refuse(`D’autres demandes sont fusionnées dans ${other.reference} : fusionnez plutôt celle-ci dans ${other.reference}.`);
    await bump(tx, otherId, "status = 'closed', close_reason = 'duplicate', merged_into = $2, duplicate_of = coalesce(duplicate_of, $2)", [keptId]);
    if (other.status !== 'closed') {
      await tx.query("insert into intake_status_history (id, request_id, status, by) values ($1, $2, 'closed', $3)", [crypto.randomUUID(), otherId, who.name]);
    }
    await bump(tx, keptId, 'duplicate_of = case when duplicate_of = $2 then null else duplicate_of end', [otherId]);
    await event(tx, keys, {
      requestId: otherId,
      by: who.name,
      kind: 'merge',
      details: {from: other.status, to: 'closed', closeReason: 'duplicate', otherId: keptId, otherReference: kept.reference},
    });
    await event(tx, keys, {requestId: keptId, by: who.name, kind: 'merge', details: {otherId, otherReference: other.reference}});
    await audit(tx, {territory: who.territory, actor: who.name, action: 'intake.merge', target: keptId, details: {merged: otherId}});
  });
}

/** Notes and assignment; a status here is a transition without a note (kept for callers written before transitions). */
export function patchRequest(db: Db, keys: Keys, id: string, patch: IntakeRequestPatch, who: Actor): Promise<void> {
  return db.transaction(async (tx) => {
    const current = await lockCurrent(tx, who.territory, id, who.expected);
    if (patch.status !== undefined && patch.status !== current.status) {
      // a close through PATCH has no reason field: recorded without one, the transitions route asks for it
      await moveStatus(tx, keys, id, current.status, {to: patch.status}, who.name);
    }
    if (patch.notes !== undefined || patch.assignedTo !== undefined) {
      await bump(
        tx,
        id,
        `notes_encrypted = case when $2::boolean then $3 else notes_encrypted end, notes = case when $2::boolean then null else notes end,
                          assigned_to = case when $4::boolean then $5 else assigned_to end`,
        [patch.notes !== undefined, sealNote(keys, patch.notes), patch.assignedTo !== undefined, patch.assignedTo ?? null],
      );
    }
    if (patch.assignedTo !== undefined) await event(tx, keys, {requestId: id, by: who.name, kind: 'assignment', details: {assignedTo: patch.assignedTo}});
    await audit(tx, {territory: who.territory, actor: who.name, action: 'intake.patch', target: id, details: {fields: Object.keys(patch), status: patch.status}});
  });
}
