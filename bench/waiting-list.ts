// The waiting list at 10,000 requests on PGlite: first page, filtered pages, searches through the
// blind indexes, a page deep in the list, the export. Run alone with `node --import tsx bench/waiting-list.ts`
// or from bench/run.ts (`--only=waiting-list`). In-process requests (app.request), so the figures are
// the server's own work: routing, SQL, decryption, JSON. Timings are reported, never asserted.
import {pathToFileURL} from 'node:url';
import type {IntakeRequestCreate, Tristate, WaitingListPage} from '@cpts-kit/contract';
import {createApp} from '../packages/server/src/app.js';
import {issueToken} from '../packages/server/src/auth.js';
import {deriveKeys} from '../packages/server/src/crypto.js';
import {migrate, openPglite} from '../packages/server/src/db/index.js';
import {prepareIntakeInsert} from '../packages/server/src/intake-rules.js';
import {insertBatch} from '../packages/server/src/intake-writer.js';
import {seedDemo, seededRandom} from '../packages/server/src/seed.js';
import {fmt} from './lib.js';

const COUNT = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const SECRET = 'bench-secret-key-not-for-production';
const LAST = ['Martin', 'Bernard', 'Dubois', 'Lefebvre', 'Leroy', 'Moreau', 'Caron', 'Lemaire', 'Dupont', 'Fontaine', 'Delattre', 'Vasseur'];
const DAY = 86_400_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function benchWaitingList(): Promise<string[]> {
  const db = await openPglite();
  try {
    await migrate(db);
    await seedDemo(db);
    const keys = deriveKeys(SECRET);
    const communes = (await db.query<{insee: string}>("select insee from territory_communes where territory = 'demo'")).map((c) => c.insee);
    const random = seededRandom(10_000);
    const answer = (p: number): Tristate => (random() < p ? 'yes' : 'no');
    const started = performance.now();
    for (let start = 0; start < COUNT; start += 256) {
      const items = Array.from({length: Math.min(256, COUNT - start)}, (_, k) => {
        const i = start + k;
        const age = 1 + Math.floor(random() * 95);
        const body: IntakeRequestCreate = {
          requester: {kind: 'self'},
          person: {
            lastName: `${LAST[i % LAST.length]}${i % 7 === 0 ? '' : `-${i}`}`,
            firstNames: 'Camille',
            birthDate: new Date(Date.now() - (age * 365.25 + 100) * DAY).toISOString().slice(0, 10),
            phone: `06 ${String(10 + (i % 90))} ${String(10 + ((i >> 3) % 90))} ${String(10 + ((i >> 6) % 90))} ${String(10 + (i % 89))}`,
            communeInsee: communes[i % communes.length]!,
          },
          situation: {reason: 'gp_retired'},
          priority: {ald: answer(0.3), cssAme: answer(0.1), pregnancy: 'no', disability: answer(0.05), homeVisits: answer(0.07), chronicFollowUp: answer(0.3)},
          consent: true,
        };
        const at = new Date(Date.now() - (COUNT - i) * ((700 * DAY) / COUNT));
        return prepareIntakeInsert(keys, {territory: 'demo', key: `bench-${i}`, operation: 'bench', bodyHash: '', at, channel: 'form', by: 'formulaire'}, body);
      });
      await insertBatch(db, items);
    }
    await db.query("update intake_requests set status = (array['received','contacted','oriented','resolved','closed'])[1 + (abs(hashtext(id::text)) % 5)]");
    const loadMs = performance.now() - started;
    // PostgreSQL's autovacuum would have analysed a table this size; PGlite runs no autovacuum
    await db.query('analyze');
    const {token} = await issueToken(db, {territory: 'demo', kind: 'coordinator', label: 'bench'});
    const app = createApp({db, config: {secretKey: SECRET, allowedOrigins: [], production: false, version: 'bench', rateLimitPerMinute: 0, trustProxy: 0}});
    const base = '/v1/territories/demo/intake-requests';
    const headers = {Authorization: `Bearer ${token}`};
    const get = async (path: string) => {
      const res = await app.request(path, {headers});
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    const post = async (path: string, body: unknown) => {
      const res = await app.request(path, {method: 'POST', headers: {...headers, 'Content-Type': 'application/json'}, body: JSON.stringify(body)});
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    // a cursor 100 pages deep, to show keyset pages cost the same anywhere in the list
    let cursor: string | null = null;
    for (let page = 0; page < 100 && (page === 0 || cursor); page++) {
      cursor = ((await (await get(`${base}?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json()) as WaitingListPage).nextCursor;
    }
    const cases: [string, () => Promise<Response>][] = [
      ['first page (50, triage order, counts per status)', () => get(`${base}?limit=50`)],
      ['filtered: received, 70+, home visits', () => get(`${base}?status=received&ageBand=70_plus&homeVisits=true&limit=50`)],
      ['filtered: one commune, waiting > 180 days, nobody assigned', () => get(`${base}?commune=${communes[0]}&waitingMoreThanDays=180&assigned=nobody&limit=50`)],
      ['page 101 (keyset cursor)', () => get(`${base}?limit=50&cursor=${cursor}`)],
      ['search by last name (blind index)', () => post(`${base}/search`, {text: 'DUPONT'})],
      ['search by phone (blind index)', () => post(`${base}/search`, {text: '+33 6 10 10 10 10'})],
    ];
    const rows: string[] = [];
    for (const [name, run] of cases) {
      await run();
      const times: number[] = [];
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const t = performance.now();
        bytes = (await (await run()).arrayBuffer()).byteLength;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${fmt(bytes)} |`);
    }
    const t = performance.now();
    const csv = await (await get(`${base}/export.csv`)).text();
    const exportMs = performance.now() - t;
    return [
      `## Waiting list (${fmt(COUNT)} requests, PGlite)`,
      '',
      `In-process requests (\`app.request\`, no network), ${ROUNDS} rounds each after one warm-up; ${fmt(COUNT)} requests of the demo territory over two years, loaded in ${fmt(loadMs)} ms.`,
      '',
      '| request | median ms | p95 ms | bytes |',
      '|---|---:|---:|---:|',
      ...rows,
      '',
      `Export of the whole list as CSV (${fmt(csv.split('\r\n').length - 2)} rows, every one decrypted): ${fmt(exportMs)} ms.`,
      '',
      'A search reads one indexed column (HMAC of the normalised name or phone) and decrypts only the rows it shows.',
      '',
    ];
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchWaitingList()) console.log(line);
}
