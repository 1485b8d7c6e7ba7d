/**
 * The national map through the API: 100,000 practitioners across France in the database (PGlite),
 * `<cpts-availability-map api territory>` in Chromium on the built bundle under the strict CSP.
 *
 * - Server clusters (the widget's path for a territory larger than one page): first clustered
 *   render from navigation, one zoom step, one pan, bytes on the wire per view (resource timing),
 *   longest main-thread task (PerformanceObserver `longtask`).
 * - The page-by-page path it replaces, in the same run: fetching `…/practitioners?limit=500` page
 *   after page up to the 5,000 it used to stop at, then clustering them in the page.
 * - On the server: one view from the supercluster index (cold: read and index; warm), against a
 *   grid clustering in SQL (`group by` cells) over the same rows, the alternative considered.
 */
import {chromium, type Browser, type Page} from 'playwright-core';
import {startServer} from '@cpts-kit/server';
import {createTerritory} from '../packages/server/src/territories.js';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {repoRoot} from './lib.js';

const POINTS = 100_000;
const RUNS = 3;
const FRANCE = {west: -4.8, south: 42.3, east: 8.2, north: 51.1};
/** Big towns from Brest to Nice and Lille to Perpignan: the territory's communes frame France. */
const COMMUNES = ['31555', '06088', '44109', '67482', '29019', '59350', '33063', '66136', '64445', '21231', '76540'];

const page = (territory: string) => `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html cpts-kit-worker">
    <title>bench: national map</title>
    <script type="module" src="/dist/cpts-kit.js"></script>
  </head>
  <body>
    <cpts-availability-map api="/" territory="${territory}" view="map"></cpts-availability-map>
  </body>
</html>`;

type Db = {query<T>(sql: string, params?: unknown[]): Promise<T[]>};

async function insertFrance(db: Db): Promise<void> {
  await createTerritory(db as never, {
    slug: 'france',
    name: 'France entière',
    phone: '03 21 00 00 00',
    email: 'contact@example.fr',
    privacySummary: 'Banc d’essai.',
    communes: COMMUNES,
  });
  await db.query(
    `insert into practitioners (id, territory, profession, first_name, last_name, commune_insee, lat, lng)
     select gen_random_uuid(), 'france', (array['medecin_generaliste','infirmier','sage_femme','pharmacien'])[1 + i % 4],
            'Prénom' || i, 'Nom' || lpad(i::text, 6, '0'), '31555',
            $1::float8 + random() * ($2::float8 - $1::float8), $3::float8 + random() * ($4::float8 - $3::float8)
       from generate_series(1, $5::int) as i`,
    [FRANCE.south, FRANCE.north, FRANCE.west, FRANCE.east, POINTS],
  );
  await db.query(
    `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_by)
     select gen_random_uuid(), p.id,
            jsonb_build_object('accepting', (array['yes','limited','no'])[1 + (abs(hashtext(p.id::text)) % 3)], 'monthlyQuota', null,
              'patientScope', jsonb_build_array('all'), 'scopeCommunes', jsonb_build_array(), 'homeVisits', (abs(hashtext(p.id::text)) % 2) = 0, 'homeVisitCommunes', jsonb_build_array(),
              'snpSlotsThisWeek', 0, 'teleconsultation', false, 'hostsInterns', false, 'visibility', 'public', 'noteForCoordinator', null),
            'public', 'practitioner'
       from practitioners p where p.territory = 'france'`,
  );
  await db.query('analyze');
}

interface ViewFigures {
  ms: number;
  bytes: number;
  requests: number;
  longestTaskMs: number;
  markers: number;
}

interface ServerPathFigures {
  /** From navigation to the first frame with clusters drawn. */
  clustersMs: number;
  first: ViewFigures;
  zoom: ViewFigures;
  pan: ViewFigures;
}

/** Runs in the page from its first script: long tasks, and the API's bytes on the wire since a mark. */
const instrument = () => {
  const w = window as unknown as {__tasks: number[]; __clustersAt?: number};
  w.__tasks = [];
  new PerformanceObserver((list) => w.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({type: 'longtask', buffered: true});
  // the first frame with clusters on the map (they come before the list's page)
  const watch = () => {
    if (document.querySelector('cpts-availability-map')?.shadowRoot?.querySelector('.leaflet-marker-icon.cluster')) w.__clustersAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

async function sinceMark(p: Page, since: number, start: number): Promise<ViewFigures> {
  return p.evaluate(
    async ({since, start}) => {
      const el = document.querySelector('cpts-availability-map') as HTMLElement & {mapSettled(): Promise<void>};
      await el.mapSettled();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const ms = performance.now() - start;
      await new Promise((r) => setTimeout(r, 100));
      const api = performance.getEntriesByType('resource').filter((r) => r.startTime >= since && r.name.includes('/v1/')) as PerformanceResourceTiming[];
      const root = el.shadowRoot!;
      const markers = root.querySelectorAll('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster').length;
      const tasks = (window as unknown as {__tasks: number[]}).__tasks;
      const longestTaskMs = Math.max(0, ...tasks);
      tasks.length = 0;
      return {ms, bytes: api.reduce((n, r) => n + r.transferSize, 0), requests: api.length, longestTaskMs, markers};
    },
    {since, start},
  );
}

async function serverPath(browser: Browser, url: string): Promise<ServerPathFigures> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'});
  await context.addInitScript({content: 'globalThis.__name = (fn) => fn;'});
  await context.addInitScript(instrument);
  const p = await context.newPage();
  try {
    await p.route('**/bench-national.html', (route) => route.fulfill({contentType: 'text/html', body: page('france')}));
    await p.goto(new URL('bench-national.html', url).href);
    await p.locator('cpts-availability-map .leaflet-marker-icon.cluster').first().waitFor({timeout: 60_000});
    // from navigation: the bundle, the territory, the first page telling the size, the first view
    const first = await sinceMark(p, 0, 0);
    const clustersMs = await p.evaluate(() => (window as unknown as {__clustersAt: number}).__clustersAt);
    const step = async (act: () => Promise<void>) => {
      const since = await p.evaluate(() => performance.now());
      const view = p.waitForResponse((r) => r.url().includes('/practitioners/map?'));
      await act();
      await view;
      return sinceMark(p, since, since);
    };
    const zoom = await step(() => p.locator('cpts-availability-map .zoom button').first().click());
    const pan = await step(async () => {
      await p.locator('cpts-availability-map .leaflet-container').focus();
      await p.keyboard.press('ArrowRight');
    });
    return {clustersMs, first, zoom, pan};
  } finally {
    await context.close();
  }
}

interface PagedFigures {
  ms: number;
  bytes: number;
  pages: number;
  points: number;
  renderMs: number;
  longestTaskMs: number;
}

/** The path the widget took before: pages of 500 through the API, stopping at 5,000, then clustering in the page. */
async function pagedPath(browser: Browser, url: string): Promise<PagedFigures> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'});
  await context.addInitScript({content: 'globalThis.__name = (fn) => fn;'});
  await context.addInitScript(instrument);
  const p = await context.newPage();
  try {
    await p.route('**/bench-paged.html', (route) =>
      route.fulfill({contentType: 'text/html', body: page('france').replace('api="/" territory="france" view="map"', 'view="map" style="--map-height: 600px"')}),
    );
    await p.goto(new URL('bench-paged.html', url).href);
    return await p.evaluate(async () => {
      type El = HTMLElement & {practitioners?: unknown[]; mapSettled(): Promise<void>};
      await customElements.whenDefined('cpts-availability-map');
      const el = document.querySelector('cpts-availability-map') as El;
      el.practitioners = [];
      await el.mapSettled();
      (window as unknown as {__tasks: number[]}).__tasks.length = 0;
      const start = performance.now();
      const items: unknown[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await fetch(`/v1/territories/france/practitioners?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
        const body = (await res.json()) as {items: unknown[]; nextCursor: string | null};
        items.push(...body.items);
        cursor = body.nextCursor;
        pages++;
      } while (cursor && items.length < 5_000);
      const fetched = performance.now();
      el.practitioners = items;
      await el.mapSettled();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const end = performance.now();
      await new Promise((r) => setTimeout(r, 100));
      const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/practitioners?')) as PerformanceResourceTiming[];
      return {
        ms: end - start,
        renderMs: end - fetched,
        bytes: api.reduce((n, r) => n + r.transferSize, 0),
        pages,
        points: items.length,
        longestTaskMs: Math.max(0, ...(window as unknown as {__tasks: number[]}).__tasks),
      };
    });
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(run: () => Promise<T>): Promise<{ms: number; value: T}> {
  const start = performance.now();
  const value = await run();
  return {ms: performance.now() - start, value};
}

/** One national view from the server's index (cold, then warm), and the SQL grid clustering it was measured against. */
async function serverFigures(url: string, db: Db): Promise<{coldMs: number; warmMs: number; sqlMs: number; sqlCells: number; viewBytes: number}> {
  const view = (zoom: number, extra = '') => fetch(new URL(`v1/territories/france/practitioners/map?bbox=-5,42,8.5,51.5&zoom=${zoom}${extra}`, url)).then((r) => r.text());
  const cold = await timed(() => view(6, '&profession=infirmier'));
  const warm: number[] = [];
  for (let i = 0; i < 9; i++) warm.push((await timed(() => view(5 + (i % 3), '&profession=infirmier'))).ms);
  const sql: number[] = [];
  let cells = 0;
  for (let i = 0; i < 5; i++) {
    const run = await timed(() =>
      db.query<{n: number}>(
        `select count(*)::int as n, avg(p.lat) as lat, avg(p.lng) as lng, sum(case when d.declaration->>'accepting' in ('yes', 'limited') then 1 else 0 end)::int as accepting
           from practitioners p
           join lateral (select a.declaration, a.visibility from availability_declarations a where a.practitioner_id = p.id order by a.declared_at desc, a.id desc limit 1) d on true
          where p.territory = 'france' and p.active and d.visibility = 'public' and p.profession = 'infirmier'
            and p.lng between -5 and 8.5 and p.lat between 42 and 51.5
          group by floor(p.lng / $1::float8), floor(p.lat / $1::float8)`,
        [0.35],
      ),
    );
    sql.push(run.ms);
    cells = run.value.length;
  }
  return {coldMs: cold.ms, warmMs: median(warm), sqlMs: median(sql), sqlCells: cells, viewBytes: cold.value.length};
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchMapApi(): Promise<string[]> {
  const server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: false, staticRoot: repoRoot});
  const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
  const clustered: ServerPathFigures[] = [];
  const paged: PagedFigures[] = [];
  let server_: Awaited<ReturnType<typeof serverFigures>>;
  try {
    await insertFrance(server.db);
    server_ = await serverFigures(server.url, server.db);
    for (let run = 0; run < RUNS; run++) {
      clustered.push(await serverPath(browser, server.url));
      paged.push(await pagedPath(browser, server.url));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const mid = (pick: (r: ServerPathFigures) => number) => median(clustered.map(pick));
  const worst = (pick: (r: ServerPathFigures) => number) => Math.max(...clustered.map(pick));
  const pmid = (pick: (r: PagedFigures) => number) => median(paged.map(pick));
  const perPoint = pmid((r) => r.bytes) / pmid((r) => r.points);
  return [
    `## Map through the API: ${POINTS.toLocaleString('en')} practitioners across France (PGlite)`,
    '',
    '| figure | measured (median) | budget |',
    '|---|---|---|',
    `| server clusters: first clustered render, from navigation (${clustered[0]!.first.markers} markers) | ${ms(mid((r) => r.clustersMs))} | ≤ 1 s |`,
    `| … and the list's first page beside it (${clustered[0]!.first.requests} API requests in all) | ${ms(mid((r) => r.first.ms))} | |`,
    `| … bytes of the API on the wire for the first view (territory, size probe, clusters, list page) | ${kb(mid((r) => r.first.bytes))} | ≤ 100 KB |`,
    `| one zoom step: clusters and list page of the new view | ${ms(mid((r) => r.zoom.ms))}, ${kb(mid((r) => r.zoom.bytes))} | ≤ 100 KB |`,
    `| one pan (80 px, keyboard) | ${ms(mid((r) => r.pan.ms))}, ${kb(mid((r) => r.pan.bytes))} | ≤ 100 KB |`,
    `| longest main-thread task: first render / zoom / pan (worst run: ${ms(worst((r) => Math.max(r.first.longestTaskMs, r.zoom.longestTaskMs, r.pan.longestTaskMs)))}) | ${ms(mid((r) => r.first.longestTaskMs))} / ${ms(mid((r) => r.zoom.longestTaskMs))} / ${ms(mid((r) => r.pan.longestTaskMs))} | ≤ 50 ms |`,
    `| page-by-page path (before): ${pmid((r) => r.pages)} pages of 500 = ${pmid((r) => r.points)} of the ${POINTS.toLocaleString('en')} points, then clustered in the page | ${ms(pmid((r) => r.ms))} (render ${ms(pmid((r) => r.renderMs))}), ${kb(pmid((r) => r.bytes))} | |`,
    `| … its longest main-thread task; all ${POINTS.toLocaleString('en')} points this way would be | ${ms(pmid((r) => r.longestTaskMs))}; ${kb(perPoint * POINTS)} | |`,
    `| server: one national view from the index, cold (read ${POINTS.toLocaleString('en')} rows + index) / warm, ${kb(server_.viewBytes)} | ${ms(server_.coldMs)} / ${ms(server_.warmMs)} | |`,
    `| server: the same view clustered in SQL (grid \`group by\`, ${server_.sqlCells} cells), for comparison | ${ms(server_.sqlMs)} | |`,
    '',
    `Medians of ${RUNS} runs, each in a fresh browser context. Chromium headless on the built bundle, strict CSP with Trusted Types, \`prefers-reduced-motion\` set; no tiles. Bytes are \`transferSize\` of the API's responses (headers included, uncompressed JSON). Tasks under 50 ms are not reported by the browser (0 ms: none over 50 ms).`,
  ];
}
