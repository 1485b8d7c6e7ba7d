/**
 * Map scale: 100,000 practitioners spread over a France-sized box.
 *
 * - In Chromium, on the built script-tag bundle under a strict CSP with Trusted Types: the time
 *   from handing the points to `<cpts-availability-map>` to the first clustered render (indexing
 *   included), the longest main-thread task meanwhile (PerformanceObserver `longtask`), and the
 *   time to redraw after one zoom step. Then supercluster alone (`load()` of the same points on the
 *   main thread), for comparison.
 * - On the server: the public list with a `bbox` over 100,000 practitioners in PGlite (median of N).
 *
 *   node --import tsx -e "import('./bench/map.ts').then(m => m.benchMap()).then(l => console.log(l.join('\n')))"
 */
import {build} from 'esbuild';
import {chromium, type BrowserContext, type Page} from 'playwright-core';
import {startServer} from '@cpts-kit/server';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {repoRoot} from './lib.js';

const POINTS = 100_000;
const SERVER_RUNS = 15;
/** Browser runs, each on a fresh page; the figures are medians (the 2 cores may be shared with other work). */
const BROWSER_RUNS = 3;
/** Metropolitan France, roughly: where the points fall. */
const FRANCE = {west: -4.8, south: 42.3, east: 8.2, north: 51.1};

const benchPage = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html cpts-kit-worker">
    <title>bench: map</title>
    <script type="module" src="/dist/cpts-kit.js"></script>
  </head>
  <body>
    <cpts-availability-map view="map"></cpts-availability-map>
  </body>
</html>`;

interface ClientFigures {
  firstRenderMs: number;
  longestTaskMs: number;
  longTasks: number;
  markers: number;
  zoomMs: number;
  zoomLongestTaskMs: number;
  usedWorker: boolean;
}

/** Runs in the page: makes the points, hands them to the element, and times it. */
async function measureWidget(page: Page): Promise<ClientFigures> {
  return page.evaluate(
    async ({count, box}) => {
      type El = HTMLElement & {practitioners?: unknown[]; mapSettled(): Promise<void>};
      await customElements.whenDefined('cpts-availability-map');
      const el = document.querySelector('cpts-availability-map') as El;
      el.style.setProperty('--map-height', '600px');
      // deterministic points: the same run on every machine
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const professions = ['medecin_generaliste', 'infirmier', 'sage_femme', 'masseur_kinesitherapeute', 'pharmacien'];
      const accepting = ['yes', 'limited', 'no'];
      const points = Array.from({length: count}, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        profession: professions[i % professions.length],
        displayName: `Dr Nom${i}`,
        practiceName: null,
        address: null,
        communeInsee: '62765',
        location: {lat: box.south + random() * (box.north - box.south), lng: box.west + random() * (box.east - box.west)},
        phone: null,
        availability: {accepting: accepting[i % 3], homeVisits: i % 2 === 0, teleconsultation: false, declaredAt: '2026-11-01T00:00:00.000Z'},
      }));
      const tasks: number[] = [];
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({type: 'longtask', buffered: false});
      // the map's code is downloaded and the map drawn once with no points: what is timed is indexing and drawing
      el.practitioners = [];
      await el.mapSettled();
      await new Promise((r) => setTimeout(r, 200));
      tasks.length = 0;
      const workersBefore = performance.getEntriesByType('resource').filter((r) => r.name.includes('cluster-worker')).length;

      const start = performance.now();
      el.practitioners = points;
      await el.mapSettled();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const firstRenderMs = performance.now() - start;
      await new Promise((r) => setTimeout(r, 100));
      const firstTasks = [...tasks];
      const root = el.shadowRoot!;
      const markers = root.querySelectorAll('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster').length;
      const usedWorker = performance.getEntriesByType('resource').filter((r) => r.name.includes('cluster-worker')).length > workersBefore;

      tasks.length = 0;
      const zoomStart = performance.now();
      root.querySelector<HTMLButtonElement>('.zoom button')!.click();
      await el.mapSettled();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const zoomMs = performance.now() - zoomStart;
      await new Promise((r) => setTimeout(r, 100));
      return {
        firstRenderMs,
        longestTaskMs: Math.max(0, ...firstTasks),
        longTasks: firstTasks.length,
        markers,
        zoomMs,
        zoomLongestTaskMs: Math.max(0, ...tasks),
        usedWorker,
      };
    },
    {count: POINTS, box: FRANCE},
  );
}

/** supercluster on its own, on the main thread, with the same number of points. */
async function measureSupercluster(page: Page, source: string): Promise<{loadMs: number; longestTaskMs: number}> {
  await page.route('**/bench-supercluster.js', (route) => route.fulfill({contentType: 'text/javascript', body: source}));
  return page.evaluate(
    async ({count, box, url}) => {
      const module = (await import(url)) as {default: new (o: object) => {load(f: unknown[]): void}};
      let seed = 7;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const features = Array.from({length: count}, (_, i) => ({
        type: 'Feature',
        geometry: {type: 'Point', coordinates: [box.west + random() * (box.east - box.west), box.south + random() * (box.north - box.south)]},
        properties: {i},
      }));
      const tasks: number[] = [];
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({type: 'longtask'});
      await new Promise((r) => setTimeout(r, 50));
      const start = performance.now();
      new module.default({radius: 60, maxZoom: 16}).load(features);
      const loadMs = performance.now() - start;
      await new Promise((r) => setTimeout(r, 100));
      return {loadMs, longestTaskMs: Math.max(0, ...tasks)};
    },
    {count: POINTS, box: FRANCE, url: '/bench-supercluster.js'},
  );
}

async function superclusterBundle(): Promise<string> {
  const result = await build({entryPoints: [`${repoRoot}node_modules/supercluster/index.js`], bundle: true, format: 'esm', write: false, minify: true, logLevel: 'silent'});
  return result.outputFiles[0]!.text;
}

/** 100,000 practitioners, each with a public declaration, in the demo territory. */
async function insertPractitioners(db: {query<T>(sql: string, params?: unknown[]): Promise<T[]>}): Promise<void> {
  await db.query(
    `insert into practitioners (id, territory, profession, first_name, last_name, commune_insee, lat, lng)
     select gen_random_uuid(), 'demo', (array['medecin_generaliste','infirmier','sage_femme','pharmacien'])[1 + i % 4],
            'Prénom' || i, 'Nom' || lpad(i::text, 6, '0'), '62765',
            $1::float8 + random() * ($2::float8 - $1::float8), $3::float8 + random() * ($4::float8 - $3::float8)
       from generate_series(1, $5::int) as i`,
    [FRANCE.south, FRANCE.north, FRANCE.west, FRANCE.east, POINTS],
  );
  await db.query(
    `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_by)
     select gen_random_uuid(), p.id,
            jsonb_build_object('accepting', (array['yes','limited','no'])[1 + (abs(hashtext(p.id::text)) % 3)], 'monthlyQuota', null,
              'patientScope', jsonb_build_array('all'), 'scopeCommunes', jsonb_build_array(), 'homeVisits', true, 'homeVisitCommunes', jsonb_build_array(),
              'snpSlotsThisWeek', 0, 'teleconsultation', false, 'hostsInterns', false, 'visibility', 'public', 'noteForCoordinator', null),
            'public', 'practitioner'
       from practitioners p where p.last_name like 'Nom%'`,
  );
  await db.query('analyze');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measureServer(): Promise<{bboxMs: number; items: number; fullPageMs: number}> {
  const server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true});
  try {
    await insertPractitioners(server.db);
    // a town-sized view (about 20 km across) in the middle of the box, as a zoomed-in map asks for
    const bbox = '2.2,46.6,2.5,46.8';
    const time = async (path: string) => {
      const start = performance.now();
      const res = await fetch(new URL(path, server.url));
      const body = (await res.json()) as {items: unknown[]};
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return {ms: performance.now() - start, items: body.items.length};
    };
    await time(`v1/territories/demo/practitioners?bbox=${bbox}&limit=500`);
    const bboxRuns: number[] = [];
    let items = 0;
    for (let i = 0; i < SERVER_RUNS; i++) {
      // another bbox each time: no ETag, no warm page for the same rows
      const shift = (i % 5) * 0.01;
      const r = await time(`v1/territories/demo/practitioners?bbox=${(2.2 + shift).toFixed(2)},46.6,${(2.5 + shift).toFixed(2)},46.8&limit=500`);
      bboxRuns.push(r.ms);
      items = r.items;
    }
    const fullRuns: number[] = [];
    for (let i = 0; i < 5; i++) fullRuns.push((await time('v1/territories/demo/practitioners?limit=500')).ms);
    return {bboxMs: median(bboxRuns), items, fullPageMs: median(fullRuns)};
  } finally {
    await server.close();
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** One fresh page per run; throws on any CSP or Trusted Types violation. */
async function widgetRun(context: BrowserContext, serverUrl: string): Promise<ClientFigures> {
  const page = await context.newPage();
  try {
    const csp: string[] = [];
    await page.exposeFunction('__benchCsp', (t: string) => csp.push(t));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as {__benchCsp: (t: string) => void}).__benchCsp(e.violatedDirective)),
    );
    // served from the server's origin, so the strict CSP's 'self' covers the bundle and the worker
    await page.route('**/bench-map.html', (route) => route.fulfill({contentType: 'text/html', body: benchPage}));
    await page.goto(new URL('bench-map.html', serverUrl).href);
    const figures = await measureWidget(page);
    if (csp.length) throw new Error(`CSP violations on the bench page: ${csp.join(', ')}`);
    return figures;
  } finally {
    await page.close();
  }
}

async function superclusterRun(context: BrowserContext, serverUrl: string, source: string): Promise<{loadMs: number; longestTaskMs: number}> {
  const page = await context.newPage();
  try {
    await page.goto(new URL('healthz', serverUrl).href);
    return await measureSupercluster(page, source);
  } finally {
    await page.close();
  }
}

export async function benchMap(): Promise<string[]> {
  const server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: false, staticRoot: repoRoot});
  const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
  const widgetRuns: ClientFigures[] = [];
  const aloneRuns: number[] = [];
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'});
    // tsx compiles the functions given to page.evaluate with esbuild's keepNames, which calls a __name helper
    await context.addInitScript({content: 'globalThis.__name = (fn) => fn;'});
    const source = await superclusterBundle();
    for (let run = 0; run < BROWSER_RUNS; run++) {
      widgetRuns.push(await widgetRun(context, server.url));
      aloneRuns.push((await superclusterRun(context, server.url, source)).loadMs);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const db = await measureServer();
  const mid = (pick: (r: ClientFigures) => number) => median(widgetRuns.map(pick));
  const worst = (pick: (r: ClientFigures) => number) => Math.max(...widgetRuns.map(pick));
  const workers = widgetRuns.every((r) => r.usedWorker) ? 'in a worker' : 'on the main thread in some runs';
  return [
    `### Map: ${POINTS.toLocaleString('en')} practitioners over a France-sized box`,
    '',
    '| figure | measured (median) | budget |',
    '|---|---|---|',
    `| \`<cpts-availability-map>\`: index + first clustered render (${widgetRuns[0]!.markers} markers; clustering ${workers}) | ${ms(mid((r) => r.firstRenderMs))} | ≤ 500 ms |`,
    `| longest main-thread task meanwhile (worst run: ${ms(worst((r) => r.longestTaskMs))}) | ${ms(mid((r) => r.longestTaskMs))} | ≤ 50 ms |`,
    `| one zoom step: redraw (longest task, worst run: ${ms(worst((r) => r.zoomLongestTaskMs))}) | ${ms(mid((r) => r.zoomMs))} | |`,
    `| supercluster alone: \`load()\`, one blocking main-thread task | ${ms(median(aloneRuns))} | for comparison |`,
    `| server, PGlite: public list with a town-sized \`bbox\` (${db.items} found), median of ${SERVER_RUNS} | ${ms(db.bboxMs)} | |`,
    `| server, PGlite: first page of 500 without \`bbox\`, median of 5 | ${ms(db.fullPageMs)} | |`,
    '',
    `Browser figures: medians of ${BROWSER_RUNS} runs, each on a fresh page. Chromium headless on the built bundle (\`dist/\`), under a strict CSP with Trusted Types; \`prefers-reduced-motion\` set, so zooming is not animated and what is timed is the clustering and drawing. Tasks under 50 ms are not reported by the browser (0 ms: none over 50 ms).`,
  ];
}
