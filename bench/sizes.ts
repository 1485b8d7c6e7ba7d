import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {gzipSync} from 'node:zlib';
import {pathToFileURL} from 'node:url';
import {chromium, type Page} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {fmt, repoRoot, startProcess} from './lib.js';

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
  /** The same, only of the scripts fully received before the page's first form field existed (none: no form). */
  wireBeforeUsable?: number;
}

/** One script as the page's Resource Timing saw it: encoded (on the wire) body bytes, when it ended. */
interface WireScript {
  name: string;
  bytes: number;
  end: number;
}

declare global {
  interface Window {
    /** Set by `watchFormUsable`: when the intake form's first field was put in the page. */
    cptsFormUsableAt?: number;
  }
}

/**
 * Runs in the page before its scripts: notes the moment the intake form's first `<input>` enters
 * its shadow root (a MutationObserver, so the time is that of the render itself, before any later
 * network event), in the page's own clock, which Resource Timing uses too.
 */
function watchFormUsable(): void {
  const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')?.value as (this: Element, init: ShadowRootInit) => ShadowRoot;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, init);
    if (this.localName === 'cpts-intake-form') {
      const observer = new MutationObserver(() => {
        if (!root.querySelector('input')) return;
        window.cptsFormUsableAt ??= performance.now();
        observer.disconnect();
      });
      observer.observe(root, {childList: true, subtree: true});
    }
    return root;
  };
}

/** Scripts the page received so far, from Resource Timing (same origin: sizes are exposed). */
function scriptsReceived(page: Page): Promise<{scripts: WireScript[]; usableAt: number | undefined}> {
  return page.evaluate(() => ({
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming && new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({name: new URL(entry.name).pathname, bytes: entry.encodedBodySize, end: entry.responseEnd})),
    usableAt: window.cptsFormUsableAt,
  }));
}

/**
 * Types one letter in the intake form's first field, as a person starts to: the form then fetches
 * what only sending needs, which belongs in the page's "in all".
 */
async function startTyping(page: Page): Promise<void> {
  const field = page.locator('cpts-intake-form input[type="text"]').first();
  if ((await field.count()) === 0) return;
  await field.pressSequentially('D');
  await page.waitForLoadState('networkidle');
  // networkidle can come before a dynamic import's chunks have all been asked for
  await page.waitForTimeout(500);
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
      await page.addInitScript(watchFormUsable);
      const scripts: FileSize[] = [];
      const encodings = new Set<string>();
      page.on('response', async (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript')) return;
        encodings.add(response.headers()['content-encoding'] ?? 'identity');
        const body = await response.body().catch(() => Buffer.alloc(0));
        scripts.push({file: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body)});
      });
      await page.goto(baseUrl + path, {waitUntil: 'networkidle'});
      await startTyping(page);
      const {scripts: received, usableAt} = await scriptsReceived(page);
      await page.close();
      const mapBytes = scripts.filter((s) => /leaflet|supercluster|map-engine|cluster-worker/i.test(s.file)).reduce((n, s) => n + s.gzip, 0);
      const download: PageDownload = {
        page: path,
        scripts,
        totalGzip: scripts.reduce((n, s) => n + s.gzip, 0),
        mapBytes,
        wire: {total: received.reduce((n, w) => n + w.bytes, 0), encodings: [...encodings]},
      };
      if (usableAt !== undefined) download.wireBeforeUsable = received.filter((w) => w.end <= usableAt).reduce((n, w) => n + w.bytes, 0);
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
    lines.push(`Map code on commune.html: ${fmt(commune.mapBytes)} bytes.`, '');
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
