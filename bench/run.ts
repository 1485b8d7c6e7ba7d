// npm run bench: prints the figures and writes bench/RESULTS.md. Tests never assert on timings; this does not either.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fmt, repoRoot, startProcess} from './lib.js';
import {load, type LoadResult} from './load.js';
import {benchIntake} from './intake.js';
import {benchMap} from './map.js';
import {benchOffers} from './offers.js';
import {BUDGET_PAGE_GZIP, budgetLines, distSizes, pageDownloads} from './sizes.js';

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

async function main() {
  say('# Benchmarks');
  say();
  say(`Run on ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores. Server and load generator on the same machine (loopback).`);
  say();

  say('## Bundle sizes (gzip -9)');
  say();
  say('| file | raw bytes | gzip bytes |');
  say('|---|---:|---:|');
  for (const f of distSizes()) say(`| ${f.file} | ${fmt(f.raw)} | ${fmt(f.gzip)} |`);
  say();

  const server = await startProcess('packages/server/src/main.ts', {DATABASE_URL: 'memory://', CPTS_DEMO_TOKEN: 'bench-token-0123456789abcdef0123'});
  try {
    say('## What a page downloads (all JS, gzip, measured in Chromium)');
    say();
    say('| page | scripts | JS gzip bytes | map code bytes |');
    say('|---|---|---:|---:|');
    const pages = await pageDownloads(server.url, ['/examples/commune.html', '/examples/cpts.html', '/examples/practitioner.html', '/examples/internships.html']);
    for (const p of pages) {
      const names = p.scripts.map((s) => `${s.file} (${fmt(s.gzip)})`).join(', ');
      say(`| ${p.page} | ${names} | ${fmt(p.totalGzip)} | ${fmt(p.mapBytes)} |`);
    }
    say();
    say(`Budget for a page with only the intake form (commune.html): ≤ ${fmt(BUDGET_PAGE_GZIP)} bytes gzip in all, and 0 bytes of map code on any page without a map.`);
    say();
    for (const line of budgetLines(pages)) say(line);

    const body = await (await fetch(`${server.url}/v1/territories/demo`)).text();
    const etag = (await fetch(`${server.url}/v1/territories/demo`)).headers.get('etag');
    const bodyFile = join(mkdtempSync(join(tmpdir(), 'cpts-bench-')), 'territory.json');
    writeFileSync(bodyFile, body);
    const bare = await startProcess('bench/bare-hono.ts', {BARE_BODY_FILE: bodyFile});
    const results: LoadResult[] = [];
    try {
      results.push(await load('bare Hono, same body (baseline)', `${bare.url}/v1/territories/demo`));
      results.push(await load('GET /v1/territories/demo', `${server.url}/v1/territories/demo`));
      if (etag) results.push(await load('GET /v1/territories/demo, If-None-Match (304)', `${server.url}/v1/territories/demo`, {headers: {'if-none-match': etag}}));
    } finally {
      await bare.stop();
    }
    say(`## Server throughput (autocannon, 20 connections, 5 s each; body ${fmt(body.length)} bytes)`);
    say();
    say('| route | req/s | p99 ms | non-2xx | errors |');
    say('|---|---:|---:|---:|---:|');
    for (const r of results) say(`| ${r.name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p99Ms)} | ${r.non2xx} | ${r.errors} |`);
    say();
    say('Budget: public GETs with ETag ≥ 5,000 req/s.');
  } finally {
    await server.stop();
  }
  say();
  await benchIntake(say);
  say();
  for (const line of await benchMap()) say(line);
  say();
  for (const line of await benchOffers()) say(line);
  writeFileSync(join(repoRoot, 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
  console.log('\nwritten to bench/RESULTS.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
