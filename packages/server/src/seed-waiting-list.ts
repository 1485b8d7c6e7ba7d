import type {CallOutcome, CloseReason, IntakeReason, IntakeRequestCreate, IntakeStatus, RequesterKind, Tristate} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {prepareIntakeInsert} from './intake-rules.js';
import {insertBatch} from './intake-writer.js';
import {DEMO_SLUG, seededRandom} from './seed.js';
import {sealNote} from './waiting-list-read.js';

export const FIRST = [
  'Jeanne',
  'Marcel',
  'Odette',
  'Gérard',
  'Lucie',
  'Bernard',
  'Aïcha',
  'Kevin',
  'Nathalie',
  'Louis',
  'Emma',
  'Rose',
  'Jules',
  'Monique',
  'Yvette',
  'Patrick',
  'Samia',
  'Théo',
  'Colette',
  'René',
];
export const LAST = [
  'Deneuville',
  'Carpentier',
  'Lemoine',
  'Delporte',
  'Bourgois',
  'Tartare',
  'Courtin',
  'Lheureux',
  'Ramet',
  'Dufossé',
  'Mahieu',
  'Ficheux',
  'Bacquet',
  'Debril',
  'Coppin',
  'Lesage',
  'Bouchart',
  'Ledoux',
  'Obin',
  'Wimet',
];
const REASONS: IntakeReason[] = ['gp_retired', 'gp_retired', 'gp_retired', 'moved_in', 'moved_in', 'too_far', 'no_home_visits', 'never_had', 'relationship_ended'];
const HELPERS: [RequesterKind, string][] = [
  ['relative', 'Sa fille'],
  ['pharmacist', 'Pharmacie du Centre'],
  ['nurse', 'Cabinet infirmier des Marais'],
  ['social_worker', 'CCAS de Saint-Omer'],
  ['town_hall', 'Mairie d’Arques'],
];
/** 60 requests: most waiting, some on their way, some finished — what a CPTS's list looks like after a few months. */
const STATUSES: IntakeStatus[] = [
  ...Array<IntakeStatus>(26).fill('received'),
  ...Array<IntakeStatus>(12).fill('contacted'),
  ...Array<IntakeStatus>(8).fill('oriented'),
  ...Array<IntakeStatus>(8).fill('resolved'),
  ...Array<IntakeStatus>(6).fill('closed'),
];
const CLOSE: CloseReason[] = ['found_alone', 'moved_away', 'unreachable', 'withdrew', 'unreachable', 'other'];
const OUTCOMES: CallOutcome[] = ['no_answer', 'voicemail', 'reached', 'no_answer', 'reached'];
const DAY = 86_400_000;

/** Fictional people waiting in the demo territory, so the waiting list's pages show a living list. Runs once, on a demo with no request yet. */
export async function seedWaitingList(db: Db, keys: Keys, now = new Date()): Promise<number> {
  const [existing] = await db.query('select 1 from intake_requests where territory = $1 limit 1', [DEMO_SLUG]);
  if (existing) return 0;
  const communes = (await db.query<{insee: string}>('select insee from territory_communes where territory = $1 order by population desc nulls last, insee', [DEMO_SLUG])).map(
    (c) => c.insee,
  );
  if (communes.length === 0) return 0;
  const random = seededRandom(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const yesNo = (p: number): Tristate => (random() < p ? 'yes' : random() < 0.85 ? 'no' : 'unknown');
  const plans = STATUSES.map((status, i) => {
    const age = i % 7 === 0 ? 72 + Math.floor(random() * 20) : i % 11 === 0 ? 1 + Math.floor(random() * 4) : 18 + Math.floor(random() * 50);
    const birth = new Date(now.getTime() - (age * 365.25 + random() * 300) * DAY).toISOString().slice(0, 10);
    const helper = i % 4 === 0 ? pick(HELPERS) : null;
    const reason = pick(REASONS);
    const body: IntakeRequestCreate = {
      requester: helper ? {kind: helper[0], name: helper[1], phone: `03 21 ${40 + (i % 50)} 10 ${10 + (i % 80)}`} : {kind: 'self'},
      person: {
        lastName: LAST[i % LAST.length]!,
        firstNames: FIRST[(i * 7) % FIRST.length]!,
        birthDate: birth,
        phone: `06 ${String(10 + i).padStart(2, '0')} ${String(20 + ((i * 3) % 70))} ${String(30 + ((i * 5) % 60))} ${String(40 + ((i * 7) % 50))}`,
        communeInsee: communes[i % 3 === 0 ? 0 : Math.floor(random() * communes.length)]!,
        ...(i % 5 === 0 ? {bestTimeToCall: 'le matin avant 11 h'} : {}),
      },
      situation: reason === 'gp_retired' ? {reason, since: new Date(now.getTime() - 200 * DAY).toISOString().slice(0, 10)} : {reason},
      priority: {
        ald: yesNo(0.3),
        cssAme: yesNo(0.12),
        pregnancy: age < 45 && age > 18 ? yesNo(0.1) : 'no',
        disability: yesNo(0.08),
        homeVisits: age >= 75 ? yesNo(0.5) : yesNo(0.04),
        chronicFollowUp: yesNo(0.3),
      },
      consent: true,
    };
    const channel = i % 9 === 0 ? 'phone' : i % 13 === 0 ? 'paper' : 'form';
    const at = new Date(now.getTime() - (i < 26 ? 2 + i * 4.3 : 30 + i * 1.5) * DAY - (random() * DAY) / 2);
    return {status, at, channel, body, i} as const;
  });
  // one person registered twice, by herself and by the pharmacist: the list flags it
  plans[2]!.body.person = {...plans[20]!.body.person};
  plans[2]!.body.requester = {kind: 'pharmacist', name: 'Pharmacie du Centre', phone: '03 21 98 00 00'};
  const inserts = plans.map((p) =>
    prepareIntakeInsert(
      keys,
      {
        territory: DEMO_SLUG,
        key: `demo-seed-${p.i}`,
        operation: 'seedWaitingList',
        bodyHash: '',
        at: p.at,
        channel: p.channel,
        by: p.channel === 'form' ? 'formulaire' : 'coordinateur:démo',
      },
      p.body,
    ),
  );
  return db.transaction(async (tx) => {
    // in arrival order, so the later of two registrations of one person is the one flagged
    await insertBatch(
      tx,
      [...inserts].sort((a, b) => a.at.getTime() - b.at.getTime()),
    );
    for (const [n, p] of plans.entries()) {
      const id = inserts[n]!.id;
      const steps: IntakeStatus[] =
        p.status === 'received'
          ? []
          : p.status === 'contacted'
            ? ['contacted']
            : p.status === 'oriented'
              ? ['contacted', 'oriented']
              : p.status === 'resolved'
                ? ['contacted', 'oriented', 'resolved']
                : ['closed'];
      const calls = p.status === 'received' ? (n % 3 === 0 ? 1 : 0) : 1 + (n % 3);
      for (let k = 0; k < calls; k++) {
        const outcome = k === calls - 1 && p.status !== 'received' && p.status !== 'closed' ? 'reached' : OUTCOMES[(n + k) % OUTCOMES.length]!;
        await event(tx, keys, id, new Date(p.at.getTime() + (k + 1) * DAY), 'call', {outcome}, outcome === 'voicemail' ? 'Message laissé, rappeler en fin de matinée.' : null);
      }
      for (const [k, to] of steps.entries()) {
        const when = new Date(p.at.getTime() + (calls + k + 1) * DAY);
        await tx.query('insert into intake_status_history (id, request_id, status, at, by) values ($1, $2, $3, $4, $5)', [
          crypto.randomUUID(),
          id,
          to,
          when,
          'coordinateur:démo',
        ]);
        await event(
          tx,
          keys,
          id,
          when,
          'transition',
          {from: k === 0 ? 'received' : steps[k - 1], to, ...(to === 'closed' ? {closeReason: CLOSE[n % CLOSE.length]} : {})},
          to === 'oriented' ? 'Proposée à un médecin de la MSP des Marais.' : null,
        );
      }
      const assigned = p.status !== 'received' || n % 4 === 0 ? (n % 2 === 0 ? 'démo' : 'Julie') : null;
      await tx.query(
        `update intake_requests set status = $2, close_reason = $3, assigned_to = $4, notes_encrypted = $5, version = version + $6, updated_at = greatest(updated_at, $7),
                                    status_at = case when $2 = 'received' then status_at else $7::timestamptz end
          where id = $1`,
        [
          id,
          p.status,
          p.status === 'closed' ? CLOSE[n % CLOSE.length] : null,
          assigned,
          n % 6 === 0 ? sealNote(keys, 'Vit seule, préfère être appelée le matin.') : null,
          calls + steps.length,
          new Date(p.at.getTime() + (calls + steps.length) * DAY),
        ],
      );
    }
    return inserts.length;
  });
}

async function event(tx: Db, keys: Keys, id: string, at: Date, kind: string, details: unknown, note: string | null): Promise<void> {
  await tx.query('insert into intake_events (id, request_id, at, by, kind, details, note_encrypted) values ($1, $2, $3, $4, $5, $6, $7)', [
    crypto.randomUUID(),
    id,
    at,
    'coordinateur:démo',
    kind,
    JSON.stringify(details),
    sealNote(keys, note),
  ]);
}
