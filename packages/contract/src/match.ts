import * as z from 'zod/mini';
import {Accepting, Freshness} from './availability.js';
import {Id, InseeCode, Profession, Timestamp, longText} from './common.js';
import {PriorityCriterion} from './intake.js';
import {AgeBand} from './waiting-list.js';

/**
 * Why a practitioner is listed, as a code and the values a page phrases in its own language
 * (« même commune », « 4 km », « visites à domicile à Arques », « 2 places ce mois-ci »,
 * « déclaration d'il y a 3 jours »): the server sends no sentence.
 */
export const MatchReason = /* @__PURE__ */ z.discriminatedUnion('code', [
  z.object({code: z.literal('same_commune')}),
  z.object({code: z.literal('distance'), km: z.number()}),
  /** Visits at home in the person's commune (its name). */
  z.object({code: z.literal('home_visits'), commune: z.string()}),
  /** Places left this month under the declared monthly quota. */
  z.object({code: z.literal('places_left'), count: z.int()}),
  /** Accepting with no monthly quota declared. */
  z.object({code: z.literal('no_quota')}),
  /** Accepting, but only a few (`accepting: limited`). */
  z.object({code: z.literal('limited')}),
  /** The person fits a restricted scope the practitioner declared. */
  z.object({code: z.literal('scope'), scope: z.enum(['priority_only', 'children', 'elderly', 'chosen_communes'])}),
  z.object({code: z.literal('declared_days_ago'), days: z.int()}),
  /** Only in `apart`: the declaration is older than the territory's `staleAfterDays`. */
  z.object({code: z.literal('stale'), days: z.int()}),
  /** Only in `apart`: nothing declared yet. */
  z.object({code: z.literal('never_declared')}),
]);
export type MatchReason = z.infer<typeof MatchReason>;
export type MatchReasonCode = MatchReason['code'];

/** The minimum a proposal or a pseudonymised list shows of a waiting person: never a name nor a phone. */
export const PersonSummary = /* @__PURE__ */ z.object({
  ageBand: AgeBand,
  communeInsee: InseeCode,
  communeName: z.string(),
  /** Priority criteria answered yes (and the age ones computed from the birth date). */
  criteria: z.array(PriorityCriterion),
  homeVisits: z.boolean(),
  waitingDays: z.int(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** A practitioner as the coordinator's matches show them (network-only practitioners too). */
export const MatchPractitioner = /* @__PURE__ */ z.object({
  id: Id,
  profession: Profession,
  displayName: z.string(),
  practiceName: z.nullable(z.string()),
  communeInsee: InseeCode,
  communeName: z.string(),
  phone: z.nullable(z.string()),
});
export type MatchPractitioner = z.infer<typeof MatchPractitioner>;

export const ProposalStatus = /* @__PURE__ */ z.enum([
  /** A practitioner offered to take a waiting person (territories with `practitionersMayPick`): the coordinator confirms. */
  'offered',
  /** Proposed by the coordinator, waiting for the practitioner's answer. */
  'pending',
  'accepted',
  'declined',
  'withdrawn',
  /** Another practitioner took the person, or the request was closed, first. */
  'filled',
]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const Match = /* @__PURE__ */ z.object({
  practitioner: MatchPractitioner,
  /** Higher is better; the list is already in this order. */
  score: z.number(),
  /** Between the centres of the person's and the practice's communes; null when a centre is unknown. */
  distanceKm: z.nullable(z.number()),
  accepting: z.nullable(Accepting),
  monthlyQuota: z.nullable(z.int()),
  /** Under the monthly quota, this calendar month; null when no quota is declared. */
  placesLeft: z.nullable(z.int()),
  declaredDaysAgo: z.nullable(z.int()),
  freshness: Freshness,
  reasons: z.array(MatchReason),
  /** This request's latest proposal to this practitioner, if any. */
  proposal: z.nullable(z.object({id: Id, status: ProposalStatus})),
});
export type Match = z.infer<typeof Match>;

export const MatchList = /* @__PURE__ */ z.object({
  person: PersonSummary,
  /** Practitioners with a fresh declaration who can take this person, best first. */
  items: z.array(Match),
  /** Nearby practitioners whose declaration is stale or missing: to call before proposing. */
  apart: z.array(Match),
  staleAfterDays: z.int(),
});
export type MatchList = z.infer<typeof MatchList>;

export const DeclineReason = /* @__PURE__ */ z.enum(['no_room', 'too_far', 'outside_scope', 'no_home_visits', 'other']);
export type DeclineReason = z.infer<typeof DeclineReason>;

/** Accepted and kept, the person's contact details: shown to the practitioner who accepted only. */
export const ProposalContact = /* @__PURE__ */ z.object({
  lastName: z.string(),
  firstNames: z.string(),
  birthDate: z.string(),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  bestTimeToCall: z.nullable(z.string()),
  address: z.nullable(z.string()),
  /** Someone who asked for the person (a relative, a pharmacist…), to call as well. */
  requester: z.nullable(z.object({kind: z.string(), name: z.nullable(z.string()), phone: z.nullable(z.string())})),
});
export type ProposalContact = z.infer<typeof ProposalContact>;

/** A proposal as the coordinator sees it. */
export const Proposal = /* @__PURE__ */ z.object({
  id: Id,
  requestId: Id,
  reference: z.string(),
  practitioner: z.object({id: Id, displayName: z.string(), profession: Profession, communeInsee: InseeCode}),
  origin: z.enum(['coordinator', 'practitioner']),
  status: ProposalStatus,
  note: z.nullable(z.string()),
  proposedBy: z.string(),
  proposedAt: Timestamp,
  answeredAt: z.nullable(Timestamp),
  declineReason: z.nullable(DeclineReason),
  declineNote: z.nullable(z.string()),
  /** When the first consultation was confirmed (the request is then resolved). */
  consultedAt: z.nullable(Timestamp),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalList = /* @__PURE__ */ z.object({items: z.array(Proposal)});
export type ProposalList = z.infer<typeof ProposalList>;

/** A proposal as the practitioner's personal link shows it. */
export const OwnProposal = /* @__PURE__ */ z.object({
  id: Id,
  origin: z.enum(['coordinator', 'practitioner']),
  status: ProposalStatus,
  person: PersonSummary,
  /** The coordinator's note. */
  note: z.nullable(z.string()),
  proposedAt: Timestamp,
  answeredAt: z.nullable(Timestamp),
  declineReason: z.nullable(DeclineReason),
  consultedAt: z.nullable(Timestamp),
  /** Only once accepted (and confirmed, for an offer), and only to this practitioner. */
  contact: z.nullable(ProposalContact),
});
export type OwnProposal = z.infer<typeof OwnProposal>;

export const OwnQuota = /* @__PURE__ */ z.object({
  monthlyQuota: z.nullable(z.int()),
  usedThisMonth: z.int(),
  placesLeft: z.nullable(z.int()),
});
export type OwnQuota = z.infer<typeof OwnQuota>;

export const OwnProposals = /* @__PURE__ */ z.object({
  /** Waiting for an answer first, then the answered ones of the last 90 days. */
  items: z.array(OwnProposal),
  quota: OwnQuota,
  /** The territory lets practitioners pick waiting people (`GET …/waiting-people`). */
  mayPick: z.boolean(),
});
export type OwnProposals = z.infer<typeof OwnProposals>;

export const ProposalCreate = /* @__PURE__ */ z.strictObject({
  practitionerIds: z.array(Id).check(z.minLength(1, 'choisissez au moins un professionnel'), z.maxLength(5, 'cinq professionnels au plus à la fois')),
  note: z.optional(longText(1000)),
});
export type ProposalCreate = z.infer<typeof ProposalCreate>;

export const ProposalDecline = /* @__PURE__ */ z.strictObject({
  reason: z.optional(DeclineReason),
  note: z.optional(longText(500)),
});
export type ProposalDecline = z.infer<typeof ProposalDecline>;

/** A waiting person as a practitioner may see them where the territory lets them pick. */
export const WaitingPerson = /* @__PURE__ */ z.object({
  /** A random identifier of the request: it says nothing of the person. */
  id: Id,
  ...PersonSummary.shape,
  distanceKm: z.nullable(z.number()),
  /** This practitioner already offered to take them. */
  offered: z.boolean(),
});
export type WaitingPerson = z.infer<typeof WaitingPerson>;

export const WaitingPeople = /* @__PURE__ */ z.object({items: z.array(WaitingPerson)});
export type WaitingPeople = z.infer<typeof WaitingPeople>;

export const PickOffer = /* @__PURE__ */ z.strictObject({note: z.optional(longText(500))});
export type PickOffer = z.infer<typeof PickOffer>;
