import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {RequestStatus} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import type {CptsErrorEvent, CptsRequestStatus} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

type Answer = {status: number; body: unknown; headers?: Record<string, string>} | 'network-error';

const notFound = {type: 'https://cpts-kit.fr/problems/not_found', title: 'Demande introuvable', status: 404, code: 'not_found'};
const tooMany = {type: 'https://cpts-kit.fr/problems/rate_limited', title: 'Trop d’essais', status: 429, code: 'rate_limited', retryAfter: 300};

function found(overrides: Partial<RequestStatus> = {}): RequestStatus {
  return {
    reference: 'DEMO-2026-000123',
    status: 'received',
    receivedOn: '2026-03-03',
    since: '2026-03-03',
    closedBecause: null,
    territory: {name: 'CPTS de l’Audomarois', phone: '0321000000'},
    ...overrides,
  };
}

/** The API as the widget sees it: the territory, and the status lookup answering from a queue. */
class StatusServer {
  readonly lookups: unknown[] = [];
  constructor(private readonly answers: Answer[] = []) {}

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.method === 'GET') return json(200, demoTerritory());
    this.lookups.push(await request.json());
    const answer = this.answers.shift() ?? {status: 200, body: found()};
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return json(answer.status, answer.body, answer.headers);
  };

  client(): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry: 0});
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {status, headers: {'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers}});
}

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const input = (el: HTMLElement, id: string) => root(el).getElementById(id) as HTMLInputElement;
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);

async function ready(server: StatusServer, lang = 'fr'): Promise<CptsRequestStatus> {
  const el = await fixture<CptsRequestStatus>(html`<cpts-request-status .client=${server.client()} lang=${lang}></cpts-request-status>`);
  await until(() => part(el, 'form') !== null, 'the form');
  return el;
}

function fill(el: HTMLElement, values: {reference?: string; day?: string; month?: string; year?: string}): void {
  const ids = {reference: 'reference', day: 'birth-day', month: 'birth-month', year: 'birth-year'} as const;
  for (const [key, value] of Object.entries(values)) {
    const target = input(el, ids[key as keyof typeof ids]);
    target.value = value;
    target.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  }
}

const rightPair = {reference: 'DEMO-2026-000123', day: '4', month: '7', year: '1951'};

async function lookUp(el: CptsRequestStatus, values = rightPair): Promise<void> {
  fill(el, values);
  part(el, 'submit')!.click();
  await until(() => root(el).querySelector('.outcome > :not(.status)') !== null, 'an outcome');
  await el.updateComplete;
}

describe('<cpts-request-status>', () => {
  it('sends the reference and the birth date, and says in plain words that the request was received', async () => {
    const server = new StatusServer();
    const el = await ready(server);
    await lookUp(el, {...rightPair, reference: ' demo-2026-000123 '});
    expect(server.lookups).to.deep.equal([{reference: 'DEMO-2026-000123', birthDate: '1951-07-04'}]);
    const answer = part(el, 'answer');
    expect(text(answer?.querySelector('h3'))).to.equal('Demande DEMO-2026-000123');
    expect(text(answer)).to.contain('Reçue le 3 mars 2026. La CPTS vous appellera');
    const phone = answer?.querySelector<HTMLAnchorElement>('[part~="phone"]');
    expect(phone?.getAttribute('href')).to.equal('tel:+33321000000');
    expect(text(phone)).to.equal('Appeler la CPTS au 03 21 00 00 00');
    await expect(el).to.be.accessible();
  });

  const steps: [Partial<RequestStatus>, string, string][] = [
    [{status: 'in_progress', since: '2026-03-10'}, 'En cours', 'La CPTS s’en occupe depuis le 10 mars 2026'],
    [{status: 'oriented', since: '2026-03-12'}, 'Orientée vers un médecin', 'Orientée vers un médecin le 12 mars 2026'],
    [{status: 'resolved', since: '2026-04-01'}, 'Solution trouvée', 'un médecin traitant vous suit'],
    [{status: 'closed', since: '2026-04-02', closedBecause: 'unreachable'}, 'Clôturée', 'Clôturée le 2 avril 2026. La CPTS n’a pas réussi à vous joindre'],
    [{status: 'closed', since: '2026-04-02', closedBecause: 'duplicate'}, 'Clôturée', 'double emploi'],
  ];
  for (const [status, label, sentence] of steps) {
    it(`words the step « ${label} » (${status.closedBecause ?? status.status})`, async () => {
      const el = await ready(new StatusServer([{status: 200, body: found(status)}]));
      await lookUp(el);
      expect(text(part(el, 'answer')?.querySelector('.progress'))).to.equal(label);
      expect(text(part(el, 'answer'))).to.contain(sentence);
    });
  }

  it('announces the answer through a polite live region', async () => {
    const el = await ready(new StatusServer());
    const live = root(el).querySelector('[aria-live="polite"]');
    expect(live).to.not.equal(null);
    await lookUp(el);
    expect(live?.contains(part(el, 'answer'))).to.equal(true);
  });

  it('gives the one generic answer to a wrong pair, with the CPTS’s phone, and keeps what was typed', async () => {
    const el = await ready(new StatusServer([{status: 404, body: notFound}]));
    await lookUp(el);
    const message = part(el, 'not-found');
    expect(text(message)).to.contain('Nous ne trouvons pas de demande avec ces informations.');
    expect(message?.querySelector('a')?.getAttribute('href')).to.equal('tel:+33321000000');
    expect(input(el, 'reference').value).to.equal('DEMO-2026-000123');
    expect(part(el, 'answer')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says how many minutes to wait after too many tries, and reports the error', async () => {
    const el = await ready(new StatusServer([{status: 429, body: tooMany, headers: {'Retry-After': '300'}}]));
    const errors: unknown[] = [];
    el.addEventListener('cpts-error', (e: CptsErrorEvent) => errors.push(e.error));
    await lookUp(el);
    expect(text(root(el).querySelector('.outcome'))).to.contain('Trop d’essais, réessayez dans 5 minutes.');
    expect(errors).to.have.length(1);
  });

  it('says the search failed when the network is down, with the phone', async () => {
    const el = await ready(new StatusServer(['network-error']));
    await lookUp(el);
    expect(text(root(el).querySelector('.outcome'))).to.contain('La recherche n’a pas abouti.');
    expect(root(el).querySelector('.outcome a')?.getAttribute('href')).to.equal('tel:+33321000000');
  });

  describe('when a field is wrong', () => {
    it('sends nothing, lists each problem in a focused summary and puts each message by its field', async () => {
      const server = new StatusServer();
      const el = await ready(server);
      fill(el, {reference: 'DEMO-26', day: '31', month: '2', year: '1951'});
      part(el, 'submit')!.click();
      await until(() => root(el).querySelector('.error-summary') !== null, 'the summary');
      expect(server.lookups).to.have.length(0);
      const summary = root(el).querySelector<HTMLElement>('.error-summary')!;
      expect(root(el).activeElement).to.equal(summary);
      expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal([
        'Référence de la demande : La référence s’écrit comme sur le récépissé, par exemple DEMO-2026-000123',
        'Date de naissance de la personne inscrite : La date de naissance doit être une vraie date, comme 27 3 1950',
      ]);
      expect(input(el, 'reference').getAttribute('aria-invalid')).to.equal('true');
      expect(input(el, 'reference').getAttribute('aria-describedby')).to.contain('reference-error');
      expect(text(root(el).getElementById('reference-error'))).to.contain('Erreur :');
      await expect(el).to.be.accessible();
      summary.querySelector('a')!.click();
      expect(root(el).activeElement).to.equal(input(el, 'reference'));
    });

    it('asks for both fields when nothing is typed, and refuses a birth date in the future', async () => {
      const el = await ready(new StatusServer());
      part(el, 'submit')!.click();
      await until(() => root(el).querySelector('.error-summary') !== null, 'the summary');
      expect(text(root(el).getElementById('reference-error'))).to.contain('Indiquez la référence de la demande');
      expect(text(root(el).getElementById('birth-error'))).to.contain('Indiquez la date de naissance');
      fill(el, {...rightPair, year: String(new Date().getFullYear() + 1)});
      part(el, 'submit')!.click();
      await until(() => root(el).getElementById('reference-error') === null, 'the reference accepted');
      expect(text(root(el).getElementById('birth-error'))).to.contain('La date de naissance doit être passée');
    });

    it('puts the server’s field errors by their fields', async () => {
      const problem = {
        ...notFound,
        status: 400,
        code: 'validation',
        errors: [{path: 'birthDate', code: 'custom', message: 'la date de naissance doit être passée et plausible'}],
      };
      const el = await ready(new StatusServer([{status: 400, body: problem}]));
      fill(el, rightPair);
      part(el, 'submit')!.click();
      await until(() => root(el).getElementById('birth-error') !== null, 'the field error');
      expect(input(el, 'birth-day').getAttribute('aria-invalid')).to.equal('true');
    });
  });

  it('can be used with the keyboard alone: type, submit with Enter, then start again', async () => {
    const server = new StatusServer();
    const el = await ready(server);
    input(el, 'reference').focus();
    await sendKeys({type: 'DEMO-2026-000123'});
    await sendKeys({press: 'Tab'});
    expect(root(el).activeElement).to.equal(input(el, 'birth-day'));
    await sendKeys({type: '4'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: '7'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: '1951'});
    await sendKeys({press: 'Enter'});
    await until(() => part(el, 'answer') !== null, 'the answer');
    expect(server.lookups).to.deep.equal([{reference: 'DEMO-2026-000123', birthDate: '1951-07-04'}]);
    part(el, 'answer')!.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({press: 'Enter'});
    await until(() => part(el, 'answer') === null, 'the form again');
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(input(el, 'reference'));
    expect(input(el, 'reference').value).to.equal('');
  });

  it('speaks English', async () => {
    const el = await ready(
      new StatusServer([
        {status: 200, body: found({status: 'oriented', since: '2026-03-12'})},
        {status: 404, body: notFound},
      ]),
      'en',
    );
    expect(text(root(el).querySelector('h2'))).to.equal('Where does my request stand?');
    expect(text(root(el).getElementById('reference-hint'))).to.match(/^It is on the receipt, for example: DEMO-\d{4}-000123$/);
    await lookUp(el);
    expect(text(part(el, 'answer'))).to.contain('Referred to a doctor on 12 March 2026.');
    await el.reset();
    await lookUp(el);
    expect(text(part(el, 'not-found'))).to.contain('We cannot find a request with these details.');
    await expect(el).to.be.accessible();
  });

  it('shows the CPTS’s phone before any lookup, for those who prefer to call', async () => {
    const el = await ready(new StatusServer());
    expect(text(root(el).querySelector('.alternative'))).to.equal('Vous pouvez aussi appeler la CPTS au 03 21 00 00 00.');
    await expect(el).to.be.accessible();
  });

  it('inside <cpts-provider>, uses the provider’s client and territory: one territory request for the page', async () => {
    const server = new StatusServer();
    let territoryGets = 0;
    const counting = createClient({
      baseUrl: 'http://api.test',
      territory: 'demo',
      retry: 0,
      fetch: (input, init) => {
        // the method without building a Request, which would take the body away from the real fetch
        if ((init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase() === 'GET') territoryGets += 1;
        return server.fetch(input, init);
      },
    });
    const wrapper = await fixture<HTMLElement>(html`<cpts-provider .client=${counting}><cpts-request-status></cpts-request-status></cpts-provider>`);
    const el = wrapper.querySelector('cpts-request-status') as CptsRequestStatus;
    await until(() => part(el, 'form') !== null, 'the form');
    await lookUp(el);
    expect(text(part(el, 'answer'))).to.contain('Reçue le 3 mars 2026');
    expect(territoryGets).to.equal(1);
  });
});
