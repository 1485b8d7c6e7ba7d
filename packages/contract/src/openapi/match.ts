import {
  DeclineReason,
  Match,
  MatchList,
  MatchPractitioner,
  MatchReason,
  OwnProposal,
  OwnProposals,
  OwnQuota,
  PersonSummary,
  PickOffer,
  Proposal,
  ProposalContact,
  ProposalCreate,
  ProposalDecline,
  ProposalList,
  ProposalStatus,
  WaitingPeople,
  WaitingPerson,
} from '../match.js';
import {WaitingPeopleQuery} from '../queries.js';
import type {ResponseDoc, RouteDocs, SchemaDocs} from './docs.js';

// `listIntakeMatches` is documented with the intake routes

/** The flow, once, for the document's `matching` tag. */
export const matchingTagDescription =
  'A waiting person meets a practitioner who has room. The coordinator reads the ranked matches (`listIntakeMatches`) and proposes the person (`createProposals`: `pending`). ' +
  'The practitioner, from their personal link, sees the proposal without a name (`listOwnProposals`, with the places left this month) and accepts (`acceptProposal`: `accepted`; ' +
  'the contact details are revealed to them alone, the request moves to `oriented`, one place of their monthly quota is used, as the board’s `takenThisMonth` shows) or declines ' +
  '(`declineProposal`: the request stays open for another proposal). The first consultation (`confirmFirstConsultation`, or the coordinator’s transition) moves the request to `resolved`. ' +
  'Where the territory sets `practitionersMayPick` (off by default), practitioners list pseudonymised waiting people (`listWaitingPeople`) and offer to take one (`offerToTake`: `offered`); ' +
  'the coordinator lists the offers (`listPractitionerOffers`) and confirms one (`confirmOffer`, as an acceptance) or declines it (`withdrawProposal`). ' +
  'The personal-link token travels in the page’s URL fragment, which browsers never send to a server: the page keeps it there for a reload or a bookmark until the practitioner chooses « Oublier ce lien sur cet appareil ».';
export const matchSchemas = {
  MatchReason: {
    schema: MatchReason,
    description: 'A code and its values; the page phrases it (« même commune », « 4 km », « visites à domicile à Arques », « 2 places ce mois-ci »).',
    example: {code: 'distance', km: 4},
  },
  PersonSummary: {schema: PersonSummary, description: 'The minimum shown before a proposal is accepted: no name, no phone, no birth date.'},
  MatchPractitioner,
  ProposalStatus: {
    schema: ProposalStatus,
    description: 'offered (by a practitioner, awaiting the coordinator) or pending (awaiting the practitioner) → accepted | declined | withdrawn | filled.',
  },
  Match,
  MatchList,
  DeclineReason,
  ProposalContact: {schema: ProposalContact, description: 'Revealed to the practitioner who accepted, and to no one else; each reading is audited.'},
  Proposal,
  ProposalList,
  OwnProposal,
  OwnQuota,
  OwnProposals,
  ProposalCreate: {schema: ProposalCreate, example: {practitionerIds: ['0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10'], note: 'Dame seule, 82 ans, préfère le matin.'}},
  ProposalDecline: {schema: ProposalDecline, example: {reason: 'too_far'}},
  WaitingPerson: {schema: WaitingPerson, description: 'Pseudonymised: age band, commune, criteria, waiting time; never a name.'},
  WaitingPeople,
  PickOffer: {schema: PickOffer, example: {note: 'Je peux la recevoir dès la semaine prochaine.'}},
} satisfies SchemaDocs;

const refused: ResponseDoc = {
  contentType: 'application/problem+json',
  description:
    'Refused, nothing changed; `code`: at_quota, outside_scope (with `errors[]` by practitioner when proposing), proposal_closed (withdrawn, declined or filled), request_closed, already_taken (another practitioner accepted first).',
};

export const matchingRouteDocs = {
  createProposals: {
    tag: 'matching',
    auth: 'coordinator',
    summary: 'Propose the person to one or more practitioners, with a note (all or nothing)',
    body: {schema: ProposalCreate, example: {practitionerIds: ['0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10'], note: 'Visites à domicile nécessaires.'}},
    responses: {201: 'The proposals made', 409: refused},
  },
  listIntakeProposals: {tag: 'matching', auth: 'coordinator', summary: 'Every proposal of a request, newest first', responses: {200: 'Its proposals'}},
  listPractitionerOffers: {
    tag: 'matching',
    auth: 'coordinator',
    summary: 'Offers by practitioners to take a waiting person, awaiting confirmation',
    responses: {200: 'Offers, oldest first'},
  },
  withdrawProposal: {
    tag: 'matching',
    auth: 'coordinator',
    summary: 'Withdraw a proposal not yet answered, or decline a practitioner’s offer: the request stays open',
    responses: {200: 'The proposal, withdrawn', 409: refused},
  },
  confirmOffer: {
    tag: 'matching',
    auth: 'coordinator',
    summary: 'Confirm a practitioner’s offer: as an acceptance (contact revealed to them, request oriented, one place used)',
    responses: {200: 'The proposal, accepted', 409: refused},
  },
  listOwnProposals: {
    tag: 'matching',
    auth: 'practitioner',
    summary: 'The proposals made to this practitioner, with their quota this month',
    responses: {200: 'Waiting ones first; contact details only on accepted ones'},
  },
  acceptProposal: {
    tag: 'matching',
    auth: 'practitioner',
    summary: 'Accept: the person’s contact details are revealed to this practitioner, the request is oriented, one place is used',
    responses: {200: 'The proposal with the contact details', 409: refused},
  },
  declineProposal: {
    tag: 'matching',
    auth: 'practitioner',
    summary: 'Decline, with an optional reason: the request stays open',
    body: {schema: ProposalDecline, example: {reason: 'no_room', note: 'Plus de place avant mars.'}},
    responses: {200: 'The proposal, declined', 409: refused},
  },
  confirmFirstConsultation: {
    tag: 'matching',
    auth: 'practitioner',
    summary: 'The first consultation took place: the request is resolved',
    responses: {200: 'The proposal', 409: refused},
  },
  listWaitingPeople: {
    tag: 'matching',
    auth: 'practitioner',
    summary: 'Pseudonymised waiting people near the practitioner, nearest first (territories with practitionersMayPick; else 403)',
    query: WaitingPeopleQuery,
    responses: {200: 'Age band, commune, criteria and waiting time; never a name'},
  },
  offerToTake: {
    tag: 'matching',
    auth: 'practitioner',
    summary: 'Offer to take a waiting person; the coordinator confirms',
    body: {schema: PickOffer, example: {note: 'Disponible le mardi matin.'}},
    responses: {201: 'The offer', 409: refused},
  },
} satisfies RouteDocs;
