import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import type {Availability, AvailabilityDeclaration, OwnAvailability, OwnProposal, OwnProposals, WaitingPerson} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import type {CptsCartodispo} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

const DAY = 86_400_000;

function stored(declaration: AvailabilityDeclaration, declaredAt: string): Availability {
  return {...declaration, declaredAt, declaredBy: 'practitioner'};
}

const lastDeclaration: AvailabilityDeclaration = {
  accepting: 'limited',
  monthlyQuota: 5,
  patientScope: ['priority_only'],
  scopeCommunes: [],
  homeVisits: true,
  homeVisitCommunes: ['62765'],
  snpSlotsThisWeek: 2,
  teleconsultation: false,
  hostsInterns: true,
  visibility: 'network',
  noteForCoordinator: null,
};

function own(current: Availability | null): OwnAvailability {
  return {
    practitioner: {id: '00000000-0000-4000-8000-000000000001', displayName: 'Dr Claire Lefebvre', profession: 'medecin_generaliste'},
    current,
    freshness: current ? 'stale' : 'never',
    staleAfterDays: 30,
  };
}

interface Call {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

type PutAnswer = (body: AvailabilityDeclaration) => {status: number; body: unknown};
type PostAnswer = (path: string, body: unknown) => {status: number; body: unknown} | undefined;

const noProposals: OwnProposals = {items: [], quota: {monthlyQuota: null, usedThisMonth: 0, placesLeft: null}, mayPick: false};

interface FakeOptions {
  own?: OwnAvailability;
  getStatus?: number;
  put?: PutAnswer;
  proposals?: OwnProposals;
  waiting?: WaitingPerson[];
  post?: PostAnswer;
}

/** The API as the practitioner's page sees it: the territory, their availability (GET/PUT), their proposals. */
function fakeApi(options: FakeOptions = {}): {client: CptsClient; calls: Call[]} {
  const calls: Call[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {status, headers: {'content-type': status >= 400 ? 'application/problem+json' : 'application/json'}});
  const unauthorized = {type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Authentification requise', status: 401, code: 'unauthorized'};
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const text = request.method === 'PUT' || request.method === 'POST' ? await request.text() : '';
    const body: unknown = text ? JSON.parse(text) : undefined;
    calls.push({method: request.method, path, authorization: request.headers.get('authorization'), body});
    if (path === '/v1/territories/demo') return json(demoTerritory());
    if (path === '/v1/territories/demo/availability' && request.method === 'GET') {
      return options.getStatus === 401 ? json(unauthorized, 401) : json(options.own ?? own(null));
    }
    if (path === '/v1/territories/demo/availability' && request.method === 'PUT') {
      const answer = options.put?.(body as AvailabilityDeclaration) ?? {status: 200, body: stored(body as AvailabilityDeclaration, new Date().toISOString())};
      return json(answer.body, answer.status);
    }
    if (path === '/v1/territories/demo/proposals' && request.method === 'GET') {
      return options.getStatus === 401 ? json(unauthorized, 401) : json(options.proposals ?? noProposals);
    }
    if (path === '/v1/territories/demo/waiting-people') return json({items: options.waiting ?? []});
    const posted = request.method === 'POST' ? options.post?.(path, body) : undefined;
    if (posted) return json(posted.body, posted.status);
    return json({type: 'about:blank', title: 'Not found', status: 404, code: 'not_found'}, 404);
  };
  return {client: createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 0}), calls};
}

const root = (el: HTMLElement) => el.shadowRoot!;
const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');
const statusText = (el: HTMLElement) => root(el).querySelector('[part="status"]')?.textContent?.trim() ?? '';

async function declarePage(api: {client: CptsClient}, token: string | null = 'tok-123'): Promise<CptsCartodispo> {
  const el = await fixture<CptsCartodispo>(html`<cpts-cartodispo .client=${api.client} .token=${token ?? undefined}></cpts-cartodispo>`);
  await until(() => root(el).querySelector('form, [role="alert"]') !== null, 'the form or an alert');
  await el.updateComplete;
  return el;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({press: key});
}

describe('<cpts-cartodispo>', () => {
  afterEach(async () => {
    await setViewport({width: 800, height: 600});
  });

  it('lets a practitioner declare by keyboard alone on a phone, and sends exactly their answers', async () => {
    await setViewport({width: 360, height: 740});
    const api = fakeApi();
    const el = await declarePage(api);
    expect(root(el).querySelector('.whose')?.textContent).to.equal('Lien personnel de Dr Claire Lefebvre');
    expect(root(el).textContent).to.contain('Aucune déclaration pour l’instant');
    root(el).querySelector<HTMLInputElement>('input[name="accepting"]')!.focus();
    await press('Space'); // yes
    await el.updateComplete;
    await press('Tab');
    await sendKeys({type: '4'}); // per month
    await press('Tab', 'Space'); // untick "all"
    await press('Tab', 'Space'); // priority criteria only
    await press('Tab', 'Tab', 'Space'); // elderly
    await press('Tab', 'Tab', 'ArrowUp'); // home visits: yes
    await el.updateComplete;
    await press('Tab', 'Space'); // Arques (communes come sorted by name)
    await press('Tab', 'Tab', 'Tab', 'Enter', 'Enter', 'Enter'); // Saint-Omer, SNP field, "+" three times
    await press('Tab', 'Space'); // teleconsultation
    await press('Tab', 'Tab'); // hosts interns (left unticked), then visibility: public stays chosen
    await press('ArrowDown'); // network only…
    await press('ArrowUp'); // …no: public
    await press('Tab');
    await sendKeys({type: 'Plutôt le matin'});
    await press('Tab', 'Enter');
    await until(() => puts(api.calls).length === 1, 'the PUT');
    await until(() => statusText(el) !== '', 'the status');
    expect(puts(api.calls)[0]!.body).to.deep.equal({
      accepting: 'yes',
      monthlyQuota: 4,
      patientScope: ['priority_only', 'elderly'],
      scopeCommunes: [],
      homeVisits: true,
      homeVisitCommunes: ['62040'],
      snpSlotsThisWeek: 3,
      teleconsultation: true,
      hostsInterns: false,
      visibility: 'public',
      noteForCoordinator: 'Plutôt le matin',
    });
    expect(puts(api.calls)[0]!.authorization).to.equal('Bearer tok-123');
    expect(statusText(el)).to.match(/^Déclaration enregistrée le .+\. Merci !$/);
    expect(root(el).querySelector('[part="status"]')?.getAttribute('aria-live')).to.equal('polite');
    expect(document.documentElement.scrollWidth, 'nothing overflows a 360 px wide screen').to.be.at.most(360);
  });

  it('shows who the link belongs to, the last declaration’s age and its freshness', async () => {
    const declaredAt = new Date(Date.now() - 12 * DAY - 3_600_000).toISOString();
    const el = await declarePage(fakeApi({own: own(stored(lastDeclaration, declaredAt))}));
    const summary = root(el).querySelector('[part="summary"]')!.textContent.replace(/\s+/g, ' ');
    expect(summary).to.contain('Lien personnel de Dr Claire Lefebvre').and.contain('À actualiser').and.contain('Dernière mise à jour : il y a 12 jours');
    expect(root(el).querySelector<HTMLInputElement>('input[name="accepting"][value="limited"]')!.checked).to.equal(true);
    expect(root(el).querySelector<HTMLInputElement>('#quota')!.value).to.equal('5');
    expect(root(el).querySelector<HTMLInputElement>('input[name="visibility"][value="network"]')!.checked).to.equal(true);
  });

  it('re-sends the current declaration unchanged with one tap on « Rien n’a changé »', async () => {
    const declaredAt = new Date(Date.now() - 40 * DAY).toISOString();
    const api = fakeApi({own: own(stored(lastDeclaration, declaredAt))});
    const el = await declarePage(api);
    // an answer changed on the page but not sent is not what "nothing has changed" confirms
    root(el).querySelector<HTMLInputElement>('input[name="accepting"][value="no"]')!.click();
    root(el).querySelector<HTMLButtonElement>('[part="nothing-changed"]')!.click();
    await until(() => statusText(el) !== '', 'the status');
    expect(puts(api.calls).map((c) => c.body)).to.deep.equal([lastDeclaration]);
    expect(statusText(el)).to.match(/^Déclaration confirmée le /);
    await el.updateComplete;
    expect(root(el).querySelector('[part="summary"]')!.textContent).to.contain('À jour').and.contain('aujourd’hui');
  });

  it('moves focus to the confirmation once saved, rather than dropping it to the page', async () => {
    const el = await declarePage(fakeApi({own: own(stored(lastDeclaration, new Date(Date.now() - 40 * DAY).toISOString()))}));
    const submit = root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;
    submit.focus();
    await press('Enter');
    await until(() => statusText(el) !== '', 'the status');
    await el.updateComplete;
    const confirmation = root(el).querySelector('[part="status"] p');
    expect(root(el).activeElement === confirmation, 'focus on the confirmation').to.equal(true);
    expect(confirmation!.textContent).to.match(/^Déclaration enregistrée le /);
    // « Rien n’a changé » too: the pressed button is disabled while sending, which alone would drop focus
    root(el).querySelector<HTMLButtonElement>('[part="nothing-changed"]')!.focus();
    await press('Enter');
    await until(() => statusText(el).startsWith('Déclaration confirmée'), 'the confirmation');
    await el.updateComplete;
    expect(root(el).activeElement === root(el).querySelector('[part="status"] p'), 'focus on the new confirmation').to.equal(true);
    expect(document.activeElement === el, 'the page’s focus is in the widget').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('gives focus back to the send button when sending fails', async () => {
    const el = await declarePage(fakeApi({put: () => ({status: 503, body: {type: 'about:blank', title: 'Service indisponible', status: 503, code: 'unavailable'}})}));
    root(el).querySelector<HTMLInputElement>('input[name="accepting"][value="no"]')!.click();
    await el.updateComplete;
    const submit = root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;
    submit.focus();
    await press('Enter');
    await until(() => statusText(el) !== '', 'the error');
    await el.updateComplete;
    expect(root(el).activeElement === submit, 'focus on the send button').to.equal(true);
  });

  it('shows a clear message and the CPTS phone for a revoked or expired link', async () => {
    const el = await declarePage(fakeApi({getStatus: 401}));
    const alert = root(el).querySelector('[part="invalid-link"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Ce lien n’est plus valide. Demandez un nouveau lien à votre CPTS.');
    await until(() => alert.querySelector('a') !== null, 'the phone link');
    expect(alert.querySelector('a')!.getAttribute('href')).to.equal('tel:+33321000000');
    expect(root(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the invalid-link message when the link is revoked while the form is open', async () => {
    const el = await declarePage(fakeApi({put: () => ({status: 401, body: {type: 'about:blank', title: 'Non autorisé', status: 401, code: 'unauthorized'}})}));
    root(el).querySelector<HTMLInputElement>('input[name="accepting"][value="no"]')!.click();
    root(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => root(el).querySelector('[part="invalid-link"]') !== null, 'the message');
  });

  it('puts the server’s field errors under their fields and focuses the first', async () => {
    const api = fakeApi({
      put: () => ({
        status: 422,
        body: {
          type: 'https://cpts-kit.fr/problems/validation',
          title: 'Données invalides',
          status: 422,
          code: 'validation',
          errors: [{path: 'homeVisitCommunes.0', code: 'unknown_commune', message: 'la commune 99999 n’appartient pas au territoire'}],
        },
      }),
    });
    const el = await declarePage(api);
    root(el).querySelector<HTMLInputElement>('input[name="accepting"][value="no"]')!.click();
    root(el).querySelector<HTMLInputElement>('input[name="homeVisits"]')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => root(el).querySelector('#error-homeVisitCommunes') !== null, 'the field error');
    expect(root(el).querySelector('#error-homeVisitCommunes')!.textContent).to.equal('Erreur : la commune 99999 n’appartient pas au territoire');
    expect(statusText(el)).to.equal('Certaines réponses ne sont pas valides : corrigez les champs signalés.');
    await until(() => root(el).activeElement?.closest('[data-field]')?.getAttribute('data-field') === 'homeVisitCommunes', 'focus on the field');
    await expect(el).to.be.accessible();
  });

  it('asks for an answer before sending, without calling the server', async () => {
    const api = fakeApi();
    const el = await declarePage(api);
    root(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await el.updateComplete;
    expect(puts(api.calls)).to.deep.equal([]);
    expect(root(el).querySelector('#error-accepting')).to.not.equal(null);
    expect(root(el).activeElement?.getAttribute('name')).to.equal('accepting');
  });

  it('reads the token from the URL fragment, keeps it there for a reload or a bookmark, and sends it only to the API', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search}#token=from-the-link`);
    try {
      const api = fakeApi();
      const el = await declarePage(api, null);
      expect(location.hash).to.equal('#token=from-the-link');
      const availability = api.calls.filter((c) => c.path.endsWith('/availability'));
      expect(availability.map((c) => c.authorization)).to.deep.equal(['Bearer from-the-link']);
      expect(
        api.calls.filter((c) => c.path === '/v1/territories/demo').every((c) => c.authorization === null),
        'the public territory read carries no token',
      ).to.equal(true);
      expect(root(el).querySelector('form')).to.not.equal(null);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('forgets the link on « Oublier ce lien sur cet appareil »: gone from the address bar and from the page', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search}#token=from-the-link`);
    try {
      const api = fakeApi();
      const el = await declarePage(api, null);
      const forget = root(el).querySelector<HTMLButtonElement>('[part="forget-link"]')!;
      expect(forget.textContent.trim()).to.equal('Oublier ce lien sur cet appareil');
      forget.focus();
      await press('Enter');
      await el.updateComplete;
      await el.updateComplete;
      expect(location.hash).to.equal('');
      expect(location.href).to.not.contain('from-the-link');
      expect(root(el).querySelector('form')).to.equal(null);
      expect(root(el).querySelector('[part="forget-link"]')).to.equal(null);
      const forgotten = root(el).querySelector('.forgotten');
      expect(forgotten!.textContent).to.contain('Ce lien a été retiré de cette page');
      expect(root(el).activeElement === forgotten, 'focus on the message').to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('offers no « Oublier » button for a token a developer set', async () => {
    const el = await declarePage(fakeApi());
    expect(root(el).querySelector('[part="forget-link"]')).to.equal(null);
  });

  it('explains that the link is incomplete when there is no token', async () => {
    const api = fakeApi();
    const el = await declarePage(api, null);
    expect(root(el).querySelector('[part="invalid-link"]')!.textContent).to.contain('Ce lien est incomplet.');
    expect(api.calls.filter((c) => c.path.endsWith('/availability'))).to.deep.equal([]);
  });

  it('passes axe checks for a first declaration, with every question shown', async () => {
    const el = await declarePage(fakeApi());
    root(el).querySelector<HTMLInputElement>('input[name="accepting"][value="yes"]')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLInputElement>('input[value="chosen_communes"]')!.click();
    root(el).querySelector<HTMLInputElement>('input[name="homeVisits"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('passes axe checks once saved, in English', async () => {
    const el = await fixture<CptsCartodispo>(
      html`<cpts-cartodispo lang="en" .client=${fakeApi({own: own(stored(lastDeclaration, new Date().toISOString()))}).client} .token=${'t'}></cpts-cartodispo>`,
    );
    await until(() => root(el).querySelector('[part="nothing-changed"]') !== null, 'the form');
    root(el).querySelector<HTMLButtonElement>('[part="nothing-changed"]')!.click();
    await until(() => statusText(el) !== '', 'the status');
    expect(statusText(el)).to.match(/^Declaration confirmed on /);
    await expect(el).to.be.accessible();
  });
});

const PROPOSAL_ID = '00000000-0000-4000-8000-0000000000a1';
const OTHER_ID = '00000000-0000-4000-8000-0000000000a2';
const PERSON_ID = '00000000-0000-4000-8000-0000000000b1';

function proposal(id: string, overrides: Partial<OwnProposal> = {}): OwnProposal {
  return {
    id,
    origin: 'coordinator',
    status: 'pending',
    person: {ageBand: '70_plus', communeInsee: '62041', communeName: 'Arques', criteria: ['ald'], homeVisits: true, waitingDays: 12},
    note: 'Sort d’hospitalisation, diabète à suivre',
    proposedAt: new Date(Date.now() - DAY).toISOString(),
    answeredAt: null,
    declineReason: null,
    consultedAt: null,
    contact: null,
    ...overrides,
  };
}

const contact = {
  lastName: 'Martin',
  firstNames: 'Jeanne',
  birthDate: '1948-03-02',
  phone: '0612345678',
  email: null,
  bestTimeToCall: 'Le matin avant 10 h',
  address: null,
  requester: null,
};

function withProposals(extra: Partial<OwnProposals> = {}): OwnProposals {
  return {items: [proposal(PROPOSAL_ID), proposal(OTHER_ID, {note: null})], quota: {monthlyQuota: 4, usedThisMonth: 1, placesLeft: 3}, mayPick: false, ...extra};
}

const conflict = (code: string) => ({status: 409, body: {type: `https://cpts-kit.fr/problems/${code}`, title: 'Conflit', status: 409, code}});

function acceptingApi(
  post: PostAnswer = (path) =>
    path.endsWith('/accept') ? {status: 200, body: proposal(PROPOSAL_ID, {status: 'accepted', contact, answeredAt: new Date().toISOString()})} : undefined,
) {
  return fakeApi({proposals: withProposals(), post});
}

async function proposalsPage(api: {client: CptsClient}): Promise<CptsCartodispo> {
  const el = await declarePage(api);
  await until(() => root(el).querySelector('[part="proposals"]') !== null, 'the proposals');
  return el;
}

const cards = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[part="proposal"]')];
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
const message = (el: HTMLElement, id: string) => root(el).querySelector(`#msg-${id} p`);

describe('<cpts-cartodispo> proposals', () => {
  it('lists the proposals with the minimum about each person, and the monthly quota left', async () => {
    const el = await proposalsPage(fakeApi({proposals: withProposals()}));
    expect(root(el).querySelector('#proposals-title')!.textContent).to.equal('Patients proposés par la CPTS');
    expect(root(el).querySelector('[part="quota"]')!.textContent).to.equal('Places restantes ce mois-ci : 3 sur 4');
    expect(cards(el)).to.have.length(2);
    const text = cards(el)[0]!.textContent.replace(/\s+/g, ' ');
    expect(text).to.contain('70 ans et plus · Arques').and.contain('Besoin de visites à domicile').and.contain('En attente depuis 12 jours');
    expect(text).to.contain('Sort d’hospitalisation, diabète à suivre');
    expect(text).to.not.contain('Martin');
    expect(root(el).querySelector('[part="waiting-people"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reveals the contact details once accepted by keyboard, keeps focus, then confirms the first consultation', async () => {
    const api = acceptingApi((path) => {
      if (path.endsWith('/accept')) return {status: 200, body: proposal(PROPOSAL_ID, {status: 'accepted', contact})};
      if (path.endsWith('/first-consultation')) return {status: 200, body: proposal(PROPOSAL_ID, {status: 'accepted', contact, consultedAt: new Date().toISOString()})};
      return undefined;
    });
    const el = await proposalsPage(api);
    cards(el)[0]!.querySelector<HTMLButtonElement>('[part="accept"]')!.focus();
    await press('Enter');
    await until(() => message(el, PROPOSAL_ID) !== null, 'the message');
    await el.updateComplete;
    expect(root(el).activeElement === message(el, PROPOSAL_ID), 'focus on the message').to.equal(true);
    const contactPart = cards(el)[0]!.querySelector('[part="contact"]')!;
    expect(contactPart.textContent.replace(/\s+/g, ' ')).to.contain('Jeanne Martin').and.contain('06 12 34 56 78').and.contain('Le matin avant 10 h');
    expect(cards(el)[0]!.querySelector('[part="accept"]')).to.equal(null);
    expect(root(el).querySelector('[part="quota"]')!.textContent).to.equal('Places restantes ce mois-ci : 2 sur 4');
    await expect(el).to.be.accessible();
    cards(el)[0]!.querySelector<HTMLButtonElement>('[part="first-consultation"]')!.focus();
    await press('Enter');
    await until(() => message(el, PROPOSAL_ID)?.textContent.startsWith('Première consultation faite le') === true, 'the confirmation');
    expect(posts(api.calls).map((c) => c.path)).to.deep.equal([
      `/v1/territories/demo/proposals/${PROPOSAL_ID}/accept`,
      `/v1/territories/demo/proposals/${PROPOSAL_ID}/first-consultation`,
    ]);
    expect(posts(api.calls).every((c) => c.authorization === 'Bearer tok-123')).to.equal(true);
  });

  it('declines with a reason and a note, by keyboard alone, in one action', async () => {
    const api = fakeApi({
      proposals: withProposals(),
      post: (path) => (path.endsWith('/decline') ? {status: 200, body: proposal(PROPOSAL_ID, {status: 'declined', declineReason: 'too_far'})} : undefined),
    });
    const el = await proposalsPage(api);
    cards(el)[0]!.querySelector<HTMLButtonElement>('[part="decline"]')!.focus();
    await press('Enter');
    await el.updateComplete;
    await el.updateComplete;
    const select = cards(el)[0]!.querySelector('select')!;
    expect(root(el).activeElement === select, 'focus on the reason').to.equal(true);
    select.value = 'too_far';
    select.dispatchEvent(new Event('change'));
    await press('Tab');
    await sendKeys({type: 'Trop loin pour moi'});
    await press('Tab', 'Enter');
    await until(() => message(el, PROPOSAL_ID) !== null, 'the message');
    await el.updateComplete;
    expect(posts(api.calls).map((c) => c.body)).to.deep.equal([{reason: 'too_far', note: 'Trop loin pour moi'}]);
    expect(message(el, PROPOSAL_ID)!.textContent).to.equal('Proposition refusée. Merci de votre réponse.');
    expect(root(el).activeElement === message(el, PROPOSAL_ID), 'focus on the message').to.equal(true);
    expect(cards(el)[0]!.querySelector('form')).to.equal(null);
  });

  it('declines without a reason, and cancelling gives focus back to « Refuser »', async () => {
    const api = fakeApi({proposals: withProposals(), post: (path) => (path.endsWith('/decline') ? {status: 200, body: proposal(OTHER_ID, {status: 'declined'})} : undefined)});
    const el = await proposalsPage(api);
    const decline = () => cards(el)[1]!.querySelector<HTMLButtonElement>('[part="decline"]')!;
    decline().focus();
    await press('Enter');
    await el.updateComplete;
    await press('Tab', 'Tab', 'Tab', 'Enter'); // note, confirm, cancel
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).activeElement === decline(), 'focus back on « Refuser »').to.equal(true);
    await press('Enter');
    await el.updateComplete;
    await press('Tab', 'Tab', 'Enter');
    await until(() => message(el, OTHER_ID) !== null, 'the message');
    expect(posts(api.calls).map((c) => c.body)).to.deep.equal([{}]);
  });

  it('says kindly that someone else accepted first, and removes the answer buttons', async () => {
    const api = acceptingApi(() => conflict('already_taken'));
    const el = await proposalsPage(api);
    cards(el)[0]!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
    await until(() => message(el, PROPOSAL_ID) !== null, 'the message');
    await el.updateComplete;
    expect(message(el, PROPOSAL_ID)!.textContent).to.contain('Une autre praticienne ou un autre praticien a accepté avant vous');
    expect(root(el).activeElement === message(el, PROPOSAL_ID), 'focus on the message').to.equal(true);
    expect(cards(el)[0]!.querySelector('[part="accept"]')).to.equal(null);
    expect(cards(el)[1]!.querySelector('[part="accept"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('explains a closed request, a closed proposal and a reached quota', async () => {
    for (const [code, text] of [
      ['request_closed', 'Cette demande a été close par la coordination'],
      ['proposal_closed', 'Cette proposition n’est plus ouverte'],
      ['at_quota', 'Vous avez atteint le quota mensuel'],
    ] as const) {
      const el = await proposalsPage(acceptingApi(() => conflict(code)));
      cards(el)[0]!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
      await until(() => message(el, PROPOSAL_ID) !== null, `the ${code} message`);
      expect(message(el, PROPOSAL_ID)!.textContent).to.contain(text);
      // at quota, the proposal stays open: a changed declaration lets the practitioner accept it
      expect(cards(el)[0]!.querySelector('[part="accept"]') !== null).to.equal(code === 'at_quota');
    }
  });

  it('lists the people waiting nearby when the territory lets practitioners pick, and offers to take one', async () => {
    const waiting: WaitingPerson[] = [
      {id: PERSON_ID, ageBand: 'under_6', communeInsee: '62765', communeName: 'Saint-Omer', criteria: [], homeVisits: false, waitingDays: 30, distanceKm: 3.4, offered: false},
    ];
    const api = fakeApi({
      proposals: {...noProposals, mayPick: true},
      waiting,
      post: (path) =>
        path.endsWith(`/waiting-people/${PERSON_ID}/offers`) ? {status: 201, body: proposal(PROPOSAL_ID, {origin: 'practitioner', status: 'offered'})} : undefined,
    });
    const el = await declarePage(api);
    await until(() => root(el).querySelector('[part="waiting-people"]') !== null, 'the waiting people');
    expect(root(el).querySelector('[part="proposals"]')!.textContent).to.contain('Aucun patient ne vous est proposé pour l’instant.');
    const section = root(el).querySelector('[part="waiting-people"]')!;
    expect(section.textContent.replace(/\s+/g, ' '))
      .to.contain('Personnes en attente près de chez vous')
      .and.contain('Moins de 6 ans · Saint-Omer')
      .and.contain('à 3 km')
      .and.contain('En attente depuis 30 jours');
    await expect(el).to.be.accessible();
    section.querySelector<HTMLButtonElement>('[part="offer"]')!.focus();
    await press('Enter');
    await until(() => message(el, PERSON_ID) !== null, 'the message');
    await el.updateComplete;
    expect(message(el, PERSON_ID)!.textContent).to.equal('Proposé à la coordination, qui vous recontacte');
    expect(root(el).activeElement === message(el, PERSON_ID), 'focus on the message').to.equal(true);
    expect(root(el).querySelector('[part="offer"]')).to.equal(null);
    expect(posts(api.calls).map((c) => c.body)).to.deep.equal([{}]);
  });

  it('passes axe checks in English with an accepted proposal', async () => {
    const api = fakeApi({proposals: {...withProposals(), items: [proposal(PROPOSAL_ID, {status: 'accepted', contact})]}});
    const el = await fixture<CptsCartodispo>(html`<cpts-cartodispo lang="en" .client=${api.client} .token=${'t'}></cpts-cartodispo>`);
    await until(() => root(el).querySelector('[part="contact"]') !== null, 'the contact');
    expect(root(el).querySelector('#proposals-title')!.textContent).to.equal('Patients proposed by the CPTS');
    await expect(el).to.be.accessible();
  });
});
