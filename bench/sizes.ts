import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {gzipSync} from 'node:zlib';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {repoRoot} from './lib.js';

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
      page.on('response', async (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript')) return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        scripts.push({file: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body)});
      });
      await page.goto(baseUrl + path, {waitUntil: 'networkidle'});
      await page.close();
      const mapBytes = scripts.filter((s) => /leaflet|supercluster|map/i.test(s.file)).reduce((n, s) => n + s.gzip, 0);
      results.push({page: path, scripts, totalGzip: scripts.reduce((n, s) => n + s.gzip, 0), mapBytes});
    }
    return results;
  } finally {
    await browser.close();
  }
}
