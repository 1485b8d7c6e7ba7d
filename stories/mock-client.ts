/**
 * A stand-in for the cpts-kit API, for stories: it answers the contract's routes from demo data,
 * behind a real `CptsClient`. Going through the real client means stories see exactly what
 * widgets see in production: responses checked against the contract, failures turned into the
 * SDK's `CptsApiError` / `CptsNetworkError`.
 */
import {
  routes,
  type Accepting,
  type ApiError,
  type Availability,
  type AvailabilityDeclaration,
  type Board,
  type BoardRow,
  type PersonalLink,
  type Practitioner,
  type PractitionerImportResult,
  type Health,
  type IntakeRequestCreated,
  type OwnAvailability,
  type PractitionerPublic,
  type Profession,
  type PublicPractitionerList,
  type RouteDef,
  type Territory,
} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import {createWaitingListMock, waitingListRoutes, type WaitingListMockBehaviour} from './mock-waiting-list.js';
import {createProposalsMock, ownProposalRoutes, type ProposalsMockBehaviour} from './mock-proposals.js';
import {answerRequestStatus, type RequestStatusMockBehaviour} from './mock-request-status.js';
import {answerImpact, answerStats, type ImpactMockBehaviour, type StatsMockBehaviour} from './mock-stats.js';

/** The demo CPTS: fictional contact details, real communes of the Pays de Saint-Omer. */
export const demoTerritory: Territory = {
  slug: 'demo',
  name: "CPTS de l'Audomarois (démo)",
  phone: '03 21 00 00 00',
  email: 'contact@cpts-audomarois.example',
  website: 'https://cpts-audomarois.example/',
  privacyNotice: {
    summary:
      'Vos données servent uniquement à vous orienter vers un médecin traitant. Elles sont conservées 2 ans, puis supprimées. Pour exercer vos droits : contact@cpts-audomarois.example.',
    url: 'https://cpts-audomarois.example/confidentialite',
  },
  retentionDays: 730,
  staleAfterDays: 30,
  communes: [
    {insee: '62765', name: 'Saint-Omer', postalCodes: ['62500'], centre: {lat: 50.76728, lng: 2.2648}, population: 14661},
    {insee: '62040', name: 'Arques', postalCodes: ['62510'], centre: {lat: 50.73882, lng: 2.31769}, population: 9655},
    {insee: '62525', name: 'Longuenesse', postalCodes: ['62219'], centre: {lat: 50.73483, lng: 2.24812}, population: 10568},
    {insee: '62139', name: 'Blendecques', postalCodes: ['62575'], centre: {lat: 50.71826, lng: 2.28162}, population: 4908},
    {insee: '62902', name: 'Wizernes', postalCodes: ['62570'], centre: {lat: 50.71393, lng: 2.22635}, population: 3323},
    {insee: '62309', name: 'Esquerdes', postalCodes: ['62380'], centre: {lat: 50.70051, lng: 2.17666}, population: 1619},
  ],
};

/** A name long enough to show how a widget wraps (the longest real CPTS names run past 100 characters). */
export const longTerritoryName = 'Communauté Professionnelle Territoriale de Santé du Pays de Saint-Omer, de la Morinie et des Sept Vallées (démo)';

/**
 * - `server`: the API answers 503 problem+json, as when its database is down.
 * - `not-found`: the territory slug is unknown (404), as after a typo in the `territory` attribute.
 * - `network`: no answer at all (offline, CORS refusal).
 */
export type MockFailure = 'server' | 'not-found' | 'network';

/**
 * How the mock answers `POST …/intake-requests` (the territory still loads):
 * - `created`: 201 with a reference, as the server does.
 * - `network`: never reached (offline), on every attempt.
 * - `network-once`: the first attempt fails, the next ones succeed (the « Réessayer » button).
 * - `field-errors`: 422 with a field error on `person.phone`, as the server's validation answers.
 * - `rate-limited`: 429 with `Retry-After: 30`.
 * - `never`: no answer, to show the form while it is sending.
 */
export type IntakeMockBehaviour = 'created' | 'network' | 'network-once' | 'field-errors' | 'rate-limited' | 'never';

export interface MockOptions {
  /** Fields that replace the demo territory's (a long name, another phone…). */
  territory?: Partial<Territory>;
  /** How `createIntakeRequest` is answered; `created` by default. */
  intake?: IntakeMockBehaviour;
  /** Milliseconds before each answer; `Infinity` never answers, to show a loading state. */
  delayMs?: number;
  failure?: MockFailure;
  /** What `listPublicPractitioners` answers; `demoPractitioners` by default. */
  practitioners?: readonly PractitionerPublic[];
  /** How the practitioner's own availability (`GET`/`PUT …/availability`) is answered; `existing` by default. */
  availability?: AvailabilityMockBehaviour;
  /**
   * How the coordinators' board (`GET …/availability-board`) is answered, for the board's stories;
   * unset, the board lists the mock's practitioners (those the practitioner manager edits).
   */
  board?: BoardMockBehaviour;
  /** How saving a practitioner (`POST`/`PATCH …/practitioners`) is answered; `saved` by default. */
  practitionerSave?: 'saved' | 'field-errors';
  /** How `importPractitioners` is answered; `valid` by default. */
  practitionerImport?: 'valid' | 'errors';
  /** What the waiting list's routes hold and answer (see mock-waiting-list.ts); `demo` by default. */
  waitingList?: WaitingListMockBehaviour;
  // --- the practitioner's proposals (cartodispo)
  /** What a personal link's proposals routes hold and answer (see mock-proposals.ts); `none` by default. */
  proposals?: ProposalsMockBehaviour;
  /** How the status lookup (`POST …/request-status`) is answered (see mock-request-status.ts); `received` by default. */
  requestStatus?: RequestStatusMockBehaviour;
  /** What `GET …/stats` answers (see mock-stats.ts); `demo` by default. */
  stats?: StatsMockBehaviour;
  /** What the public `GET …/impact` answers; `demo` by default. */
  impact?: ImpactMockBehaviour;
}

/**
 * - `demo`: `demoBoardRows`, public and network-only, fresh, stale and never declared.
 * - `empty`: a territory with no practitioner yet.
 * - `refused`: the coordinator token is refused (401), as for a wrong or revoked token.
 */
export type BoardMockBehaviour = 'demo' | 'empty' | 'refused';

/**
 * The coordinator token the mock accepts on coordinator routes (the board, practitioners'
 * CRUD, links, import); any other token gets 401, as the server answers.
 */
export const mockCoordinatorToken = 'demo-coordinator-token';

/**
 * - `first-time`: the link is valid, nothing declared yet.
 * - `existing`: a fresh declaration, 12 days old.
 * - `stale`: a declaration 45 days old.
 * - `revoked`: the link was revoked or expired (401 on every call).
 * - `saving`: loads, then never answers the PUT (the form while it sends).
 */
export type AvailabilityMockBehaviour = 'first-time' | 'existing' | 'stale' | 'revoked' | 'saving';

export const mockBaseUrl = 'https://api.cpts-kit.invalid';

type Handler = (request: Request, territory: Territory) => Response;
type Lang = 'fr' | 'en';

const problemText = {
  'not-found': {fr: 'Territoire introuvable', en: 'Territory not found'},
  unavailable: {fr: 'Service momentanément indisponible', en: 'Service temporarily unavailable'},
  'not-mocked': {fr: "Cette opération n'est pas simulée dans les stories", en: 'This operation is not simulated in stories'},
  'unknown-route': {fr: 'Adresse inconnue', en: 'Unknown address'},
  validation_failed: {fr: 'Certaines réponses ne sont pas valides', en: 'Some answers are not valid'},
  rate_limited: {fr: 'Trop de requêtes', en: 'Too many requests'},
  unauthorized: {fr: 'Jeton invalide', en: 'Invalid token'},
  import_invalid: {fr: 'Le fichier contient des erreurs', en: 'The file has errors'},
} as const;

function langOf(request: Request): Lang {
  return request.headers.get('accept-language')?.startsWith('en') ? 'en' : 'fr';
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json; charset=utf-8'}});
}

function problemResponse(request: Request, status: number, code: keyof typeof problemText, extra: Partial<ApiError> = {}, headers: Record<string, string> = {}): Response {
  const problem: ApiError = {
    type: `https://cpts-kit.fr/problems/${code}`,
    title: problemText[code][langOf(request)],
    status,
    code,
    instance: new URL(request.url).pathname,
    ...extra,
  };
  return new Response(JSON.stringify(problem), {status, headers: {'content-type': 'application/problem+json; charset=utf-8', ...headers}});
}

/** A problem+json answer with the server's own words (the stats' French period errors). */
const problemWith =
  (request: Request) =>
  (status: number, code: string, title: string, errors?: {path: string; code: string; message: string}[]): Response =>
    new Response(JSON.stringify({type: `https://cpts-kit.fr/problems/${code}`, title, status, code, instance: new URL(request.url).pathname, ...(errors ? {errors} : {})}), {
      status,
      headers: {'content-type': 'application/problem+json; charset=utf-8'},
    });

/** The reference the mock gives every stored request. */
export const mockReference = 'DEMO-2026-000123';

/** Answers `createIntakeRequest` as `behaviour` says; `attempt` counts from 1 for this page. */
async function answerIntake(request: Request, behaviour: IntakeMockBehaviour, attempt: number): Promise<Response> {
  switch (behaviour) {
    case 'network':
      throw new TypeError('Failed to fetch');
    case 'network-once':
      if (attempt === 1) throw new TypeError('Failed to fetch');
      break;
    case 'never':
      await wait(Infinity, request.signal);
      break;
    case 'field-errors':
      return problemResponse(request, 422, 'validation_failed', {
        errors: [{path: 'person.phone', code: 'invalid_format', message: 'numéro de téléphone invalide'}],
      });
    case 'rate-limited':
      return problemResponse(request, 429, 'rate_limited', {}, {'retry-after': '30'});
    case 'created':
      break;
  }
  return jsonResponse({id: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10', reference: mockReference, status: 'received'} satisfies IntakeRequestCreated, 201);
}

const handlers: Partial<Record<keyof typeof routes, Handler>> = {
  getHealth: () => jsonResponse({status: 'ok', version: 'stories'} satisfies Health),
  getTerritory: (_request, territory) => jsonResponse(territory),
  // offers: stories give the list its offers through `.offers`; the API itself has none published
  listInternshipOffers: () => jsonResponse({items: [], nextCursor: null, total: 0}),
  expressInternshipInterest: () => jsonResponse({id: '4f1c2a52-8d0e-4c47-9a6b-1e2f3a4b5c6d', status: 'received'}, 201),
  listInternshipInterests: () => jsonResponse({items: []}),
};

interface MatchedRoute {
  operationId: keyof typeof routes;
  slug: string | undefined;
}

/** Which contract route a request is for, by method and path template. */
function matchRoute(request: Request): MatchedRoute | undefined {
  const {pathname} = new URL(request.url);
  const method = request.method.toLowerCase();
  for (const [operationId, route] of Object.entries(routes) as Array<[keyof typeof routes, RouteDef]>) {
    if (route.method !== method) continue;
    const pattern = new RegExp(`^${route.path.replace('{t}', '(?<t>[^/]+)').replace('{id}', '[^/]+').replaceAll('.', '\\.')}$`);
    const match = pattern.exec(pathname);
    if (match) return {operationId, slug: match.groups?.t};
  }
  return undefined;
}

/** Resolves after `ms`, or rejects like fetch does when the request is aborted (ky's timeout, a widget disconnecting). */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError'));
    };
    if (signal.aborted) return abort();
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener('abort', abort, {once: true});
  });
}

/** Fictional practitioners around the demo communes, as `listPublicPractitioners` returns them. */
export const demoPractitioners: PractitionerPublic[] = (() => {
  const professions: Profession[] = [
    'medecin_generaliste',
    'medecin_generaliste',
    'infirmier',
    'sage_femme',
    'masseur_kinesitherapeute',
    'medecin_generaliste',
    'pharmacien',
    'orthophoniste',
  ];
  const names = [
    'Claire Lefebvre',
    'Marc Dubois',
    'Sophie Lambert',
    'Julie Caron',
    'Thomas Fontaine',
    'Nadia Benali',
    'Paul Vasseur',
    'Emma Delattre',
    'Hugo Leclercq',
    'Inès Carpentier',
    'Louis Deprez',
    'Manon Roussel',
  ];
  const accepting: Accepting[] = ['yes', 'limited', 'no'];
  return names.map((name, i): PractitionerPublic => {
    const commune = demoTerritory.communes[i % demoTerritory.communes.length]!;
    const profession = professions[i % professions.length]!;
    return {
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      profession,
      displayName: profession === 'medecin_generaliste' ? `Dr ${name}` : name,
      practiceName: i % 3 === 0 ? `Maison de santé de ${commune.name}` : null,
      address: `${i + 2} rue de l'Église`,
      communeInsee: commune.insee,
      location: {lat: commune.centre!.lat + ((i % 4) - 1.5) * 0.004, lng: commune.centre!.lng + ((i % 3) - 1) * 0.006},
      phone: `03 21 0${i % 10} 1${i % 10} 2${i % 10}`,
      availability: {accepting: accepting[i % 3]!, homeVisits: i % 2 === 0, teleconsultation: i % 4 === 1, declaredAt: '2026-11-02T08:30:00.000Z'},
    };
  });
})();

function answerPractitioners(request: Request, items: readonly PractitionerPublic[]): Response {
  const query = new URL(request.url).searchParams;
  const offset = Number(query.get('cursor') ?? 0) || 0;
  const limit = Number(query.get('limit') ?? 200) || 200;
  const page = items.slice(offset, offset + limit);
  return jsonResponse({items: page, nextCursor: offset + limit < items.length ? String(offset + limit) : null} satisfies PublicPractitionerList);
}

/** The demo practitioners as coordinators see them (private fields included); the fifth is deactivated. */
export const demoManagedPractitioners: Practitioner[] = demoPractitioners.map((p, i): Practitioner => {
  const [firstName = '', ...rest] = p.displayName.replace(/^Dr /, '').split(' ');
  return {
    id: p.id,
    rpps: null,
    profession: p.profession,
    title: p.displayName.startsWith('Dr ') ? 'Dr' : null,
    firstName,
    lastName: rest.join(' '),
    displayName: p.displayName,
    practiceName: p.practiceName,
    address: p.address,
    communeInsee: p.communeInsee,
    location: p.location,
    phone: p.phone,
    email: null,
    active: i !== 4,
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-11-02T08:30:00.000Z',
    availability: null,
    freshness: i % 3 === 2 ? 'never' : 'fresh',
  };
});

function boardOf(practitioners: readonly Practitioner[]): Board {
  const items = practitioners.map((p): BoardRow => ({
    practitionerId: p.id,
    displayName: p.displayName,
    profession: p.profession,
    communeInsee: p.communeInsee,
    location: p.location,
    active: p.active,
    availability: null,
    freshness: p.freshness,
    daysSinceDeclaration: p.freshness === 'never' ? null : 12,
  }));
  const count = (f: BoardRow['freshness']) => items.filter((r) => r.freshness === f).length;
  return {items, counts: {total: items.length, fresh: count('fresh'), stale: count('stale'), never: count('never'), accepting: 0}, staleAfterDays: 30};
}

/** What a dry run of the demo CSV answers: two lines, one new practitioner, one update. */
export const demoImportResult: PractitionerImportResult = {
  dryRun: true,
  rows: 2,
  created: 1,
  updated: 1,
  encoding: 'utf-8',
  delimiter: ';',
  columns: [
    {column: 'rpps', field: 'rpps'},
    {column: 'profession', field: 'profession'},
    {column: 'prenom', field: 'firstName'},
    {column: 'nom', field: 'lastName'},
    {column: 'commune_insee', field: 'communeInsee'},
  ],
  warnings: [],
  preview: [
    {line: 2, action: 'create', id: null, practitioner: {profession: 'infirmier', firstName: 'Paul', lastName: 'Martin', communeInsee: '62040'}},
    {
      line: 3,
      action: 'update',
      id: demoManagedPractitioners[0]!.id,
      practitioner: {rpps: '10003456786', profession: 'medecin_generaliste', title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre', communeInsee: '62765'},
    },
  ],
};

/** The demo CSV whose dry run is `demoImportResult`, for stories that pick a file. */
export const demoImportCsv = 'rpps;profession;prenom;nom;commune_insee\n;infirmier;Paul;Martin;62040\n10003456786;medecin_generaliste;Claire;Lefebvre;62765\n';

async function answerCoordinator(request: Request, operationId: keyof typeof routes, options: MockOptions, store: Practitioner[]): Promise<Response | undefined> {
  const coordinatorRoutes: ReadonlyArray<keyof typeof routes> = [
    'getAvailabilityBoard',
    'createPractitioner',
    'getPractitioner',
    'patchPractitioner',
    'deletePractitioner',
    'createPersonalLink',
    'revokePersonalLinks',
    'importPractitioners',
  ];
  if (!coordinatorRoutes.includes(operationId)) return undefined;
  if (request.headers.get('authorization') !== `Bearer ${mockCoordinatorToken}`) {
    return problemResponse(request, 401, 'unauthorized');
  }
  const id = /\/practitioners\/([0-9a-f-]{36})/.exec(new URL(request.url).pathname)?.[1];
  const index = store.findIndex((p) => p.id === id);
  const found = store[index];
  switch (operationId) {
    case 'getAvailabilityBoard':
      return jsonResponse(boardOf(store));
    case 'importPractitioners': {
      if (options.practitionerImport === 'errors') {
        return problemResponse(request, 422, 'import_invalid', {
          errors: [
            {path: 'lines.2.rpps', code: 'invalid_rpps', message: 'numéro RPPS invalide (clé de contrôle)', line: 2, column: 'rpps'},
            {path: 'lines.3.communeInsee', code: 'unknown_commune', message: "la commune 59350 n'appartient pas au territoire", line: 3, column: 'commune_insee'},
            {path: 'lines.4.profession', code: 'required', message: 'la profession est obligatoire', line: 4, column: 'profession'},
          ],
        });
      }
      const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true';
      return jsonResponse({...demoImportResult, dryRun} satisfies PractitionerImportResult);
    }
    case 'createPractitioner':
    case 'patchPractitioner': {
      if (options.practitionerSave === 'field-errors') {
        return problemResponse(request, 422, 'validation_failed', {
          errors: [{path: 'communeInsee', code: 'unknown_commune', message: "cette commune n'appartient pas au territoire"}],
        });
      }
      const body = (await request.json()) as Partial<Practitioner>;
      const base =
        operationId === 'createPractitioner'
          ? {
              ...demoManagedPractitioners[0]!,
              id: crypto.randomUUID(),
              title: null,
              practiceName: null,
              address: null,
              phone: null,
              email: null,
              active: true,
              freshness: 'never' as const,
            }
          : found;
      if (!base) return problemResponse(request, 404, 'not-found');
      const saved: Practitioner = {...base, ...body, updatedAt: new Date().toISOString()};
      saved.displayName = [saved.title, saved.firstName, saved.lastName].filter(Boolean).join(' ');
      if (index >= 0) store[index] = saved;
      else store.push(saved);
      return jsonResponse(saved, operationId === 'createPractitioner' ? 201 : 200);
    }
    case 'getPractitioner':
      return found ? jsonResponse(found) : problemResponse(request, 404, 'not-found');
    case 'deletePractitioner':
      if (index >= 0) store.splice(index, 1);
      return new Response(null, {status: 204});
    case 'revokePersonalLinks':
      return new Response(null, {status: 204});
    case 'createPersonalLink':
      return jsonResponse(
        {practitionerId: id ?? '', token: 'pl_demo_7Hc2kQ9xVbN4mR8sLw3TzY6aE1uFgJ0d', expiresAt: new Date(Date.now() + 365 * DAY_MS).toISOString()} satisfies PersonalLink,
        201,
      );
    default:
      return undefined;
  }
}

export const demoDeclaration: AvailabilityDeclaration = {
  accepting: 'limited',
  monthlyQuota: 4,
  patientScope: ['priority_only', 'children'],
  scopeCommunes: [],
  homeVisits: true,
  homeVisitCommunes: ['62765', '62040'],
  snpSlotsThisWeek: 3,
  teleconsultation: false,
  hostsInterns: true,
  visibility: 'public',
  noteForCoordinator: null,
};

const DAY_MS = 86_400_000;

async function answerAvailability(request: Request, behaviour: AvailabilityMockBehaviour): Promise<Response> {
  if (behaviour === 'revoked') {
    return new Response(JSON.stringify({type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Lien invalide', status: 401, code: 'unauthorized'}), {
      status: 401,
      headers: {'content-type': 'application/problem+json; charset=utf-8'},
    });
  }
  if (request.method === 'PUT') {
    if (behaviour === 'saving') await wait(Infinity, request.signal);
    const declaration = (await request.json()) as AvailabilityDeclaration;
    return jsonResponse({...declaration, declaredAt: new Date().toISOString(), declaredBy: 'practitioner'} satisfies Availability);
  }
  const age = behaviour === 'stale' ? 45 : 12;
  const current: Availability | null =
    behaviour === 'first-time' ? null : {...demoDeclaration, declaredAt: new Date(Date.now() - age * DAY_MS).toISOString(), declaredBy: 'practitioner'};
  const own: OwnAvailability = {
    practitioner: {id: '00000000-0000-4000-8000-000000000001', displayName: 'Dr Claire Lefebvre', profession: 'medecin_generaliste'},
    current,
    freshness: current ? (age > 30 ? 'stale' : 'fresh') : 'never',
    staleAfterDays: 30,
  };
  return jsonResponse(own);
}

/**
 * The coordinators' board for the demo territory: every public practitioner of the map, plus
 * network-only ones, with fresh, stale and missing declarations.
 */
export const demoBoardRows: BoardRow[] = (() => {
  const stale = 30;
  const days = [2, 12, 45, 5, 60, 20, 1, 33, 8, 15, 3, 90];
  const rows = demoPractitioners.map((p, i): BoardRow => {
    const daysAgo = days[i % days.length]!;
    const availability: Availability | null =
      i % 5 === 4
        ? null
        : {
            ...demoDeclaration,
            accepting: p.availability?.accepting ?? 'no',
            monthlyQuota: p.availability?.accepting === 'limited' ? 2 + (i % 4) : null,
            patientScope: i % 3 === 0 ? ['priority_only'] : ['all'],
            homeVisits: p.availability?.homeVisits ?? false,
            homeVisitCommunes: [],
            snpSlotsThisWeek: i % 4,
            teleconsultation: p.availability?.teleconsultation ?? false,
            hostsInterns: i % 3 === 1,
            visibility: i % 4 === 3 ? 'network' : 'public',
            noteForCoordinator: i === 1 ? 'Préfère être appelé le matin, avant 9 h.' : null,
            declaredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
            declaredBy: 'practitioner',
          };
    // as the server sends them: the board sorts by family name, not by « Dr »
    const [firstName = '', ...lastName] = p.displayName.replace(/^Dr /, '').split(' ');
    return {
      practitionerId: p.id,
      displayName: p.displayName,
      firstName,
      lastName: lastName.join(' '),
      profession: p.profession,
      communeInsee: p.communeInsee,
      location: p.location,
      active: true,
      availability,
      freshness: availability === null ? 'never' : daysAgo > stale ? 'stale' : 'fresh',
      daysSinceDeclaration: availability === null ? null : daysAgo,
    };
  });
  rows.push({
    practitionerId: '00000000-0000-4000-8000-000000000099',
    displayName: 'Dr Hélène Vanhoutte',
    firstName: 'Hélène',
    lastName: 'Vanhoutte',
    profession: 'medecin_generaliste',
    communeInsee: '62525',
    location: {lat: 50.7362, lng: 2.2501},
    active: true,
    availability: {
      ...demoDeclaration,
      accepting: 'yes',
      monthlyQuota: null,
      patientScope: ['all'],
      visibility: 'network',
      snpSlotsThisWeek: 6,
      declaredAt: new Date(Date.now() - 4 * DAY_MS).toISOString(),
      declaredBy: 'coordinator',
    },
    freshness: 'fresh',
    daysSinceDeclaration: 4,
  });
  return rows;
})();

function answerBoard(behaviour: BoardMockBehaviour): Response {
  if (behaviour === 'refused') {
    return new Response(JSON.stringify({type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Authentification requise', status: 401, code: 'unauthorized'}), {
      status: 401,
      headers: {'content-type': 'application/problem+json; charset=utf-8'},
    });
  }
  const items = behaviour === 'empty' ? [] : demoBoardRows;
  const board: Board = {
    items,
    counts: {
      total: items.length,
      fresh: items.filter((r) => r.freshness === 'fresh').length,
      stale: items.filter((r) => r.freshness === 'stale').length,
      never: items.filter((r) => r.freshness === 'never').length,
      accepting: items.filter((r) => r.availability && r.availability.accepting !== 'no').length,
    },
    staleAfterDays: 30,
  };
  return jsonResponse(board);
}

/** A `fetch` that answers the contract's routes from demo data; unknown operations get a 501 problem. */
export function createMockFetch(options: MockOptions = {}): typeof globalThis.fetch {
  const territory: Territory = {...demoTerritory, ...options.territory};
  let intakeAttempts = 0;
  // each mock keeps its own copy: a story that deletes a practitioner leaves the others' lists whole
  const store = demoManagedPractitioners.map((p) => ({...p}));
  const waitingList = createWaitingListMock(options.waitingList ?? 'demo');
  // --- the practitioner's proposals (cartodispo): a revoked link is refused there too
  const ownProposals = createProposalsMock(options.proposals ?? 'none', options.availability === 'revoked');
  return async (input, init) => {
    const request = new Request(input, init);
    if (options.delayMs) await wait(options.delayMs, request.signal);
    // fetch rejects with a TypeError when nothing answers; the SDK turns that into CptsNetworkError
    if (options.failure === 'network') throw new TypeError('Failed to fetch');
    if (options.failure === 'server') return problemResponse(request, 503, 'unavailable');
    const matched = matchRoute(request);
    if (!matched) return problemResponse(request, 404, 'unknown-route');
    if (matched.slug !== undefined && (options.failure === 'not-found' || matched.slug !== territory.slug)) {
      return problemResponse(request, 404, 'not-found');
    }
    if (matched.operationId === 'lookupRequestStatus') return answerRequestStatus(request, options.requestStatus ?? 'received', territory);
    if (matched.operationId === 'createIntakeRequest') return answerIntake(request, options.intake ?? 'created', ++intakeAttempts);
    if (matched.operationId === 'listPublicPractitioners') return answerPractitioners(request, options.practitioners ?? demoPractitioners);
    // board stories say how the board answers; others (the practitioner manager) get the store's board
    if (matched.operationId === 'getAvailabilityBoard' && options.board) return answerBoard(options.board);
    if (matched.operationId === 'getOwnAvailability' || matched.operationId === 'declareAvailability') {
      return answerAvailability(request, options.availability ?? 'existing');
    }
    if (matched.operationId === 'getImpact') return answerImpact(options.impact ?? 'demo', problemWith(request));
    if (matched.operationId === 'getStats') {
      if (request.headers.get('authorization') !== `Bearer ${mockCoordinatorToken}`) return problemResponse(request, 401, 'unauthorized');
      return answerStats(request, options.stats ?? 'demo', territory.retentionDays, problemWith(request));
    }
    // --- the practitioner's proposals (cartodispo)
    if ((ownProposalRoutes as readonly string[]).includes(matched.operationId)) return ownProposals(request, matched.operationId);
    if ((waitingListRoutes as readonly string[]).includes(matched.operationId)) {
      if (request.headers.get('authorization') !== `Bearer ${mockCoordinatorToken}`) return problemResponse(request, 401, 'unauthorized');
      return waitingList(request, matched.operationId);
    }
    const coordinator = await answerCoordinator(request, matched.operationId, options, store);
    if (coordinator) return coordinator;
    const handler = handlers[matched.operationId];
    return handler ? handler(request, territory) : problemResponse(request, 501, 'not-mocked');
  };
}

// the largest delay setTimeout accepts: ky refuses more, and a never-answering mock must not time out
const NEVER = 2_147_483_647;

export interface MockClientOptions extends MockOptions {
  lang?: Lang;
}

/** A real SDK client for the demo territory whose requests never leave the page. */
export function createMockClient(options: MockClientOptions = {}): CptsClient {
  return createClient({
    baseUrl: mockBaseUrl,
    territory: options.territory?.slug ?? demoTerritory.slug,
    lang: options.lang ?? 'fr',
    fetch: createMockFetch(options),
    // a retried failure would only delay the error state the story is there to show
    retry: 0,
    ...(options.delayMs === Infinity ? {timeout: NEVER} : {}),
  });
}
export type {RequestStatusMockBehaviour} from './mock-request-status.js';
export {demoWaitingRequest, demoWaitingRequests, type WaitingListMockBehaviour} from './mock-waiting-list.js';
