import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import {internshipOfferExample, type InternshipOffer} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import {
  type CptsOfferEditor,
  duplicateForNextSemester,
  filterOffers,
  indexOffers,
  noFilters,
  normalizeText,
  paragraphs,
  type CptsInternshipOffers,
  type CptsOfferInterest,
  type CptsOfferManager,
} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

let counter = 0;
function offer(overrides: Partial<InternshipOffer> = {}): InternshipOffer {
  counter++;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    ...(internshipOfferExample as Omit<InternshipOffer, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'publishedAt'>),
    id,
    status: 'published',
    createdAt: `2026-01-${String((counter % 27) + 1).padStart(2, '0')}T10:00:00.000Z`,
    updatedAt: '2026-02-01T10:00:00.000Z',
    publishedAt: `2026-01-${String((counter % 27) + 1).padStart(2, '0')}T10:00:00.000Z`,
    ...overrides,
  };
}

type Reply = {status: number; body?: unknown} | 'network-error';

/**
 * The API at the `fetch` level, routed: the territory, the list of offers (paginated), interests.
 * The SDK and the widgets above it are the real code.
 */
class OffersApi {
  readonly requests: {method: string; url: URL; headers: Headers; body: unknown}[] = [];
  offers: InternshipOffer[];
  pageSize = 500;
  interestReplies: Reply[] = [];
  interests: {id: string; offerId: string; name: string; email: string; period: string; message: string | null; status: 'received'; createdAt: string}[] = [];
  /** Tokens the fake accepts as a coordinator's. */
  tokens = new Set(['good-token']);

  constructor(offers: InternshipOffer[]) {
    this.offers = offers;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    this.requests.push({method: request.method, url, headers: request.headers, body: text ? JSON.parse(text) : undefined});
    const reply = this.route(request, url, text);
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: {'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json'},
    });
  };

  private route(request: Request, url: URL, text: string): Reply {
    const path = url.pathname;
    const auth = request.headers.get('authorization')?.replace(/^Bearer /, '');
    const coordinator = auth !== undefined && this.tokens.has(auth);
    if (path === '/v1/territories/demo') return {status: 200, body: demoTerritory()};
    // the coordinator session checks a token by reading the board, which only coordinators may
    if (path === '/v1/territories/demo/availability-board') {
      if (!coordinator) return {status: 401, body: problem(401)};
      return {status: 200, body: {items: [], counts: {total: 0, fresh: 0, stale: 0, never: 0, accepting: 0}, staleAfterDays: 30}};
    }
    if (path === '/v1/territories/demo/internship-offers' && request.method === 'GET') {
      const status = coordinator ? (url.searchParams.get('status') ?? 'published') : 'published';
      const all = this.offers.filter((o) => o.status === status);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), this.pageSize);
      const items = all.slice(start, start + limit);
      return {status: 200, body: {items, nextCursor: start + limit < all.length ? String(start + limit) : null, total: all.length}};
    }
    if (path === '/v1/territories/demo/internship-offers' && request.method === 'POST') {
      if (!coordinator) return {status: 401, body: problem(401)};
      const created = offer({...(JSON.parse(text) as Partial<InternshipOffer>), status: 'draft', publishedAt: null});
      this.offers.push(created);
      return {status: 201, body: created};
    }
    const interests = /^\/v1\/territories\/demo\/internship-offers\/([^/]+)\/interests$/.exec(path);
    if (interests && request.method === 'POST') {
      const reply = this.interestReplies.shift() ?? {status: 201, body: {id: '11111111-1111-4111-8111-111111111111', status: 'received'}};
      return reply;
    }
    if (interests && request.method === 'GET') {
      if (!coordinator) return {status: 401, body: problem(401)};
      if (!this.offers.some((o) => o.id === interests[1])) return {status: 404, body: problem(404)};
      return {status: 200, body: {items: this.interests.filter((i) => i.offerId === interests[1])}};
    }
    const action = /^\/v1\/territories\/demo\/internship-offers\/([^/]+)\/(publish|archive)$/.exec(path);
    if (action && coordinator) {
      const target = this.offers.find((o) => o.id === action[1]);
      if (!target) return {status: 404, body: problem(404)};
      target.status = action[2] === 'publish' ? 'published' : 'archived';
      return {status: 200, body: target};
    }
    const one = /^\/v1\/territories\/demo\/internship-offers\/([^/]+)$/.exec(path);
    const edited = one && coordinator && request.method === 'PATCH' ? this.offers.find((o) => o.id === one[1]) : undefined;
    if (edited) return {status: 200, body: Object.assign(edited, JSON.parse(text), {updatedAt: new Date().toISOString()})};
    return {status: 404, body: problem(404)};
  }

  client(token?: string): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry: 0, ...(token ? {token} : {})});
  }
}

function problem(status: number, errors?: {path: string; code: string; message: string}[]) {
  return {type: 'https://cpts-kit.fr/problems/x', title: 'Erreur', status, code: status === 400 ? 'validation' : 'error', ...(errors ? {errors} : {})};
}

function root(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

const cards = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[part="card"]')];
const cardTitles = (el: HTMLElement) => cards(el).map((c) => c.querySelector('[role="heading"]')?.textContent?.trim());
const count = (el: HTMLElement) => root(el).querySelector('[part="count"]')?.textContent?.trim();

async function list(api: OffersApi, attrs: {noHash?: boolean} = {}): Promise<CptsInternshipOffers> {
  const el = await fixture<CptsInternshipOffers>(html`<cpts-internship-offers .client=${api.client()} ?no-hash=${attrs.noHash ?? false}></cpts-internship-offers>`);
  await until(() => root(el).querySelector('[part="count"]') !== null || root(el).querySelector('[role="alert"]') !== null, 'the offers');
  // commune names come with the territory, which may answer after the offers
  await until(() => !cards(el).some((c) => c.textContent?.includes('62765')), 'the commune names');
  await el.updateComplete;
  return el;
}

async function typeIn(el: HTMLElement, selector: string, value: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
}

async function choose(el: HTMLElement, selector: string, value: string): Promise<void> {
  const select = root(el).querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true, composed: true}));
  await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
}

const sample = () => [
  offer({title: 'Stage de Médecine générale à Saint-Omer', discipline: 'Médecine générale', communeInsee: '62765', periods: ['2027-05'], places: 2}),
  offer({
    title: 'Stage en officine',
    kind: 'pharmacie',
    discipline: 'Pharmacie',
    communeInsee: '62040',
    housing: [],
    financialAid: [],
    periods: ['2027-11'],
    places: 1,
    description: 'Officine de centre-ville.',
    practiceName: 'Pharmacie du Marché',
    supervisors: ['Mme Rose'],
  }),
  offer({
    title: 'Kinésithérapie en cabinet',
    kind: 'kinesitherapie',
    discipline: 'Kinésithérapie',
    communeInsee: '62040',
    housing: [],
    periods: ['2027-05', '2027-11'],
    places: 5,
    description: 'Cabinet de groupe.',
    practiceName: 'Cabinet des Tilleuls',
    supervisors: ['M. Petit'],
  }),
];

afterEach(() => {
  if (location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
});

describe('<cpts-internship-offers>', () => {
  it('shows each offer as a card: title, kind, commune, practice, periods in words, places, housing and aid', async () => {
    const api = new OffersApi([offer({title: 'Stage MSP', periods: ['2027-05', '2027-11'], places: 2})]);
    const el = await list(api);
    const [card] = cards(el);
    const text = card?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(cardTitles(el)).to.deep.equal(['Stage MSP']);
    expect(text).to.include('Stage de médecine générale niveau 1');
    expect(text).to.include('Saint-Omer');
    expect(text).to.include('Maison de santé pluriprofessionnelle');
    expect(text).to.include('mai 2027, novembre 2027');
    expect(text).to.include('2 places');
    expect(text).to.include('Logement proposé');
    expect(text).to.match(/Aide : 300\s€/);
  });

  it('fetches every published offer page by page', async () => {
    const api = new OffersApi(Array.from({length: 5}, (_, i) => offer({title: `Offre ${i}`})));
    api.pageSize = 2;
    const el = await list(api);
    expect(count(el)).to.equal('5 offres');
    const pages = api.requests.filter((r) => r.url.pathname.endsWith('/internship-offers'));
    expect(pages.map((r) => r.url.searchParams.get('cursor'))).to.deep.equal([null, '2', '4']);
  });

  it('says it is loading until the offers arrive', async () => {
    const api = new OffersApi(sample());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = createClient({baseUrl: 'http://api.test', territory: 'demo', retry: 0, fetch: async (i, init) => (await gate, api.fetch(i, init))});
    const el = await fixture<CptsInternshipOffers>(html`<cpts-internship-offers .client=${held}></cpts-internship-offers>`);
    expect(root(el).querySelector('[role="status"]')?.textContent).to.equal('Chargement des offres de stage…');
    expect(root(el).querySelector('[part="base"]')?.getAttribute('aria-busy')).to.equal('true');
    release();
    await until(() => cards(el).length === 3, 'the cards');
  });

  describe('searching', () => {
    it('finds « Médecine » when one types "medecine", whatever the case and accents', async () => {
      const el = await list(new OffersApi(sample()));
      await typeIn(el, '#offers-q', 'medecine');
      expect(cardTitles(el)).to.deep.equal(['Stage de Médecine générale à Saint-Omer']);
      await typeIn(el, '#offers-q', 'MÉDECINE Générale');
      expect(cardTitles(el)).to.deep.equal(['Stage de Médecine générale à Saint-Omer']);
      await typeIn(el, '#offers-q', 'kinesitherapie');
      expect(cardTitles(el)).to.deep.equal(['Kinésithérapie en cabinet']);
    });

    it('announces the number of results in a live region', async () => {
      const el = await list(new OffersApi(sample()));
      const region = root(el).querySelector('[part="count"]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(count(el)).to.equal('3 offres');
      await typeIn(el, '#offers-q', 'officine');
      expect(count(el)).to.equal('1 offre sur 3');
    });

    it('shows « Aucune offre ne correspond… » with a button that clears the filters', async () => {
      const el = await list(new OffersApi(sample()));
      await typeIn(el, '#offers-q', 'radiologie');
      expect(cards(el)).to.have.length(0);
      const empty = root(el).querySelector('[part="empty"]')!;
      expect(empty.textContent).to.include('Aucune offre ne correspond à votre recherche.');
      await expect(el).to.be.accessible();
      empty.querySelector('button')!.click();
      await el.updateComplete;
      expect(cards(el)).to.have.length(3);
      expect(root(el).querySelector<HTMLInputElement>('#offers-q')!.value).to.equal('');
    });
  });

  describe('facets', () => {
    it('filter by kind, discipline, commune, housing and period', async () => {
      const el = await list(new OffersApi(sample()));
      await choose(el, '#offers-kind', 'pharmacie');
      expect(cardTitles(el)).to.deep.equal(['Stage en officine']);
      await choose(el, '#offers-kind', '');
      await choose(el, '#offers-commune', '62040');
      expect(cardTitles(el).sort()).to.deep.equal(['Kinésithérapie en cabinet', 'Stage en officine']);
      await choose(el, '#offers-period', '2027-05');
      expect(cardTitles(el)).to.deep.equal(['Kinésithérapie en cabinet']);
      await choose(el, '#offers-commune', '');
      await choose(el, '#offers-period', '');
      await choose(el, '#offers-discipline', 'Pharmacie');
      expect(cardTitles(el)).to.deep.equal(['Stage en officine']);
      await choose(el, '#offers-discipline', '');
      const housing = root(el).querySelector<HTMLInputElement>('#offers-housing')!;
      housing.click();
      await el.updateComplete;
      expect(cardTitles(el)).to.deep.equal(['Stage de Médecine générale à Saint-Omer']);
    });

    it('offer only the periods and communes some offer has, periods in words', async () => {
      const el = await list(new OffersApi(sample()));
      const periods = [...root(el).querySelectorAll('#offers-period option')].map((o) => o.textContent?.trim());
      expect(periods).to.deep.equal(['Toutes', 'mai 2027', 'novembre 2027']);
      const communes = [...root(el).querySelectorAll('#offers-commune option')].map((o) => o.textContent?.trim());
      expect(communes).to.deep.equal(['Toutes', 'Arques', 'Saint-Omer']);
    });

    it('sort by places and by commune', async () => {
      const el = await list(new OffersApi(sample()));
      await choose(el, '#offers-sort', 'places');
      expect(cardTitles(el)).to.deep.equal(['Kinésithérapie en cabinet', 'Stage de Médecine générale à Saint-Omer', 'Stage en officine']);
      await choose(el, '#offers-sort', 'commune');
      expect(cardTitles(el)[2]).to.equal('Stage de Médecine générale à Saint-Omer');
    });
  });

  it('renders a long list in batches, with a button for the next ones', async () => {
    const api = new OffersApi(Array.from({length: 60}, (_, i) => offer({title: `Offre ${i}`})));
    const el = await list(api);
    expect(cards(el)).to.have.length(48);
    const more = root(el).querySelector<HTMLButtonElement>('.more')!;
    expect(more.textContent?.trim()).to.equal('Afficher 12 offres de plus');
    more.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(60);
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    await setViewport({width: 320, height: 640});
    try {
      const el = await list(new OffersApi(sample()));
      expect(el.scrollWidth).to.be.at.most(320);
      for (const card of cards(el)) expect(card.getBoundingClientRect().right).to.be.at.most(321);
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });

  it('passes axe checks with its cards', async () => {
    const el = await list(new OffersApi(sample()));
    await expect(el).to.be.accessible();
  });

  describe('the detail view', () => {
    async function openFirst(el: CptsInternshipOffers): Promise<HTMLDialogElement> {
      root(el).querySelector<HTMLButtonElement>('[part="card"] button.open')!.click();
      await el.updateComplete;
      return root(el).querySelector('dialog')!;
    }

    it('opens in a modal dialog, with focus on its heading, and sets #offre-<id> in the URL', async () => {
      const api = new OffersApi(sample());
      const el = await list(api);
      const dialog = await openFirst(el);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(root(el).activeElement?.id).to.equal('offer-detail-title');
      expect(root(el).activeElement?.textContent).to.equal(cardTitles(el)[0]);
      expect(location.hash).to.match(/^#offre-[0-9a-f-]{36}$/);
    });

    it('closes on Escape and gives focus back to the card’s button', async () => {
      const el = await list(new OffersApi(sample()));
      const dialog = await openFirst(el);
      const id = location.hash.replace('#offre-', '');
      await sendKeys({press: 'Escape'});
      await until(() => !dialog.open, 'the dialog to close');
      await el.updateComplete;
      const focused = root(el).activeElement as HTMLElement | null;
      expect(focused?.tagName).to.equal('BUTTON');
      expect(focused?.dataset.offer).to.equal(id);
      await until(() => location.hash === '', 'the hash to go');
    });

    it('closes with the browser’s back button', async () => {
      const el = await list(new OffersApi(sample()));
      const dialog = await openFirst(el);
      history.back();
      await until(() => !dialog.open, 'the dialog to close');
      expect(location.hash).to.equal('');
    });

    it('opens the offer named in the URL hash when the page loads', async () => {
      const offers = sample();
      history.replaceState(history.state, '', `#offre-${offers[1]!.id}`);
      const el = await list(new OffersApi(offers));
      await until(() => root(el).querySelector('dialog')?.open === true, 'the dialog to open');
      expect(root(el).querySelector('#offer-detail-title')?.textContent).to.equal('Stage en officine');
      expect(root(el).activeElement?.id).to.equal('offer-detail-title');
    });

    it('shows the supervisors, housing, transport, welcome, aid, description paragraphs and contact', async () => {
      const el = await list(new OffersApi([offer()]));
      const dialog = await openFirst(el);
      const text = dialog.textContent?.replace(/\s+/g, ' ') ?? '';
      for (const expected of [
        'Dr Claire Lefebvre, Dr Marc Dubois',
        'MSP des Marais',
        'Logement dans la MSP',
        'gratuit',
        'à 0 km du lieu de stage',
        'Voiture nécessaire',
        'Gare à 3 km',
        'Frais de déplacement pris en charge',
        'Kit de découverte du territoire',
        'Journée d’accueil',
        'Référent : Julie Martin',
        'versés par Communauté d’agglomération',
        'Par mois de stage',
        'Julie Martin',
      ]) {
        expect(text).to.include(expected);
      }
      expect([...dialog.querySelectorAll('.para')].map((p) => p.textContent)).to.deep.equal(['Une MSP de 12 professionnels.', 'Patientèle variée, visites à domicile.']);
      const mail = dialog.querySelector<HTMLAnchorElement>('[part="contact-link"]')!;
      expect(mail.textContent).to.equal('Contacter le référent');
      expect(mail.getAttribute('href')).to.equal(`mailto:stages@cpts-exemple.fr?subject=${encodeURIComponent('Stage : Stage de médecine générale en MSP rurale')}`);
    });

    it('passes axe checks when open', async () => {
      const el = await list(new OffersApi(sample()));
      await openFirst(el);
      await expect(el).to.be.accessible();
    });

    it('renders every text of the offer as text, never as HTML', async () => {
      const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script><b>gras</b>';
      const hostile = offer({
        title: evil,
        discipline: evil,
        practiceName: evil,
        supervisors: [evil],
        description: `${evil}\n\n${evil}`,
        housing: [{kind: 'logement_msp', monthlyCostEur: 100, distanceKm: 1, details: evil}],
        transport: {carNeeded: false, stationDistanceKm: null, vehicleProvided: false, travelCostsPaid: false, details: evil},
        welcome: {discoveryKit: false, welcomeDay: false, referentName: evil},
        financialAid: [{amountEur: 10, from: evil, conditions: evil}],
        contact: {name: evil, email: 'a@b.fr', phone: null},
      });
      const el = await list(new OffersApi([hostile]));
      const dialog = await openFirst(el);
      const shadow = root(el);
      expect(shadow.querySelectorAll('img, script, b')).to.have.length(0);
      expect(dialog.textContent?.split(evil).length).to.be.greaterThan(10);
      expect((window as unknown as {__xss?: number}).__xss).to.equal(undefined);
    });
  });
});

describe('<cpts-offer-interest>', () => {
  async function form(api: OffersApi, target = offer({periods: ['2027-05', '2027-11']})) {
    const el = await fixture<CptsOfferInterest>(html`<cpts-offer-interest .offer=${target} .client=${api.client()}></cpts-offer-interest>`);
    return {el, target};
  }
  const submit = async (el: CptsOfferInterest) => {
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
  };
  async function fill(el: CptsOfferInterest) {
    await typeIn(el, '#interest-name', 'Léa Martin');
    await typeIn(el, '#interest-email', 'lea@exemple.fr');
    await choose(el, '#interest-period', '2027-11');
    root(el).querySelector<HTMLInputElement>('#interest-consent')!.click();
    await el.updateComplete;
  }

  it('labels every field', async () => {
    const {el} = await form(new OffersApi([]));
    for (const id of ['interest-name', 'interest-email', 'interest-period', 'interest-message', 'interest-consent']) {
      expect(root(el).querySelector(`label[for="${id}"]`), id).to.not.equal(null);
    }
  });

  it('on an empty submit, shows and focuses a summary linked to each field, with a message by each field', async () => {
    const api = new OffersApi([]);
    const {el} = await form(api);
    await submit(el);
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[part="error-summary"]')!;
    expect(root(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#interest-name', '#interest-email', '#interest-period', '#interest-consent']);
    expect(root(el).querySelector('#interest-email-error')?.textContent).to.include('Indiquez une adresse e-mail valide');
    expect(root(el).querySelector('#interest-email')?.getAttribute('aria-describedby')).to.equal('interest-email-error');
    expect(api.requests).to.have.length(0);
    summary.querySelector('a')!.click();
    expect(root(el).activeElement?.id).to.equal('interest-name');
    await expect(el).to.be.accessible();
  });

  it('sends the interest with an Idempotency-Key and thanks the intern', async () => {
    const api = new OffersApi([]);
    const {el, target} = await form(api);
    await fill(el);
    await submit(el);
    await until(() => root(el).querySelector('[part="success"]') !== null, 'the thank-you');
    const [sent] = api.requests;
    expect(sent?.method).to.equal('POST');
    expect(sent?.url.pathname).to.equal(`/v1/territories/demo/internship-offers/${target.id}/interests`);
    expect(sent?.headers.get('idempotency-key')).to.match(/^.{8,}$/);
    expect(sent?.body).to.deep.equal({name: 'Léa Martin', email: 'lea@exemple.fr', period: '2027-11', consent: true});
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(root(el).querySelector('[part="success"]'));
  });

  it('retries a failed send of the same form with the same key, and a changed form with a new one', async () => {
    const api = new OffersApi([]);
    api.interestReplies = ['network-error', 'network-error'];
    const {el} = await form(api);
    await fill(el);
    await submit(el);
    await until(() => root(el).querySelector('.failure') !== null, 'the failure');
    await submit(el);
    await until(() => api.requests.length === 2, 'the retry');
    await typeIn(el, '#interest-message', 'Bonjour');
    await submit(el);
    await until(() => root(el).querySelector('[part="success"]') !== null, 'the thank-you');
    const keys = api.requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).to.equal(keys[1]);
    expect(keys[2]).to.not.equal(keys[1]);
  });

  it('puts the server’s field errors by their fields', async () => {
    const api = new OffersApi([]);
    api.interestReplies = [{status: 400, body: problem(400, [{path: 'period', code: 'unknown_period', message: 'période inconnue'}])}];
    const {el} = await form(api);
    await fill(el);
    await submit(el);
    await until(() => root(el).querySelector('#interest-period-error') !== null, 'the period error');
    expect(root(el).querySelector('#interest-period')?.getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('<cpts-offer-editor>', () => {
  async function editor(api: OffersApi) {
    return fixture<CptsOfferEditor>(html`<cpts-offer-editor .client=${api.client('good-token')} .communes=${demoTerritory().communes}></cpts-offer-editor>`);
  }

  it('checks each field with the contract before sending, and links the summary to the fields', async () => {
    const api = new OffersApi([]);
    const el = await editor(api);
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[part="error-summary"]')!;
    expect(root(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members(['#editor-title', '#editor-periods', '#editor-practiceName', '#editor-contactName', '#editor-contactEmail']);
    // each message says what to do, not « Champ obligatoire »
    expect(root(el).querySelector('#editor-title-error')?.textContent).to.include('Indiquez le titre de l’offre');
    expect(root(el).querySelector('#editor-kind-error')?.textContent).to.include('Choisissez le type de stage');
    expect(root(el).querySelector('#editor-communeInsee-error')?.textContent).to.include('Choisissez la commune du lieu de stage');
    expect(root(el).querySelector('#editor-periods-error')?.textContent).to.include('AAAA-MM');
    // the lists start on « Choisissez… », never on their first entry
    for (const id of ['#editor-kind', '#editor-practiceType', '#editor-communeInsee']) {
      expect(root(el).querySelector<HTMLSelectElement>(id)!.selectedOptions[0]!.textContent).to.equal('Choisissez…');
    }
    expect(api.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('creates the offer as a draft from the filled form', async () => {
    const api = new OffersApi([]);
    const el = await editor(api);
    await typeIn(el, '#editor-title', 'Stage en MSP');
    await choose(el, '#editor-kind', 'mg_niveau_1');
    await choose(el, '#editor-practiceType', 'msp');
    await choose(el, '#editor-communeInsee', '62765');
    await typeIn(el, '#editor-periods', '2027-05, 2027-11');
    await typeIn(el, '#editor-practiceName', 'MSP du Lac');
    await choose(el, '#editor-housingKind', 'internat_rural');
    await typeIn(el, '#editor-housingCost', '150');
    await typeIn(el, '#editor-contactName', 'Julie');
    await typeIn(el, '#editor-contactEmail', 'julie@exemple.fr');
    let saved: InternshipOffer | undefined;
    el.addEventListener('cpts-offer-saved', (e) => (saved = e.detail));
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => saved !== undefined, 'the save');
    const body = api.requests[0]?.body as Record<string, unknown>;
    expect(body.periods).to.deep.equal(['2027-05', '2027-11']);
    expect(body.housing).to.deep.equal([{kind: 'internat_rural', monthlyCostEur: 150, distanceKm: null, details: null}]);
    expect(saved?.status).to.equal('draft');
  });
});

describe('<cpts-offer-manager>', () => {
  it('refuses a token the server does not know, and never stores it', async () => {
    const api = new OffersApi(sample());
    const el = await fixture<CptsOfferManager>(html`<cpts-offer-manager .client=${api.client()}></cpts-offer-manager>`);
    await typeIn(el, '#manager-token', 'bad-token');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelector('#manager-token-error') !== null, 'the sign-in error');
    expect(JSON.stringify({...localStorage})).to.not.include('bad-token');
    expect(JSON.stringify({...sessionStorage})).to.not.include('bad-token');
    expect(el.outerHTML).to.not.include('bad-token');
  });

  it('lists every status after sign-in, and duplicates an offer for the next semester as a draft', async () => {
    const offers = sample();
    offers.push(offer({title: 'Ancien brouillon', status: 'draft', periods: ['2026-11']}));
    const api = new OffersApi(offers);
    const el = await fixture<CptsOfferManager>(html`<cpts-offer-manager .client=${api.client()}></cpts-offer-manager>`);
    await typeIn(el, '#manager-token', 'good-token');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelectorAll('[part="offers"] > li').length === 4, 'the offers');
    const draft = root(el).querySelector<HTMLElement>('li[data-status="draft"]')!;
    [...draft.querySelectorAll('button')].find((b) => b.textContent?.includes('Dupliquer'))!.click();
    await until(() => root(el).querySelectorAll('[part="offers"] > li').length === 5, 'the copy');
    const copy = api.offers.at(-1)!;
    expect(copy.title).to.equal('Ancien brouillon');
    expect(copy.periods).to.deep.equal(['2027-05']);
    expect(copy.status).to.equal('draft');
    await expect(el).to.be.accessible();
  });

  it('gives focus to the token field once signed out', async () => {
    const api = new OffersApi(sample());
    const el = await fixture<CptsOfferManager>(html`<cpts-offer-manager .client=${api.client()}></cpts-offer-manager>`);
    await typeIn(el, '#manager-token', 'good-token');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelectorAll('[part="offers"] > li').length > 0, 'the offers');
    [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Se déconnecter')!.click();
    await until(() => root(el).activeElement?.id === 'manager-token', 'focus on the token field');
  });

  async function signedInManager(api: OffersApi): Promise<CptsOfferManager> {
    const el = await fixture<CptsOfferManager>(html`<cpts-offer-manager .client=${api.client()}></cpts-offer-manager>`);
    await typeIn(el, '#manager-token', 'good-token');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelectorAll('[part="offers"] > li').length > 0, 'the offers');
    return el;
  }

  it('signs in without asking for a made-up offer’s interests (no 404 in the console)', async () => {
    const api = new OffersApi(sample());
    await signedInManager(api);
    expect(api.requests.some((r) => r.url.pathname.endsWith('/interests'))).to.equal(false);
  });

  it('names each button after the offer it acts on', async () => {
    const api = new OffersApi(sample());
    const el = await signedInManager(api);
    const names = [...root(el).querySelectorAll('[part="offers"] button')].map((b) => b.getAttribute('aria-label') ?? b.textContent.trim());
    expect(new Set(names).size).to.equal(names.length);
    const title = api.offers[0]!.title;
    expect(names.some((n) => n.includes(`« ${title} »`))).to.equal(true);
  });

  it('gives focus to « Archiver » once an offer is published, and to its card once saved', async () => {
    const offers = sample();
    offers.push(offer({title: 'Brouillon à publier', status: 'draft', periods: ['2027-05']}));
    const api = new OffersApi(offers);
    const el = await signedInManager(api);
    const draft = () => root(el).querySelector<HTMLElement>(`li[data-offer="${offers.at(-1)!.id}"]`)!;
    draft().querySelector<HTMLButtonElement>('[data-action="publish"]')!.click();
    await until(() => draft().dataset.status === 'published', 'the publication');
    await until(() => root(el).activeElement === draft().querySelector('[data-action="archive"]'), 'focus on « Archiver »');
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Archiver l’offre « Brouillon à publier »');

    draft().querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    await until(() => root(el).querySelector('cpts-offer-editor') !== null, 'the editor');
    const form = root(el).querySelector<CptsOfferEditor>('cpts-offer-editor')!;
    await form.updateComplete;
    root(form).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelector('cpts-offer-editor') === null, 'the save');
    await until(() => root(el).activeElement === draft().querySelector('[data-action="edit"]'), 'focus on the saved offer');
    expect(root(el).querySelector('[part="status"]')?.textContent).to.include('Brouillon à publier');
  });
});

describe('the offers model', () => {
  it('normalises accents and case', () => {
    expect(normalizeText('Médecine GÉNÉRALE à Évreux')).to.equal('medecine generale a evreux');
  });

  it('matches every word of the query, in any order', () => {
    const index = indexOffers(sample(), {communeName: () => 'Saint-Omer', kind: (k) => k, housing: () => 'Logement dans la MSP'});
    expect(filterOffers(index, {...noFilters, q: 'generale medecine logement'}).map((i) => i.offer.title)).to.deep.equal(['Stage de Médecine générale à Saint-Omer']);
  });

  it('splits a description on blank lines only', () => {
    expect(paragraphs('Un.\nToujours un.\n\n  \nDeux.')).to.deep.equal(['Un.\nToujours un.', 'Deux.']);
  });

  it('moves a duplicate’s periods six months later, across years', () => {
    const copy = duplicateForNextSemester(offer({periods: ['2027-05', '2027-11']}));
    expect(copy.periods).to.deep.equal(['2027-11', '2028-05']);
    expect('id' in copy).to.equal(false);
  });
});
