import {expect, fixture, html} from '@open-wc/testing';
import type {BoardRow, InternshipOffer} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import type {CptsCoordinatorSignIn, CptsOfferManager, CptsPractitionerManager} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

/** The API at the `fetch` level: the board, the offers (none), the territory. */
class CoordinatorApi {
  readonly requests: {path: string; authorization: string | null}[] = [];
  tokens = new Set(['good-token']);

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const authorization = request.headers.get('authorization');
    this.requests.push({path, authorization});
    const reply = this.route(path, authorization?.replace(/^Bearer /, ''));
    return new Response(JSON.stringify(reply.body), {status: reply.status, headers: {'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json'}});
  };

  private route(path: string, token: string | undefined): {status: number; body: unknown} {
    if (path === '/v1/territories/demo') return {status: 200, body: demoTerritory()};
    if (token === undefined || !this.tokens.has(token)) return {status: 401, body: {type: 'about:blank', title: 'Non autorisé', status: 401, code: 'unauthorized'}};
    if (path === '/v1/territories/demo/availability-board') {
      const items: BoardRow[] = [
        {
          practitionerId: '00000000-0000-4000-8000-000000000001',
          displayName: 'Dr Anne Martin',
          profession: 'medecin_generaliste',
          communeInsee: '62765',
          location: {lat: 50.75, lng: 2.25},
          active: true,
          availability: null,
          freshness: 'never',
          daysSinceDeclaration: null,
        },
      ];
      return {status: 200, body: {items, counts: {total: 1, fresh: 0, stale: 0, never: 1, accepting: 0}, staleAfterDays: 30}};
    }
    if (path === '/v1/territories/demo/internship-offers') return {status: 200, body: {items: [] as InternshipOffer[], nextCursor: null, total: 0}};
    return {status: 404, body: {type: 'about:blank', title: 'Introuvable', status: 404, code: 'not_found'}};
  }

  client(): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry: 0});
  }
}

type Lit = HTMLElement & {updateComplete: Promise<unknown>};
const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tokenFields = (page: Element) => [...page.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [...el.shadowRoot.querySelectorAll('input[type="password"]')] : []));

async function signInWith(el: Lit, id: string, token: string): Promise<void> {
  await el.updateComplete;
  const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = token;
  root(el).querySelector<HTMLButtonElement>('[part="sign-in"] button[type="submit"]')!.click();
}

async function page(api: CoordinatorApi, withSignIn = true) {
  const el = await fixture<HTMLElement>(html`<cpts-provider .client=${api.client()}>
    ${withSignIn ? html`<cpts-coordinator-sign-in></cpts-coordinator-sign-in>` : ''}
    <cpts-practitioner-manager></cpts-practitioner-manager>
    <cpts-offer-manager></cpts-offer-manager>
  </cpts-provider>`);
  const signIn = el.querySelector<CptsCoordinatorSignIn>('cpts-coordinator-sign-in');
  const practitioners = el.querySelector<CptsPractitionerManager>('cpts-practitioner-manager')!;
  const offers = el.querySelector<CptsOfferManager>('cpts-offer-manager')!;
  await Promise.all([signIn?.updateComplete, practitioners.updateComplete, offers.updateComplete]);
  return {el, signIn, practitioners, offers};
}

describe('<cpts-coordinator-sign-in> and the session its provider shares', () => {
  it('shows one form for the whole provider; the tools say to sign in above', async () => {
    const {el, practitioners, offers} = await page(new CoordinatorApi());
    expect(tokenFields(el)).to.have.length(1);
    expect(text(root(practitioners).querySelector('[part="sign-in-above"]'))).to.include('Connectez-vous ci-dessus');
    expect(text(root(offers).querySelector('[part="sign-in-above"]'))).to.include('Connectez-vous ci-dessus');
    await expect(el).to.be.accessible();
  });

  it('takes the coordinator from a tool to the form with « Aller à la connexion »', async () => {
    const {signIn, practitioners} = await page(new CoordinatorApi());
    root(practitioners).querySelector<HTMLButtonElement>('[part="sign-in-above"] button')!.click();
    expect(root(signIn!).activeElement?.id).to.equal('cs-token');
  });

  it('signs every tool in at once, with one token kept in memory only', async () => {
    const api = new CoordinatorApi();
    const {el, signIn, practitioners, offers} = await page(api);
    await signInWith(signIn!, 'cs-token', 'good-token');
    await until(() => root(practitioners).querySelector('[part="row"]') !== null, 'the practitioners');
    await until(() => root(offers).querySelector('#manager-title') !== null, 'the offers');
    expect(tokenFields(el)).to.have.length(0);
    await until(() => root(signIn!).activeElement?.id === 'cs-sign-out', 'focus on the sign-out');
    // one sign-out for the page: the tools show none of their own
    expect(root(practitioners).querySelector('[part="session"]')).to.equal(null);
    expect(el.outerHTML + JSON.stringify({...localStorage, ...sessionStorage}) + location.href).to.not.include('good-token');
    expect(api.requests.some((r) => r.path.endsWith('/interests'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says so by the field when the token is refused or missing', async () => {
    const {signIn} = await page(new CoordinatorApi());
    await signInWith(signIn!, 'cs-token', '');
    await until(() => root(signIn!).querySelector('#cs-token-error') !== null, 'the message');
    expect(text(root(signIn!).querySelector('#cs-token-error'))).to.equal('Erreur : Collez votre jeton de coordinateur');
    await signInWith(signIn!, 'cs-token', 'bad-token');
    await until(() => text(root(signIn!).querySelector('#cs-token-error')).includes('n’est pas celui d’un coordinateur'), 'the refusal');
    expect(root(signIn!).activeElement?.id).to.equal('cs-token');
  });

  it('signs every tool out at once, focus back on the token field', async () => {
    const {el, signIn, practitioners, offers} = await page(new CoordinatorApi());
    await signInWith(signIn!, 'cs-token', 'good-token');
    await until(() => root(practitioners).querySelector('[part="row"]') !== null, 'the practitioners');
    root(signIn!).querySelector<HTMLButtonElement>('#cs-sign-out')!.click();
    await until(() => root(signIn!).activeElement?.id === 'cs-token', 'focus on the token field');
    await (practitioners as unknown as Lit).updateComplete;
    expect(root(practitioners).querySelector('[part="row"]')).to.equal(null);
    expect(root(offers).querySelector('#manager-title')).to.equal(null);
    expect(tokenFields(el)).to.have.length(1);
    expect(text(root(signIn!).querySelector('[part="status"]'))).to.equal('Vous êtes déconnecté de tous les outils.');
  });

  it('asks for the token again above the tool whose request was refused, keeping the others’ views', async () => {
    const api = new CoordinatorApi();
    const {el, signIn, practitioners, offers} = await page(api);
    await signInWith(signIn!, 'cs-token', 'good-token');
    await until(() => root(practitioners).querySelector('[part="row"]') !== null, 'the practitioners');
    await until(() => text(root(offers).firstElementChild).includes('Aucune offre'), 'the offers');
    api.tokens = new Set(['new-token']);
    const row = root(practitioners).querySelector('[part="row"]')!;
    row.querySelector<HTMLButtonElement>('.menu li:nth-child(2) button')!.click();
    await until(() => root(practitioners).querySelector('#pm-token') !== null, 'the form above the list');
    expect(root(practitioners).activeElement?.id).to.equal('pm-token');
    expect(tokenFields(el)).to.have.length(1);
    expect(root(offers).querySelector('#manager-title')).to.not.equal(null);
    await signInWith(practitioners, 'pm-token', 'new-token');
    await until(() => root(practitioners).querySelector('#pm-token') === null, 'the form to go');
    expect(root(practitioners).querySelector('[part="row"]')).to.not.equal(null);
    expect(api.requests.at(-1)?.authorization).to.equal('Bearer new-token');
  });

  it('without a sign-in element, the provider’s first tool shows the form and the sign-out', async () => {
    const {el, practitioners, offers} = await page(new CoordinatorApi(), false);
    expect(tokenFields(el)).to.have.length(1);
    expect(root(practitioners).querySelector('#pm-token')).to.not.equal(null);
    expect(root(offers).querySelector('[part="sign-in-above"]')).to.not.equal(null);
    await signInWith(practitioners, 'pm-token', 'good-token');
    await until(() => root(offers).querySelector('#manager-title') !== null, 'the offers');
    expect(root(practitioners).querySelector('#pm-sign-out')).to.not.equal(null);
    expect(root(offers).querySelector('[part="session"]')).to.equal(null);
  });

  it('speaks English when asked', async () => {
    const el = await fixture<CptsCoordinatorSignIn>(html`<cpts-coordinator-sign-in lang="en" .client=${new CoordinatorApi().client()}></cpts-coordinator-sign-in>`);
    expect(text(root(el).querySelector('h2'))).to.equal('Coordinator sign-in for every tool on this page');
    expect(text(root(el).querySelector('label'))).to.equal('Coordinator token');
  });
});
