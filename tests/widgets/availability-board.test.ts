import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {Availability, Board, BoardRow} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import {csvCell, type CptsAvailabilityBoard, type CptsBoardSelectEvent} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

const DAY = 86_400_000;

// an observer sees every resource, even past the timeline's buffer (250 entries; wtr loads more modules)
const loadedUrls: string[] = [];
new PerformanceObserver((list) => loadedUrls.push(...list.getEntries().map((e) => e.name))).observe({type: 'resource', buffered: true});
let counter = 0;

function declared(overrides: Partial<Availability>, daysAgo: number): Availability {
  return {
    accepting: 'yes',
    monthlyQuota: null,
    patientScope: ['all'],
    scopeCommunes: [],
    homeVisits: false,
    homeVisitCommunes: [],
    snpSlotsThisWeek: 0,
    teleconsultation: false,
    hostsInterns: false,
    visibility: 'public',
    noteForCoordinator: null,
    declaredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    declaredBy: 'practitioner',
    ...overrides,
  };
}

function row(displayName: string, overrides: Partial<BoardRow>, availability: Availability | null, daysAgo = 0): BoardRow {
  counter++;
  const [firstName = '', ...last] = displayName.replace(/^(?:Dr|Pr|M\.|Mme) /, '').split(' ');
  return {
    practitionerId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    displayName,
    firstName,
    lastName: last.join(' '),
    profession: 'medecin_generaliste',
    communeInsee: '62765',
    // around the territory's communes, which the map frames
    location: {lat: 50.745 + (counter % 5) * 0.001, lng: 2.26 + (counter % 5) * 0.004},
    active: true,
    availability,
    freshness: availability === null ? 'never' : daysAgo > 30 ? 'stale' : 'fresh',
    daysSinceDeclaration: availability === null ? null : daysAgo,
    ...overrides,
  };
}

/** Four practitioners: one network-only with a note, one stale, one never declared, one not taking patients. */
function sampleRows(): BoardRow[] {
  return [
    row(
      'Dr Hélène Martin',
      {},
      declared(
        {
          accepting: 'limited',
          monthlyQuota: 5,
          patientScope: ['priority_only'],
          homeVisits: true,
          snpSlotsThisWeek: 2,
          hostsInterns: true,
          visibility: 'network',
          noteForCoordinator: '=HYPERLINK("http://evil.example";"x") ; rappeler le "lundi"',
        },
        3,
      ),
      3,
    ),
    row('Dr Paul Durand', {communeInsee: '62040'}, declared({accepting: 'yes', teleconsultation: true}, 45), 45),
    row('Julie Caron', {profession: 'infirmier', communeInsee: '62040'}, null),
    row('Marc Leroy', {profession: 'sage_femme'}, declared({accepting: 'no', snpSlotsThisWeek: 1}, 10), 10),
  ];
}

function boardOf(items: BoardRow[]): Board {
  return {
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
}

/** The API at the `fetch` level: the territory and the board, behind a coordinator token. */
class BoardApi {
  readonly requests: {url: URL; authorization: string | null}[] = [];
  rows: BoardRow[];
  tokens = new Set(['good-token']);
  failures = 0;

  constructor(rows: BoardRow[] = sampleRows()) {
    this.rows = rows;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const authorization = request.headers.get('authorization');
    this.requests.push({url, authorization});
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), {status, headers: {'content-type': status >= 400 ? 'application/problem+json' : 'application/json'}});
    if (url.pathname === '/v1/territories/demo') return json(demoTerritory());
    const coordinator = this.tokens.has(authorization?.replace(/^Bearer /, '') ?? '');
    // what <cpts-offer-manager> reads, for the shared sign-in: no offer, and a token check (404 = a coordinator's)
    if (url.pathname === '/v1/territories/demo/internship-offers' && coordinator) return json({items: [], nextCursor: null, total: 0});
    if (url.pathname.endsWith('/interests')) {
      return coordinator
        ? json({type: 'about:blank', title: 'Not found', status: 404, code: 'not_found'}, 404)
        : json({type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Authentification requise', status: 401, code: 'unauthorized'}, 401);
    }
    if (url.pathname === '/v1/territories/demo/availability-board') {
      if (!this.tokens.has(authorization?.replace(/^Bearer /, '') ?? '')) {
        return json({type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Authentification requise', status: 401, code: 'unauthorized'}, 401);
      }
      if (this.failures > 0) {
        this.failures--;
        return json({type: 'https://cpts-kit.fr/problems/unavailable', title: 'Service indisponible', status: 503, code: 'unavailable'}, 503);
      }
      return json(boardOf(this.rows));
    }
    return json({type: 'about:blank', title: 'Not found', status: 404, code: 'not_found'}, 404);
  };

  client(): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry: 0});
  }

  boardRequests() {
    return this.requests.filter((r) => r.url.pathname.endsWith('/availability-board'));
  }
}

const root = (el: HTMLElement) => el.shadowRoot!;
const names = (el: HTMLElement) => [...root(el).querySelectorAll('tbody tr th .row-name')].map((b) => b.textContent.trim());
const status = (el: HTMLElement) => root(el).querySelector('[part="status"]')?.textContent?.trim() ?? '';
const cellOf = (el: HTMLElement, name: string, column: string) => {
  const tr = [...root(el).querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent?.includes(name))!;
  return tr.querySelector(`[data-column="${column}"]`)!.textContent.replace(/\s+/g, ' ').trim();
};

async function typeIn(el: CptsAvailabilityBoard, selector: string, value: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await el.updateComplete;
}

async function choose(el: CptsAvailabilityBoard, selector: string, value: string): Promise<void> {
  const select = root(el).querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true, composed: true}));
  await el.updateComplete;
}

async function tick(el: CptsAvailabilityBoard, selector: string): Promise<void> {
  root(el).querySelector<HTMLInputElement>(selector)!.click();
  await el.updateComplete;
}

/** Ticks columns hidden by default, through the columns menu, as a coordinator would. */
async function showColumns(el: CptsAvailabilityBoard, ...columns: string[]): Promise<void> {
  root(el).querySelector<HTMLDetailsElement>('[part="columns"]')!.open = true;
  for (const column of columns) await tick(el, `#board-column-${column}`);
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({press: key});
}

async function boardPage(api: BoardApi, attrs: {lang?: string; theme?: string; token?: string} = {}): Promise<CptsAvailabilityBoard> {
  const el = await fixture<CptsAvailabilityBoard>(
    html`<cpts-availability-board lang=${attrs.lang ?? 'fr'} theme=${attrs.theme ?? 'default'} .client=${api.client()} .token=${attrs.token}></cpts-availability-board>`,
  );
  await el.updateComplete;
  return el;
}

async function signedIn(api = new BoardApi(), attrs: {lang?: string; theme?: string} = {}): Promise<CptsAvailabilityBoard> {
  const el = await boardPage(api, {...attrs, token: 'good-token'});
  await until(() => root(el).querySelector('tbody tr, [part="empty"], [role="alert"]') !== null, 'the board');
  await el.updateComplete;
  return el;
}

describe('<cpts-availability-board>', () => {
  describe('signing in', () => {
    it('refuses an unknown token with a French message by the field, and keeps it nowhere', async () => {
      const api = new BoardApi();
      const el = await boardPage(api);
      await typeIn(el, '#board-token', 'bad-token');
      root(el).querySelector<HTMLButtonElement>('[part="sign-in"] button[type="submit"]')!.click();
      await until(() => root(el).querySelector('#board-token-error') !== null, 'the sign-in error');
      expect(root(el).querySelector('#board-token-error')!.textContent).to.equal(
        'Erreur : Ce jeton n’est pas celui d’un coordinateur, ou il a expiré. Vérifiez-le et réessayez.',
      );
      const input = root(el).querySelector<HTMLInputElement>('#board-token')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('board-token-error');
      await until(() => root(el).activeElement === input, 'focus on the token field');
      expect(JSON.stringify({...localStorage})).to.not.include('bad-token');
      expect(JSON.stringify({...sessionStorage})).to.not.include('bad-token');
      expect(el.outerHTML).to.not.include('bad-token');
      expect(root(el).querySelector('table')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('signs in with a good token, sends it only as a bearer token, and lists network-only practitioners', async () => {
      const api = new BoardApi();
      const el = await boardPage(api);
      await typeIn(el, '#board-token', '  good-token ');
      root(el).querySelector<HTMLButtonElement>('[part="sign-in"] button[type="submit"]')!.click();
      await until(() => root(el).querySelectorAll('tbody tr').length === 4, 'the rows');
      expect(api.boardRequests().map((r) => r.authorization)).to.deep.equal(['Bearer good-token']);
      expect(api.requests.filter((r) => r.url.pathname === '/v1/territories/demo').every((r) => r.authorization === null)).to.equal(true);
      await showColumns(el, 'visibility');
      expect(cellOf(el, 'Hélène', 'visibility')).to.equal('Réseau seulement');
      expect(cellOf(el, 'Durand', 'visibility')).to.equal('Publique');
      expect(el.outerHTML).to.not.include('good-token');
      await until(() => root(el).activeElement?.id === 'title', 'focus on the board title');
    });

    it('signs in from the token property without showing the form', async () => {
      const el = await signedIn();
      expect(root(el).querySelector('[part="sign-in"]')).to.equal(null);
      expect(names(el)).to.have.length(4);
    });

    it('asks for a token again once signed out, and forgets the rows', async () => {
      const el = await signedIn();
      [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Se déconnecter')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('table')).to.equal(null);
      expect(root(el).querySelector('#board-token')).to.not.equal(null);
    });

    it('shares one sign-in with the other coordinator tools inside the same provider', async () => {
      const api = new BoardApi();
      const page = await fixture<HTMLElement>(html`<cpts-provider .client=${api.client()}>
        <cpts-availability-board id="one"></cpts-availability-board>
        <cpts-availability-board id="two"></cpts-availability-board>
      </cpts-provider>`);
      const [one, two] = [page.querySelector<CptsAvailabilityBoard>('#one')!, page.querySelector<CptsAvailabilityBoard>('#two')!];
      await one.updateComplete;
      await typeIn(one, '#board-token', 'good-token');
      root(one).querySelector<HTMLButtonElement>('[part="sign-in"] button[type="submit"]')!.click();
      await until(() => root(two).querySelectorAll('tbody tr').length === 4, 'the second board');
      expect(api.boardRequests().map((r) => r.authorization)).to.deep.equal(['Bearer good-token', 'Bearer good-token']);
    });

    it('follows <cpts-coordinator-sign-in>: no form of its own, signed in and out with the page', async () => {
      const api = new BoardApi();
      const page = await fixture<HTMLElement>(html`<cpts-provider .client=${api.client()}>
        <cpts-coordinator-sign-in></cpts-coordinator-sign-in>
        <cpts-availability-board></cpts-availability-board>
        <cpts-offer-manager></cpts-offer-manager>
      </cpts-provider>`);
      const board = page.querySelector<CptsAvailabilityBoard>('cpts-availability-board')!;
      const signIn = page.querySelector<HTMLElement & {updateComplete: Promise<unknown>}>('cpts-coordinator-sign-in')!;
      await signIn.updateComplete;
      await board.updateComplete;
      expect(root(board).querySelector('[part="sign-in"]')).to.equal(null);
      expect(root(board).querySelector('[part="sign-in-above"]')).to.not.equal(null);
      const input = signIn.shadowRoot!.querySelector<HTMLInputElement>('#cs-token')!;
      input.value = 'good-token';
      signIn.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => names(board).length === 4, 'the board, signed in by the page’s sign-in');
      // the session checks the token with a read of the board, then the board reads it
      expect(new Set(api.boardRequests().map((r) => r.authorization))).to.deep.equal(new Set(['Bearer good-token']));
      expect(board.outerHTML + signIn.outerHTML).to.not.include('good-token');
      expect(root(board).querySelector('[part="session"]')).to.equal(null);
      await signIn.updateComplete;
      signIn.shadowRoot!.querySelector<HTMLButtonElement>('#cs-sign-out')!.click();
      await until(() => root(board).querySelector('table') === null, 'the board, signed out');
      expect(root(board).querySelector('[part="sign-in"]')).to.equal(null);
    });

    it('asks for the token again above the board when it is refused mid-session, and keeps the rows', async () => {
      const api = new BoardApi();
      const page = await fixture<HTMLElement>(html`<cpts-provider .client=${api.client()}>
        <cpts-coordinator-sign-in></cpts-coordinator-sign-in>
        <cpts-availability-board .token=${'good-token'}></cpts-availability-board>
      </cpts-provider>`);
      const board = page.querySelector<CptsAvailabilityBoard>('cpts-availability-board')!;
      await until(() => names(board).length === 4, 'the rows');
      api.tokens = new Set(['new-token']);
      [...root(board).querySelectorAll('button')].find((b) => b.textContent === 'Actualiser')!.click();
      await until(() => root(board).querySelector('#board-token') !== null, 'the form above the board');
      expect(names(board)).to.have.length(4);
      await until(() => root(board).activeElement?.id === 'board-token', 'focus on the token field');
      await sendKeys({type: 'new-token'});
      await sendKeys({press: 'Enter'});
      await until(() => root(board).querySelector('#board-token') === null, 'signed in again');
      expect(names(board)).to.have.length(4);
    });

    it('keeps a sign-in within its provider: not the page’s document, not an outer provider’s tools', async () => {
      const api = new BoardApi();
      const leaked: Event[] = [];
      const collect = (e: Event) => leaked.push(e);
      document.addEventListener('cpts-signed-in', collect);
      try {
        const page = await fixture<HTMLElement>(html`<cpts-provider id="outer" .client=${api.client()}>
          <cpts-availability-board id="outside"></cpts-availability-board>
          <cpts-provider id="inner" .client=${api.client()}>
            <cpts-availability-board id="inside"></cpts-availability-board>
            <cpts-availability-board id="beside"></cpts-availability-board>
          </cpts-provider>
        </cpts-provider>`);
        const [outside, inside, beside] = ['#outside', '#inside', '#beside'].map((id) => page.querySelector<CptsAvailabilityBoard>(id)!);
        await inside!.updateComplete;
        await typeIn(inside!, '#board-token', 'good-token');
        root(inside!).querySelector<HTMLButtonElement>('[part="sign-in"] button[type="submit"]')!.click();
        await until(() => names(beside!).length === 4, 'the board beside, in the same provider');
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(root(outside!).querySelector('#board-token')).to.not.equal(null);
        expect(names(outside!)).to.deep.equal([]);
        expect(leaked).to.deep.equal([]);
      } finally {
        document.removeEventListener('cpts-signed-in', collect);
      }
    });
  });

  describe('the table', () => {
    it('shows each practitioner’s availability, with counts', async () => {
      const el = await signedIn();
      expect(names(el)).to.deep.equal(['Julie Caron', 'Dr Paul Durand', 'Marc Leroy', 'Dr Hélène Martin']);
      expect(status(el)).to.equal('4 praticiens sur 4 · 2 acceptent de nouveaux patients · 1 déclaration à actualiser');
      await showColumns(el, 'scope', 'teleconsultation', 'msu');
      expect(cellOf(el, 'Hélène', 'profession')).to.equal('Médecin généraliste');
      expect(cellOf(el, 'Hélène', 'commune')).to.equal('Saint-Omer');
      expect(cellOf(el, 'Hélène', 'accepting')).to.equal('Limité · 5 par mois');
      expect(cellOf(el, 'Hélène', 'scope')).to.equal('Critères prioritaires');
      expect(cellOf(el, 'Hélène', 'homeVisits')).to.equal('Oui');
      expect(cellOf(el, 'Hélène', 'snp')).to.equal('2');
      expect(cellOf(el, 'Hélène', 'msu')).to.equal('Oui');
      expect(cellOf(el, 'Durand', 'accepting')).to.equal('Oui · sans quota');
      expect(cellOf(el, 'Durand', 'teleconsultation')).to.equal('Oui');
      expect(cellOf(el, 'Julie', 'accepting')).to.equal('—');
      const table = root(el).querySelector('table')!;
      expect(table.querySelector('caption')!.textContent).to.contain('Disponibilités déclarées par les professionnels');
      expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
      expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
      expect(root(el).querySelector('[part="status"]')!.getAttribute('aria-live')).to.equal('polite');
    });

    it('shows the places left this month once the CPTS placed patients with a practitioner, in French and English', async () => {
      const rows = sampleRows();
      rows[0] = {...rows[0]!, takenThisMonth: 2};
      rows[1] = {...rows[1]!, takenThisMonth: 1};
      const fr = await signedIn(new BoardApi(rows));
      expect(cellOf(fr, 'Hélène', 'accepting')).to.equal('Limité · reste 3 sur 5 ce mois-ci');
      // no quota declared: nothing to count down
      expect(cellOf(fr, 'Durand', 'accepting')).to.equal('Oui · sans quota');
      const en = await signedIn(new BoardApi(rows), {lang: 'en'});
      expect(cellOf(en, 'Hélène', 'accepting')).to.equal('Limited · 3 of 5 left this month');
    });

    it('labels freshness: fresh with its date, stale after the territory’s days, never declared', async () => {
      const el = await signedIn();
      const date = new Intl.DateTimeFormat('fr', {dateStyle: 'medium'}).format(new Date(Date.now() - 3 * DAY));
      expect(cellOf(el, 'Hélène', 'freshness')).to.equal(`À jour le ${date}`);
      expect(cellOf(el, 'Durand', 'freshness')).to.match(/^À actualiser le /);
      expect(cellOf(el, 'Julie', 'freshness')).to.equal('Jamais déclarée');
      expect(root(el).textContent).to.contain('Une déclaration est « à actualiser » après 30 jours.');
    });

    it('renders names and notes as text, never as HTML', async () => {
      const api = new BoardApi([row('<img src=x onerror=alert(1)>', {}, declared({noteForCoordinator: '<b>gras</b>'}, 1), 1)]);
      const el = await signedIn(api);
      expect(root(el).querySelector('tbody img, tbody b')).to.equal(null);
      expect(names(el)).to.deep.equal(['<img src=x onerror=alert(1)>']);
      expect(cellOf(el, 'img', 'note')).to.equal('<b>gras</b>');
    });

    it('fires cpts-select with the row when a name is chosen', async () => {
      const el = await signedIn();
      let chosen: BoardRow | undefined;
      el.addEventListener('cpts-select', (e) => (chosen = (e as unknown as CptsBoardSelectEvent).detail));
      const button = [...root(el).querySelectorAll<HTMLButtonElement>('.row-name')].find((b) => b.textContent === 'Julie Caron')!;
      button.click();
      await el.updateComplete;
      expect(chosen?.displayName).to.equal('Julie Caron');
      expect(button.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('filters', () => {
    it('narrows the list and the counts with each filter', async () => {
      const el = await signedIn();
      await choose(el, '#board-profession', 'medecin_generaliste');
      expect(names(el)).to.deep.equal(['Dr Paul Durand', 'Dr Hélène Martin']);
      expect(status(el)).to.equal('2 praticiens sur 4 · 2 acceptent de nouveaux patients · 1 déclaration à actualiser');
      await choose(el, '#board-profession', '');

      await choose(el, '#board-commune', '62040');
      expect(names(el)).to.deep.equal(['Julie Caron', 'Dr Paul Durand']);
      await choose(el, '#board-commune', '');

      await choose(el, '#board-accepting', 'no');
      expect(names(el)).to.deep.equal(['Marc Leroy']);
      expect(status(el)).to.equal('1 praticien sur 4 · 0 accepte de nouveaux patients · 0 déclaration à actualiser');
      await choose(el, '#board-accepting', '');

      await choose(el, '#board-freshness', 'never');
      expect(names(el)).to.deep.equal(['Julie Caron']);
      await choose(el, '#board-freshness', '');

      await tick(el, '#board-home');
      expect(names(el)).to.deep.equal(['Dr Hélène Martin']);
      await tick(el, '#board-home');

      await tick(el, '#board-snp');
      expect(names(el)).to.deep.equal(['Marc Leroy', 'Dr Hélène Martin']);
      await tick(el, '#board-snp');

      await tick(el, '#board-msu');
      expect(names(el)).to.deep.equal(['Dr Hélène Martin']);
      await tick(el, '#board-msu');
      expect(names(el)).to.have.length(4);
    });

    it('finds « Hélène » when searching « helene » or « HELÈNE », and by commune', async () => {
      const el = await signedIn();
      await typeIn(el, '#board-q', 'helene');
      expect(names(el)).to.deep.equal(['Dr Hélène Martin']);
      await typeIn(el, '#board-q', 'HELÈNE');
      expect(names(el)).to.deep.equal(['Dr Hélène Martin']);
      await typeIn(el, '#board-q', 'arques');
      expect(names(el)).to.deep.equal(['Julie Caron', 'Dr Paul Durand']);
      await typeIn(el, '#board-q', 'zzz');
      expect(names(el)).to.deep.equal([]);
      expect(root(el).querySelector('[part="empty"]')!.textContent).to.equal('Aucun professionnel ne correspond à ces filtres.');
      expect(status(el)).to.match(/^0 praticien sur 4/);
      [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Effacer les filtres')!.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(4);
      expect(root(el).querySelector<HTMLInputElement>('#board-q')!.value).to.equal('');
    });

    it('sorts by name, commune, freshness and last declaration', async () => {
      const el = await signedIn();
      await choose(el, '#board-sort', 'commune');
      expect(names(el)).to.deep.equal(['Julie Caron', 'Dr Paul Durand', 'Marc Leroy', 'Dr Hélène Martin']);
      await choose(el, '#board-sort', 'freshness');
      expect(names(el)).to.deep.equal(['Julie Caron', 'Dr Paul Durand', 'Marc Leroy', 'Dr Hélène Martin']);
      await choose(el, '#board-sort', 'declared');
      expect(names(el)).to.deep.equal(['Dr Hélène Martin', 'Marc Leroy', 'Dr Paul Durand', 'Julie Caron']);
      await choose(el, '#board-sort', 'name');
      expect(names(el)).to.deep.equal(['Julie Caron', 'Dr Paul Durand', 'Marc Leroy', 'Dr Hélène Martin']);
    });

    it('sorts « Nom » by family name, then first name, never by title', async () => {
      const el = await signedIn(
        new BoardApi([
          row('Mme Anne Zola', {}, null),
          row('Dr Bernard Abel', {}, null),
          row('M. Claude Martin', {}, null),
          row('Dr Alice Martin', {}, null),
          row('Pr Émile Durand', {}, null),
        ]),
      );
      expect(names(el)).to.deep.equal(['Dr Bernard Abel', 'Pr Émile Durand', 'Dr Alice Martin', 'M. Claude Martin', 'Mme Anne Zola']);
    });
  });

  describe('the columns', () => {
    const headers = (el: HTMLElement) => [...root(el).querySelectorAll('thead th')].map((th) => th.getAttribute('data-column'));

    it('fits a 940 px frame with the default columns, wrapping long cells instead of scrolling sideways', async () => {
      const api = new BoardApi([
        ...sampleRows(),
        row(
          'Dr Marie-Christine Vanhoutte-Delattre',
          {communeInsee: '62040', profession: 'masseur_kinesitherapeute'},
          declared(
            {
              accepting: 'limited',
              monthlyQuota: 12,
              homeVisits: true,
              snpSlotsThisWeek: 14,
              noteForCoordinator: 'Préfère être appelée le matin avant 9 h, sauf le mercredi ; accepte les enfants du quartier des Glacis',
            },
            40,
          ),
          40,
        ),
      ]);
      const frame = await fixture<HTMLElement>(
        html`<div style="width: 940px"><cpts-availability-board lang="fr" .client=${api.client()} .token=${'good-token'}></cpts-availability-board></div>`,
      );
      const el = frame.querySelector<CptsAvailabilityBoard>('cpts-availability-board')!;
      await until(() => names(el).length === 5, 'the rows');
      await el.updateComplete;
      const wrap = root(el).querySelector<HTMLElement>('[part="list"]')!;
      expect(wrap.getBoundingClientRect().right).to.be.at.most(frame.getBoundingClientRect().right);
      expect(wrap.scrollWidth, 'the table is as wide as its box').to.be.at.most(wrap.clientWidth);
      expect(headers(el)).to.deep.equal(['name', 'profession', 'commune', 'accepting', 'freshness', 'homeVisits', 'snp', 'note']);
    });

    it('shows the columns the coordinator ticks, keeps them while the page lives, and goes back to the defaults', async () => {
      const api = new BoardApi();
      const el = await signedIn(api);
      const menu = root(el).querySelector<HTMLDetailsElement>('[part="columns"]')!;
      expect(menu.querySelector('summary')!.textContent).to.equal('Colonnes affichées : 8 sur 12');
      expect(menu.open).to.equal(false);
      await showColumns(el, 'visibility', 'note');
      expect(headers(el)).to.deep.equal(['name', 'profession', 'commune', 'accepting', 'freshness', 'homeVisits', 'snp', 'visibility']);
      expect(cellOf(el, 'Hélène', 'visibility')).to.equal('Réseau seulement');
      await expect(el).to.be.accessible();
      // a reload keeps the choice: it lasts as long as the page
      [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Actualiser')!.click();
      await until(() => api.boardRequests().length === 2 && names(el).length === 4, 'the reload');
      await el.updateComplete;
      expect(headers(el)).to.contain('visibility');
      root(el).querySelector<HTMLDetailsElement>('[part="columns"]')!.open = true;
      const reset = [...root(el).querySelectorAll<HTMLButtonElement>('[part="columns"] button')].find((b) => b.textContent === 'Colonnes par défaut')!;
      reset.focus();
      reset.click();
      await el.updateComplete;
      expect(headers(el)).to.deep.equal(['name', 'profession', 'commune', 'accepting', 'freshness', 'homeVisits', 'snp', 'note']);
      expect(root(el).activeElement === reset, 'focus stays on the button').to.equal(true);
    });
  });

  describe('the CSV export', () => {
    it('neutralises every cell a spreadsheet would read as a formula, and quotes separators', () => {
      expect(['=1+1', '+33 3 21', '-5', '@SUM(A1)', '\t=1'].map(csvCell)).to.deep.equal(["'=1+1", "'+33 3 21", "'-5", "'@SUM(A1)", "'\t=1"]);
      expect(csvCell('\r=1')).to.equal(`"'\r=1"`);
      expect(csvCell('Saint-Omer')).to.equal('Saint-Omer');
      expect(csvCell('a;b')).to.equal('"a;b"');
      expect(csvCell('dit "oui"')).to.equal('"dit ""oui"""');
      expect(csvCell('ligne 1\nligne 2')).to.equal('"ligne 1\nligne 2"');
    });

    it('downloads the filtered rows, ;-separated with a BOM, French headers, formulas neutralised', async () => {
      const el = await signedIn();
      await tick(el, '#board-snp');
      const blobs: Blob[] = [];
      const downloads: string[] = [];
      const {createObjectURL} = URL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return 'blob:test';
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      };
      try {
        root(el).querySelector<HTMLButtonElement>('[part="export"]')!.click();
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(blobs).to.have.length(1);
      expect(blobs[0]!.type).to.equal('text/csv;charset=utf-8');
      expect(downloads[0]).to.match(/^disponibilites-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes).slice(1);
      const lines = text.split('\r\n');
      expect(lines[0]).to.equal(
        'Nom;Profession;Commune;Nouveaux patients;Quota mensuel;Patients acceptés;Visites à domicile;Créneaux SNP cette semaine;Téléconsultation;MSU;Visibilité;Fraîcheur;Déclarée le;Note pour la coordination',
      );
      expect(lines).to.have.length(4); // header, two rows, the final empty line
      const date = new Intl.DateTimeFormat('fr', {dateStyle: 'short'}).format(new Date(Date.now() - 3 * DAY));
      expect(lines[2]).to.equal(
        `Dr Hélène Martin;Médecin généraliste;Saint-Omer;Limité;5;Critères prioritaires;Oui;2;Non;Oui;Réseau seulement;À jour;${date};"'=HYPERLINK(""http://evil.example"";""x"") ; rappeler le ""lundi"""`,
      );
      expect(lines[1]).to.match(/^Marc Leroy;Sage-femme;Saint-Omer;Non;;;Non;1;Non;Non;Publique;À jour;/);
      expect(lines[3]).to.equal('');
      expect(status(el)).to.contain('Export de 2 lignes prêt.');
    });
  });

  describe('states', () => {
    it('says so when the territory has no practitioner yet', async () => {
      const el = await signedIn(new BoardApi([]));
      expect(root(el).querySelector('[part="empty"]')!.textContent).to.equal('Aucun professionnel n’est encore enregistré sur ce territoire.');
      expect(status(el)).to.match(/^0 praticien sur 0/);
    });

    it('shows the loading state while the board loads', async () => {
      const api = new BoardApi();
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      // the board's answer waits for the gate; the territory's does not
      const client = createClient({
        baseUrl: 'http://api.test',
        territory: 'demo',
        retry: 0,
        fetch: async (input, init) => {
          if (new Request(input, init).url.includes('availability-board')) await gate;
          return api.fetch(input, init);
        },
      });
      const el = await fixture<CptsAvailabilityBoard>(html`<cpts-availability-board .client=${client} .token=${'good-token'}></cpts-availability-board>`);
      expect(status(el)).to.equal('Chargement des disponibilités…');
      expect(root(el).querySelector('.board')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      open();
      await until(() => names(el).length === 4, 'the rows');
    });

    it('explains a misconfigured page instead of failing silently', async () => {
      const el = await fixture<CptsAvailabilityBoard>(html`<cpts-availability-board .token=${'good-token'}></cpts-availability-board>`);
      await until(() => root(el).querySelector('[part="error"]') !== null, 'the error');
      expect(root(el).querySelector('[part="error"]')!.textContent).to.contain('Widget mal configuré');
    });

    it('shows an error with a retry that works', async () => {
      const api = new BoardApi();
      api.failures = 1;
      const errors: unknown[] = [];
      const el = await fixture<CptsAvailabilityBoard>(
        html`<cpts-availability-board .client=${api.client()} .token=${'good-token'} @cpts-error=${(e: Event) => errors.push(e)}></cpts-availability-board>`,
      );
      await until(() => root(el).querySelector('[part="error"]') !== null, 'the error');
      const alert = root(el).querySelector('[part="error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('Impossible de charger les disponibilités.');
      expect(errors).to.have.length(1);
      [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Réessayer')!.click();
      await until(() => names(el).length === 4, 'the rows after retrying');
    });
  });

  describe('the map view', () => {
    it('downloads no map code until the map is shown, then draws the rows with no tiles', async () => {
      const mapCode = () => loadedUrls.filter((n) => /leaflet|supercluster|map-engine/.test(n));
      const el = await signedIn();
      expect(mapCode()).to.deep.equal([]);
      expect(root(el).querySelector('.leaflet-container')).to.equal(null);
      [...root(el).querySelectorAll<HTMLButtonElement>('.toggle button')].find((b) => b.textContent === 'Carte')!.click();
      await el.mapSettled();
      await until(() => root(el).querySelector('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster') !== null, 'the markers');
      await until(() => mapCode().some((n) => n.includes('leaflet')), 'Leaflet in the resources');
      expect(root(el).querySelectorAll('img.leaflet-tile')).to.have.length(0);
      // the names are placed once the map is laid out, to measure them
      await until(() => root(el).querySelector('.commune-name') !== null, 'the communes’ names');
      expect(root(el).querySelector('.commune-name')?.textContent).to.be.oneOf(['Saint-Omer', 'Arques']);
      expect(root(el).querySelector('table')).to.equal(null);
      expect(root(el).textContent).to.contain('Fond de carte désactivé');
    });

    it('shows a row’s details when its marker is chosen, and follows the filters', async () => {
      const el = await signedIn();
      await choose(el, '#board-profession', 'infirmier');
      [...root(el).querySelectorAll<HTMLButtonElement>('.toggle button')].find((b) => b.textContent === 'Carte')!.click();
      await el.mapSettled();
      await until(() => root(el).querySelector('.leaflet-marker-icon.pin') !== null, 'the marker');
      const pins = root(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon.pin');
      expect(pins).to.have.length(1);
      expect(pins[0]!.getAttribute('aria-label')).to.equal('Julie Caron, Infirmier(ère), Pas de déclaration, Jamais déclarée');
      pins[0]!.click();
      await until(() => root(el).querySelector('[part="details"]') !== null, 'the details');
      expect(root(el).querySelector('#board-details-title')!.textContent).to.equal('Julie Caron');
    });

    it('reports a map that fails to start once, and starts it again from Retry', async () => {
      const errors: unknown[] = [];
      const el = await signedIn();
      el.addEventListener('cpts-error', (e) => errors.push(e));
      // the engine throws (as it would with its code offline) until the coordinator retries
      const matchMedia = window.matchMedia;
      window.matchMedia = () => {
        throw new TypeError('Failed to fetch dynamically imported module');
      };
      try {
        [...root(el).querySelectorAll<HTMLButtonElement>('.toggle button')].find((b) => b.textContent === 'Carte')!.click();
        await until(() => root(el).querySelector('[part="error"]') !== null, 'the map error');
        // several frames: a loop would fire again at every update
        for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(errors).to.have.length(1);
        expect(root(el).querySelectorAll('[part="error"]')).to.have.length(1);
      } finally {
        window.matchMedia = matchMedia;
      }
      [...root(el).querySelectorAll<HTMLButtonElement>('[part="error"] button')].find((b) => b.textContent === 'Réessayer')!.click();
      await el.mapSettled();
      await until(() => root(el).querySelector('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster') !== null, 'the markers after retrying');
      expect(root(el).querySelector('[part="error"]')).to.equal(null);
      expect(errors).to.have.length(1);
    });
  });

  describe('keyboard', () => {
    it('signs in, filters, switches views and exports with the keyboard alone', async () => {
      const api = new BoardApi();
      const el = await boardPage(api);
      root(el).querySelector<HTMLInputElement>('#board-token')!.focus();
      await sendKeys({type: 'good-token'});
      await press('Enter');
      await until(() => names(el).length === 4, 'the rows');
      await until(() => root(el).activeElement?.id === 'title', 'focus on the title');
      // refresh, export, sign out, then the search field
      await press('Tab', 'Tab', 'Tab', 'Tab');
      expect(root(el).activeElement?.id).to.equal('board-q');
      await sendKeys({type: 'helene'});
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Dr Hélène Martin']);
      await press('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab'); // profession, commune, accepting, freshness, sort, home visits
      expect(root(el).activeElement?.id).to.equal('board-home');
      await press('Space');
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Dr Hélène Martin']);
      await press('Tab', 'Tab', 'Tab'); // SNP, MSU, « Effacer les filtres »
      expect(root(el).activeElement?.textContent).to.equal('Effacer les filtres');
      await press('Tab'); // « Tableau »
      await press('Tab'); // « Carte »
      expect(root(el).activeElement?.textContent).to.equal('Carte');
      await press('Enter');
      await el.mapSettled();
      expect(root(el).querySelector('[part="map"].leaflet-container')).to.not.equal(null);
      await sendKeys({down: 'Shift'});
      await press('Tab');
      await sendKeys({up: 'Shift'});
      await press('Enter'); // back to the table
      await el.updateComplete;
      expect(root(el).querySelector('table')).to.not.equal(null);
      // past « Carte » and the columns menu, the table's scroll box is focusable, and so is each name
      await press('Tab', 'Tab', 'Tab');
      expect(root(el).activeElement?.getAttribute('part')).to.equal('list');
      await press('Tab', 'Enter');
      await el.updateComplete;
      expect(root(el).querySelector('.row-name')!.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('accessibility', () => {
    for (const lang of ['fr', 'en']) {
      for (const theme of ['default', 'civic']) {
        it(`passes axe checks in ${lang}, ${theme} theme: sign-in, list, map, empty and error`, async () => {
          const signIn = await boardPage(new BoardApi(), {lang, theme});
          await expect(signIn).to.be.accessible();

          const list = await signedIn(new BoardApi(), {lang, theme});
          await expect(list).to.be.accessible();
          [...root(list).querySelectorAll<HTMLButtonElement>('.toggle button')][1]!.click();
          await list.mapSettled();
          await until(() => root(list).querySelector('.leaflet-marker-icon') !== null, 'the markers');
          await expect(list).to.be.accessible();

          const empty = await signedIn(new BoardApi([]), {lang, theme});
          await expect(empty).to.be.accessible();

          const failing = new BoardApi();
          failing.failures = 1;
          const error = await signedIn(failing, {lang, theme});
          expect(root(error).querySelector('[part="error"]')).to.not.equal(null);
          await expect(error).to.be.accessible();
        });
      }
    }

    it('speaks English with lang="en"', async () => {
      const el = await signedIn(new BoardApi(), {lang: 'en'});
      expect(status(el)).to.equal('4 practitioners of 4 · 2 take new patients · 1 declaration needs updating');
      await showColumns(el, 'visibility');
      expect(cellOf(el, 'Hélène', 'visibility')).to.equal('Network only');
      expect(cellOf(el, 'Julie', 'freshness')).to.equal('Never declared');
    });
  });
});
