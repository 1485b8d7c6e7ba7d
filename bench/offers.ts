// Internship offers at 10,000: the list's filter per keystroke, its first render in Chromium, and
// the server's list endpoint under load. Run alone with `node --import tsx bench/offers.ts` (after
// `npm run build`, for the browser part), or from bench/run.ts. Timings are reported, never asserted.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import autocannon from 'autocannon';
import {internshipOfferExample, type InternshipOffer, type InternshipOfferCreate, type OfferKind} from '@cpts-kit/contract';
import {startServer} from '@cpts-kit/server';
import {filterOffers, indexOffers, noFilters, sortOffers} from '../packages/widgets/src/internship-offers/offers-model.js';
import {fr} from '../packages/widgets/src/strings.js';
import {launchChromium} from '../tests/e2e/browser.js';
import {fmt, repoRoot, startProcess} from './lib.js';

const COUNT = 10_000;
const QUERY = 'medecine generale logement';
const BUDGET_MS = 16;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const COMMUNES = ['62765', '62040', '62525', '62139', '62902', '62309'];
const KINDS: OfferKind[] = ['mg_niveau_1', 'saspas', 'externat', 'pharmacie', 'kinesitherapie', 'soins_infirmiers', 'maieutique', 'ipa', 'autre'];
const DISCIPLINES = ['Médecine générale', 'Pharmacie', 'Kinésithérapie', 'Soins infirmiers', 'Maïeutique', 'Pédiatrie'];

/** A deterministic spread of offers: every kind, commune and period, a third with housing. */
export function generateOffers(count: number): InternshipOffer[] {
  const example = internshipOfferExample as InternshipOfferCreate;
  return Array.from({length: count}, (_, i) => {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const year = 2027 + (i % 3);
    return {
      ...example,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      title: `${DISCIPLINES[i % DISCIPLINES.length]} — stage n° ${i} en ${i % 2 ? 'MSP' : 'cabinet'}`,
      kind: KINDS[i % KINDS.length]!,
      discipline: DISCIPLINES[i % DISCIPLINES.length]!,
      communeInsee: COMMUNES[i % COMMUNES.length]!,
      periods: [`${year}-05`, `${year}-11`],
      places: 1 + (i % 5),
      housing: i % 3 === 0 ? example.housing : [],
      description: `Offre générée n° ${i}.\n\nPatientèle variée, équipe pluriprofessionnelle, visites à domicile.`,
      status: 'published',
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The work the widget does on each keystroke: filter, then sort, on the prebuilt index. */
export function benchKeystrokes(offers: InternshipOffer[], rounds = 20): {median: number; p95: number; max: number; matches: number} {
  const index = indexOffers(offers, {communeName: (insee) => insee, kind: (k) => fr.offerKinds[k], housing: (h) => fr.housingKinds[h]});
  const times: number[] = [];
  let matches = 0;
  for (let round = 0; round < rounds; round++) {
    for (let n = 1; n <= QUERY.length; n++) {
      const started = performance.now();
      const result = sortOffers(filterOffers(index, {...noFilters, q: QUERY.slice(0, n)}), 'newest', 'fr');
      times.push(performance.now() - started);
      matches = result.length;
    }
  }
  // the first round warms the JIT and is left out: a visitor types after the page has settled
  const measured = times.slice(QUERY.length).sort((a, b) => a - b);
  return {median: percentile(measured, 50), p95: percentile(measured, 95), max: measured.at(-1) ?? 0, matches};
}

/** Time from setting 10k offers on the element to the first painted frame, in Chromium. */
async function benchFirstRender(offers: InternshipOffer[]): Promise<{batched: number; all: number}> {
  const server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true, staticRoot: repoRoot});
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(new URL('/examples/index.html', server.url).href);
    await page.addScriptTag({url: '/dist/cpts-kit.js', type: 'module'});
    const measure = (batchSize: number) =>
      page.evaluate(
        async ({offers, batchSize}) => {
          // load the widget's code first: the figure is rendering, not downloading
          document.body.append(document.createElement('cpts-internship-offers'));
          await customElements.whenDefined('cpts-internship-offers');
          document.querySelector('cpts-internship-offers')?.remove();
          const el = document.createElement('cpts-internship-offers') as HTMLElement & {offers: unknown; batchSize: number; updateComplete: Promise<unknown>};
          el.setAttribute('no-hash', '');
          const started = performance.now();
          el.batchSize = batchSize;
          el.offers = offers;
          document.body.append(el);
          await el.updateComplete;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const elapsed = performance.now() - started;
          el.remove();
          return elapsed;
        },
        {offers, batchSize},
      );
    const batched = await measure(48);
    const all = await measure(offers.length);
    return {batched, all};
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Seeds 10k published offers into a PGlite data directory, then loads the list from a separate process. */
async function benchServerList(offers: InternshipOffer[]): Promise<{name: string; rps: number; p99: number; non2xx: number}[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cpts-bench-offers-'));
  const secret = 'bench-offers-secret-0123456789abcdef';
  try {
    const seeding = await startServer({port: 0, host: '127.0.0.1', dataDir, secretKey: secret, demo: true});
    for (let start = 0; start < offers.length; start += 500) {
      const chunk = offers.slice(start, start + 500);
      const params: unknown[] = [];
      const rows = chunk.map((o) => {
        const {id: _id, status, createdAt, updatedAt: _u, publishedAt: _p, ...data} = o;
        params.push(crypto.randomUUID(), status, JSON.stringify(data), createdAt);
        const n = params.length;
        return `($${n - 3}, 'demo', $${n - 2}, $${n - 1}::jsonb, $${n}::timestamptz, $${n}::timestamptz, $${n}::timestamptz)`;
      });
      await seeding.db.query(`insert into internship_offers (id, territory, status, data, created_at, updated_at, published_at) values ${rows.join(', ')}`, params);
    }
    await seeding.close();
    const child = await startProcess('packages/server/src/main.ts', {CPTS_DATA_DIR: dataDir, CPTS_SECRET_KEY: secret, DATABASE_URL: ''});
    try {
      const results = [];
      for (const [name, query] of [
        ['first page (50)', '?limit=50'],
        ['filtered: kind + housing + period', '?kind=mg_niveau_1&housing=true&period=2027-05&limit=50'],
        ['text search « medecine »', '?q=M%C3%A9decine&limit=50'],
      ] as const) {
        const url = `${child.url}/v1/territories/demo/internship-offers${query}`;
        await autocannon({url, connections: 10, duration: 1});
        const r = await autocannon({url, connections: 10, duration: DURATION_S});
        results.push({name, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx});
      }
      // the server keeps each filter's total for as long as no offer changes: a new search every
      // time shows what counting the matches costs
      let n = 0;
      const path = () => `/v1/territories/demo/internship-offers?q=${encodeURIComponent(`n° ${(n++ * 7919) % COUNT}`)}&limit=50`;
      const varied = {url: child.url, connections: 10, requests: [{setupRequest: (req: autocannon.Request) => ({...req, path: path()})}]};
      await autocannon({...varied, duration: 1});
      const r = await autocannon({...varied, duration: DURATION_S});
      results.push({name: 'text search, another word each time (total counted anew)', rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx});
      // deep pages: the widget reads the whole list, 500 at a time, by following the cursor
      const started = performance.now();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: Response = await fetch(`${child.url}/v1/territories/demo/internship-offers?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
        cursor = ((await res.json()) as {nextCursor: string | null}).nextCursor;
        pages++;
      } while (cursor);
      results.push({name: `the whole list, ${pages} pages of 500 by cursor (one client, ms in all)`, rps: NaN, p99: performance.now() - started, non2xx: 0});
      return results;
    } finally {
      await child.stop();
    }
  } finally {
    rmSync(dataDir, {recursive: true, force: true});
  }
}

/** Markdown lines for bench/RESULTS.md. */
export async function benchOffers(options: {serverOnly?: boolean} = {}): Promise<string[]> {
  const offers = generateOffers(COUNT);
  const lines: string[] = [];
  lines.push(`## Internship offers (${fmt(COUNT)} offers)`, '');
  if (options.serverOnly) return serverLines(offers);
  const keys = benchKeystrokes(offers);
  lines.push(
    `Client-side filter + sort per keystroke, typing « ${QUERY} » one key at a time (Node, the widget's pure functions): ` +
      `median ${fmt(keys.median, 2)} ms, p95 ${fmt(keys.p95, 2)} ms, max ${fmt(keys.max, 2)} ms — budget ${BUDGET_MS} ms: ${keys.p95 <= BUDGET_MS ? 'within' : 'OVER'}. ` +
      `${fmt(keys.matches)} offers match the full query.`,
    '',
  );
  try {
    const render = await benchFirstRender(offers);
    lines.push(
      `First render of \`<cpts-internship-offers>\` in Chromium, from setting the offers to the first frame: ${fmt(render.batched, 0)} ms with 48-card batches (the default), ${fmt(render.all, 0)} ms rendering all ${fmt(COUNT)} cards at once.`,
      '',
    );
  } catch (error) {
    lines.push(`First render in Chromium: not measured (${(error as Error).message.split('\n')[0]}; run \`npm run build\` first).`, '');
  }
  return [...lines, ...(await serverLines(offers))];
}

async function serverLines(offers: InternshipOffer[]): Promise<string[]> {
  const lines: string[] = [`## Internship offers: server list endpoint (${fmt(COUNT)} offers)`, ''];
  const server = await benchServerList(offers);
  lines.push(`Server list endpoint, PGlite with ${fmt(COUNT)} published offers, 10 connections, ${DURATION_S} s (autocannon):`, '');
  lines.push('| request | req/s | p99 ms | non-2xx |', '|---|---:|---:|---:|');
  for (const r of server) lines.push(`| ${r.name} | ${Number.isNaN(r.rps) ? '—' : fmt(r.rps)} | ${fmt(r.p99)} | ${fmt(r.non2xx)} |`);
  lines.push('');
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--server`: only the list endpoint (no browser, no build needed)
  for (const line of await benchOffers({serverOnly: process.argv.includes('--server')})) console.log(line);
}
