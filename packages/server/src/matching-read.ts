import type {DeclineReason, IntakeRequest, Match, MatchReason, OwnProposal, PersonSummary, Proposal, ProposalContact, ProposalStatus} from '@cpts-kit/contract';
import {decryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {iso, isoOrNull} from './http.js';
import {priorityCriteria, type PersonalFields} from './intake-rules.js';
import type {CandidateRow} from './matching-query.js';
import {displayName} from './practitioners.js';
import {ageBandOf} from './waiting-list-index.js';

const DAY_MS = 86_400_000;

export interface PersonRow {
  id: string;
  reference: string;
  status: IntakeRequest['status'];
  commune_insee: string;
  commune_name: string;
  priority: IntakeRequest['priority'];
  /** First of the birth month (YYYY-MM-DD): the age to the month, without the birth date in clear. */
  birth_month: string | null;
  personal_encrypted: string;
  created_at: Date;
}

export const PERSON_SELECT = `
  select r.id, r.reference, r.status, r.commune_insee, coalesce(c.name, r.commune_insee) as commune_name, r.priority,
         to_char(r.birth_month, 'YYYY-MM-DD') as birth_month, r.personal_encrypted, r.created_at
    from intake_requests r
    left join territory_communes c on c.territory = r.territory and c.insee = r.commune_insee`;

export async function findPerson(db: Db, territory: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.query<PersonRow>(`${PERSON_SELECT} where r.territory = $1 and r.id = $2`, [territory, id]);
  return row;
}

/** Age band, commune, criteria, home visits, waiting time: what a practitioner sees before accepting. */
export function personSummary(row: PersonRow, keys: Keys, now = new Date()): PersonSummary {
  // rows written before the birth month was kept: the birth date is only in the sealed fields
  const birth = row.birth_month ?? decryptJson<PersonalFields>(keys.decryption, row.personal_encrypted).person.birthDate;
  return {
    ageBand: ageBandOf(birth, now),
    communeInsee: row.commune_insee,
    communeName: row.commune_name,
    criteria: priorityCriteria({person: {birthDate: birth} as PersonalFields['person'], priority: row.priority}, now),
    homeVisits: row.priority.homeVisits === 'yes',
    waitingDays: Math.max(0, Math.floor(now.getTime() / DAY_MS) - Math.floor(new Date(row.created_at).getTime() / DAY_MS)),
  };
}

/** The plain-language reasons, as codes and values the page phrases. */
function reasonsOf(row: CandidateRow, person: PersonSummary): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (row.commune_insee === person.communeInsee) reasons.push({code: 'same_commune'});
  else if (row.km !== null) reasons.push({code: 'distance', km: Math.round(row.km)});
  if (person.homeVisits && row.declaration?.homeVisits) reasons.push({code: 'home_visits', commune: person.communeName});
  if (row.declaration?.accepting === 'limited') reasons.push({code: 'limited'});
  if (row.fresh) {
    if (row.quota !== null) reasons.push({code: 'places_left', count: Math.max(0, row.quota - row.used)});
    else if (row.accepting) reasons.push({code: 'no_quota'});
  }
  for (const scope of ['priority_only', 'children', 'elderly', 'chosen_communes'] as const) {
    if (row.declaration?.patientScope?.includes(scope) && !row.declaration.patientScope.includes('all')) reasons.push({code: 'scope', scope});
  }
  if (row.declared_at === null) reasons.push({code: 'never_declared'});
  else if (!row.fresh) reasons.push({code: 'stale', days: row.days_ago ?? 0});
  else reasons.push({code: 'declared_days_ago', days: row.days_ago ?? 0});
  return reasons;
}

export function toMatch(row: CandidateRow, person: PersonSummary, score: number, proposal: Match['proposal']): Match {
  const accepting = row.declaration?.accepting;
  return {
    practitioner: {
      id: row.id,
      profession: row.profession as Match['practitioner']['profession'],
      displayName: displayName(row),
      practiceName: row.practice_name,
      communeInsee: row.commune_insee,
      communeName: row.commune_name,
      phone: row.phone,
    },
    score,
    distanceKm: row.km === null ? null : Math.round(row.km * 10) / 10,
    accepting: accepting === 'yes' || accepting === 'limited' || accepting === 'no' ? accepting : null,
    monthlyQuota: row.quota,
    placesLeft: row.quota === null ? null : Math.max(0, row.quota - row.used),
    declaredDaysAgo: row.days_ago,
    freshness: row.declared_at === null ? 'never' : row.fresh ? 'fresh' : 'stale',
    reasons: reasonsOf(row, person),
    proposal,
  };
}

export interface ProposalRow {
  id: string;
  request_id: string;
  reference: string;
  practitioner_id: string;
  title: string | null;
  first_name: string;
  last_name: string;
  profession: Proposal['practitioner']['profession'];
  practitioner_commune: string;
  origin: Proposal['origin'];
  status: ProposalStatus;
  note_encrypted: string | null;
  proposed_by: string;
  proposed_at: Date;
  answered_at: Date | null;
  decline_reason: DeclineReason | null;
  decline_note_encrypted: string | null;
  consulted_at: Date | null;
}

export const PROPOSAL_SELECT = `
  select q.id, q.request_id, r.reference, q.practitioner_id, p.title, p.first_name, p.last_name, p.profession,
         p.commune_insee as practitioner_commune, q.origin, q.status, q.note_encrypted, q.proposed_by, q.proposed_at,
         q.answered_at, q.decline_reason, q.decline_note_encrypted, q.consulted_at
    from proposals q
    join intake_requests r on r.id = q.request_id
    join practitioners p on p.id = q.practitioner_id`;

const openSealed = (keys: Keys, sealed: string | null): string | null => (sealed === null ? null : decryptJson<string>(keys.decryption, sealed));

export function toProposal(row: ProposalRow, keys: Keys): Proposal {
  return {
    id: row.id,
    requestId: row.request_id,
    reference: row.reference,
    practitioner: {id: row.practitioner_id, displayName: displayName(row), profession: row.profession, communeInsee: row.practitioner_commune},
    origin: row.origin,
    status: row.status,
    note: openSealed(keys, row.note_encrypted),
    proposedBy: row.proposed_by,
    proposedAt: iso(row.proposed_at),
    answeredAt: isoOrNull(row.answered_at),
    declineReason: row.decline_reason,
    declineNote: openSealed(keys, row.decline_note_encrypted),
    consultedAt: isoOrNull(row.consulted_at),
  };
}

/** The contact details, from the sealed personal fields: only for the practitioner who accepted. */
export function contactOf(person: PersonRow, keys: Keys): ProposalContact {
  const personal = decryptJson<PersonalFields>(keys.decryption, person.personal_encrypted);
  const requester =
    personal.requester.kind === 'self' ? null : {kind: personal.requester.kind, name: personal.requester.name ?? null, phone: personal.requester.phone ?? null};
  return {
    lastName: personal.person.lastName,
    firstNames: personal.person.firstNames,
    birthDate: personal.person.birthDate,
    phone: personal.person.phone ?? null,
    email: personal.person.email ?? null,
    bestTimeToCall: personal.person.bestTimeToCall ?? null,
    address: personal.person.address ?? null,
    requester,
  };
}

export function toOwnProposal(row: ProposalRow, person: PersonRow, keys: Keys, withContact: boolean): OwnProposal {
  return {
    id: row.id,
    origin: row.origin,
    status: row.status,
    person: personSummary(person, keys),
    note: openSealed(keys, row.note_encrypted),
    proposedAt: iso(row.proposed_at),
    answeredAt: isoOrNull(row.answered_at),
    declineReason: row.decline_reason,
    consultedAt: isoOrNull(row.consulted_at),
    contact: withContact ? contactOf(person, keys) : null,
  };
}
