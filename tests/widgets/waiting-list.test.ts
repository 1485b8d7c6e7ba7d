import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createClient, withdrawProposal} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import type {CptsWaitingList} from '../../packages/widgets/src/index.js';
import {createMockFetch, mockCoordinatorToken, type MockOptions} from '../../stories/mock-client.js';
import {until} from './fake-server.js';

interface Sent {
  method: string;
  url: URL;
  body: string;
  ifMatch: string | null;
}

function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part="row"]')];
const actions = (el: Element) => $(el, 'cpts-intake-actions')!;
const button = (scope: ParentNode, label: string) => {
  const found = [...scope.querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button « ${label} »`);
  return found;
};

/** The element focused, through every shadow root. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `matches` holds for the focused element, as a keyboard user would. */
async function tabTo(matches: (el: Element) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const active = deepActive();
    if (active && matches(active)) return;
    await sendKeys({press: 'Tab'});
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Set `refuse` to answer 401 to every coordinator request, as when the token is revoked mid-session. */
const token = {refuse: false};

async function waitingList(options: MockOptions & {lang?: string; theme?: string} = {}): Promise<{el: CptsWaitingList; sent: Sent[]}> {
  const sent: Sent[] = [];
  const mock = createMockFetch(options);
  token.refuse = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (token.refuse && request.headers.has('authorization')) {
      return new Response(JSON.stringify({type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Jeton invalide', status: 401, code: 'unauthorized'}), {
        status: 401,
        headers: {'content-type': 'application/problem+json'},
      });
    }
    sent.push({
      method: request.method,
      url: new URL(request.url),
      body: request.method === 'GET' ? '' : await request.clone().text(),
      ifMatch: request.headers.get('if-match'),
    });
    return mock(request);
  };
  const client = createClient({baseUrl: 'https://api.cpts-kit.invalid', territory: 'demo', lang: options.lang === 'en' ? 'en' : 'fr', fetch, retry: 0});
  const el = await fixture<CptsWaitingList>(
    html`<cpts-waiting-list .client=${client} .token=${mockCoordinatorToken} lang=${options.lang ?? 'fr'} theme=${options.theme ?? 'default'}></cpts-waiting-list>`,
  );
  await until(() => rows(el).length > 0 || $(el, '[part="empty"]') !== null, 'the list');
  // commune names come with the territory
  await until(() => rows(el).length === 0 || !/^\d{5}$/.test(text(rows(el)[0]!.querySelectorAll('td')[2])), 'the commune names');
  return {el, sent};
}

async function openRow(el: CptsWaitingList, index = 0): Promise<void> {
  rows(el)[index]!.querySelector<HTMLButtonElement>('button')!.click();
  await until(() => $(el, '[part="detail"]') !== null && $(el, 'cpts-intake-actions')?.shadowRoot?.querySelector('form') != null, 'the request');
}

async function choose(scope: Element, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(scope, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true, composed: true}));
  await (scope as unknown as {updateComplete: Promise<unknown>}).updateComplete;
}

async function typeIn(scope: Element, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(scope, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await (scope as unknown as {updateComplete: Promise<unknown>}).updateComplete;
}

describe('<cpts-waiting-list>', () => {
  it('shows the counts per status and lists priority requests first', async () => {
    const {el} = await waitingList();
    const tabs = [...root(el).querySelectorAll('[part="tabs"] button')].map((b) => text(b));
    expect(tabs[0]).to.equal('Toutes (12)');
    expect(tabs).to.include('Reçue (6)');
    const badges = rows(el).map((r) => r.querySelectorAll('.badge.priority').length > 0);
    // once a row without a criterion shows, no row with one follows
    expect(badges.indexOf(false)).to.be.greaterThan(0);
    expect(badges.slice(badges.indexOf(false))).to.not.include(true);
  });

  it('searches by last name in a POST body, never in the URL', async () => {
    const {el, sent} = await waitingList();
    await typeIn(el, '#wl-search', 'Dupont');
    $<HTMLFormElement>(el, 'form[part="search"]')!.requestSubmit();
    await until(() => text($(el, 'caption')).includes('Dupont'), 'the results');
    expect(rows(el).every((r) => text(r).includes('DUPONT'))).to.equal(true);
    const search = sent.find((s) => s.url.pathname.endsWith('/intake-requests/search'))!;
    expect(search.method).to.equal('POST');
    expect(JSON.parse(search.body)).to.include({text: 'Dupont'});
    expect(sent.some((s) => s.url.href.includes('Dupont'))).to.equal(false);
  });

  it('filters by status from the tabs, and pages with « Afficher plus »', async () => {
    const {el, sent} = await waitingList({waitingList: 'many'});
    expect(rows(el)).to.have.length(50);
    $<HTMLButtonElement>(el, '#wl-more')!.click();
    await until(() => rows(el).length === 100, 'the next page');
    expect(sent.at(-1)!.url.searchParams.get('cursor')).to.equal('50');
    button(root(el), text([...root(el).querySelectorAll('[part="tabs"] button')].find((b) => text(b).startsWith('Close')))).click();
    await until(() => rows(el).length > 0 && rows(el).every((r) => r.dataset['status'] === 'closed'), 'the closed requests');
    expect(sent.at(-1)!.url.searchParams.get('status')).to.equal('closed');
  });

  describe('keyboard only', () => {
    it('finds a priority request, opens it, logs a call, orients and resolves it, and goes back to its row', async () => {
      const {el, sent} = await waitingList();
      $<HTMLInputElement>(el, '#wl-search')!.focus();
      await sendKeys({type: 'Dupont'});
      await sendKeys({press: 'Enter'});
      await until(() => text($(el, 'caption')).includes('Dupont'), 'the results');
      const target = rows(el).find((r) => r.querySelector('.badge.priority') && r.dataset['status'] === 'received')!;
      const id = target.dataset['id']!;
      await tabTo((a) => a.id === `wl-open-${id}`, 'the row');
      await sendKeys({press: 'Enter'});
      await until(() => deepActive()?.id === 'wl-d-title', 'the request, focused');

      const form = actions(el);
      await tabTo((a) => a.id === 'ia-outcome', 'the outcome');
      await sendKeys({press: 'ArrowDown'});
      await tabTo((a) => a.id === 'ia-call-submit', 'Noter un appel');
      await sendKeys({press: 'Enter'});
      await until(() => text($(el, '[part="history"]')).includes('Appel'), 'the call in the history');
      expect(sent.find((s) => s.url.pathname.endsWith('/calls'))!.ifMatch).to.equal('"r1"');

      await tabTo((a) => a.id === 'ia-to', 'the status');
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'ArrowDown'});
      expect($<HTMLSelectElement>(form, '#ia-to')!.value).to.equal('oriented');
      await tabTo((a) => a.id === 'ia-transition-submit', 'Changer le statut');
      await sendKeys({press: 'Enter'});
      await until(() => text($(el, '[part="detail"] .badges')).includes('Orientée'), 'oriented');

      await tabTo((a) => a.id === 'ia-to', 'the status');
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'ArrowDown'});
      expect($<HTMLSelectElement>(form, '#ia-to')!.value).to.equal('resolved');
      await tabTo((a) => a.id === 'ia-transition-submit', 'Changer le statut');
      await sendKeys({press: 'Enter'});
      await until(() => text($(el, '[part="detail"] .badges')).includes('Résolue'), 'resolved');
      const moves = sent.filter((s) => s.url.pathname.endsWith('/transitions'));
      expect(moves.map((m) => [(JSON.parse(m.body) as {to: string}).to, m.ifMatch])).to.deep.equal([
        ['oriented', '"r2"'],
        ['resolved', '"r3"'],
      ]);

      $<HTMLButtonElement>(el, '#wl-back')!.focus();
      await sendKeys({press: 'Enter'});
      await until(() => deepActive()?.id === `wl-open-${id}`, 'focus back on the row');
    });
  });

  describe('when someone changed the request meanwhile', () => {
    it('says so, offers « Recharger » and keeps what was typed', async () => {
      const {el} = await waitingList({waitingList: 'stale'});
      await openRow(el);
      const form = actions(el);
      await choose(form, '#ia-outcome', 'voicemail');
      await typeIn(form, '#ia-callNote', 'Rappeler demain');
      $<HTMLButtonElement>(form, '#ia-call-submit')!.click();
      await until(() => $(form, '[part="stale"]') !== null, 'the stale message');
      expect(text($(form, '[part="stale"]'))).to.include('Quelqu’un a modifié cette demande');
      expect(deepActive()?.id).to.equal('ia-reload');
      $<HTMLButtonElement>(form, '#ia-reload')!.click();
      await until(() => $(form, '[part="stale"]') === null, 'reloaded');
      expect($<HTMLTextAreaElement>(form, '#ia-callNote')!.value).to.equal('Rappeler demain');
      expect($<HTMLSelectElement>(form, '#ia-outcome')!.value).to.equal('voicemail');
    });
  });

  describe('when the token is refused mid-session', () => {
    it('asks for the token again and keeps what was typed', async () => {
      const {el, sent} = await waitingList();
      await openRow(el);
      const form = actions(el);
      await choose(form, '#ia-outcome', 'no_answer');
      await typeIn(form, '#ia-callNote', 'Troisième appel sans réponse');
      token.refuse = true;
      $<HTMLButtonElement>(form, '#ia-call-submit')!.click();
      await until(() => $(el, '#wl-token') !== null, 'the token asked again');
      expect(text($(el, '[part="sign-in"]'))).to.include('ce que vous avez saisi est conservé');
      expect($(el, '[part="detail"]')).to.not.equal(null);
      token.refuse = false;
      await typeIn(el, '#wl-token', mockCoordinatorToken);
      $<HTMLFormElement>(el, '[part="sign-in"]')!.requestSubmit();
      await until(() => $(el, '#wl-token') === null, 'signed in again');
      await until(() => $(el, 'cpts-intake-actions') !== null, 'the request');
      const again = actions(el);
      expect($<HTMLTextAreaElement>(again, '#ia-callNote')!.value).to.equal('Troisième appel sans réponse');
      $<HTMLButtonElement>(again, '#ia-call-submit')!.click();
      await until(() => text($(el, '[part="history"]')).includes('Troisième appel'), 'the call');
      // the refused attempt never reached the API (the fake answered 401 before it): one call stored
      expect(sent.filter((s) => s.url.pathname.endsWith('/calls') && s.method === 'POST')).to.have.length(1);
    });
  });

  it('asks for a reason before closing, by the field', async () => {
    const {el, sent} = await waitingList();
    await openRow(el);
    const form = actions(el);
    await choose(form, '#ia-to', 'closed');
    $<HTMLButtonElement>(form, '#ia-transition-submit')!.click();
    await until(() => $(form, '.error-summary') !== null, 'the summary');
    expect(text($(form, '#ia-closeReason-error'))).to.include('Choisissez le motif de clôture');
    expect(deepActive()?.classList.contains('error-summary')).to.equal(true);
    expect(sent.some((s) => s.url.pathname.endsWith('/transitions'))).to.equal(false);
  });

  it('merges a possible duplicate', async () => {
    const {el, sent} = await waitingList();
    await typeIn(el, '#wl-search', 'DEMO-2026-000012');
    $<HTMLFormElement>(el, 'form[part="search"]')!.requestSubmit();
    await until(() => rows(el).length === 1, 'the request');
    await openRow(el);
    const form = actions(el);
    // named by its reference, without opening it
    expect(text($(form, '#ia-dup-title'))).to.equal('Doublon possible : DEMO-2026-000001');
    $<HTMLButtonElement>(form, '#ia-merge')!.click();
    await until(() => text($(el, '[part="history"]')).includes('Fusion'), 'the merge');
    expect(sent.find((s) => s.url.pathname.endsWith('/merge'))!.ifMatch).to.equal('"r1"');
  });

  it('assigns to the signed-in coordinator in one click, and suggests the coordinators’ names', async () => {
    const {el, sent} = await waitingList();
    await openRow(el);
    const form = actions(el);
    await until(() => $(form, '#ia-assign-me') !== null, '« M’attribuer »');
    const suggested = [...root(form).querySelectorAll<HTMLOptionElement>('#ia-assignees option')].map((o) => o.value);
    expect(suggested).to.include.members(['Claire (coordination)', 'Karim (coordination)', 'Coordination démo']);
    expect(text($(form, '#ia-assign-me'))).to.equal('M’attribuer');
    $<HTMLButtonElement>(form, '#ia-assign-me')!.click();
    await until(() => text($(form, '.notice')).includes('Demande attribuée à Coordination démo'), 'the assignment');
    const patch = sent.find((s) => s.method === 'PATCH' && /\/intake-requests\/[0-9a-f-]{36}$/.test(s.url.pathname))!;
    expect(JSON.parse(patch.body)).to.deep.equal({assignedTo: 'Coordination démo'});
    // already mine: no second « M'attribuer »
    await until(() => $(form, '#ia-assign-me') === null, 'the button gone');
    await expect(el).to.be.accessible();
  });

  describe('registering a person who called', () => {
    it('says what is missing by each field, then stores the request once', async () => {
      const {el, sent} = await waitingList();
      $<HTMLButtonElement>(el, '#wl-register')!.click();
      await until(() => $(el, 'cpts-assisted-intake')?.shadowRoot?.querySelector('form') != null, 'the form');
      const form = $(el, 'cpts-assisted-intake')!;
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => $(form, '.error-summary') !== null, 'the summary');
      expect(text($(form, '#ai-lastName-error'))).to.include('Indiquez le nom de famille');
      expect(text($(form, '#ai-requesterKind-error'))).to.include('Choisissez qui fait la demande');
      await choose(form, '#ai-requesterKind', 'self');
      await typeIn(form, '#ai-lastName', 'Bernard');
      await typeIn(form, '#ai-firstNames', 'Lucie');
      await typeIn(form, '#ai-birthDate', '12/03/1946');
      await typeIn(form, '#ai-phone', '06 11 22 33 44');
      await choose(form, '#ai-communeInsee', '62765');
      await choose(form, '#ai-reason', 'gp_retired');
      for (const q of ['ald', 'cssAme', 'pregnancy', 'disability', 'homeVisits', 'chronicFollowUp']) await choose(form, `#ai-${q}`, 'no');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => text($(el, '[part="status"]')).includes('DEMO-2026-000013'), 'the reference');
      const posts = sent.filter((s) => s.url.pathname.endsWith('/intake-requests/assisted'));
      expect(posts).to.have.length(1);
      expect(JSON.parse(posts[0]!.body)).to.deep.include({channel: 'phone'});
      expect((JSON.parse(posts[0]!.body) as {person: object}).person).to.include({lastName: 'Bernard', birthDate: '1946-03-12'});
    });
  });

  it('exports the filtered list as a CSV file through a Blob URL', async () => {
    const {el, sent} = await waitingList();
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      $<HTMLButtonElement>(el, '#wl-export')!.click();
      await until(() => created.length === 1, 'the file');
    } finally {
      URL.createObjectURL = original;
    }
    expect(await created[0]!.text()).to.include('DEMO-2026-000001');
    expect(sent.find((s) => s.url.pathname.endsWith('/export.csv'))!.url.searchParams.get('sort')).to.equal('triage');
  });

  it('checks an imported list first and shows the errors by line', async () => {
    const {el} = await waitingList({waitingList: 'import-errors'});
    $<HTMLButtonElement>(el, '#wl-import')!.click();
    await until(() => $(el, 'cpts-waiting-list-import')?.shadowRoot?.querySelector('#wi-file') != null, 'the import');
    const imp = $(el, 'cpts-waiting-list-import')!;
    const input = $<HTMLInputElement>(imp, '#wi-file')!;
    const files = new DataTransfer();
    files.items.add(new File(['Nom;Prénom\nDupont;Marie\n'], 'liste.csv', {type: 'text/csv'}));
    input.files = files.files;
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await (imp as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    button(root(imp), 'Vérifier le fichier').click();
    await until(() => $(imp, '[part="errors"]') !== null, 'the errors');
    expect(text($(imp, '[part="errors"]'))).to.include('Lille');
    await expect(el).to.be.accessible();
  });

  describe('« Praticiens possibles »', () => {
    const panel = (el: Element) => $(el, 'cpts-intake-matches')!;
    const matchRows = (el: Element, part: 'matches' | 'apart') => [...root(panel(el)).querySelectorAll<HTMLElement>(`[part="${part}"] > li`)];
    const matchRow = (el: Element, name: string) => [...root(panel(el)).querySelectorAll<HTMLElement>('li.match')].find((li) => text(li).includes(name))!;
    async function openMatches(options: MockOptions & {lang?: string; theme?: string} = {}) {
      const opened = await waitingList(options);
      await openRow(opened.el);
      await until(() => matchRows(opened.el, 'matches').length > 0, 'the matches');
      return opened;
    }
    const proposalsSent = (sent: Sent[]) => sent.filter((s) => s.method === 'POST' && s.url.pathname.endsWith('/proposals'));

    it('lists the matches best first with their reasons, the stale and never declared apart under their heading', async () => {
      const {el} = await openMatches();
      const ranked = matchRows(el, 'matches');
      expect(ranked.map((li) => text(li.querySelector('strong')))).to.deep.equal(['Dr Claire Lefebvre', 'Dr Paul Martin', 'Dr Inès Roussel']);
      expect(text(ranked[0]!.querySelector('.reasons'))).to.equal('même commune · 2 places ce mois-ci · déclaration d’il y a 3 jours');
      expect(text(ranked[1]!.querySelector('.reasons'))).to.equal('4 km · visites à domicile à Arques · sans quota déclaré · déclaration d’il y a 10 jours');
      const apart = $(panel(el), '[part="apart"]')!;
      expect(text($(panel(el), `#${apart.getAttribute('aria-labelledby')}`))).to.equal('À appeler avant de proposer');
      expect(matchRows(el, 'apart').map((li) => text(li.querySelector('.reasons')))).to.deep.equal([
        '5 km · déclaration ancienne (il y a 95 jours)',
        '8 km · aucune déclaration',
      ]);
      // the reasons describe each checkbox
      const box = ranked[0]!.querySelector('input')!;
      expect(text($(panel(el), `#${box.getAttribute('aria-describedby')!.split(' ')[0]}`))).to.include('même commune');
    });

    it('proposes to the chosen practitioners with the note, lists the proposal, reads the request again and withdraws', async () => {
      const {el, sent} = await openMatches();
      const p = panel(el);
      $<HTMLButtonElement>(p, '#im-propose')!.click();
      await until(() => $(p, '.error-summary') !== null, 'the summary');
      expect(text($(p, '#im-chosen-error'))).to.include('Choisissez au moins un praticien');
      expect(proposalsSent(sent)).to.have.length(0);
      for (const name of ['Dr Claire Lefebvre', 'Dr Marcel Caron']) matchRow(el, name).querySelector('input')!.click();
      await typeIn(p, '#im-note', 'Patiente âgée, besoin d’un suivi régulier');
      const readsBefore = sent.filter((s) => s.method === 'GET' && /\/intake-requests\/[0-9a-f-]{36}$/.test(s.url.pathname)).length;
      $<HTMLButtonElement>(p, '#im-propose')!.click();
      await until(() => root(p).querySelectorAll('[part="proposals"] li').length === 2, 'the proposals');
      const body = JSON.parse(proposalsSent(sent)[0]!.body) as {practitionerIds: string[]; note: string};
      expect(body.practitionerIds).to.deep.equal([matchRow(el, 'Dr Claire Lefebvre').dataset['id'], matchRow(el, 'Dr Marcel Caron').dataset['id']]);
      expect(body.note).to.equal('Patiente âgée, besoin d’un suivi régulier');
      expect(text($(p, '[role="status"]'))).to.equal('Demande proposée à 2 praticiens.');
      await until(() => sent.filter((s) => s.method === 'GET' && /\/intake-requests\/[0-9a-f-]{36}$/.test(s.url.pathname)).length > readsBefore, 'the request read again');
      const first = root(p).querySelector<HTMLElement>('[part="proposals"] li[data-status="pending"]')!;
      expect(text(first)).to.include('en attente de réponse');
      button(first, 'Retirer').click();
      await until(() => root(p).querySelectorAll('[part="proposals"] li[data-status="withdrawn"]').length === 1, 'the withdrawal');
      expect(text($(p, '[role="status"]'))).to.match(/^Proposition à Dr .+ retirée\.$/);
    });

    it('shows an at-quota refusal by the practitioner it concerns, and proposes nothing', async () => {
      const {el, sent} = await openMatches();
      const p = panel(el);
      for (const name of ['Dr Claire Lefebvre', 'Dr Inès Roussel']) matchRow(el, name).querySelector('input')!.click();
      $<HTMLButtonElement>(p, '#im-propose')!.click();
      await until(() => $(p, '[role="alert"]') !== null, 'the refusal');
      expect(proposalsSent(sent)).to.have.length(1);
      expect(text(matchRow(el, 'Dr Inès Roussel').querySelector('.field-error'))).to.equal('a atteint son quota de ce mois');
      expect(matchRow(el, 'Dr Claire Lefebvre').querySelector('.field-error')).to.equal(null);
      expect(text($(p, '[role="alert"]'))).to.include('Rien n’a été proposé');
      expect(text($(p, '[part="proposals"]'))).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('chooses with Space and proposes with Enter, keyboard only', async () => {
      const {el, sent} = await openMatches();
      const id = matchRow(el, 'Dr Paul Martin').dataset['id']!;
      await tabTo((a) => a.id === `im-p-${id}`, 'the checkbox');
      await sendKeys({press: 'Space'});
      await tabTo((a) => a.id === 'im-propose', '« Proposer »');
      await sendKeys({press: 'Enter'});
      await until(() => proposalsSent(sent).length === 1, 'the proposal');
      expect((JSON.parse(proposalsSent(sent)[0]!.body) as {practitionerIds: string[]}).practitionerIds).to.deep.equal([id]);
    });

    it('passes axe checks with its matches, in English too', async () => {
      const {el} = await openMatches({lang: 'en', theme: 'civic'});
      expect(text($(panel(el), '#im-heading'))).to.equal('Possible practitioners');
      expect(text(matchRow(el, 'Dr Claire Lefebvre').querySelector('.reasons'))).to.equal('same commune · 2 places left this month · declared 3 days ago');
      await expect(el).to.be.accessible();
    });
  });

  describe('a practitioner’s offer to take someone (pull mode)', () => {
    const offersBox = (el: Element) => $(el, 'cpts-practitioner-offers')!;
    const offerItems = (el: Element) => [...root(offersBox(el)).querySelectorAll<HTMLElement>('li')];
    const matchesPanel = (el: Element) => $(el, 'cpts-intake-matches')!;
    const offered = (el: Element) => $(el, 'cpts-intake-matches')?.shadowRoot?.querySelector<HTMLElement>('[part="proposals"] li[data-status="offered"]') ?? null;
    async function withOffers(options: {lang?: string; theme?: string} = {}) {
      const opened = await waitingList({waitingList: 'offers', ...options});
      await until(() => offerItems(opened.el).length === 2, 'the offers above the list');
      return opened;
    }
    async function openFirstOffer(el: CptsWaitingList): Promise<void> {
      offerItems(el)[0]!.querySelector('button')!.click();
      await until(() => offered(el) !== null, 'the offer in the request’s proposals');
    }

    it('lists the offers above the list, opens one’s request, and confirms it: the request is oriented', async () => {
      const {el, sent} = await withOffers();
      expect(text(root(offersBox(el)).querySelector('h3'))).to.equal('2 offres de praticien à confirmer');
      expect(text(offerItems(el)[0])).to.match(/^Ouvrir la demande DEMO-2026-\d{6} Dr Paul Martin, le /);
      await openFirstOffer(el);
      const p = matchesPanel(el);
      expect(text(offered(el))).to.include('offre du praticien, à confirmer');
      expect(text(offered(el))).to.include('Je la connais');
      // the offer's practitioner cannot be proposed to again meanwhile
      const martin = [...root(p).querySelectorAll<HTMLElement>('li.match')].find((li) => text(li).includes('Dr Paul Martin'))!;
      expect(martin.querySelector('input')!.disabled).to.equal(true);
      const confirm = offered(el)!.querySelector<HTMLButtonElement>('button')!;
      expect(confirm.getAttribute('aria-label')).to.equal('Confirmer l’offre de Dr Paul Martin');
      confirm.click();
      await until(() => root(p).querySelector('[part="proposals"] li[data-status="accepted"]') !== null, 'the confirmation');
      expect(sent.filter((s) => s.method === 'POST' && s.url.pathname.endsWith('/confirm'))).to.have.length(1);
      expect(text($(p, '[role="status"]'))).to.equal(
        'Offre de Dr Paul Martin confirmée : la demande est orientée, Dr Paul Martin voit maintenant les coordonnées de la personne.',
      );
      await until(() => text($(el, '[part="detail"] .badges')).includes('Orientée'), 'the request read again, oriented');
      // the buttons are gone: focus stays by the proposals
      await until(() => deepActive()?.id === 'im-proposals', 'focus on the proposals’ heading');
    });

    it('declines an offer with the keyboard only: the request stays open', async () => {
      const {el, sent} = await withOffers();
      await tabTo((a) => a.localName === 'button' && text(a).startsWith('Ouvrir la demande'), 'the first offer');
      await sendKeys({press: 'Enter'});
      await until(() => offered(el) !== null, 'the offer in the request’s proposals');
      const id = offered(el)!.dataset['id']!;
      await tabTo((a) => a.id === `im-decline-${id}`, '« Refuser »');
      await sendKeys({press: 'Enter'});
      const p = matchesPanel(el);
      await until(() => root(p).querySelector('[part="proposals"] li[data-status="withdrawn"]') !== null, 'the refusal');
      expect(sent.filter((s) => s.method === 'POST' && s.url.pathname.endsWith(`/proposals/${id}/withdraw`))).to.have.length(1);
      expect(text($(p, '[role="status"]'))).to.equal('Offre de Dr Paul Martin refusée : la demande reste ouverte.');
      expect(text($(el, '[part="detail"] .badges'))).to.not.include('Orientée');
    });

    it('says why a confirmation was refused, and shows what is true now', async () => {
      const {el} = await withOffers();
      await openFirstOffer(el);
      const p = matchesPanel(el);
      const confirm = offered(el)!.querySelector<HTMLButtonElement>('button')!;
      // another coordinator declined it meanwhile
      await withdrawProposal(el.client!.withToken(mockCoordinatorToken), offered(el)!.dataset['id']!);
      confirm.click();
      await until(() => $(p, '[role="alert"]') !== null, 'the refusal');
      expect(text($(p, '[role="alert"]'))).to.equal('Cette proposition est close.');
      await until(() => offered(el) === null, 'the offer shown as it is now');
    });

    it('passes axe checks with an offer, in English too', async () => {
      for (const attrs of [
        {lang: 'fr', theme: 'civic'},
        {lang: 'en', theme: 'default'},
      ]) {
        const {el} = await withOffers(attrs);
        if (attrs.lang === 'en') expect(text(root(offersBox(el)).querySelector('h3'))).to.equal('2 offers from practitioners to confirm');
        await expect(el).to.be.accessible();
        await openFirstOffer(el);
        if (attrs.lang === 'en') expect(offered(el)!.querySelector('button')!.getAttribute('aria-label')).to.equal('Confirm the offer from Dr Paul Martin');
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('accessibility', () => {
    for (const attrs of [
      {lang: 'fr', theme: 'default'},
      {lang: 'fr', theme: 'civic'},
      {lang: 'en', theme: 'default'},
      {lang: 'en', theme: 'civic'},
    ]) {
      it(`passes axe checks in the list and in a request (${attrs.lang}, ${attrs.theme})`, async () => {
        const {el} = await waitingList(attrs);
        await expect(el).to.be.accessible();
        await openRow(el);
        await expect(el).to.be.accessible();
        const form = actions(el);
        await choose(form, '#ia-to', 'closed');
        $<HTMLButtonElement>(form, '#ia-transition-submit')!.click();
        await until(() => $(form, '.error-summary') !== null, 'the summary');
        await expect(el).to.be.accessible();
      });
    }

    it('speaks English when asked', async () => {
      const {el} = await waitingList({lang: 'en'});
      expect(text($(el, '#wl-title'))).to.equal('Waiting list');
      expect(text(root(el).querySelector('[part="tabs"] button'))).to.equal('All (12)');
    });
  });
});
