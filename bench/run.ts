// npm run bench: prints the figures and writes bench/RESULTS.md. Tests never assert on timings; this does not either.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fmt, repoRoot, startProcess} from './lib.js';
import {load, type LoadResult} from './load.js';
import {benchIntake} from './intake.js';
import {benchInstances} from './instances.js';
import {benchMap} from './map.js';
import {benchMapApi} from './map-api.js';
import {benchMatching} from './matching.js';
import {benchOffers} from './offers.js';
import {benchStats} from './stats.js';
import {benchWaitingList} from './waiting-list.js';
import {BUDGET_INTAKE_WIRE_ALL, BUDGET_INTAKE_WIRE_USABLE, budgetLines, distSizes, pageDownloads} from './sizes.js';

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

// `--only=get,intake,offers-server` runs those parts and replaces only their sections of
// bench/RESULTS.md, each stamped with when and on how loaded a machine it was measured
const SECTIONS = ['sizes', 'get', 'intake', 'intake-instances', 'map', 'map-api', 'offers', 'offers-server', 'waiting-list', 'matching', 'stats'] as const;
type Section = (typeof SECTIONS)[number];
function toSection(name: string): Section {
  const section = SECTIONS.find((s) => s === name);
  if (!section) throw new Error(`--only: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
  return section;
}
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',').map(toSection)) : undefined;
const wanted = (s: Section) => (only ? only.has(s) : s !== 'offers-server');

const machine = () => {
  const [one, five] = loadavg();
  const loaded = (five ?? 0) > cpus().length * 0.75;
  return `Node ${process.version}, ${cpus().length} cores, load average ${one?.toFixed(1)} (1 min) / ${five?.toFixed(1)} (5 min) when it started${loaded ? ' — a loaded machine (shared with other jobs): figures are lower and noisier than on a quiet one' : ''}. Server and load generator on the same machine (loopback).`;
};

/** Replaces the `## ` sections of `fresh` in `old`, keeps the others, appends new ones. */
function mergeSections(old: string, fresh: string[]): string {
  const split = (text: string) => {
    const out: {title: string; body: string[]}[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('## ')) out.push({title: line, body: [line]});
      else if (out.length > 0) out.at(-1)!.body.push(line);
    }
    return out;
  };
  const head = old.split('\n## ')[0]!;
  const sections = split(old);
  for (const section of split(fresh.join('\n'))) {
    const at = sections.findIndex((s) => s.title === section.title);
    if (at >= 0) sections[at] = section;
    else sections.push(section);
  }
  return [head.trimEnd(), '', ...sections.map((s) => s.body.join('\n').trimEnd() + '\n')].join('\n');
}

async function main() {
  if (only) return partial();
  say('# Benchmarks');
  say();
  say(`Run on ${new Date().toISOString()} — ${machine()}`);
  say();

  for (const line of await benchSizes()) say(line);
  say('## Server throughput (autocannon, 20 connections, 5 s each)');
  say();
  for (const line of await benchGets()) say(line);
  await benchIntake(say);
  await benchInstances(say);
  say();
  for (const line of await benchMap()) say(line);
  say();
  for (const line of await benchMapApi()) say(line);
  say();
  for (const line of await benchOffers()) say(line);
  say();
  for (const line of await benchWaitingList()) say(line);
  say();
  for (const line of await benchMatching()) say(line);
  say();
  for (const line of await benchStats()) say(line);
  void wanted;
  writeFileSync(join(repoRoot, 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
  console.log('\nwritten to bench/RESULTS.md');
}

async function partial() {
  if (wanted('sizes')) for (const line of await benchSizes()) say(line);
  const stamp = () => `_Measured ${new Date().toISOString()}, \`bench/run.ts --only=${[...only!].join(',')}\` — ${machine()}_`;
  if (wanted('get')) {
    say(`## Server throughput (autocannon, 20 connections, 5 s each)`);
    say();
    say(stamp());
    say();
    for (const line of await benchGets()) say(line);
  }
  if (wanted('intake')) {
    const stamped = stamp();
    const intake: string[] = [];
    await benchIntake((line = '') => intake.push(line));
    say(intake[0]);
    say();
    say(stamped);
    for (const line of intake.slice(1)) say(line);
  }
  if (wanted('intake-instances')) {
    const stamped = stamp();
    const instances: string[] = [];
    await benchInstances((line = '') => instances.push(line));
    say(instances[0]);
    say();
    say(stamped);
    for (const line of instances.slice(1)) say(line);
  }
  if (wanted('map-api')) {
    const stamped = stamp();
    const map = await benchMapApi();
    say(map[0]);
    say();
    say(stamped);
    for (const line of map.slice(1)) say(line);
  }
  if (wanted('offers-server')) {
    const stamped = stamp();
    const offers = await benchOffers({serverOnly: true});
    say(offers[0]);
    say();
    say(stamped);
    for (const line of offers.slice(1)) say(line);
  }
  if (wanted('waiting-list')) {
    const stamped = stamp();
    const waiting = await benchWaitingList();
    say(waiting[0]);
    say();
    say(stamped);
    for (const line of waiting.slice(1)) say(line);
  }
  if (wanted('matching')) {
    const stamped = stamp();
    const matching = await benchMatching();
    say(matching[0]);
    say();
    say(stamped);
    for (const line of matching.slice(1)) say(line);
  }
  if (wanted('stats')) {
    const stamped = stamp();
    const stats = await benchStats();
    say(stats[0]);
    say();
    say(stamped);
    for (const line of stats.slice(1)) say(line);
  }
  const file = join(repoRoot, 'bench', 'RESULTS.md');
  writeFileSync(file, mergeSections(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', lines));
  console.log('\nmerged into bench/RESULTS.md');
}

/** The bundle's files, and what each example page downloads, against the intake page's budget. */
async function benchSizes(): Promise<string[]> {
  const out: string[] = [];
  out.push('## Bundle sizes (gzip -9)');
  out.push('');
  out.push('| file | raw bytes | gzip bytes |');
  out.push('|---|---:|---:|');
  for (const f of distSizes()) out.push(`| ${f.file} | ${fmt(f.raw)} | ${fmt(f.gzip)} |`);
  out.push('');

  const server = await startProcess('packages/server/src/main.ts', {DATABASE_URL: 'memory://', CPTS_DEMO_TOKEN: 'bench-token-0123456789abcdef0123'});
  try {
    out.push('## What a page downloads (all JS, gzip, measured in Chromium)');
    out.push('');
    out.push('| page | scripts | JS gzip bytes | map code bytes |');
    out.push('|---|---|---:|---:|');
    const pages = await pageDownloads(server.url, [
      '/examples/commune.html',
      '/examples/cpts.html',
      '/examples/practitioner.html',
      '/examples/internships.html',
      '/examples/coordinator.html',
    ]);
    for (const p of pages) {
      const names = p.scripts.map((s) => `${s.file} (${fmt(s.gzip)})`).join(', ');
      out.push(`| ${p.page} | ${names} | ${fmt(p.totalGzip)} | ${fmt(p.mapBytes)} |`);
    }
    out.push('');
    out.push(
      `Budget for a page with only the intake form (commune.html), on the wire from our server: ≤ ${fmt(BUDGET_INTAKE_WIRE_USABLE)} bytes before the form can be typed into, ≤ ${fmt(BUDGET_INTAKE_WIRE_ALL)} in all (once the person has started typing); and 0 bytes of map code on any page without a map.`,
    );
    out.push('');
    for (const line of budgetLines(pages)) out.push(line);
  } finally {
    await server.stop();
  }
  return out;
}

/** The public GET beside bare Hono answering the same bytes, and its 304. */
async function benchGets(): Promise<string[]> {
  const out: string[] = [];
  const server = await startProcess('packages/server/src/main.ts', {DATABASE_URL: 'memory://', CPTS_DEMO_TOKEN: 'bench-token-0123456789abcdef0123'});
  try {
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
    out.push(`Body ${fmt(body.length)} bytes.`, '', '| route | req/s | p99 ms | non-2xx | errors |', '|---|---:|---:|---:|---:|');
    for (const r of results) out.push(`| ${r.name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p99Ms)} | ${r.non2xx} | ${r.errors} |`);
    out.push('', 'Budget: public GETs with ETag ≥ 5,000 req/s.', '');
  } finally {
    await server.stop();
  }
  return out;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
