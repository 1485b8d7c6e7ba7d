// Matching on a generated territory: 2,000 GPs with their declarations and 20,000 waiting people on
// PGlite, with places already taken this month. Times one `…/matches` call and 1,000 in a row (each
// for another person). Run alone with `node --import tsx bench/matching.ts` or from bench/run.ts
// (`--only=matching`). In-process requests (app.request): routing, SQL ranking, JSON. Reported, never asserted.
import {pathToFileURL} from 'node:url';
import type {AvailabilityDeclaration, IntakeRequestCreate, MatchList, PatientScope, Tristate} from '@cpts-kit/contract';
import {createApp} from '../packages/server/src/app.js';
import {issueToken} from '../packages/server/src/auth.js';
import {deriveKeys} from '../packages/server/src/crypto.js';
import {migrate, openPglite, type Db} from '../packages/server/src/db/index.js';
import {prepareIntakeInsert} from '../packages/server/src/intake-rules.js';
import {insertBatch} from '../packages/server/src/intake-writer.js';
import {seedDemo, seededRandom} from '../packages/server/src/seed.js';
import {fmt} from './lib.js';

const PRACTITIONERS = 2_000;
const PEOPLE = 20_000;
const IN_A_ROW = 1_000;
const SECRET = 'bench-secret-key-not-for-production';
const DAY = 86_400_000;

interface Commune {
  insee: string;
  lat: number;
  lng: number;
}

function declarationFor(random: () => number, communes: Commune[]): AvailabilityDeclaration {
  const pick = () => communes[Math.floor(random() * communes.length)]!.insee;
  const r = random();
  const scope: PatientScope[] = r < 0.7 ? ['all'] : r < 0.8 ? ['priority_only'] : r < 0.87 ? ['children'] : r < 0.94 ? ['elderly'] : ['chosen_communes'];
  const homeVisits = random() < 0.35;
  return {
    accepting: random() < 0.45 ? 'yes' : random() < 0.6 ? 'limited' : 'no',
    monthlyQuota: random() < 0.3 ? null : 1 + Math.floor(random() * 8),
    patientScope: scope,
    scopeCommunes: scope[0] === 'chosen_communes' ? [pick(), pick(), pick()] : [],
    homeVisits,
    homeVisitCommunes: homeVisits ? [pick(), pick()] : [],
    snpSlotsThisWeek: 0,
    teleconsultation: false,
    hostsInterns: false,
    visibility: random() < 0.8 ? 'public' : 'network',
    noteForCoordinator: null,
  };
}

async function seedPractitioners(db: Db, random: () => number, communes: Commune[]): Promise<void> {
  const ids: string[] = [];
  const insee: string[] = [];
  const lat: number[] = [];
  const lng: number[] = [];
  const names: string[] = [];
  const declarations: string[] = [];
  const declaredAt: string[] = [];
  for (let i = 0; i < PRACTITIONERS; i++) {
    const c = communes[i % communes.length]!;
    ids.push(crypto.randomUUID());
    insee.push(c.insee);
    lat.push(c.lat + (random() - 0.5) * 0.01);
    lng.push(c.lng + (random() - 0.5) * 0.01);
    names.push(`Bench-${i}`);
    declarations.push(JSON.stringify(declarationFor(random, communes)));
    // a sixth of them have not declared for two months: stale, listed apart
    declaredAt.push(new Date(Date.now() - random() * (random() < 0.17 ? 90 : 25) * DAY).toISOString());
  }
  await db.query(
    `insert into practitioners (id, territory, profession, first_name, last_name, commune_insee, lat, lng)
     select id, 'demo', 'medecin_generaliste', 'Camille', name, insee, lat, lng
       from unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[], $5::text[]) as t(id, insee, lat, lng, name)`,
    [ids, insee, lat, lng, names],
  );
  // one in ten has never declared
  const declared = ids.map((id, i) => ({id, d: declarations[i]!, at: declaredAt[i]!})).filter((_, i) => i % 10 !== 0);
  await db.query(
    `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_at, declared_by)
     select gen_random_uuid(), id, d::jsonb, d::jsonb->>'visibility', at, 'practitioner'
       from unnest($1::uuid[], $2::text[], $3::timestamptz[]) as t(id, d, at)`,
    [declared.map((x) => x.id), declared.map((x) => x.d), declared.map((x) => x.at)],
  );
}

async function seedPeople(db: Db, random: () => number, communes: Commune[]): Promise<void> {
  const keys = deriveKeys(SECRET);
  const answer = (p: number): Tristate => (random() < p ? 'yes' : 'no');
  for (let start = 0; start < PEOPLE; start += 500) {
    const items = Array.from({length: Math.min(500, PEOPLE - start)}, (_, k) => {
      const i = start + k;
      const age = 1 + Math.floor(random() * 95);
      const body: IntakeRequestCreate = {
        requester: {kind: 'self'},
        person: {
          lastName: `Attente-${i}`,
          firstNames: 'Dominique',
          birthDate: new Date(Date.now() - (age * 365.25 + 100) * DAY).toISOString().slice(0, 10),
          phone: `06 ${String(10 + (i % 90))} ${String(10 + ((i >> 3) % 90))} ${String(10 + ((i >> 6) % 90))} ${String(10 + (i % 89))}`,
          communeInsee: communes[Math.floor(random() * communes.length)]!.insee,
        },
        situation: {reason: 'gp_retired'},
        priority: {ald: answer(0.3), cssAme: answer(0.1), pregnancy: 'no', disability: answer(0.05), homeVisits: answer(0.1), chronicFollowUp: answer(0.3)},
        consent: true,
      };
      const at = new Date(Date.now() - random() * 600 * DAY);
      return prepareIntakeInsert(keys, {territory: 'demo', key: `bench-match-${i}`, operation: 'bench', bodyHash: '', at, channel: 'form', by: 'formulaire'}, body);
    });
    await insertBatch(db, items);
  }
  // places already taken this month: 3,000 accepted proposals spread over the GPs
  await db.query(
    `insert into proposals (id, territory, request_id, practitioner_id, origin, status, proposed_by, proposed_at, answered_at, accepted_at)
     select gen_random_uuid(), 'demo', r.id, p.id, 'coordinator', 'accepted', 'bench', now(), now(), now()
       from (select id, row_number() over (order by id) as n from intake_requests where territory = 'demo' limit 3000) r
       join (select id, row_number() over (order by id) as n from practitioners where territory = 'demo') p on p.n = 1 + (r.n * 7) % ${PRACTITIONERS}`,
  );
}

export async function benchMatching(): Promise<string[]> {
  const db = await openPglite();
  try {
    await migrate(db);
    await seedDemo(db);
    const communes = await db.query<Commune>("select insee, lat, lng from territory_communes where territory = 'demo' and lat is not null order by insee");
    const random = seededRandom(12);
    const started = performance.now();
    await seedPractitioners(db, random, communes);
    await seedPeople(db, random, communes);
    const loadMs = performance.now() - started;
    // PostgreSQL's autovacuum would have analysed tables this size; PGlite runs no autovacuum
    await db.query('analyze');
    const people = (
      await db.query<{id: string}>("select id from intake_requests where territory = 'demo' and status = 'received' order by created_at limit $1", [IN_A_ROW + 1])
    ).map((r) => r.id);
    const {token} = await issueToken(db, {territory: 'demo', kind: 'coordinator', label: 'bench'});
    const app = createApp({db, config: {secretKey: SECRET, allowedOrigins: [], production: false, version: 'bench', rateLimitPerMinute: 0, trustProxy: 0}});
    const matches = async (id: string): Promise<MatchList> => {
      const res = await app.request(`/v1/territories/demo/intake-requests/${id}/matches`, {headers: {Authorization: `Bearer ${token}`}});
      if (res.status !== 200) throw new Error(`matches: ${res.status} ${await res.text()}`);
      return (await res.json()) as MatchList;
    };
    const t1 = performance.now();
    const first = await matches(people[0]!);
    const oneMs = performance.now() - t1;
    const times: number[] = [];
    let found = 0;
    const t2 = performance.now();
    for (const id of people.slice(1)) {
      const t = performance.now();
      const list = await matches(id);
      times.push(performance.now() - t);
      found += list.items.length;
    }
    const rowMs = performance.now() - t2;
    times.sort((a, b) => a - b);
    const p = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    return [
      `## Matching (${fmt(PRACTITIONERS)} GPs, ${fmt(PEOPLE)} waiting people, PGlite)`,
      '',
      `In-process requests (\`app.request\`, no network) on the demo territory's communes, loaded in ${fmt(loadMs)} ms; 3,000 places already taken this month.`,
      '',
      '| what | ms |',
      '|---|---:|',
      `| one \`…/matches\` call (the first, cold) | ${oneMs.toFixed(1)} |`,
      `| ${fmt(IN_A_ROW)} calls in a row, each for another person | ${fmt(rowMs)} |`,
      `| median / p95 of those | ${p(0.5)} / ${p(0.95)} |`,
      '',
      `The first person got ${first.items.length} matches and ${first.apart.length} apart; on average ${(found / IN_A_ROW).toFixed(1)} matches (limit 20).`,
      '',
    ];
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchMatching()) console.log(line);
}
