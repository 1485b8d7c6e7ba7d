import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {gzipSync} from 'node:zlib';
import {pathToFileURL} from 'node:url';
import {chromium, type Page} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {fmt, repoRoot, startProcess} from './lib.js';

/** DESIGN §7: all the JS a page with only `<cpts-intake-form>` downloads, gzip, all chunks. */
export const BUDGET_PAGE_GZIP = 20 * 1024;
/** DESIGN §7, as a browser receives it from our server (brotli): before the form can be typed into, and in all. */
export const BUDGET_INTAKE_WIRE_USABLE = 20 * 1024;
export const BUDGET_INTAKE_WIRE_ALL = 30 * 1024;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

const gzipSize = (bytes: Buffer | Uint8Array) => gzipSync(bytes, {level: 9}).length;

/** Every JS file of the script-tag build. */
export function distSizes(): FileSize[] {
  const dist = join(repoRoot, 'dist');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) files.push(path);
    }
  };
  walk(dist);
  return files.sort().map((path) => {
    const bytes = readFileSync(path);
    return {file: relative(repoRoot, path), raw: bytes.length, gzip: gzipSize(bytes)};
  });
}

export interface PageDownload {
  page: string;
  scripts: FileSize[];
  totalGzip: number;
  mapBytes: number;
  /** JS body bytes on the wire, as the server encoded them (`Content-Encoding`), by encoding. */
  wire: {total: number; encodings: string[]};
  /** The same, only of the scripts received before the page's first form field existed (none: no form). */
  wireBeforeUsable?: number;
}

/** The JS of a page as it came over the network: encoded body bytes, when each arrived, how encoded. */
interface WireScript {
  bytes: number;
  at: number;
  encoding: string;
}

/** Resolves with the time the first field of an intake form can take a key, if the page has one. */
function formUsableAt(page: Page): Promise<number | undefined> {
  return page
    .waitForFunction(() => document.querySelector('cpts-intake-form')?.shadowRoot?.querySelector('input') ?? null, undefined, {timeout: 15_000})
    .then(() => performance.now())
    .catch(() => undefined);
}

/** What a real page downloads, read from the browser's own network log. */
export async function pageDownloads(baseUrl: string, pages: string[]): Promise<PageDownload[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const results: PageDownload[] = [];
    for (const path of pages) {
      const page = await browser.newPage();
      const scripts: FileSize[] = [];
      const wire: Promise<WireScript>[] = [];
      page.on('response', async (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript')) return;
        const encoding = response.headers()['content-encoding'] ?? 'identity';
        wire.push(response.finished().then(async () => ({bytes: (await response.request().sizes()).responseBodySize, at: performance.now(), encoding})));
        const body = await response.body().catch(() => Buffer.alloc(0));
        scripts.push({file: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body)});
      });
      const usable = formUsableAt(page);
      await page.goto(baseUrl + path, {waitUntil: 'networkidle'});
      const usableAt = await usable;
      await page.close();
      const received = await Promise.all(wire);
      const mapBytes = scripts.filter((s) => /leaflet|supercluster|map-engine|cluster-worker/i.test(s.file)).reduce((n, s) => n + s.gzip, 0);
      const download: PageDownload = {
        page: path,
        scripts,
        totalGzip: scripts.reduce((n, s) => n + s.gzip, 0),
        mapBytes,
        wire: {total: received.reduce((n, w) => n + w.bytes, 0), encodings: [...new Set(received.map((w) => w.encoding))]},
      };
      if (usableAt !== undefined) download.wireBeforeUsable = received.filter((w) => w.at <= usableAt).reduce((n, w) => n + w.bytes, 0);
      results.push(download);
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** commune.html (the intake form alone) against its budget, file by file; and map code where there is no map. */
export function budgetLines(pages: PageDownload[]): string[] {
  const lines: string[] = [];
  const commune = pages.find((p) => p.page === '/examples/commune.html');
  if (commune) {
    const over = commune.totalGzip - BUDGET_PAGE_GZIP;
    const verdict = over <= 0 ? `within, ${fmt(-over)} to spare` : `${fmt(over)} over`;
    lines.push(
      `**commune.html: ${fmt(commune.totalGzip)} bytes of JS (gzip, ${commune.scripts.length} files) against a budget of ${fmt(BUDGET_PAGE_GZIP)}: ${verdict}.** Map code: ${fmt(commune.mapBytes)} bytes.`,
      '',
    );
    const wireVerdict = (bytes: number, budget: number) => `${fmt(bytes)} against ${fmt(budget)}${bytes <= budget ? '' : `: ${fmt(bytes - budget)} over`}`;
    lines.push(
      `**commune.html on the wire from our server (${commune.wire.encodings.join(', ')}): before the form can be typed into ${wireVerdict(commune.wireBeforeUsable ?? commune.wire.total, BUDGET_INTAKE_WIRE_USABLE)}; in all ${wireVerdict(commune.wire.total, BUDGET_INTAKE_WIRE_ALL)}.**`,
      '',
    );
    lines.push('| commune.html file | gzip bytes | share |', '|---|---:|---:|');
    for (const s of [...commune.scripts].sort((a, b) => b.gzip - a.gzip)) lines.push(`| ${s.file} | ${fmt(s.gzip)} | ${fmt((100 * s.gzip) / commune.totalGzip, 1)} % |`);
    lines.push('');
  }
  for (const p of pages) {
    if (p.page !== '/examples/cpts.html' && p.mapBytes > 0) lines.push(`**${p.page} shows no map but downloads ${fmt(p.mapBytes)} bytes of map code.**`, '');
  }
  return lines;
}

// `node --import tsx bench/sizes.ts` (after `npm run build`): only the page sizes, in a few seconds
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startProcess('packages/server/src/main.ts', {DATABASE_URL: 'memory://'});
  try {
    const pages = await pageDownloads(server.url, ['/examples/commune.html', '/examples/practitioner.html', '/examples/internships.html']);
    for (const p of pages) console.log(`${p.page}: ${fmt(p.totalGzip)} bytes — ${p.scripts.map((s) => `${s.file} (${fmt(s.gzip)})`).join(', ')}`);
    console.log('');
    for (const line of budgetLines(pages)) console.log(line);
  } finally {
    await server.stop();
  }
}
