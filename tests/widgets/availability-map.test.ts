import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import type {PractitionerPublic, PublicPractitionerList} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import type {CptsAvailabilityMap} from '../../packages/widgets/src/index.js';
import {CptsSelectEvent} from '../../packages/widgets/src/index.js';
import {demoTerritory, until} from './fake-server.js';

const declaredAt = '2026-11-01T09:00:00.000Z';

function practitioner(n: number, overrides: Partial<PractitionerPublic> = {}): PractitionerPublic {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    profession: 'medecin_generaliste',
    displayName: `Dr Nom${n}`,
    practiceName: `Cabinet ${n}`,
    address: `${n} rue de la Gare`,
    communeInsee: '62765',
    location: {lat: 50.745, lng: 2.27},
    phone: '0321000001',
    availability: {accepting: 'yes', homeVisits: false, teleconsultation: false, declaredAt},
    ...overrides,
  };
}

/** Four practitioners far enough apart (1 km and more) never to cluster once the map frames the territory. */
function apart(): PractitionerPublic[] {
  return [
    practitioner(1, {displayName: 'Dr Alice Martin', location: {lat: 50.748, lng: 2.256}}),
    practitioner(2, {
      displayName: 'Bruno Petit',
      profession: 'infirmier',
      location: {lat: 50.748, lng: 2.3},
      availability: {accepting: 'no', homeVisits: true, teleconsultation: false, declaredAt},
    }),
    practitioner(3, {
      displayName: 'Dr Chloé Roux',
      location: {lat: 50.738, lng: 2.278},
      availability: {accepting: 'limited', homeVisits: true, teleconsultation: true, declaredAt},
    }),
    practitioner(4, {displayName: 'Denis <b>Leroy</b>', profession: 'sage_femme', location: {lat: 50.738, lng: 2.256}}),
  ];
}

/** A fake API at the `fetch` level: the territory, and the public list in pages of `pageSize`. */
function fakeApi(items: PractitionerPublic[], pageSize = 500): {client: CptsClient; requests: URL[]} {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(url);
    const json = (body: unknown) => new Response(JSON.stringify(body), {headers: {'content-type': 'application/json'}});
    if (url.pathname === '/v1/territories/demo') return json(demoTerritory());
    if (url.pathname === '/v1/territories/demo/practitioners') {
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Math.min(pageSize, Number(url.searchParams.get('limit') ?? 200));
      const page: PublicPractitionerList = {items: items.slice(offset, offset + limit), nextCursor: offset + limit < items.length ? String(offset + limit) : null};
      return json(page);
    }
    return new Response('{}', {status: 404, headers: {'content-type': 'application/problem+json'}});
  };
  return {client: createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 0}), requests};
}

const root = (el: HTMLElement) => el.shadowRoot!;
const listNames = (el: HTMLElement) => [...root(el).querySelectorAll('[part="list-item"] .name')].map((n) => n.textContent ?? '');
const pins = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon.pin')];
const clusters = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon.cluster')];
const markerTotal = (el: HTMLElement) => pins(el).length + clusters(el).reduce((n, c) => n + Number(c.dataset.count), 0);

async function mapOf(items: PractitionerPublic[], view: 'map' | 'list' = 'map'): Promise<CptsAvailabilityMap> {
  const {client} = fakeApi(items);
  const el = await fixture<CptsAvailabilityMap>(html`<cpts-availability-map view=${view} .client=${client} style="width: 900px"></cpts-availability-map>`);
  await until(() => root(el).querySelector('[part="filters"]') !== null, 'the practitioners');
  if (view === 'map') await until(() => root(el).querySelector('.leaflet-container') !== null, 'the map');
  await el.mapSettled();
  await el.updateComplete;
  return el;
}

async function choose(el: CptsAvailabilityMap, selector: string, value: string): Promise<void> {
  const select = root(el).querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await el.mapSettled();
  await el.updateComplete;
}

describe('<cpts-availability-map>', () => {
  it('works without tiles: a plain background with the communes’ names', async () => {
    const el = await mapOf(apart());
    expect(root(el).querySelectorAll('img.leaflet-tile').length).to.equal(0);
    const names = [...root(el).querySelectorAll('.commune-name')].map((n) => n.textContent);
    expect(names).to.have.members(['Saint-Omer', 'Arques']);
    expect(root(el).querySelector('.attribution')?.textContent).to.equal('Fond de carte simplifié : centres des communes');
  });

  it('lists exactly the practitioners the map shows, by name', async () => {
    const el = await mapOf(apart());
    expect(pins(el).length).to.equal(4);
    expect(listNames(el)).to.deep.equal(['Bruno Petit', 'Denis <b>Leroy</b>', 'Dr Alice Martin', 'Dr Chloé Roux']);
    const markerNames = pins(el).map((p) => p.getAttribute('aria-label')!.split(',')[0]);
    expect(markerNames).to.have.members(listNames(el));
    expect(root(el).querySelector('.count')?.textContent).to.equal('4 professionnels dans la zone affichée');
  });

  it('groups practitioners at the same place into one marker that counts them, and still lists each', async () => {
    const same = {lat: 50.745, lng: 2.27};
    const el = await mapOf([practitioner(1, {location: same}), practitioner(2, {location: same}), practitioner(3, {location: same})]);
    expect(clusters(el).length).to.equal(1);
    expect(clusters(el)[0]!.dataset.count).to.equal('3');
    expect(clusters(el)[0]!.getAttribute('aria-label')).to.equal('3 professionnels : zoomer');
    expect(markerTotal(el)).to.equal(listNames(el).length);
  });

  it('applies the same filters to the markers and the list', async () => {
    const el = await mapOf(apart());
    await choose(el, '#f-accepting', 'yes');
    expect(listNames(el)).to.deep.equal(['Denis <b>Leroy</b>', 'Dr Alice Martin']);
    expect(markerTotal(el)).to.equal(2);
    await choose(el, '#f-accepting', '');
    await choose(el, '#f-profession', 'infirmier');
    expect(listNames(el)).to.deep.equal(['Bruno Petit']);
    expect(markerTotal(el)).to.equal(1);
    await choose(el, '#f-profession', '');
    const home = root(el).querySelector<HTMLInputElement>('#f-home')!;
    home.click();
    await el.updateComplete;
    await el.mapSettled();
    expect(listNames(el)).to.deep.equal(['Bruno Petit', 'Dr Chloé Roux']);
    expect(markerTotal(el)).to.equal(2);
  });

  it('offers only the professions present, in the profession filter', async () => {
    const el = await mapOf(apart());
    const options = [...root(el).querySelectorAll('#f-profession option')].map((o) => o.textContent);
    expect(options).to.deep.equal(['Toutes les professions', 'Médecin généraliste', 'Infirmier(ère)', 'Sage-femme']);
  });

  it('fires cpts-select with the practitioner and shows their details when chosen in the list', async () => {
    const el = await mapOf(apart());
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part="list-item"]')].find((b) => b.textContent?.includes('Chloé'))!;
    setTimeout(() => button.click());
    const event = await oneEvent<CptsSelectEvent>(el, 'cpts-select');
    expect(event).to.be.instanceOf(CptsSelectEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.displayName).to.equal('Dr Chloé Roux');
    await el.updateComplete;
    const details = root(el).querySelector('[part="details"]')!;
    expect(details.querySelector('h3')?.textContent).to.equal('Dr Chloé Roux');
    expect(root(el).activeElement?.id, 'focus moves to the details').to.equal('details-title');
    expect(details.textContent)
      .to.contain('Cabinet 3')
      .and.contain('3 rue de la Gare, Saint-Omer')
      .and.contain('Accepte quelques nouveaux patients')
      .and.contain('Visites à domicile')
      .and.contain('Téléconsultation');
    expect(details.querySelector('a')?.getAttribute('href')).to.equal('tel:+33321000001');
  });

  it('fires cpts-select when a marker is clicked', async () => {
    const el = await mapOf(apart());
    const pin = pins(el).find((p) => p.getAttribute('aria-label')?.startsWith('Bruno Petit'))!;
    setTimeout(() => pin.click());
    const event = await oneEvent<CptsSelectEvent>(el, 'cpts-select');
    expect(event.detail.displayName).to.equal('Bruno Petit');
  });

  it('renders names containing HTML as text', async () => {
    const el = await mapOf(apart());
    expect(root(el).querySelector('b')).to.equal(null);
    expect(listNames(el)).to.include('Denis <b>Leroy</b>');
  });

  it('loads every page of a territory’s practitioners', async () => {
    const many = Array.from({length: 1200}, (_, i) => practitioner(i + 1, {displayName: `Dr P${String(i).padStart(4, '0')}`}));
    const api = fakeApi(many, 500);
    const el = await fixture<CptsAvailabilityMap>(html`<cpts-availability-map view="list" .client=${api.client}></cpts-availability-map>`);
    await until(() => root(el).querySelector('.count') !== null, 'the list');
    expect(root(el).querySelector('.count')?.textContent).to.equal('1200 professionnels dans la zone affichée');
    expect(api.requests.filter((u) => u.pathname.endsWith('/practitioners')).length).to.equal(3);
    expect(listNames(el).length, 'the list shows 50 at a time').to.equal(50);
    root(el).querySelector<HTMLButtonElement>('.more')!.click();
    await el.updateComplete;
    expect(listNames(el).length).to.equal(100);
  });

  it('fetches what the map shows, by bbox, when the territory has more practitioners than it loads at once', async () => {
    const many = Array.from({length: 5_200}, (_, i) => practitioner(i + 1, {location: {lat: 50.7 + (i % 100) * 0.0008, lng: 2.2 + Math.floor(i / 100) * 0.002}}));
    const api = fakeApi(many, 500);
    const el = await fixture<CptsAvailabilityMap>(html`<cpts-availability-map .client=${api.client}></cpts-availability-map>`);
    await until(() => root(el).querySelector('.leaflet-container') !== null, 'the map');
    await el.mapSettled();
    const pages = api.requests.filter((u) => u.pathname.endsWith('/practitioners'));
    expect(pages.length, 'stops after 5,000').to.equal(10);
    expect(pages.every((u) => !u.searchParams.has('bbox'))).to.equal(true);
    root(el).querySelector<HTMLButtonElement>('.zoom button')!.click();
    await until(() => api.requests.some((u) => u.searchParams.has('bbox')), 'a bbox request');
    const bbox = api.requests.find((u) => u.searchParams.has('bbox'))!.searchParams.get('bbox')!;
    expect(bbox).to.match(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/);
  });

  it('shows the list alone, without loading the map, in list view', async () => {
    const el = await mapOf(apart(), 'list');
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    expect(listNames(el).length).to.equal(4);
    const toggle = [...root(el).querySelectorAll<HTMLButtonElement>('.toggle button')];
    expect(toggle.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).to.deep.equal([
      ['Carte', 'false'],
      ['Liste', 'true'],
    ]);
    toggle[0]!.click();
    await until(() => root(el).querySelector('.leaflet-container') !== null, 'the map');
    await el.mapSettled();
    expect(pins(el).length).to.equal(4);
  });

  it('shows tiles and their attribution when configured', async () => {
    const {client} = fakeApi(apart());
    const el = await fixture<CptsAvailabilityMap>(
      html`<cpts-availability-map .client=${client} tiles="data:image/gif;base64,R0lGODlhAQABAAAAACw=?{z}{x}{y}" tiles-attribution="© Contributeurs OpenStreetMap"></cpts-availability-map>`,
    );
    await until(() => root(el).querySelector('img.leaflet-tile') !== null, 'a tile');
    expect(root(el).querySelector('.attribution')?.textContent).to.equal('© Contributeurs OpenStreetMap');
  });

  it('says so, in English, when there is nobody to show', async () => {
    const {client} = fakeApi([]);
    const el = await fixture<CptsAvailabilityMap>(html`<cpts-availability-map lang="en" view="list" .client=${client}></cpts-availability-map>`);
    await until(() => root(el).querySelector('.empty') !== null, 'the empty list');
    expect(root(el).querySelector('.count')?.textContent).to.equal('No practitioner in the area shown');
  });

  it('passes axe checks with the map, the list and the details', async () => {
    const el = await mapOf(apart());
    root(el).querySelector<HTMLButtonElement>('[part="list-item"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('passes axe checks in list view', async () => {
    const el = await mapOf(apart(), 'list');
    await expect(el).to.be.accessible();
  });
});
