import {expect, fixture, html} from '@open-wc/testing';
import type {BoardRow, FieldError, Practitioner, PractitionerImportResult} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import {countDataRows, personalLinkUrl, templateCsv, type CptsPractitionerManager} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

type Reply = {status: number; body?: unknown};

let counter = 0;
function practitioner(fields: Partial<Practitioner> = {}): Practitioner {
  counter++;
  const firstName = fields.firstName ?? 'Claire';
  const lastName = fields.lastName ?? `Lefebvre${counter}`;
  const title = fields.title ?? null;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    rpps: null,
    profession: 'medecin_generaliste',
    title,
    firstName,
    lastName,
    displayName: [title, firstName, lastName].filter(Boolean).join(' '),
    practiceName: null,
    address: null,
    communeInsee: '62765',
    location: {lat: 50.75, lng: 2.25},
    phone: null,
    email: null,
    active: true,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    availability: null,
    freshness: 'never',
    ...fields,
  };
}

function problem(status: number, errors?: FieldError[], code = status === 422 ? 'validation_failed' : 'error') {
  return {type: `https://cpts-kit.fr/problems/${code}`, title: 'Erreur', status, code, ...(errors ? {errors} : {})};
}

const importResult = (fields: Partial<PractitionerImportResult> = {}): PractitionerImportResult => ({
  dryRun: true,
  rows: 2,
  created: 1,
  updated: 1,
  encoding: 'utf-8',
  delimiter: ';',
  columns: [{column: 'nom', field: 'lastName'}],
  warnings: [],
  preview: [
    {line: 2, action: 'create', id: null, practitioner: {profession: 'infirmier', firstName: 'Paul', lastName: 'Martin', communeInsee: '62040'}},
    {
      line: 3,
      action: 'update',
      id: '00000000-0000-4000-8000-000000000999',
      practitioner: {profession: 'medecin_generaliste', title: 'Dr', firstName: 'Anne', lastName: 'Leroy', communeInsee: '62765'},
    },
  ],
  ...fields,
});

/** The API at the `fetch` level; the SDK and the widgets above it are the real code. */
class PractitionersApi {
  readonly requests: {method: string; url: URL; body: string}[] = [];
  practitioners: Practitioner[];
  tokens = new Set(['good-token']);
  /** Answers to the next POST/PATCH of a practitioner, before the fake's own. */
  saveReplies: Reply[] = [];
  /** Answers to the next imports (dry run or not). */
  importReplies: Reply[] = [];
  /** Answers to the next reads of the list, before the fake's own. */
  boardReplies: Reply[] = [];
  issued = 0;

  constructor(
    practitioners: Practitioner[] = [
      practitioner({title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre'}),
      practitioner({firstName: 'Marc', lastName: 'Dubois', profession: 'infirmier', communeInsee: '62040'}),
    ],
  ) {
    this.practitioners = practitioners;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'GET' ? '' : await request.text();
    this.requests.push({method: request.method, url, body});
    const reply = this.route(request, url, body);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: {'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json'},
    });
  };

  private board(): {items: BoardRow[]; counts: object; staleAfterDays: number} {
    const items = this.practitioners.map((p): BoardRow => ({
      practitionerId: p.id,
      displayName: p.displayName,
      profession: p.profession,
      communeInsee: p.communeInsee,
      location: p.location,
      active: p.active,
      availability: null,
      freshness: 'never',
      daysSinceDeclaration: null,
    }));
    return {items, counts: {total: items.length, fresh: 0, stale: 0, never: items.length, accepting: 0}, staleAfterDays: 30};
  }

  private route(request: Request, url: URL, body: string): Reply {
    const path = url.pathname;
    const auth = request.headers.get('authorization')?.replace(/^Bearer /, '');
    if (path === '/v1/territories/demo') return {status: 200, body: demoTerritory()};
    if (auth === undefined || !this.tokens.has(auth)) return {status: 401, body: problem(401)};
    if (path === '/v1/territories/demo/availability-board') return this.boardReplies.shift() ?? {status: 200, body: this.board()};
    if (path === '/v1/territories/demo/practitioners/import') {
      return this.importReplies.shift() ?? {status: 200, body: importResult({dryRun: url.searchParams.get('dryRun') === 'true'})};
    }
    if (path === '/v1/territories/demo/practitioners' && request.method === 'POST') {
      const reply = this.saveReplies.shift();
      if (reply) return reply;
      const created = practitioner(JSON.parse(body) as Partial<Practitioner>);
      this.practitioners.push(created);
      return {status: 201, body: created};
    }
    const one = /^\/v1\/territories\/demo\/practitioners\/([^/]+)(\/link)?$/.exec(path);
    const target = one ? this.practitioners.find((p) => p.id === one[1]) : undefined;
    if (!one || !target) return {status: 404, body: problem(404)};
    if (one[2] && request.method === 'POST') {
      this.issued++;
      return {status: 201, body: {practitionerId: target.id, token: `tok-${this.issued}_secret`, expiresAt: '2027-12-01T10:00:00.000Z'}};
    }
    if (one[2] && request.method === 'DELETE') return {status: 204};
    if (request.method === 'GET') return {status: 200, body: target};
    if (request.method === 'PATCH') {
      const reply = this.saveReplies.shift();
      if (reply) return reply;
      Object.assign(target, JSON.parse(body));
      target.displayName = [target.title, target.firstName, target.lastName].filter(Boolean).join(' ');
      return {status: 200, body: target};
    }
    if (request.method === 'DELETE') {
      this.practitioners = this.practitioners.filter((p) => p !== target);
      return {status: 204};
    }
    return {status: 404, body: problem(404)};
  }

  client(): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry: 0});
  }
}

function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part="row"]')];
const rowName = (r: Element) => text(r.querySelector('th'));
const rowOf = (el: Element, name: string) => rows(el).find((r) => rowName(r).startsWith(name));
/** Opens the row's one menu of actions, as a keyboard user would with Enter. */
const openMenu = (row: Element) => row.querySelector<HTMLButtonElement>('.menu > button')!.click();
const button = (scope: ParentNode, label: string) => {
  const found = [...scope.querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button « ${label} »`);
  return found;
};
const editor = (el: Element) => $(el, 'cpts-practitioner-editor')!;
const importer = (el: Element) => $(el, 'cpts-practitioner-import')!;

async function settle(...elements: Element[]): Promise<void> {
  for (const e of elements) await (e as unknown as {updateComplete: Promise<unknown>}).updateComplete;
}

async function typeIn(el: Element, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await settle(el);
}

async function choose(el: Element, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true, composed: true}));
  await settle(el);
}

async function manager(api: PractitionersApi, attrs: {lang?: string; theme?: string; linkBase?: string} = {}): Promise<CptsPractitionerManager> {
  return fixture<CptsPractitionerManager>(
    html`<cpts-practitioner-manager .client=${api.client()} lang=${attrs.lang ?? 'fr'} theme=${attrs.theme ?? 'default'} link-base=${attrs.linkBase ?? ''}></cpts-practitioner-manager>`,
  );
}

async function signedIn(api = new PractitionersApi(), attrs: {lang?: string; theme?: string; linkBase?: string} = {}): Promise<CptsPractitionerManager> {
  const el = await manager(api, attrs);
  await typeIn(el, '#pm-token', 'good-token');
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await until(() => rows(el).length === api.practitioners.length && rows(el).length > 0, 'the practitioners');
  // commune names come with the territory
  await until(() => !text(rows(el)[0]).includes('62765'), 'the commune names');
  return el;
}

async function chooseFile(el: CptsPractitionerManager, csv: string, name = 'praticiens.csv'): Promise<Element> {
  const imp = importer(el);
  if (imp.hasAttribute('hidden')) {
    root(el).querySelector<HTMLButtonElement>('button[aria-controls="pm-import"]')!.click();
    await settle(el);
  }
  const input = $<HTMLInputElement>(imp, '#pi-file')!;
  const files = new DataTransfer();
  files.items.add(new File([csv], name, {type: name.endsWith('.csv') ? 'text/csv' : 'application/pdf'}));
  input.files = files.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  // the previous file's summary goes first
  await settle(imp);
  await until(() => $(imp, '.file-summary') !== null || $(imp, '[role="alert"]') !== null, 'the file to be read');
  await settle(imp);
  return imp;
}

const CSV = 'rpps;profession;prenom;nom;commune_insee\n;infirmier;Paul;Martin;62040\n10003456786;medecin_generaliste;Anne;Leroy;62765\n';

describe('<cpts-practitioner-manager>', () => {
  describe('signing in', () => {
    it('says so by the field when the token is refused, and never stores the token', async () => {
      const api = new PractitionersApi();
      const el = await manager(api);
      await typeIn(el, '#pm-token', 'bad-token');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await until(() => $(el, '#pm-token-error') !== null, 'the sign-in error');
      expect(text($(el, '#pm-token-error'))).to.include('n’est pas celui d’un coordinateur');
      expect($(el, '#pm-token')!.getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement?.id).to.equal('pm-token');
      expect(JSON.stringify({...localStorage, ...sessionStorage})).to.not.include('bad-token');
      expect(el.outerHTML).to.not.include('bad-token');
    });

    it('lists every practitioner once signed in, deactivated ones marked', async () => {
      const api = new PractitionersApi();
      api.practitioners.push(practitioner({firstName: 'Julie', lastName: 'Caron', active: false}));
      const el = await signedIn(api);
      expect(rows(el).map(rowName)).to.deep.equal(['Dr Claire Lefebvre', 'Marc Dubois', 'Julie Caron Désactivé']);
      expect(rowOf(el, 'Julie Caron')!.dataset.active).to.equal('false');
      expect([...rowOf(el, 'Marc Dubois')!.querySelectorAll('td')].slice(0, 2).map((td) => text(td))).to.deep.equal(['Infirmier(ère)', 'Arques']);
      expect(text($(el, '#pm-count'))).to.equal('3 praticiens');
    });

    it('finds practitioners by name, profession or commune, whatever the accents', async () => {
      const el = await signedIn();
      await typeIn(el, '#pm-q', 'INFIRMIER arques');
      expect(rows(el).map(rowName)).to.deep.equal(['Marc Dubois']);
      expect(text($(el, '#pm-count'))).to.equal('1 sur 2 praticiens');
      await typeIn(el, '#pm-q', 'lefebvre médecin');
      expect(rows(el).map(rowName)).to.deep.equal(['Dr Claire Lefebvre']);
      await typeIn(el, '#pm-q', 'kiné');
      expect(text($(el, '.empty'))).to.equal('Aucun praticien ne correspond à votre recherche.');
    });
    it('asks for a token again when it stops working, keeping the open editor and what was typed', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      button(root(el), 'Nouveau praticien').click();
      await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
      const form = editor(el);
      await settle(form);
      await choose(form, '#pe-profession', 'infirmier');
      await typeIn(form, '#pe-firstName', 'Paul');
      await typeIn(form, '#pe-lastName', 'Martin');
      await choose(form, '#pe-communeInsee', '62040');
      // the token is revoked while the page is open
      api.tokens = new Set(['new-token']);
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => $(el, '#pm-token') !== null, 'the sign-in form');
      await until(() => root(el).activeElement?.id === 'pm-token', 'focus on the token field');
      expect(text($(el, '#pm-token-error'))).to.include('il a expiré');
      await until(() => $(form, '[role="alert"]') !== null, 'the editor’s message');
      expect(text($(form, '[role="alert"]'))).to.include('Connectez-vous de nouveau, puis enregistrez');
      expect(text(root(el).firstElementChild)).to.not.include('401');
      expect(editor(el)).to.equal(form);
      await typeIn(el, '#pm-token', 'new-token');
      $<HTMLButtonElement>(el, '[part="sign-in"] button[type="submit"]')!.click();
      await until(() => $(el, '#pm-token') === null, 'the sign-in form to go');
      expect(editor(el)).to.equal(form);
      expect($<HTMLInputElement>(form, '#pe-lastName')!.value).to.equal('Martin');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => rowOf(el, 'Paul Martin') !== undefined, 'the new practitioner');
      expect(text($(el, '[part="status"]'))).to.equal('Paul Martin est enregistré.');
    });

    it('asks for a token again when an action is refused, instead of an error code', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      api.tokens = new Set();
      button(rowOf(el, 'Marc Dubois')!, 'Désactiver').click();
      await until(() => $(el, '#pm-token') !== null, 'the sign-in form');
      expect($(el, '.failure')).to.equal(null);
      expect(rows(el)).to.have.length(2);
    });

    it('gives focus to the token field once signed out', async () => {
      const el = await signedIn();
      button(root(el), 'Se déconnecter').click();
      await until(() => root(el).activeElement?.id === 'pm-token', 'focus on the token field');
    });
  });

  describe('creating a practitioner', () => {
    it('shows every error by its field under a focused summary, then saves once corrected', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      button(root(el), 'Nouveau praticien').click();
      await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
      const form = editor(el);
      await settle(form);
      await typeIn(form, '#pe-rpps', '12345678901');
      await typeIn(form, '#pe-phone', '12');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => $(form, '.error-summary') !== null, 'the summary');
      await settle(form);
      expect(root(form).activeElement?.classList.contains('error-summary')).to.equal(true);
      const summary = [...root(form).querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
      expect(summary).to.deep.equal(['#pe-profession', '#pe-firstName', '#pe-lastName', '#pe-rpps', '#pe-communeInsee', '#pe-phone']);
      // a list starts on « Choisissez… », never on its first entry
      expect($<HTMLSelectElement>(form, '#pe-communeInsee')!.selectedOptions[0]!.textContent).to.equal('Choisissez…');
      expect(text($(form, '#pe-communeInsee-error'))).to.equal('Erreur : Choisissez une commune');
      expect(text($(form, '#pe-rpps-error'))).to.include('11 chiffres');
      expect(text($(form, '#pe-lastName-error'))).to.equal('Erreur : Indiquez le nom');
      expect($(form, '#pe-rpps')!.getAttribute('aria-describedby')).to.equal('pe-rpps-hint pe-rpps-error');
      expect(api.requests.filter((r) => r.method === 'POST')).to.have.length(0);
      // the summary's link takes focus to its field
      root(form).querySelector<HTMLAnchorElement>('.error-summary a[href="#pe-rpps"]')!.click();
      expect(root(form).activeElement?.id).to.equal('pe-rpps');

      await choose(form, '#pe-profession', 'sage_femme');
      await typeIn(form, '#pe-firstName', 'Inès');
      await typeIn(form, '#pe-lastName', 'Carpentier');
      await typeIn(form, '#pe-rpps', '10003456786');
      await typeIn(form, '#pe-phone', '03 21 38 00 00');
      await choose(form, '#pe-communeInsee', '62040');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => rowOf(el, 'Inès Carpentier') !== undefined, 'the new practitioner');
      const sent: unknown = JSON.parse(api.requests.find((r) => r.method === 'POST')!.body);
      expect(sent).to.deep.equal({profession: 'sage_femme', firstName: 'Inès', lastName: 'Carpentier', rpps: '10003456786', communeInsee: '62040', phone: '03 21 38 00 00'});
      expect(text($(el, '[part="status"]'))).to.equal('Inès Carpentier est enregistré.');
      expect($(el, 'cpts-practitioner-editor')).to.equal(null);
    });

    it('puts the server’s field error on its field', async () => {
      const api = new PractitionersApi();
      api.saveReplies.push({status: 422, body: problem(422, [{path: 'communeInsee', code: 'unknown_commune', message: "cette commune n'appartient pas au territoire"}])});
      const el = await signedIn(api);
      button(root(el), 'Nouveau praticien').click();
      await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
      const form = editor(el);
      await settle(form);
      await choose(form, '#pe-profession', 'infirmier');
      await typeIn(form, '#pe-firstName', 'Paul');
      await typeIn(form, '#pe-lastName', 'Martin');
      await choose(form, '#pe-communeInsee', '62765');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => $(form, '#pe-communeInsee-error') !== null, 'the server’s error');
      await settle(form);
      expect(text($(form, '#pe-communeInsee-error'))).to.equal('Erreur : Cette commune n’appartient pas au territoire');
      expect($(form, '#pe-communeInsee')!.getAttribute('aria-invalid')).to.equal('true');
      expect(root(form).activeElement?.classList.contains('error-summary')).to.equal(true);
    });

    it('edits an existing practitioner, sending only what changed', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      button(rowOf(el, 'Marc Dubois')!, 'Modifier').click();
      await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
      const form = editor(el);
      await settle(form);
      expect($<HTMLInputElement>(form, '#pe-lastName')!.value).to.equal('Dubois');
      await typeIn(form, '#pe-email', 'marc.dubois@exemple.fr');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => api.requests.some((r) => r.method === 'PATCH'), 'the PATCH');
      expect(JSON.parse(api.requests.find((r) => r.method === 'PATCH')!.body)).to.deep.equal({email: 'marc.dubois@exemple.fr'});
    });
  });

  it('deactivates and reactivates a practitioner', async () => {
    const api = new PractitionersApi();
    const el = await signedIn(api);
    button(rowOf(el, 'Marc Dubois')!, 'Désactiver').click();
    await until(() => rowOf(el, 'Marc Dubois')?.dataset.active === 'false', 'the deactivation');
    expect(JSON.parse(api.requests.find((r) => r.method === 'PATCH')!.body)).to.deep.equal({active: false});
    expect(text(rowOf(el, 'Marc Dubois')!.querySelector('.badge-inactive'))).to.equal('Désactivé');
    expect(text($(el, '[part="status"]'))).to.include('Marc Dubois est désactivé');
    button(rowOf(el, 'Marc Dubois')!, 'Réactiver').click();
    await until(() => rowOf(el, 'Marc Dubois')?.dataset.active === 'true', 'the reactivation');
  });

  it('gives focus back to the row’s menu after an action, and when the editor closes', async () => {
    const el = await signedIn();
    const row = rowOf(el, 'Marc Dubois')!;
    const toggle = row.querySelector<HTMLButtonElement>('.menu > button')!;
    toggle.focus();
    toggle.click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    button(row, 'Désactiver').focus();
    button(row, 'Désactiver').click();
    await until(() => rowOf(el, 'Marc Dubois')?.dataset.active === 'false', 'the deactivation');
    await until(() => root(el).activeElement === toggle, 'focus on the row’s menu');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    openMenu(row);
    await settle(el);
    button(row, 'Modifier').click();
    await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
    await settle(editor(el));
    expect(root(editor(el)).activeElement?.id).to.equal('pe-heading');
    button(root(editor(el)), 'Annuler').click();
    await until(() => $(el, 'cpts-practitioner-editor') === null, 'the editor to close');
    await settle(el);
    expect(root(el).activeElement).to.equal(toggle);
  });

  it('names every button of the list uniquely, after the practitioner it acts on', async () => {
    const el = await signedIn();
    const names = [...root(el).querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? text(b));
    expect(new Set(names).size).to.equal(names.length);
    expect(names).to.include.members(['Actions pour Marc Dubois', 'Modifier Marc Dubois', 'Désactiver Marc Dubois', 'Supprimer Dr Claire Lefebvre']);
  });

  it('closes a row’s menu on Escape, giving focus back to its toggle', async () => {
    const el = await signedIn();
    const row = rowOf(el, 'Marc Dubois')!;
    openMenu(row);
    await settle(el);
    button(row, 'Modifier').focus();
    button(row, 'Modifier').dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}));
    await settle(el);
    expect(row.querySelector('.menu ul')!.hasAttribute('hidden')).to.equal(true);
    expect(root(el).activeElement).to.equal(row.querySelector('.menu > button'));
  });

  describe('personal links', () => {
    let copied: string | undefined;
    let fail = false;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    beforeEach(() => {
      copied = undefined;
      fail = false;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: async (value: string) => (fail ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : void (copied = value))},
      });
    });
    afterEach(() => {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    });

    it('shows the full link once, with the token in the fragment, and copies it', async () => {
      const el = await signedIn(new PractitionersApi(), {linkBase: 'https://cpts-exemple.fr/disponibilites/'});
      button(rowOf(el, 'Dr Claire Lefebvre')!, 'Émettre un lien personnel').click();
      await until(() => $(el, '[part="link"]') !== null, 'the link');
      await settle(el);
      const url = $<HTMLInputElement>(el, '#pm-link-url')!.value;
      expect(url).to.equal('https://cpts-exemple.fr/disponibilites/#token=tok-1_secret');
      expect(root(el).activeElement?.id).to.equal('pm-link-title');
      expect(text($(el, '[part="link"]'))).to.include('n’est affiché qu’une seule fois');
      button($(el, '[part="link"]')!, 'Copier le lien').click();
      await until(() => text($(el, '.copy-status')) !== '', 'the copy status');
      expect(copied).to.equal(url);
      expect(text($(el, '.copy-status'))).to.equal('Lien copié.');
      expect($(el, '.copy-status')!.getAttribute('role')).to.equal('status');
      // closed, the link is gone for good
      button($(el, '[part="link"]')!, 'Fermer').click();
      await settle(el);
      expect($(el, '[part="link"]')).to.equal(null);
      expect(root(el).innerHTML).to.not.include('tok-1_secret');
    });

    it('selects the link for Ctrl+C when the clipboard refuses', async () => {
      fail = true;
      const el = await signedIn();
      button(rowOf(el, 'Marc Dubois')!, 'Émettre un lien personnel').click();
      await until(() => $(el, '[part="link"]') !== null, 'the link');
      button($(el, '[part="link"]')!, 'Copier le lien').click();
      await until(() => text($(el, '.copy-status')) !== '', 'the copy status');
      const input = $<HTMLInputElement>(el, '#pm-link-url')!;
      expect(text($(el, '.copy-status'))).to.include('Ctrl+C');
      expect(root(el).activeElement).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
    });

    it('defaults to the example practitioner page on this origin', () => {
      expect(personalLinkUrl(undefined, 'a b')).to.equal(`${location.origin}/examples/practitioner.html#token=a%20b`);
    });

    it('revokes the links after a confirmation, and cancelling does nothing', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      button(rowOf(el, 'Marc Dubois')!, 'Révoquer les liens').click();
      await until(() => $<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog');
      expect(text($(el, '#pm-confirm-title'))).to.equal('Révoquer les liens de Marc Dubois ?');
      expect(root(el).activeElement?.id).to.equal('pm-confirm-cancel');
      button($(el, 'dialog')!, 'Annuler').click();
      await settle(el);
      expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
      expect(api.requests.some((r) => r.method === 'DELETE')).to.equal(false);

      button(rowOf(el, 'Marc Dubois')!, 'Révoquer les liens').click();
      await until(() => $<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog');
      button($(el, 'dialog')!, 'Révoquer').click();
      await until(() => text($(el, '[part="status"]')).includes('révoqués'), 'the notice');
      const revoke = api.requests.find((r) => r.method === 'DELETE')!;
      expect(revoke.url.pathname).to.equal(`/v1/territories/demo/practitioners/${api.practitioners[1]!.id}/link`);
    });
  });

  it('deletes a practitioner after a confirmation', async () => {
    const api = new PractitionersApi();
    const el = await signedIn(api);
    button(rowOf(el, 'Marc Dubois')!, 'Supprimer').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog');
    expect(text($(el, '#pm-confirm-text'))).to.include('définitive');
    button($(el, 'dialog')!, 'Supprimer définitivement').click();
    await until(() => rows(el).length === 1, 'the row to go');
    expect(text($(el, '[part="status"]'))).to.equal('Marc Dubois a été supprimé.');
  });

  it('says the list could not be read again after a delete, not that the delete failed', async () => {
    const api = new PractitionersApi();
    const el = await signedIn(api);
    const errors: Event[] = [];
    el.addEventListener('cpts-error', (e) => errors.push(e));
    api.boardReplies.push({status: 503, body: problem(503)});
    button(rowOf(el, 'Marc Dubois')!, 'Supprimer').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog');
    button($(el, 'dialog')!, 'Supprimer définitivement').click();
    await until(() => $(el, '.failure') !== null, 'the failure');
    expect(text($(el, '[part="status"]'))).to.equal('Marc Dubois a été supprimé.');
    expect(text($(el, '.failure'))).to.include('la liste n’a pas pu être rechargée');
    expect(errors).to.have.length(1);
  });

  it('says so when the list cannot be read again after a save', async () => {
    const api = new PractitionersApi();
    const el = await signedIn(api);
    button(rowOf(el, 'Marc Dubois')!, 'Modifier').click();
    await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
    const form = editor(el);
    await settle(form);
    api.boardReplies.push({status: 503, body: problem(503)});
    $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
    await until(() => $(el, '.failure') !== null, 'the failure');
    expect(text($(el, '[part="status"]'))).to.equal('Marc Dubois est enregistré.');
    expect(text($(el, '.failure'))).to.include('la liste n’a pas pu être rechargée');
  });

  describe('importing a CSV file', () => {
    it('shows every error of the dry run by line and column, in a table', async () => {
      const api = new PractitionersApi();
      api.importReplies.push({
        status: 422,
        body: problem(
          422,
          [
            {path: 'lines.2.rpps', code: 'invalid_rpps', message: 'numéro RPPS invalide (clé de contrôle)', line: 2, column: 'rpps'},
            {path: 'lines.3.communeInsee', code: 'unknown_commune', message: "la commune 59350 n'appartient pas au territoire", line: 3, column: 'commune_insee'},
          ],
          'import_invalid',
        ),
      });
      const el = await signedIn(api);
      const imp = await chooseFile(el, CSV);
      expect(text($(imp, '.file-summary'))).to.match(/^praticiens\.csv — 1\sko, 2 lignes de données$/i);
      button(root(imp), 'Vérifier le fichier').click();
      await until(() => $(imp, '[part="errors"]') !== null, 'the errors');
      await settle(imp);
      const request = api.requests.find((r) => r.url.pathname.endsWith('/import'))!;
      expect(request.url.searchParams.get('dryRun')).to.equal('true');
      expect(request.body).to.equal(CSV);
      const table = [...root(imp).querySelectorAll('[part="errors"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
      expect(table).to.deep.equal([
        ['2', 'rpps', 'numéro RPPS invalide (clé de contrôle)'],
        ['3', 'commune_insee', "la commune 59350 n'appartient pas au territoire"],
      ]);
      expect(text($(imp, '#pi-errors-title'))).to.equal('2 erreurs dans le fichier : rien n’a été enregistré');
      expect(root(imp).activeElement?.id).to.equal('pi-errors-title');
    });

    it('previews the dry run, then imports for real and lists the new practitioners', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      let imported: PractitionerImportResult | undefined;
      el.addEventListener('cpts-practitioners-imported', (e) => (imported = e.detail));
      const imp = await chooseFile(el, CSV);
      button(root(imp), 'Vérifier le fichier').click();
      await until(() => $(imp, '[part="preview"]') !== null, 'the preview');
      expect(text($(imp, '[part="preview"] p'))).to.include('1 praticien sera créé, 1 sera mis à jour');
      const table = [...root(imp).querySelectorAll('[part="preview"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
      expect(table).to.deep.equal([
        ['2', 'Création', 'Paul Martin', 'Infirmier(ère)', 'Arques'],
        ['3', 'Mise à jour', 'Dr Anne Leroy', 'Médecin généraliste', 'Saint-Omer'],
      ]);
      api.practitioners.push(practitioner({firstName: 'Paul', lastName: 'Martin'}));
      button(root(imp), 'Importer 2 lignes').click();
      await until(() => $(imp, '[part="done"]') !== null, 'the import');
      const sent = api.requests.filter((r) => r.url.pathname.endsWith('/import'));
      expect(sent.map((r) => r.url.searchParams.get('dryRun'))).to.deep.equal(['true', null]);
      expect(text($(imp, '[part="done"]'))).to.include('Import terminé : 1 créé, 1 mis à jour.');
      expect(imported?.created).to.equal(1);
      await until(() => rowOf(el, 'Paul Martin') !== undefined, 'the list read again');
    });

    it('shows an indeterminate progress with the size and row count while the server works', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow = createClient({baseUrl: 'http://api.test', territory: 'demo', retry: 0, token: 'good-token', fetch: async (i, init) => (await gate, api.fetch(i, init))});
      const imp = await chooseFile(el, CSV);
      (imp as unknown as {client: CptsClient}).client = slow;
      button(root(imp), 'Vérifier le fichier').click();
      await until(() => $(imp, 'progress') !== null, 'the progress');
      expect($(imp, 'progress')!.hasAttribute('value')).to.equal(false);
      expect(text($(imp, '[role="status"]'))).to.match(/^Vérification de 2 lignes \(1\sko\) en cours…$/i);
      expect($(imp, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      release();
      await until(() => $(imp, '[part="preview"]') !== null, 'the preview');
    });

    it('keeps focus in the import when Check gives way to Stop, and when the check fails or stops', async () => {
      const api = new PractitionersApi();
      const el = await signedIn(api);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // held until released, and cancelled by Stop, as a real request is
      const held = (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        const stopped = new Promise<never>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
        return Promise.race([stopped, gate.then(() => api.fetch(request))]);
      };
      const slow = createClient({baseUrl: 'http://api.test', territory: 'demo', retry: 0, token: 'good-token', fetch: held});
      const imp = await chooseFile(el, CSV);
      (imp as unknown as {client: CptsClient}).client = slow;
      button(root(imp), 'Vérifier le fichier').focus();
      button(root(imp), 'Vérifier le fichier').click();
      await until(() => text(root(imp).activeElement) === 'Arrêter', 'focus on Stop');
      (root(imp).activeElement as HTMLButtonElement).click();
      await until(() => root(imp).activeElement?.id === 'pi-file', 'focus on the file field once stopped');
      release();
      api.importReplies.push({status: 503, body: problem(503)});
      (imp as unknown as {client: CptsClient}).client = api.client().withToken('good-token');
      button(root(imp), 'Vérifier le fichier').click();
      await until(() => $(imp, '[role="alert"]') !== null, 'the failure');
      await until(() => root(imp).activeElement?.id === 'pi-file', 'focus on the file field once failed');
    });

    it('refuses a file that is not CSV, and counts rows without the header and blank lines', async () => {
      const el = await signedIn();
      const imp = await chooseFile(el, '%PDF-1.4', 'scan.pdf');
      expect(text($(imp, '[role="alert"]'))).to.equal('Choisissez un fichier .csv.');
      expect(await countDataRows(new Blob(['\uFEFFa;b\r\n1;2\r\n\r\n3;4']))).to.equal(2);
      expect(decodeURIComponent(templateCsv().split(',')[1]!)).to.match(/^\uFEFFrpps;profession;titre;prenom;nom;/);
    });
  });

  describe('accessibility', () => {
    const combos = [
      {lang: 'fr', theme: 'default'},
      {lang: 'fr', theme: 'civic'},
      {lang: 'en', theme: 'default'},
      {lang: 'en', theme: 'civic'},
    ];
    for (const attrs of combos) {
      it(`passes axe checks on every view (${attrs.lang}, ${attrs.theme})`, async () => {
        const api = new PractitionersApi();
        api.practitioners.push(practitioner({firstName: 'Julie', lastName: 'Caron', active: false}));
        const signIn = await manager(api, attrs);
        await typeIn(signIn, '#pm-token', 'bad-token');
        $<HTMLButtonElement>(signIn, 'button[type="submit"]')!.click();
        await until(() => $(signIn, '#pm-token-error') !== null, 'the sign-in error');
        await expect(signIn).to.be.accessible();

        const el = await signedIn(api, attrs);
        await expect(el).to.be.accessible();

        button(root(el), attrs.lang === 'fr' ? 'Nouveau praticien' : 'New practitioner').click();
        await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
        const form = editor(el);
        await settle(form);
        $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
        await until(() => $(form, '.error-summary') !== null, 'the summary');
        await expect(el).to.be.accessible();
        button(root(form), attrs.lang === 'fr' ? 'Annuler' : 'Cancel').click();
        await settle(el);

        button(rows(el)[0]!, attrs.lang === 'fr' ? 'Émettre un lien personnel' : 'Issue a personal link').click();
        await until(() => $(el, '[part="link"]') !== null, 'the link');
        await expect(el).to.be.accessible();

        const imp = await chooseFile(el, CSV);
        button(root(imp), attrs.lang === 'fr' ? 'Vérifier le fichier' : 'Check the file').click();
        await until(() => $(imp, '[part="preview"]') !== null, 'the preview');
        await expect(el).to.be.accessible();

        api.importReplies.push({
          status: 422,
          body: problem(422, [{path: 'lines.2.rpps', code: 'invalid_rpps', message: 'numéro RPPS invalide', line: 2, column: 'rpps'}], 'import_invalid'),
        });
        await chooseFile(el, CSV);
        button(root(imp), attrs.lang === 'fr' ? 'Vérifier le fichier' : 'Check the file').click();
        await until(() => $(imp, '[part="errors"]') !== null, 'the errors');
        await expect(el).to.be.accessible();

        openMenu(rows(el)[0]!);
        await settle(el);
        await expect(el).to.be.accessible();
        button(rows(el)[0]!, attrs.lang === 'fr' ? 'Supprimer' : 'Delete').click();
        await until(() => $<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog');
        await expect(el).to.be.accessible();
        $<HTMLDialogElement>(el, 'dialog')!.close();
      });
    }

    it('speaks English when asked', async () => {
      const el = await signedIn(new PractitionersApi(), {lang: 'en', theme: 'civic'});
      expect(text($(el, '#pm-title'))).to.equal('Practitioners of the territory');
      expect([...rowOf(el, 'Marc Dubois')!.querySelectorAll('td')].slice(0, 2).map((td) => text(td))).to.deep.equal(['Nurse', 'Arques']);
      expect(text($(el, '#pm-count'))).to.equal('2 practitioners');
    });

    it('separates a label from its error the English way in the error summary', async () => {
      const el = await signedIn(new PractitionersApi(), {lang: 'en'});
      button(root(el), 'New practitioner').click();
      await until(() => $(el, 'cpts-practitioner-editor') !== null, 'the editor');
      const form = editor(el);
      await settle(form);
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => $(form, '.error-summary') !== null, 'the summary');
      const links = [...root(form).querySelectorAll('.error-summary a')].map((a) => text(a));
      expect(links.length).to.be.greaterThan(0);
      for (const link of links) expect(link).to.match(/^[^:]*\S: /);
    });
  });
});
