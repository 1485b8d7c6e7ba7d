import type {CloseReason, IntakeReason, IntakeRequestCreate, Tristate} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {prepareIntakeInsert} from './intake-rules.js';
import {insertBatch} from './intake-writer.js';
import {DEMO_SLUG, seededRandom} from './seed.js';
import {FIRST, LAST} from './seed-waiting-list.js';

const DAY = 86_400_000;
const HISTORY = 240;
const REASONS: IntakeReason[] = ['gp_retired', 'gp_retired', 'gp_retired', 'moved_in', 'moved_in', 'too_far', 'no_home_visits', 'never_had', 'relationship_ended', 'other'];
/** How the past requests ended: most found a GP through the CPTS, some alone, the others left. */
const ENDS: (CloseReason | 'resolved')[] = ['resolved', 'resolved', 'resolved', 'resolved', 'resolved', 'found_alone', 'found_alone', 'moved_away', 'unreachable', 'withdrew'];

/**
 * The demo's past year: 240 requests registered 13 to 1 months ago, all finished (a solution
 * through the CPTS or alone, or closed), so the stats and the public impact show a year of figures
 * above the small-cell threshold. Finished requests come after the open ones in the waiting list's
 * triage, so the demo's list still opens on the 60 people waiting.
 */
export async function seedRequestHistory(db: Db, keys: Keys, now = new Date()): Promise<number> {
  const communes = (await db.query<{insee: string}>('select insee from territory_communes where territory = $1 order by population desc nulls last, insee', [DEMO_SLUG])).map(
    (c) => c.insee,
  );
  if (communes.length === 0) return 0;
  const random = seededRandom(13);
  const yesNo = (p: number): Tristate => (random() < p ? 'yes' : 'no');
  const plans = Array.from({length: HISTORY}, (_, i) => {
    const age = random() < 0.22 ? 70 + Math.floor(random() * 22) : random() < 0.08 ? 1 + Math.floor(random() * 4) : 18 + Math.floor(random() * 50);
    const at = new Date(now.getTime() - (30 + random() * 365) * DAY);
    const reason = REASONS[i % REASONS.length]!;
    const body: IntakeRequestCreate = {
      requester: {kind: 'self'},
      person: {
        lastName: LAST[(i * 3) % LAST.length]!,
        firstNames: FIRST[(i * 11) % FIRST.length]!,
        birthDate: new Date(at.getTime() - (age * 365.25 + random() * 300) * DAY).toISOString().slice(0, 10),
        phone: `06 ${String(10 + (i % 89))} ${String(10 + ((i * 7) % 89))} ${String(10 + ((i * 13) % 89))} ${String(10 + ((i * 17) % 89))}`,
        // the town more often than the villages, as in real life
        communeInsee: communes[Math.floor(random() ** 2.5 * communes.length)]!,
      },
      situation: reason === 'other' ? {reason, reasonOther: 'Médecin parti en congé longue durée'} : {reason},
      priority: {
        ald: yesNo(0.28),
        cssAme: yesNo(0.1),
        pregnancy: 'no',
        disability: yesNo(0.06),
        homeVisits: age >= 75 ? yesNo(0.4) : yesNo(0.03),
        chronicFollowUp: yesNo(0.25),
      },
      consent: true,
    };
    const end = ENDS[Math.floor(random() * ENDS.length)]!;
    const finishedAt = new Date(Math.min(now.getTime() - DAY, at.getTime() + (3 + random() ** 1.6 * 150) * DAY));
    return {at, body, end, contactedAt: new Date(at.getTime() + (finishedAt.getTime() - at.getTime()) / 4), finishedAt, i};
  });
  const inserts = plans.map((p) =>
    prepareIntakeInsert(keys, {territory: DEMO_SLUG, key: `demo-history-${p.i}`, operation: 'seedHistory', bodyHash: '', at: p.at, channel: 'form', by: 'formulaire'}, p.body),
  );
  return db.transaction(async (tx) => {
    await insertBatch(
      tx,
      [...inserts].sort((a, b) => a.at.getTime() - b.at.getTime()),
    );
    const ids = inserts.map((i) => i.id);
    const status = plans.map((p) => (p.end === 'resolved' ? 'resolved' : 'closed'));
    const reason = plans.map((p) => (p.end === 'resolved' ? null : p.end));
    await tx.query(
      `update intake_requests r set status = v.status, close_reason = v.reason, duplicate_of = null, updated_at = v.at, status_at = v.at, version = 3
         from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as v(id, status, reason, at) where r.id = v.id`,
      [ids, status, reason, plans.map((p) => p.finishedAt)],
    );
    await tx.query(
      `insert into intake_status_history (id, request_id, status, at, by)
       select gen_random_uuid(), v.id, s.status, s.at, 'coordinateur:démo'
         from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) as v(id, status, contacted, finished)
         cross join lateral (values ('contacted', v.contacted), (v.status, v.finished)) as s(status, at)`,
      [ids, status, plans.map((p) => p.contactedAt), plans.map((p) => p.finishedAt)],
    );
    await tx.query(
      `insert into intake_events (id, request_id, at, by, kind, details)
       select gen_random_uuid(), v.id, v.at, 'coordinateur:démo', 'transition',
              jsonb_build_object('from', 'contacted', 'to', v.status) || case when v.reason is null then '{}'::jsonb else jsonb_build_object('closeReason', v.reason) end
         from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as v(id, status, reason, at)`,
      [ids, status, reason, plans.map((p) => p.finishedAt)],
    );
    return inserts.length;
  });
}
