/**
 * The practitioner's side of matching for the stories' mock API (see mock-client.ts): the
 * proposals a personal link lists, accepting (with the person's contact details), declining,
 * the first consultation, and the people waiting nearby where the territory lets practitioners pick.
 */
import type {OwnProposal, OwnProposals, ProposalContact, WaitingPerson} from '@cpts-kit/contract';

/**
 * - `none`: nothing proposed, picking not allowed (the default: the declaration stories).
 * - `demo`: two proposals waiting for an answer, one accepted, a monthly quota of 4.
 * - `pick`: the same, and the territory lets practitioners pick: three people waiting nearby.
 * - `already-taken`: accepting answers 409 already_taken, as when someone else was first.
 */
export type ProposalsMockBehaviour = 'none' | 'demo' | 'pick' | 'already-taken';

export const ownProposalRoutes = ['listOwnProposals', 'acceptProposal', 'declineProposal', 'confirmFirstConsultation', 'listWaitingPeople', 'offerToTake'] as const;

const DAY_MS = 86_400_000;
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const demoContact: ProposalContact = {
  lastName: 'Dupont',
  firstNames: 'Marie',
  birthDate: '1948-03-12',
  phone: '0612345678',
  email: null,
  bestTimeToCall: 'Le matin avant 10 h',
  address: '4 rue de Dunkerque, 62500 Saint-Omer',
  requester: {kind: 'relative', name: 'Sa fille, Claire Dupont', phone: '0698765432'},
};

function demoProposals(today: Date): OwnProposal[] {
  const at = (days: number) => new Date(today.getTime() - days * DAY_MS).toISOString();
  const base = {origin: 'coordinator', answeredAt: null, declineReason: null, consultedAt: null, contact: null} as const;
  return [
    {
      ...base,
      id: uuid(0xa1),
      status: 'pending',
      person: {ageBand: '70_plus', communeInsee: '62765', communeName: 'Saint-Omer', criteria: ['age_70_plus', 'ald'], homeVisits: true, waitingDays: 34},
      note: 'Sort d’hospitalisation, diabète à suivre. Préfère être appelée le matin.',
      proposedAt: at(1),
    },
    {
      ...base,
      id: uuid(0xa2),
      status: 'pending',
      person: {ageBand: 'under_6', communeInsee: '62040', communeName: 'Arques', criteria: ['under_6'], homeVisits: false, waitingDays: 9},
      note: null,
      proposedAt: at(2),
    },
    {
      ...base,
      id: uuid(0xa3),
      status: 'accepted',
      person: {ageBand: '18_69', communeInsee: '62525', communeName: 'Longuenesse', criteria: [], homeVisits: false, waitingDays: 61},
      note: null,
      proposedAt: at(6),
      answeredAt: at(5),
      contact: {...demoContact, lastName: 'Leroy', firstNames: 'Paul', birthDate: '1987-06-02', address: null, requester: null, bestTimeToCall: null},
    },
  ];
}

const demoWaiting: WaitingPerson[] = [
  {
    id: uuid(0xb1),
    ageBand: '70_plus',
    communeInsee: '62139',
    communeName: 'Blendecques',
    criteria: ['age_70_plus'],
    homeVisits: true,
    waitingDays: 120,
    distanceKm: 4.2,
    offered: false,
  },
  {id: uuid(0xb2), ageBand: '18_69', communeInsee: '62765', communeName: 'Saint-Omer', criteria: ['ald'], homeVisits: false, waitingDays: 45, distanceKm: 0.8, offered: false},
  {id: uuid(0xb3), ageBand: '6_17', communeInsee: '62902', communeName: 'Wizernes', criteria: [], homeVisits: false, waitingDays: 12, distanceKm: 6.5, offered: true},
];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {status, headers: {'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8'}});
}

function problem(request: Request, status: number, code: string, title: string): Response {
  return json({type: `https://cpts-kit.fr/problems/${code}`, title, status, code, instance: new URL(request.url).pathname}, status);
}

/** A store of one link's proposals; `refused` answers every route 401, as for a revoked link. */
export function createProposalsMock(behaviour: ProposalsMockBehaviour, refused: boolean): (request: Request, operationId: string) => Promise<Response> {
  const items = behaviour === 'none' ? [] : demoProposals(new Date());
  const quota = {monthlyQuota: 4, usedThisMonth: 1, placesLeft: 3};
  const waiting = demoWaiting.map((w) => ({...w}));
  const idOf = (request: Request) => new URL(request.url).pathname.split('/').at(-2)!;
  const answered = (id: string, patch: Partial<OwnProposal>): Response => {
    const index = items.findIndex((p) => p.id === id);
    if (index < 0) return problem(new Request('about:blank'), 404, 'not_found', 'Proposition introuvable');
    items[index] = {...items[index]!, answeredAt: new Date().toISOString(), ...patch};
    return json(items[index]);
  };
  return async (request, operationId) => {
    if (refused) return problem(request, 401, 'unauthorized', 'Jeton invalide');
    switch (operationId) {
      case 'listOwnProposals':
        return json({
          items,
          quota: behaviour === 'none' ? {monthlyQuota: null, usedThisMonth: 0, placesLeft: null} : quota,
          mayPick: behaviour === 'pick',
        } satisfies OwnProposals);
      case 'acceptProposal':
        if (behaviour === 'already-taken') return problem(request, 409, 'already_taken', 'Déjà pris');
        quota.usedThisMonth += 1;
        quota.placesLeft -= 1;
        return answered(idOf(request), {status: 'accepted', contact: demoContact});
      case 'declineProposal': {
        const body = (await request.json()) as {reason?: OwnProposal['declineReason']};
        return answered(idOf(request), {status: 'declined', declineReason: body.reason ?? null});
      }
      case 'confirmFirstConsultation':
        return answered(idOf(request), {consultedAt: new Date().toISOString()});
      case 'listWaitingPeople':
        return behaviour === 'pick' ? json({items: waiting}) : problem(request, 403, 'picking_disabled', 'Non autorisé sur ce territoire');
      case 'offerToTake': {
        const person = waiting.find((w) => w.id === idOf(request));
        if (person) person.offered = true;
        const offer: OwnProposal = {...demoProposals(new Date())[1]!, id: uuid(0xc1), origin: 'practitioner', status: 'offered'};
        return json(offer, 201);
      }
      default:
        return problem(request, 501, 'not-mocked', 'Non simulé');
    }
  };
}
