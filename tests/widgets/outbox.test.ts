import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {OutboxSummary} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import type {CptsOutbox} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

const problem = (status: number) => ({type: `https://cpts-kit.fr/problems/e${status}`, title: 'Erreur', status, code: 'error'});

const waiting = (smtpConfigured: boolean): OutboxSummary => ({
  smtpConfigured,
  counts: {pending: 2, sending: 0, sent: 5, failed: 1, skipped: 0},
  items: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'receipt',
      status: 'pending',
      recipient: 'm•••@exemple.fr',
      attempts: 0,
      lastError: null,
      nextAttemptAt: '2026-12-01T09:00:00.000Z',
      createdAt: '2026-12-01T09:00:00.000Z',
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      kind: 'priority_alert',
      status: 'pending',
      recipient: 'coordination',
      attempts: 2,
      lastError: '451 Service temporairement indisponible',
      nextAttemptAt: '2026-12-01T09:30:00.000Z',
      createdAt: '2026-12-01T09:01:00.000Z',
    },
    {
      id: '00000000-0000-4000-8000-000000000003',
      kind: 'request_closed',
      status: 'failed',
      recipient: 'j•••@exemple.fr',
      attempts: 1,
      lastError: '550 Boîte inconnue',
      nextAttemptAt: '2026-12-01T08:00:00.000Z',
      createdAt: '2026-12-01T08:00:00.000Z',
    },
  ],
});

/** The API at the `fetch` level; the SDK and the widget above it are the real code. */
class OutboxApi {
  reads = 0;
  constructor(public summary: OutboxSummary) {}

  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const auth = request.headers.get('authorization');
    const reply = (status: number, body: unknown) =>
      Promise.resolve(new Response(JSON.stringify(body), {status, headers: {'content-type': status >= 400 ? 'application/problem+json' : 'application/json'}}));
    if (path === '/v1/territories/demo') return reply(200, demoTerritory());
    if (auth !== 'Bearer good-token') return reply(401, problem(401));
    if (path === '/v1/territories/demo/outbox') {
      this.reads++;
      return reply(200, this.summary);
    }
    return reply(404, problem(404));
  };

  client(): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry: 0});
  }
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function signedIn(api: OutboxApi, lang = 'fr', token = 'good-token'): Promise<CptsOutbox> {
  const el = await fixture<CptsOutbox>(html`<cpts-outbox .client=${api.client()} lang=${lang}></cpts-outbox>`);
  const input = root(el).querySelector<HTMLInputElement>('#ob-token')!;
  input.value = token;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return el;
}

describe('<cpts-outbox>', () => {
  it('says plainly that SMTP is not configured and how many messages wait', async () => {
    const api = new OutboxApi(waiting(false));
    const el = await signedIn(api);
    await until(() => root(el).querySelector('[part="not-configured"]') !== null, 'the notice');
    expect(text(root(el).querySelector('[part="not-configured"]')))
      .to.include('n’est pas configuré')
      .and.include('2 messages attendent');
    expect(text(root(el).querySelector('[part="status"]'))).to.equal('En attente : 2 · Envoyés : 5 · Échecs : 1 · Désinscrits : 0');
    expect(api.reads, 'the sign-in read is the outbox read').to.equal(1);
  });

  it('lists the waiting and failed messages with masked recipients, attempts and last error', async () => {
    const el = await signedIn(new OutboxApi(waiting(true)));
    await until(() => root(el).querySelectorAll('tbody tr').length === 3, 'the rows');
    expect(root(el).querySelector('[part="not-configured"]')).to.equal(null);
    const rows = [...root(el).querySelectorAll('tbody tr')].map(text);
    expect(rows[0]).to.include('Accusé de réception').and.include('m•••@exemple.fr').and.include('En attente');
    expect(rows[1]).to.include('Coordination').and.include('451 Service').and.include('prochain essai');
    expect(rows[2]).to.include('Échec').and.include('550 Boîte inconnue');
  });

  it('speaks English', async () => {
    const el = await signedIn(new OutboxApi(waiting(false)), 'en');
    await until(() => root(el).querySelector('[part="not-configured"]') !== null, 'the notice');
    expect(text(root(el).querySelector('[part="not-configured"]')))
      .to.include('not configured')
      .and.include('2 messages are waiting');
    expect(text(root(el).querySelector('caption'))).to.equal('Messages waiting or failed, oldest first');
  });

  it('says when nothing waits', async () => {
    const el = await signedIn(new OutboxApi({smtpConfigured: true, counts: {pending: 0, sending: 0, sent: 3, failed: 0, skipped: 1}, items: []}));
    await until(() => root(el).querySelector('[part="empty"]') !== null, 'the empty line');
    expect(text(root(el).querySelector('[part="empty"]'))).to.equal('Aucun message en attente ni en échec.');
  });

  it('refuses a wrong token by its field', async () => {
    const el = await signedIn(new OutboxApi(waiting(true)), 'fr', 'bad-token');
    await until(() => root(el).querySelector('#ob-token-error') !== null, 'the sign-in error');
    expect(root(el).activeElement?.id).to.equal('ob-token');
  });

  it('moves focus to its title once signed in, and refreshes from the keyboard', async () => {
    const api = new OutboxApi(waiting(true));
    const el = await signedIn(api);
    await until(() => root(el).activeElement?.id === 'ob-title', 'focus on the title');
    api.summary = {...waiting(true), counts: {...waiting(true).counts, sent: 6}};
    await sendKeys({press: 'Tab'});
    expect(text(root(el).activeElement)).to.equal('Actualiser');
    await sendKeys({press: 'Enter'});
    await until(() => text(root(el).querySelector('[part="status"]')).includes('Envoyés : 6'), 'the new counts');
    expect(api.reads).to.equal(2);
  });

  for (const lang of ['fr', 'en']) {
    it(`passes axe checks (${lang})`, async () => {
      const el = await signedIn(new OutboxApi(waiting(false)), lang);
      await until(() => root(el).querySelectorAll('tbody tr').length === 3, 'the rows');
      await expect(el).to.be.accessible();
    });
  }
});
