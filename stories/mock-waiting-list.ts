/**
 * The waiting list's routes for the stories' mock API (see mock-client.ts): a store of requests
 * that the list, search, opening, transitions, calls, assignment, merge, the assisted
 * registration, the export and the import work on, with versions and If-Match as the server has.
 */
import type {
  AgeBand,
  IntakeEvent,
  IntakeImportResult,
  IntakeStatus,
  Match,
  MatchList,
  PriorityCriterion,
  Proposal,
  StatusCounts,
  WaitingListItem,
  WaitingRequest,
} from '@cpts-kit/contract';

/**
 * - `demo`: a dozen requests, a possible duplicate among them.
 * - `empty`: nobody registered yet.
 * - `many`: 10,000 requests, paged by the mock as the server pages them.
 * - `stale`: every change is refused with 412, as when another coordinator changed the request.
 * - `import-errors`: the import's dry run answers errors by line.
 * - `offers`: `demo`, where Dr Paul Martin offered to take the first two open requests (pull mode).
 */
export type WaitingListMockBehaviour = 'demo' | 'empty' | 'many' | 'stale' | 'import-errors' | 'offers';

const DAY_MS = 86_400_000;
const LAST_NAMES = ['Dupont', 'Martin', 'Lefebvre', 'Leroy', 'Moreau', 'Fontaine', 'Roussel', 'Caron', 'Lemaire', 'Duhamel', 'Vasseur', 'Delattre'];
const FIRST_NAMES = ['Marie', 'Paul', 'Jeanne', 'Louis', 'Camille', 'Léa', 'Hugo', 'Odette', 'Marcel', 'Inès', 'Jules', 'Simone'];
const COMMUNES = ['62765', '62040', '62525', '62139', '62902', '62309'];
const STATUSES: IntakeStatus[] = ['received', 'received', 'received', 'contacted', 'contacted', 'oriented', 'resolved', 'closed'];

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function ageBandOf(birth: string, today: Date): AgeBand {
  const age = (today.getTime() - new Date(`${birth}T00:00:00Z`).getTime()) / (365.25 * DAY_MS);
  return age < 6 ? 'under_6' : age < 18 ? '6_17' : age < 70 ? '18_69' : '70_plus';
}

/** The `i`th demo request: the first ones are the stories' fixed people (Marie Dupont, 78, ALD…). */
export function demoWaitingRequest(i: number, today = new Date()): WaitingRequest {
  const created = new Date(today.getTime() - ((i * 7) % 200) * DAY_MS - (i % 24) * 3_600_000);
  const birthYear = [1948, 1990, 2022, 1955, 1987, 2012, 1939, 1975][i % 8]!;
  const birthDate = `${birthYear}-0${(i % 9) + 1}-1${i % 10}`;
  const ald = i % 3 === 0;
  const homeVisits = i % 5 === 0;
  const ageBand = ageBandOf(birthDate, today);
  const criteria: PriorityCriterion[] = [];
  if (ageBand === '70_plus') criteria.push('age_70_plus');
  if (ageBand === 'under_6') criteria.push('under_6');
  if (ald) criteria.push('ald');
  if (homeVisits) criteria.push('home_visits');
  const status = STATUSES[i % STATUSES.length]!;
  const self = i % 4 !== 1;
  return {
    id: uuid(i + 1),
    reference: `DEMO-2026-${String(i + 1).padStart(6, '0')}`,
    status,
    createdAt: created.toISOString(),
    updatedAt: created.toISOString(),
    requester: self ? {kind: 'self'} : {kind: 'pharmacist', name: 'Pharmacie du Centre', phone: '03 21 98 00 00'},
    person: {
      lastName: LAST_NAMES[i % LAST_NAMES.length]!,
      firstNames: FIRST_NAMES[(i * 5) % FIRST_NAMES.length]!,
      birthDate,
      phone: self ? `06 12 34 ${String(10 + (i % 90)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}` : undefined,
      bestTimeToCall: i % 2 === 0 ? 'Le matin' : undefined,
      communeInsee: COMMUNES[i % COMMUNES.length]!,
    },
    situation: {reason: (['gp_retired', 'moved_in', 'too_far', 'never_had'] as const)[i % 4]!},
    priority: {ald: ald ? 'yes' : 'no', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: homeVisits ? 'yes' : 'no', chronicFollowUp: 'unknown'},
    priorityCriteria: criteria,
    comment: i === 0 ? 'Préfère être appelée le matin.' : null,
    notes: null,
    assignedTo: i % 6 === 2 ? 'Claire (coordination)' : null,
    // the twelfth demo request is the first one registered again, by a relative
    possibleDuplicateOf: i === 11 ? uuid(1) : null,
    possibleDuplicate: i === 11 ? {id: uuid(1), reference: 'DEMO-2026-000001'} : null,
    history: [{status: 'received', at: created.toISOString(), by: 'formulaire'}],
    channel: i % 7 === 3 ? 'phone' : 'form',
    ageBand,
    waitingDays: Math.floor((today.getTime() - created.getTime()) / DAY_MS),
    version: 1,
    closeReason: status === 'closed' ? 'found_alone' : null,
    callCount: 0,
    resolvedPractitionerId: null,
    mergedInto: null,
    merged: [],
    calls: [],
    events: [],
  };
}

export function demoWaitingRequests(count: number): WaitingRequest[] {
  const today = new Date();
  return Array.from({length: count}, (_, i) => demoWaitingRequest(i, today));
}

const itemOf = ({resolvedPractitionerId: _r, mergedInto: _m, merged: _g, calls: _c, events: _e, ...item}: WaitingRequest): WaitingListItem => item;

const triageKey = (r: WaitingRequest) => (r.priorityCriteria.length > 0 ? 0 : 1);

function sorted(items: WaitingRequest[], sort: string | null): WaitingRequest[] {
  const copy = [...items];
  if (sort === 'newest') return copy.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (sort === 'oldest') return copy.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return copy.sort((a, b) => triageKey(a) - triageKey(b) || a.createdAt.localeCompare(b.createdAt));
}

function countsOf(items: readonly WaitingRequest[]): StatusCounts {
  const counts: StatusCounts = {received: 0, contacted: 0, oriented: 0, resolved: 0, closed: 0};
  for (const r of items) counts[r.status] += 1;
  return counts;
}

function filtered(items: readonly WaitingRequest[], q: URLSearchParams): WaitingRequest[] {
  return items.filter((r) => {
    if (q.get('commune') && r.person.communeInsee !== q.get('commune')) return false;
    if (q.get('priority') === 'true' && r.priorityCriteria.length === 0) return false;
    if (q.get('priority') === 'false' && r.priorityCriteria.length > 0) return false;
    if (q.get('homeVisits') === 'true' && r.priority.homeVisits !== 'yes') return false;
    if (q.get('ageBand') && r.ageBand !== q.get('ageBand')) return false;
    if (q.get('assigned') === 'nobody' && r.assignedTo) return false;
    if (q.get('assigned') === 'me' && r.assignedTo !== 'Coordination démo') return false;
    if (q.get('waitingMoreThanDays') && r.waitingDays <= Number(q.get('waitingMoreThanDays'))) return false;
    return true;
  });
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json; charset=utf-8'}});
const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({type: `https://cpts-kit.fr/problems/${code}`, title, status, code, ...extra}), {
    status,
    headers: {'content-type': 'application/problem+json; charset=utf-8'},
  });
const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();

/** The practitioner the mock says is at quota when proposed to (the list still shows a place left: someone took it meanwhile). */
export const demoAtQuotaId = uuid(5003);

const matchOf = (n: number, displayName: string, communeName: string, reasons: Match['reasons'], freshness: Match['freshness'] = 'fresh'): Match => ({
  practitioner: {
    id: uuid(n),
    profession: 'medecin_generaliste',
    displayName,
    practiceName: null,
    communeInsee: '62765',
    communeName,
    phone: freshness === 'fresh' ? null : '0321000000',
  },
  score: 100 - n,
  distanceKm: null,
  accepting: freshness === 'never' ? null : 'yes',
  monthlyQuota: null,
  placesLeft: null,
  declaredDaysAgo: null,
  freshness,
  reasons,
  proposal: null,
});

/** The possible practitioners of any request: ranked ones, then stale and never declared apart. */
export function demoMatches(request: WaitingRequest): MatchList {
  return {
    person: {
      ageBand: request.ageBand,
      communeInsee: request.person.communeInsee,
      communeName: 'Saint-Omer',
      criteria: request.priorityCriteria,
      homeVisits: false,
      waitingDays: request.waitingDays,
    },
    items: [
      matchOf(5001, 'Dr Claire Lefebvre', 'Saint-Omer', [{code: 'same_commune'}, {code: 'places_left', count: 2}, {code: 'declared_days_ago', days: 3}]),
      matchOf(5002, 'Dr Paul Martin', 'Arques', [
        {code: 'distance', km: 4},
        {code: 'home_visits', commune: 'Arques'},
        {code: 'no_quota'},
        {code: 'declared_days_ago', days: 10},
      ]),
      matchOf(5003, 'Dr Inès Roussel', 'Longuenesse', [
        {code: 'distance', km: 6},
        {code: 'places_left', count: 1},
        {code: 'declared_days_ago', days: 1},
      ]),
    ],
    apart: [
      matchOf(
        5004,
        'Dr Marcel Caron',
        'Blendecques',
        [
          {code: 'distance', km: 5},
          {code: 'stale', days: 95},
        ],
        'stale',
      ),
      matchOf(5005, 'Dr Simone Delattre', 'Wizernes', [{code: 'distance', km: 8}, {code: 'never_declared'}], 'never'),
    ],
    staleAfterDays: 60,
  };
}

/** Dr Paul Martin's offers to take the first two open requests, as a territory with `practitionersMayPick` has them. */
function demoOffers(store: readonly WaitingRequest[]): Proposal[] {
  const martin = demoMatches(store[0]!).items[1]!.practitioner;
  return store
    .filter((r) => r.status === 'received' || r.status === 'contacted')
    .slice(0, 2)
    .map((r, i) => ({
      id: uuid(6001 + i),
      requestId: r.id,
      reference: r.reference,
      practitioner: {id: martin.id, displayName: martin.displayName, profession: martin.profession, communeInsee: martin.communeInsee},
      origin: 'practitioner',
      status: 'offered',
      note: i === 0 ? 'Je la connais : elle vit près du cabinet.' : null,
      proposedBy: martin.displayName,
      proposedAt: new Date(Date.now() - (i + 1) * DAY_MS).toISOString(),
      answeredAt: null,
      declineReason: null,
      declineNote: null,
      consultedAt: null,
    }));
}

export const waitingListRoutes = [
  'listIntakeRequests',
  'searchIntakeRequests',
  'getIntakeRequest',
  'transitionIntakeRequest',
  'logIntakeCall',
  'patchIntakeRequest',
  'mergeIntakeRequest',
  'createAssistedIntakeRequest',
  'exportIntakeRequests',
  'importIntakeRequests',
  'getMe',
  'listCoordinators',
  'listIntakeMatches',
  'listIntakeProposals',
  'createProposals',
  'withdrawProposal',
  'confirmOffer',
  'listPractitionerOffers',
] as const;

/** A store and its answers; one per mock fetch, so a story's changes stay in that story. */
export function createWaitingListMock(behaviour: WaitingListMockBehaviour) {
  const store = behaviour === 'empty' ? [] : demoWaitingRequests(behaviour === 'many' ? 10_000 : 12);
  const event = (r: WaitingRequest, e: Partial<IntakeEvent> & Pick<IntakeEvent, 'kind'>): IntakeEvent => ({
    id: crypto.randomUUID(),
    requestId: r.id,
    at: new Date().toISOString(),
    by: 'Coordination démo',
    note: null,
    ...e,
  });

  const proposals: Proposal[] = behaviour === 'offers' ? demoOffers(store) : [];
  const answerMatching = async (request: Request, operationId: string, found: WaitingRequest | undefined): Promise<Response | undefined> => {
    const mine = proposals.filter((p) => p.requestId === found?.id).reverse();
    const withProposal = (m: Match): Match => {
      const p = mine.find((x) => x.practitioner.id === m.practitioner.id);
      return {...m, proposal: p ? {id: p.id, status: p.status} : null};
    };
    switch (operationId) {
      case 'listIntakeMatches': {
        if (!found) return problem(404, 'not_found', 'Demande introuvable');
        const list = demoMatches(found);
        return json({...list, items: list.items.map(withProposal), apart: list.apart.map(withProposal)});
      }
      case 'listIntakeProposals':
        return found ? json({items: mine}) : problem(404, 'not_found', 'Demande introuvable');
      case 'createProposals': {
        if (!found) return problem(404, 'not_found', 'Demande introuvable');
        const body = (await request.json()) as {practitionerIds: string[]; note?: string};
        const errors = body.practitionerIds.flatMap((id, i) =>
          id === demoAtQuotaId ? [{path: `practitionerIds.${i}`, code: 'at_quota', message: 'Vous avez déjà pris toutes vos places de ce mois-ci.'}] : [],
        );
        if (errors.length > 0) return problem(409, 'at_quota', 'Proposition impossible', {detail: 'Aucune proposition n’a été faite.', errors});
        const all = [...demoMatches(found).items, ...demoMatches(found).apart];
        const made = body.practitionerIds.map((id): Proposal => {
          const p = all.find((m) => m.practitioner.id === id)?.practitioner;
          return {
            id: crypto.randomUUID(),
            requestId: found.id,
            reference: found.reference,
            practitioner: {id, displayName: p?.displayName ?? id, profession: p?.profession ?? 'medecin_generaliste', communeInsee: p?.communeInsee ?? '62765'},
            origin: 'coordinator',
            status: 'pending',
            note: body.note ?? null,
            proposedBy: 'Coordination démo',
            proposedAt: new Date().toISOString(),
            answeredAt: null,
            declineReason: null,
            declineNote: null,
            consultedAt: null,
          };
        });
        proposals.push(...made);
        return json({items: made}, 201);
      }
      case 'withdrawProposal': {
        const id = /\/proposals\/([0-9a-f-]{36})/.exec(new URL(request.url).pathname)?.[1];
        const p = proposals.find((x) => x.id === id);
        if (!p) return problem(404, 'not_found', 'Proposition introuvable');
        if (p.status !== 'pending' && p.status !== 'offered') return problem(409, 'proposal_closed', 'Proposition close');
        p.status = 'withdrawn';
        p.answeredAt = new Date().toISOString();
        return json(p);
      }
      case 'listPractitionerOffers':
        return json({items: proposals.filter((p) => p.status === 'offered')});
      case 'confirmOffer': {
        const id = /\/proposals\/([0-9a-f-]{36})/.exec(new URL(request.url).pathname)?.[1];
        const p = proposals.find((x) => x.id === id);
        const taken = store.find((r) => r.id === p?.requestId);
        if (!p || !taken) return problem(404, 'not_found', 'Proposition introuvable');
        if (p.status !== 'offered') return problem(409, 'proposal_closed', 'Proposition close');
        const now = new Date().toISOString();
        for (const other of proposals)
          if (other.requestId === p.requestId && other !== p && (other.status === 'offered' || other.status === 'pending')) other.status = 'filled';
        Object.assign(p, {status: 'accepted', answeredAt: now});
        taken.events.push(event(taken, {kind: 'transition', from: taken.status, to: 'oriented', note: null}));
        taken.history.push({status: 'oriented', at: now, by: 'Coordination démo'});
        Object.assign(taken, {status: 'oriented', version: taken.version + 1, updatedAt: now});
        return json(p);
      }
      default:
        return undefined;
    }
  };

  return async (request: Request, operationId: string): Promise<Response> => {
    const url = new URL(request.url);
    const id = /\/intake-requests\/([0-9a-f-]{36})/.exec(url.pathname)?.[1];
    const found = store.find((r) => r.id === id);
    const change = async (apply: (r: WaitingRequest, body: Record<string, unknown>) => void): Promise<Response> => {
      if (!found) return problem(404, 'not_found', 'Demande introuvable');
      if (behaviour === 'stale' || request.headers.get('if-match') !== `"r${found.version}"`) {
        return problem(412, 'stale', 'Demande modifiée entre-temps', {detail: 'Quelqu’un a modifié cette demande depuis que vous l’avez ouverte.'});
      }
      apply(found, (await request.json()) as Record<string, unknown>);
      found.version += 1;
      found.updatedAt = new Date().toISOString();
      return json(found);
    };
    const matching = await answerMatching(request, operationId, found);
    if (matching) return matching;
    switch (operationId) {
      case 'getMe':
        return json({kind: 'coordinator', name: 'Coordination démo', label: 'Coordination démo', practitionerId: null});
      case 'listCoordinators':
        return json({names: ['Claire (coordination)', 'Coordination démo', 'Karim (coordination)']});
      case 'listIntakeRequests': {
        const q = url.searchParams;
        const matching = filtered(store, q);
        const shown = sorted(q.get('status') ? matching.filter((r) => r.status === q.get('status')) : matching, q.get('sort'));
        const offset = Number(q.get('cursor') ?? 0);
        const limit = Number(q.get('limit') ?? 50);
        const items = shown.slice(offset, offset + limit).map(itemOf);
        return json({items, nextCursor: offset + limit < shown.length ? String(offset + limit) : null, counts: countsOf(matching)});
      }
      case 'searchIntakeRequests': {
        const {text} = (await request.json()) as {text: string};
        const wanted = normalize(text);
        const hits = store.filter(
          (r) =>
            normalize(r.reference) === wanted ||
            r.reference.endsWith(`-${wanted.padStart(6, '0')}`) ||
            normalize(r.person.lastName) === wanted ||
            normalize(r.person.phone ?? '') === wanted,
        );
        return json({items: hits.map(itemOf), nextCursor: null, counts: countsOf(hits)});
      }
      case 'getIntakeRequest':
        return found ? json(found) : problem(404, 'not_found', 'Demande introuvable');
      case 'logIntakeCall':
        return change((r, body) => {
          r.calls.push(
            event(r, {
              kind: 'call',
              at: typeof body['at'] === 'string' ? body['at'] : new Date().toISOString(),
              outcome: body['outcome'] as IntakeEvent['outcome'],
              note: (body['note'] as string | undefined) ?? null,
            }),
          );
          r.callCount = r.calls.length;
        });
      case 'transitionIntakeRequest':
        return change((r, body) => {
          const to = body['to'] as IntakeStatus;
          r.events.push(
            event(r, {
              kind: 'transition',
              from: r.status,
              to,
              closeReason: body['closeReason'] as IntakeEvent['closeReason'],
              note: (body['note'] as string | undefined) ?? null,
            }),
          );
          r.status = to;
          r.closeReason = to === 'closed' ? (body['closeReason'] as WaitingRequest['closeReason']) : null;
          r.resolvedPractitionerId = (body['resolvedPractitionerId'] as string | undefined) ?? null;
          r.history.push({status: to, at: new Date().toISOString(), by: 'Coordination démo'});
        });
      case 'patchIntakeRequest':
        return change((r, body) => {
          if ('notes' in body) r.notes = body['notes'] as string;
          if ('assignedTo' in body) {
            r.assignedTo = body['assignedTo'] as string | null;
            r.events.push(event(r, {kind: 'assignment', assignedTo: r.assignedTo}));
          }
        });
      case 'mergeIntakeRequest':
        return change((r, body) => {
          const other = store.find((o) => o.id === body['otherId']);
          if (!other) return;
          other.mergedInto = r.id;
          other.status = 'closed';
          other.closeReason = 'duplicate';
          r.merged.push({id: other.id, reference: other.reference});
          r.possibleDuplicateOf = null;
          r.possibleDuplicate = null;
          r.events.push(event(r, {kind: 'merge', otherId: other.id, otherReference: other.reference}));
        });
      case 'createAssistedIntakeRequest': {
        const body = (await request.json()) as Pick<WaitingRequest, 'requester' | 'person' | 'situation' | 'priority'> & {channel: 'phone' | 'paper'; receivedOn: string};
        const created: WaitingRequest = {
          ...demoWaitingRequest(store.length),
          id: uuid(store.length + 1),
          reference: `DEMO-2026-${String(store.length + 1).padStart(6, '0')}`,
          status: 'received',
          requester: body.requester,
          person: body.person,
          situation: body.situation,
          priority: body.priority,
          channel: body.channel,
          createdAt: new Date(`${body.receivedOn}T09:00:00Z`).toISOString(),
          possibleDuplicateOf: null,
          possibleDuplicate: null,
          assignedTo: null,
        };
        store.push(created);
        return json({id: created.id, reference: created.reference, status: created.status}, 201);
      }
      case 'exportIntakeRequests': {
        const rows = sorted(filtered(store, url.searchParams), url.searchParams.get('sort'));
        const csv = [
          '\uFEFFreference;nom;prenoms;commune;statut',
          ...rows.map((r) => [r.reference, r.person.lastName, r.person.firstNames, r.person.communeInsee, r.status].join(';')),
        ].join('\r\n');
        return new Response(csv, {status: 200, headers: {'content-type': 'text/csv; charset=utf-8'}});
      }
      case 'importIntakeRequests': {
        if (behaviour === 'import-errors') {
          return problem(422, 'import_invalid', 'Le fichier contient des erreurs', {
            errors: [
              {path: 'lines.3.birthDate', code: 'invalid_date', message: 'date de naissance illisible : « 31/02/1950 »', line: 3, column: 'Date de naissance'},
              {path: 'lines.5.communeInsee', code: 'unknown_commune', message: 'commune inconnue du territoire : « Lille »', line: 5, column: 'Commune'},
            ],
          });
        }
        const dryRun = url.searchParams.get('dryRun') === 'true';
        const result: IntakeImportResult = {
          dryRun,
          rows: 2,
          encoding: 'utf-8',
          delimiter: ';',
          columns: [
            {column: 'Nom', field: 'lastName'},
            {column: 'Prénom', field: 'firstNames'},
          ],
          preview: [
            {line: 2, lastName: 'Vasseur', firstNames: 'Odette', communeInsee: '62765', registeredOn: '2026-03-02', status: 'received'},
            {line: 3, lastName: 'Caron', firstNames: 'Jules', communeInsee: '62040', registeredOn: '2026-04-18', status: 'contacted'},
          ],
          created: dryRun
            ? []
            : [
                {line: 2, id: uuid(90_001), reference: 'DEMO-2026-090001'},
                {line: 3, id: uuid(90_002), reference: 'DEMO-2026-090002'},
              ],
        };
        return json(result);
      }
      default:
        return problem(501, 'not-mocked', 'Non simulé');
    }
  };
}
