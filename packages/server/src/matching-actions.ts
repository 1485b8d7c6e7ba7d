import type {FieldError, ProposalCreate, ProposalDecline} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {candidatesAmong, monthStartParis, refusalOf, type CandidateRow} from './matching-query.js';
import {ApiProblem, notFound} from './problems.js';
import {notifyProposal} from './outbox-events.js';
import {audit} from './territories.js';
import {transition} from './waiting-list-actions.js';
import {sealNote} from './waiting-list-read.js';

const OPEN_REQUEST = new Set(['received', 'contacted', 'oriented']);

const REFUSAL_FR: Record<NonNullable<ReturnType<typeof refusalOf>>, string> = {
  not_accepting: 'ne prend pas de nouveaux patients (ou n’a rien déclaré)',
  at_quota: 'a déjà pris toutes ses places de ce mois-ci',
  outside_scope: 'ne prend pas ce type de patients (âge, priorité ou commune)',
  no_home_visits: 'ne fait pas de visites à domicile dans cette commune',
};

const REFUSAL_YOU_FR: typeof REFUSAL_FR = {
  not_accepting: 'Votre déclaration ne prend pas de nouveaux patients : mettez-la à jour pour proposer.',
  at_quota: 'Vous avez déjà pris toutes vos places de ce mois-ci.',
  outside_scope: 'Cette personne n’entre pas dans les patients que vous avez déclaré prendre (âge, priorité ou commune).',
  no_home_visits: 'Cette personne a besoin de visites à domicile dans une commune que vous n’avez pas déclarée.',
};

export const requestClosed = () =>
  new ApiProblem(409, 'request_closed', 'Demande close', {detail: 'Cette demande est close ou a déjà trouvé une solution : rien n’a été changé.'});

export const alreadyTaken = () =>
  new ApiProblem(409, 'already_taken', 'Déjà pris en charge', {
    detail: 'Un autre professionnel a accepté cette personne juste avant vous. Merci pour votre réponse : rien n’a été changé de votre côté.',
  });

const proposalClosed = (status: string) =>
  new ApiProblem(409, 'proposal_closed', 'Proposition close', {
    detail:
      status === 'withdrawn'
        ? 'La coordination a retiré cette proposition : rien n’a été changé.'
        : status === 'filled'
          ? 'Cette personne a trouvé un professionnel entre-temps : rien n’a été changé.'
          : 'Cette proposition a déjà reçu une réponse : rien n’a été changé.',
  });

export interface Who {
  territory: string;
  name: string;
  staleAfterDays: number;
}

interface RequestLock {
  status: string;
  accepted: number;
}

/** Locks the request for this transaction: two accepts of the same person queue here, and the second sees the first. */
async function lockRequest(tx: Db, territory: string, requestId: string): Promise<RequestLock> {
  const [row] = await tx.query<{status: string}>('select status from intake_requests where territory = $1 and id = $2 for update', [territory, requestId]);
  if (!row) throw notFound("Cette demande n'existe pas.");
  const [taken] = await tx.query<{n: number}>(`select count(*)::int as n from proposals where request_id = $1 and status = 'accepted'`, [requestId]);
  return {status: row.status, accepted: taken?.n ?? 0};
}

async function eligibility(tx: Db, who: Who, requestId: string, practitionerIds: string[]): Promise<Map<string, CandidateRow>> {
  const rows = await candidatesAmong(tx, {territory: who.territory, requestId, monthStart: monthStartParis(), staleAfterDays: who.staleAfterDays}, practitionerIds);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Proposes the person to each practitioner, or to none when one of them cannot take them. */
export function createProposals(db: Db, keys: Keys, requestId: string, body: ProposalCreate, who: Who): Promise<string[]> {
  return db.transaction(async (tx) => {
    const lock = await lockRequest(tx, who.territory, requestId);
    if (!OPEN_REQUEST.has(lock.status)) throw requestClosed();
    if (lock.accepted > 0) throw alreadyTaken();
    const ids = [...new Set(body.practitionerIds)];
    const found = await eligibility(tx, who, requestId, ids);
    const open = new Set(
      (await tx.query<{practitioner_id: string}>(`select practitioner_id from proposals where request_id = $1 and status in ('offered', 'pending')`, [requestId])).map(
        (r) => r.practitioner_id,
      ),
    );
    const errors: FieldError[] = [];
    body.practitionerIds.forEach((id, i) => {
      const row = found.get(id);
      const path = `practitionerIds.${i}`;
      if (!row) errors.push({path, code: 'unknown_practitioner', message: 'ce médecin n’existe pas dans ce territoire ou n’est plus actif'});
      else if (open.has(id)) errors.push({path, code: 'already_proposed', message: 'une proposition à ce professionnel attend déjà sa réponse'});
      else {
        const refusal = refusalOf(row);
        if (refusal) errors.push({path, code: refusal, message: REFUSAL_FR[refusal]});
      }
    });
    if (errors.length > 0) {
      const first = errors[0]?.code === 'at_quota' || errors[0]?.code === 'outside_scope' ? errors[0].code : 'proposal_refused';
      throw new ApiProblem(409, first, 'Proposition impossible', {detail: 'Aucune proposition n’a été faite : voyez la raison pour chaque professionnel.', errors});
    }
    const created: string[] = [];
    for (const practitionerId of ids) {
      const id = crypto.randomUUID();
      await tx.query(
        `insert into proposals (id, territory, request_id, practitioner_id, origin, status, note_encrypted, proposed_by) values ($1, $2, $3, $4, 'coordinator', 'pending', $5, $6)`,
        [id, who.territory, requestId, practitionerId, sealNote(keys, body.note), who.name],
      );
      await audit(tx, {territory: who.territory, actor: who.name, action: 'proposal.create', target: requestId, details: {proposalId: id, practitionerId}});
      await notifyProposal(tx, keys, who.territory, id, practitionerId);
      created.push(id);
    }
    return created;
  });
}

interface LockedProposal {
  id: string;
  request_id: string;
  practitioner_id: string;
  status: string;
  origin: string;
}

async function lockProposal(tx: Db, territory: string, id: string, practitionerId: string | null): Promise<LockedProposal> {
  const [found] = await tx.query<LockedProposal>('select id, request_id, practitioner_id, status, origin from proposals where territory = $1 and id = $2', [territory, id]);
  if (!found || (practitionerId !== null && found.practitioner_id !== practitionerId)) throw notFound("Cette proposition n'existe pas.");
  // the request first, as every writer here does, so two of them never wait on each other
  await tx.query('select 1 from intake_requests where id = $1 for update', [found.request_id]);
  const [row] = await tx.query<LockedProposal>('select id, request_id, practitioner_id, status, origin from proposals where id = $1 for update', [id]);
  return row ?? found;
}

/**
 * Takes the person: the proposal is accepted, the other open ones are filled, the request moves to
 * `oriented` and one place of this month's quota is used. `expected` is the status the proposal
 * must be in (pending for the practitioner's accept, offered for the coordinator's confirmation).
 */
async function take(tx: Db, keys: Keys, p: LockedProposal, who: Who, expected: 'pending' | 'offered'): Promise<void> {
  const lock = await lockRequest(tx, who.territory, p.request_id);
  if (!OPEN_REQUEST.has(lock.status)) throw requestClosed();
  if (p.status !== expected) throw p.status === 'filled' ? alreadyTaken() : proposalClosed(p.status);
  if (lock.accepted > 0) throw alreadyTaken();
  // the places of a month are counted under the practitioner's lock, so two accepts cannot both take the last one
  await tx.query('select 1 from practitioners where id = $1 for update', [p.practitioner_id]);
  const row = (await eligibility(tx, who, p.request_id, [p.practitioner_id])).get(p.practitioner_id);
  if (row && row.quota !== null && row.used >= row.quota) {
    throw new ApiProblem(409, 'at_quota', 'Quota du mois atteint', {
      detail: 'Toutes les places déclarées pour ce mois-ci sont déjà prises : modifiez votre quota pour accepter.',
    });
  }
  await tx.query(`update proposals set status = 'accepted', answered_at = now(), accepted_at = now() where id = $1`, [p.id]);
  await tx.query(`update proposals set status = 'filled', answered_at = now() where request_id = $1 and id <> $2 and status in ('offered', 'pending')`, [p.request_id, p.id]);
  if (lock.status !== 'oriented') await transition(tx, keys, p.request_id, {to: 'oriented'}, {territory: who.territory, name: who.name, expected: null});
  await audit(tx, {
    territory: who.territory,
    actor: who.name,
    action: 'proposal.accept',
    target: p.request_id,
    details: {proposalId: p.id, practitionerId: p.practitioner_id},
  });
}

/** `23505` on proposals_one_accepted: another accept got in between; the same kind answer. */
function onlyOneWins(error: unknown): never {
  if (typeof error === 'object' && error !== null && (error as {code?: string}).code === '23505') throw alreadyTaken();
  throw error;
}

export function acceptProposal(db: Db, keys: Keys, id: string, practitionerId: string, who: Who): Promise<string> {
  return db
    .transaction(async (tx) => {
      const p = await lockProposal(tx, who.territory, id, practitionerId);
      await take(tx, keys, p, who, 'pending');
      return p.request_id;
    })
    .catch(onlyOneWins);
}

export function confirmOffer(db: Db, keys: Keys, id: string, who: Who): Promise<string> {
  return db
    .transaction(async (tx) => {
      const p = await lockProposal(tx, who.territory, id, null);
      await take(tx, keys, p, who, 'offered');
      return p.request_id;
    })
    .catch(onlyOneWins);
}

export function declineProposal(db: Db, keys: Keys, id: string, practitionerId: string, body: ProposalDecline, who: Who): Promise<void> {
  return db.transaction(async (tx) => {
    const p = await lockProposal(tx, who.territory, id, practitionerId);
    if (p.status !== 'pending' && p.status !== 'offered') throw proposalClosed(p.status);
    await tx.query(`update proposals set status = 'declined', answered_at = now(), decline_reason = $2, decline_note_encrypted = $3 where id = $1`, [
      id,
      body.reason ?? null,
      sealNote(keys, body.note),
    ]);
    await audit(tx, {territory: who.territory, actor: who.name, action: 'proposal.decline', target: p.request_id, details: {proposalId: id, reason: body.reason ?? null}});
  });
}

export function withdrawProposal(db: Db, id: string, who: Who): Promise<void> {
  return db.transaction(async (tx) => {
    const p = await lockProposal(tx, who.territory, id, null);
    if (p.status !== 'pending' && p.status !== 'offered') throw proposalClosed(p.status);
    await tx.query(`update proposals set status = 'withdrawn', answered_at = now() where id = $1`, [id]);
    await audit(tx, {territory: who.territory, actor: who.name, action: 'proposal.withdraw', target: p.request_id, details: {proposalId: id}});
  });
}

/** The first consultation took place: the request is resolved with this practitioner. */
export function confirmFirstConsultation(db: Db, keys: Keys, id: string, practitionerId: string, who: Who): Promise<void> {
  return db.transaction(async (tx) => {
    const p = await lockProposal(tx, who.territory, id, practitionerId);
    if (p.status !== 'accepted') throw proposalClosed(p.status);
    const [request] = await tx.query<{status: string}>('select status from intake_requests where id = $1', [p.request_id]);
    if (request?.status !== 'oriented') throw requestClosed();
    await tx.query('update proposals set consulted_at = now() where id = $1', [id]);
    await transition(tx, keys, p.request_id, {to: 'resolved', resolvedPractitionerId: practitionerId}, {territory: who.territory, name: who.name, expected: null});
    await audit(tx, {territory: who.territory, actor: who.name, action: 'proposal.consulted', target: p.request_id, details: {proposalId: id}});
  });
}

/** A practitioner offers to take a waiting person; the coordinator confirms. */
export function offerToTake(db: Db, keys: Keys, requestId: string, practitionerId: string, note: string | undefined, who: Who): Promise<string> {
  return db.transaction(async (tx) => {
    const lock = await lockRequest(tx, who.territory, requestId);
    if (!OPEN_REQUEST.has(lock.status)) throw requestClosed();
    if (lock.accepted > 0 || lock.status === 'oriented') throw alreadyTaken();
    const row = (await eligibility(tx, who, requestId, [practitionerId])).get(practitionerId);
    const refusal = row ? refusalOf(row) : 'not_accepting';
    if (refusal) throw new ApiProblem(409, refusal === 'at_quota' ? 'at_quota' : 'outside_scope', 'Offre impossible', {detail: REFUSAL_YOU_FR[refusal]});
    const [open] = await tx.query(`select 1 from proposals where request_id = $1 and practitioner_id = $2 and status in ('offered', 'pending')`, [requestId, practitionerId]);
    if (open) throw new ApiProblem(409, 'already_proposed', 'Déjà proposé', {detail: 'Une proposition pour cette personne vous attend déjà : répondez-y.'});
    const id = crypto.randomUUID();
    await tx.query(
      `insert into proposals (id, territory, request_id, practitioner_id, origin, status, note_encrypted, proposed_by) values ($1, $2, $3, $4, 'practitioner', 'offered', $5, $6)`,
      [id, who.territory, requestId, practitionerId, sealNote(keys, note), who.name],
    );
    await audit(tx, {territory: who.territory, actor: who.name, action: 'proposal.offer', target: requestId, details: {proposalId: id}});
    return id;
  });
}
