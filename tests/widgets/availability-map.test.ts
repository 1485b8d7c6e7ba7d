import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import type {PractitionerMap, PractitionerPublic, PublicPractitionerList} from '@cpts-kit/contract';
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

/** What the fake API keeps of the public filters, as the server applies them. */
function matching(items: PractitionerPublic[], url: URL): PractitionerPublic[] {
  const q = url.searchParams;
  const bbox = q.get('bbox')?.split(',').map(Number);
  return items.filter(
    (p) =>
      (!q.get('id') || p.id === q.get('id')) &&
      (!q.get('profession') || p.profession === q.get('profession')) &&
      (q.get('acceptsNew') !== 'true' || p.availability?.accepting === 'yes' || p.availability?.accepting === 'limited') &&
      (q.get('homeVisits') !== 'true' || p.availability?.homeVisits === true) &&
      (!bbox || (p.location.lng >= bbox[0]! && p.location.lat >= bbox[1]! && p.location.lng <= bbox[2]! && p.location.lat <= bbox[3]!)),
  );
}

/** The server's clusters, simply: every point when there are few, else one cluster at their average position. */
function fakeMap(found: PractitionerPublic[], zoom: number): PractitionerMap {
  const accepting = found.filter((p) => p.availability?.accepting === 'yes' || p.availability?.accepting === 'limited').length;
  if (found.length <= 20) {
    const points = found.map((p) => ({
      id: p.id,
      lat: p.location.lat,
      lng: p.location.lng,
      name: p.displayName,
      profession: p.profession,
      accepting: p.availability?.accepting ?? null,
    }));
    return {zoom, total: found.length, clusters: [], points};
  }
  const mean = (pick: (p: PractitionerPublic) => number) => found.reduce((n, p) => n + pick(p), 0) / found.length;
  return {
    zoom,
    total: found.length,
    clusters: [{lat: mean((p) => p.location.lat), lng: mean((p) => p.location.lng), count: found.length, accepting, zoom: zoom + 2}],
    points: [],
  };
}

/** A fake API at the `fetch` level: the territory, the public list in pages of `pageSize` with its filters, and the clustered map. */
function fakeApi(items: PractitionerPublic[], pageSize = 500, mapDelayMs = 0): {client: CptsClient; requests: URL[]; aborted: URL[]} {
  const requests: URL[] = [];
  const aborted: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(url);
    request.signal.addEventListener('abort', () => aborted.push(url));
    const json = (body: unknown) => new Response(JSON.stringify(body), {headers: {'content-type': 'application/json'}});
    if (url.pathname === '/v1/territories/demo') return json(demoTerritory());
    if (url.pathname === '/v1/territories/demo/practitioners') {
      const found = matching(items, url);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Math.min(pageSize, Number(url.searchParams.get('limit') ?? 200));
      const page: PublicPractitionerList = {items: found.slice(offset, offset + limit), nextCursor: offset + limit < found.length ? String(offset + limit) : null};
      return json(page);
    }
    if (url.pathname === '/v1/territories/demo/practitioners/map') {
      // a slow server lets a newer view cancel this one
      if (mapDelayMs) await new Promise((r) => setTimeout(r, mapDelayMs));
      if (request.signal.aborted) throw request.signal.reason;
      return json(fakeMap(matching(items, url), Number(url.searchParams.get('zoom'))));
    }
    return new Response('{}', {status: 404, headers: {'content-type': 'application/problem+json'}});
  };
  return {client: createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 0}), requests, aborted};
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

async function toggle(el: CptsAvailabilityMap, selector: string): Promise<void> {
  root(el).querySelector<HTMLInputElement>(selector)!.click();
  await el.updateComplete;
  await el.mapSettled();
  await el.updateComplete;
}

/** Unchecks « only those taking new patients ». */
const showEveryone = (el: CptsAvailabilityMap) => toggle(el, '#f-accepts-new');
const title = (el: HTMLElement) => root(el).querySelector('#map-title')?.textContent;
const count = (el: HTMLElement) => root(el).querySelector('.count')?.textContent;

/** A territory larger than one page: the server clusters it. */
function many(n: number): PractitionerPublic[] {
  return Array.from({length: n}, (_, i) =>
    practitioner(i + 1, {
      displayName: `Dr P${String(i).padStart(4, '0')}`,
      location: {lat: 50.737 + (i % 100) * 0.00012, lng: 2.255 + Math.floor(i / 100) * 0.0035},
      availability: {accepting: i % 3 === 0 ? 'no' : 'yes', homeVisits: i % 2 === 0, teleconsultation: false, declaredAt},
    }),
  );
}

describe('<cpts-availability-map>', () => {
  it('works without tiles: a plain background with the communes’ names', async () => {
    const el = await mapOf(apart());
    expect(root(el).querySelectorAll('img.leaflet-tile').length).to.equal(0);
    // placed once the map is laid out, to measure them
    await until(() => root(el).querySelectorAll('.commune-name').length === 2, 'the communes’ names');
    const names = [...root(el).querySelectorAll('.commune-name')].map((n) => n.textContent);
    expect(names).to.have.members(['Saint-Omer', 'Arques']);
    expect(root(el).querySelector('.attribution')?.textContent).to.equal('Fond de carte simplifié : centres des communes');
  });

  it('draws the communes’ names under the markers, never over them', async () => {
    const el = await mapOf(apart());
    await until(() => root(el).querySelector('.commune-label') !== null, 'the communes’ names');
    const pane = (selector: string) => root(el).querySelector(selector)!.closest('.leaflet-pane') as HTMLElement;
    const labels = Number(getComputedStyle(pane('.commune-label')).zIndex);
    const markers = Number(getComputedStyle(pane('.leaflet-marker-icon.pin')).zIndex);
    expect(labels).to.be.below(markers);
  });

  describe('the communes’ names', () => {
    const box = (e: Element) => e.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const names = (el: HTMLElement) => [...root(el).querySelectorAll('.commune-name')].map((n) => n.textContent);
    /** The names a pin or a cluster is drawn over, even in part. */
    const covered = (el: HTMLElement) => {
      const markers = [...pins(el), ...clusters(el)].map(box);
      return [...root(el).querySelectorAll('.commune-name')].filter((n) => markers.some((m) => meet(box(n), m))).map((n) => n.textContent);
    };
    const dotOf = (el: HTMLElement, name: string) => [...root(el).querySelectorAll('.commune-label')].find((l) => l.textContent === name)!.querySelector('.commune-dot')!;
    const saintOmer = {lat: 50.7502, lng: 2.2522};

    it('moves a name aside of a pin drawn where it would be, rather than under it', async () => {
      // just east of Saint-Omer's centre, its tip a little below it: where the name starts
      const el = await mapOf([practitioner(1, {location: {lat: saintOmer.lat - 0.0006, lng: saintOmer.lng + 0.0015}})]);
      await until(() => names(el).includes('Saint-Omer'), 'Saint-Omer’s name');
      const dot = box(dotOf(el, 'Saint-Omer'));
      const whereTheNameStarts = new DOMRect(dot.right + 4, dot.top, 30, dot.height);
      expect(meet(whereTheNameStarts, box(pins(el)[0]!)), 'the pin is where the name would start').to.equal(true);
      expect(covered(el)).to.deep.equal([]);
    });

    it('names a commune beside the cluster drawn on its centre', async () => {
      const el = await mapOf([1, 2, 3].map((n) => practitioner(n, {location: saintOmer})));
      expect(clusters(el)).to.have.length(1);
      await until(() => names(el).includes('Saint-Omer'), 'Saint-Omer’s name');
      expect(covered(el)).to.deep.equal([]);
    });

    it('makes way for the server’s clusters, view after view', async () => {
      const api = fakeApi(many(300).map((p) => ({...p, location: saintOmer})));
      const el = await fixture<CptsAvailabilityMap>(html`<cpts-availability-map .client=${api.client} style="width: 900px"></cpts-availability-map>`);
      const asked = () => api.requests.filter((u) => u.pathname.endsWith('/map'));
      await until(() => asked().length > 0, 'a map request');
      await el.mapSettled();
      await until(() => names(el).includes('Saint-Omer'), 'Saint-Omer’s name');
      expect(clusters(el)).to.have.length(1);
      expect(covered(el)).to.deep.equal([]);
      const zoom = Number(asked().at(-1)!.searchParams.get('zoom'));
      // zooming out keeps both communes in view
      root(el).querySelectorAll<HTMLButtonElement>('.zoom button')[1]!.click();
      await until(() => Number(asked().at(-1)!.searchParams.get('zoom')) === zoom - 1, 'the zoomed view');
      await el.mapSettled();
      expect(names(el)).to.have.members(['Saint-Omer', 'Arques']);
      expect(covered(el)).to.deep.equal([]);
    });
  });

  it('shows by default only those who take new patients, as its heading says', async () => {
    const el = await mapOf(apart());
    expect(title(el)).to.equal('Professionnels qui acceptent de nouveaux patients');
    expect(root(el).querySelector<HTMLInputElement>('#f-accepts-new')!.checked).to.equal(true);
    expect(listNames(el)).to.deep.equal(['Denis <b>Leroy</b>', 'Dr Alice Martin', 'Dr Chloé Roux']);
    expect(pins(el).length).to.equal(3);
    await showEveryone(el);
    expect(title(el)).to.equal('Professionnels de santé, qu’ils acceptent ou non de nouveaux patients');
    expect(listNames(el)).to.deep.equal(['Bruno Petit', 'Denis <b>Leroy</b>', 'Dr Alice Martin', 'Dr Chloé Roux']);
  });

  it('explains the markers in a legend, in words beside each shape', async () => {
    const el = await mapOf(apart());
    const legend = () => [...root(el).querySelectorAll('[part="legend"] li')].map((li) => li.textContent?.trim());
    expect(legend()[0]).to.equal('✓Accepte de nouveaux patients');
    expect(legend()).to.have.length(3);
    await showEveryone(el);
    expect(legend().map((l) => l?.slice(0, 1))).to.deep.equal(['✓', '½', '✕', '?', '1']);
    expect(root(el).querySelector('.key')?.getAttribute('aria-hidden')).to.equal('true');
    // the same signs are inside the pins
    expect(
      pins(el)
        .map((p) => p.textContent)
        .sort(),
    ).to.deep.equal(['½', '✓', '✓', '✕']);
  });

  it('lists exactly the practitioners the map shows, by name', async () => {
    const el = await mapOf(apart());
    await showEveryone(el);
    expect(pins(el).length).to.equal(4);
    expect(listNames(el)).to.deep.equal(['Bruno Petit', 'Denis <b>Leroy</b>', 'Dr Alice Martin', 'Dr Chloé Roux']);
    const markerNames = pins(el).map((p) => p.getAttribute('aria-label')!.split(',')[0]);
    expect(markerNames).to.have.members(listNames(el));
    expect(count(el)).to.equal('4 professionnels dans la zone affichée');
  });

  it('groups practitioners at the same place into one marker that says how many of them accept', async () => {
    const same = {lat: 50.745, lng: 2.27};
    const no = {accepting: 'no', homeVisits: false, teleconsultation: false, declaredAt} as const;
    const el = await mapOf([practitioner(1, {location: same}), practitioner(2, {location: same}), practitioner(3, {location: same, availability: no})]);
    await showEveryone(el);
    expect(clusters(el).length).to.equal(1);
    expect(clusters(el)[0]!.dataset.count).to.equal('3');
    expect(clusters(el)[0]!.querySelector('.cluster-count')?.textContent).to.equal('3');
    expect(getComputedStyle(clusters(el)[0]!.querySelector('.cluster-accepting')!, '::after').content).to.equal('"2 ✓"');
    expect(clusters(el)[0]!.getAttribute('aria-label')).to.equal('3 professionnels, dont 2 acceptent de nouveaux patients : zoomer');
    expect(markerTotal(el)).to.equal(listNames(el).length);
  });

  it('applies the same filters to the markers and the list', async () => {
    const el = await mapOf(apart());
    expect(listNames(el)).to.deep.equal(['Denis <b>Leroy</b>', 'Dr Alice Martin', 'Dr Chloé Roux']);
    expect(markerTotal(el)).to.equal(3);
    await showEveryone(el);
    await choose(el, '#f-profession', 'infirmier');
    expect(listNames(el)).to.deep.equal(['Bruno Petit']);
    expect(markerTotal(el)).to.equal(1);
    await choose(el, '#f-profession', '');
    await toggle(el, '#f-home');
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
    const pin = pins(el).find((p) => p.getAttribute('aria-label')?.startsWith('Dr Alice Martin'))!;
    setTimeout(() => pin.click());
    const event = await oneEvent<CptsSelectEvent>(el, 'cpts-select');
    expect(event.detail.displayName).to.equal('Dr Alice Martin');
  });

  it('renders names containing HTML as text', async () => {
    const el = await mapOf(apart());
    expect(root(el).querySelector('b')).to.equal(null);
    expect(listNames(el)).to.include('Denis <b>Leroy</b>');
  });

  it('loads a territory that fits in one page at once, and asks nothing more as the map moves', async () => {
    const api = fakeApi(many(200));
    const el = await fixture<CptsAvailabilityMap>(html`<cpts-availability-map .client=${api.client} style="width: 900px"></cpts-availability-map>`);
    await until(() => root(el).querySelector('.leaflet-container') !== null, 'the map');
    await el.mapSettled();
    root(el).querySelector<HTMLButtonElement>('.zoom button')!.click();
    await el.mapSettled();
    const asked = api.requests.filter((u) => u.pathname.includes('/practitioners'));
    expect(asked.map((u) => u.pathname)).to.deep.equal(['/v1/territories/demo/practitioners']);
  });

  describe('on a territory larger than one page', () => {
    async function serverMap(items: PractitionerPublic[], view: 'map' | 'list' = 'map', lang = 'fr', mapDelayMs = 0) {
      const api = fakeApi(items, 500, mapDelayMs);
      const el = await fixture<CptsAvailabilityMap>(
        html`<cpts-availability-map lang=${lang} view=${view} .client=${api.client} style="width: 900px"></cpts-availability-map>`,
      );
      await until(() => api.requests.some((u) => u.pathname.endsWith('/map')), 'a map request');
      await el.mapSettled();
      return {el, api};
    }
    const mapRequests = (api: ReturnType<typeof fakeApi>) => api.requests.filter((u) => u.pathname.endsWith('/practitioners/map'));

    it('draws the server’s clusters for the view, filtered on the server, and counts them in the list', async () => {
      const {el, api} = await serverMap(many(1200));
      const asked = mapRequests(api).at(-1)!;
      expect(asked.searchParams.get('bbox')).to.match(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/);
      expect(asked.searchParams.get('zoom')).to.match(/^\d+$/);
      expect(asked.searchParams.get('acceptsNew')).to.equal('true');
      expect(clusters(el).length).to.equal(1);
      expect(clusters(el)[0]!.dataset.count).to.equal('800');
      expect(count(el)).to.equal('800 professionnels dans la zone affichée');
      expect(listNames(el).length, 'the list shows 50 at a time').to.equal(50);
      root(el).querySelector<HTMLButtonElement>('.more')!.click();
      await until(() => listNames(el).length === 100, 'the next page');
      expect(
        api.requests
          .filter((u) => u.pathname.endsWith('/practitioners'))
          .at(-1)!
          .searchParams.get('cursor'),
      ).to.equal('50');
    });

    it('asks again for the view when a filter changes, and for the next view when the map moves', async () => {
      const {el, api} = await serverMap(many(1200));
      const before = mapRequests(api).length;
      await showEveryone(el);
      expect(mapRequests(api).at(-1)!.searchParams.has('acceptsNew')).to.equal(false);
      expect(clusters(el)[0]!.dataset.count).to.equal('1200');
      expect(clusters(el)[0]!.getAttribute('aria-label')).to.equal('1200 professionnels, dont 800 acceptent de nouveaux patients : zoomer');
      await toggle(el, '#f-home');
      expect(mapRequests(api).at(-1)!.searchParams.get('homeVisits')).to.equal('true');
      const zoom = Number(mapRequests(api).at(-1)!.searchParams.get('zoom'));
      root(el).querySelector<HTMLButtonElement>('.zoom button')!.click();
      await until(() => Number(mapRequests(api).at(-1)!.searchParams.get('zoom')) === zoom + 1, 'the zoomed view');
      await el.mapSettled();
      expect(mapRequests(api).length).to.equal(before + 3);
    });

    it('cancels the previous view’s request when the map moves again', async () => {
      const {el, api} = await serverMap(many(1200), 'map', 'fr', 400);
      const zoomIn = root(el).querySelector<HTMLButtonElement>('.zoom button')!;
      const sent = mapRequests(api).length;
      zoomIn.click();
      await until(() => mapRequests(api).length > sent, 'the first view’s request');
      const first = mapRequests(api).at(-1)!;
      zoomIn.click();
      await until(() => mapRequests(api).length > sent + 1, 'the second view’s request');
      await el.mapSettled();
      expect(api.aborted).to.include(first);
      expect(clusters(el).length).to.equal(1);
    });

    it('draws points as pins and fetches a point’s details when it is chosen', async () => {
      const small = many(1200).map((p, i) => (i < 5 ? {...p, location: {lat: 50.738 + i * 0.002, lng: 2.27}} : {...p, location: {lat: 10, lng: 10}}));
      const {el} = await serverMap(small);
      await showEveryone(el);
      const pin = pins(el).find((p) => p.getAttribute('aria-label')?.startsWith('Dr P0002'))!;
      expect(pin).to.exist;
      setTimeout(() => pin.click());
      const event = await oneEvent<CptsSelectEvent>(el, 'cpts-select');
      expect(event.detail.practiceName).to.equal('Cabinet 3');
    });

    it('counts in the list alone, in English, without loading the map', async () => {
      const {el} = await serverMap(many(1200), 'list', 'en');
      expect(root(el).querySelector('.leaflet-container')).to.equal(null);
      expect(title(el)).to.equal('Practitioners taking new patients');
      expect(count(el)).to.equal('800 practitioners in the area shown');
    });

    it('passes axe checks with the server’s clusters and the legend', async () => {
      const {el} = await serverMap(many(1200));
      await showEveryone(el);
      await expect(el).to.be.accessible();
    });
  });

  it('shows the list alone, without loading the map, in list view', async () => {
    const el = await mapOf(apart(), 'list');
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    expect(listNames(el).length).to.equal(3);
    const toggles = [...root(el).querySelectorAll<HTMLButtonElement>('.toggle button')];
    expect(toggles.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).to.deep.equal([
      ['Carte', 'false'],
      ['Liste', 'true'],
    ]);
    toggles[0]!.click();
    await until(() => root(el).querySelector('.leaflet-container') !== null, 'the map');
    await el.mapSettled();
    expect(pins(el).length).to.equal(3);
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
    expect(count(el)).to.equal('No practitioner in the area shown');
  });

  it('passes axe checks with the map, the legend, the list and the details', async () => {
    const el = await mapOf(apart());
    await showEveryone(el);
    root(el).querySelector<HTMLButtonElement>('[part="list-item"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('passes axe checks in list view', async () => {
    const el = await mapOf(apart(), 'list');
    await expect(el).to.be.accessible();
  });
});
