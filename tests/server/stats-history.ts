/**
 * A generated history of requests for the stats tests and bench: written straight in SQL (no
 * encryption: the stats read only the clear columns), with each request's status history, some
 * reopened, some merged as duplicates. Deterministic for a seed.
 */
import type {CloseReason, IntakeReason, IntakeStatus} from '@cpts-kit/contract';
import type {Db} from '../../packages/server/src/db/index.js';
import {seededRandom} from '../../packages/server/src/seed.js';

const DAY = 86_400_000;
const REASONS: IntakeReason[] = ['gp_retired', 'gp_retired', 'moved_in', 'too_far', 'no_home_visits', 'relationship_ended', 'never_had', 'other'];
const CLOSES: CloseReason[] = ['found_via_cpts', 'found_alone', 'found_alone', 'moved_away', 'unreachable', 'duplicate', 'withdrew', 'other'];
const ANSWERS = ['ald', 'cssAme', 'pregnancy', 'disability', 'homeVisits', 'chronicFollowUp'] as const;

export interface GeneratedRequest {
  id: string;
  commune: string;
  reason: IntakeReason;
  status: IntakeStatus;
  closeReason: CloseReason | null;
  hasPriority: boolean;
  priority: Record<(typeof ANSWERS)[number], 'yes' | 'no' | 'unknown'>;
  /** First day of the birth month. */
  birthMonth: string;
  createdAt: Date;
  /** When it last entered its current status (solved or closed), else null. */
  finishedAt: Date | null;
  history: {status: IntakeStatus; at: Date}[];
}

export interface HistoryOptions {
  territory: string;
  /** Communes, the first ones more often (a town and its villages). */
  communes: readonly string[];
  count: number;
  days: number;
  now?: Date;
  seed?: number;
}

/** The requests, before writing: the tests compute the expected figures from these. */
export function generateHistory(o: HistoryOptions): GeneratedRequest[] {
  const random = seededRandom(o.seed ?? 13);
  const now = (o.now ?? new Date()).getTime();
  const out: GeneratedRequest[] = [];
  for (let i = 0; i < o.count; i++) {
    const createdAt = new Date(now - Math.floor(random() * o.days * DAY) - 60_000);
    const commune = o.communes[Math.min(o.communes.length - 1, Math.floor(random() ** 2 * o.communes.length))]!;
    const age = random() < 0.2 ? 70 + Math.floor(random() * 25) : random() < 0.1 ? Math.floor(random() * 6) : 6 + Math.floor(random() * 64);
    const birth = new Date(createdAt.getTime() - (age * 365.25 + random() * 360) * DAY);
    const birthMonth = `${birth.toISOString().slice(0, 7)}-01`;
    const priority = Object.fromEntries(ANSWERS.map((a) => [a, random() < 0.15 ? 'yes' : random() < 0.9 ? 'no' : 'unknown'])) as GeneratedRequest['priority'];
    const hasPriority = age >= 70 || age < 6 || priority.ald === 'yes' || priority.cssAme === 'yes' || priority.pregnancy === 'yes' || priority.disability === 'yes';
    const history: GeneratedRequest['history'] = [{status: 'received', at: createdAt}];
    const later = (days: number) => new Date(Math.min(now - 1000, history.at(-1)!.at.getTime() + Math.max(1, days) * DAY * (0.5 + random())));
    const r = random();
    let status: IntakeStatus = 'received';
    let closeReason: CloseReason | null = null;
    if (r < 0.55) {
      history.push({status: 'contacted', at: later(random() * 20)});
      if (random() < 0.5) {
        status = 'resolved';
        history.push({status: 'oriented', at: later(random() * 30)}, {status: 'resolved', at: later(random() * 120)});
      } else {
        status = 'closed';
        closeReason = CLOSES[Math.floor(random() * CLOSES.length)]!;
        history.push({status: 'closed', at: later(random() * 200)});
      }
      // reopened, then finished again (or still open): the last entry counts
      if (random() < 0.05) {
        history.push({status: 'contacted', at: later(10)});
        if (random() < 0.5) {
          status = 'contacted';
          closeReason = null;
        } else history.push({status, at: later(20)});
      }
    } else if (r < 0.75) {
      status = random() < 0.5 ? 'contacted' : 'oriented';
      history.push({status: 'contacted', at: later(random() * 20)});
      if (status === 'oriented') history.push({status: 'oriented', at: later(random() * 20)});
    }
    const finished = status === 'resolved' || status === 'closed';
    out.push({
      id: crypto.randomUUID(),
      commune,
      reason: REASONS[Math.floor(random() * REASONS.length)]!,
      status,
      closeReason,
      hasPriority,
      priority,
      birthMonth,
      createdAt,
      finishedAt: finished ? history.at(-1)!.at : null,
      history,
    });
  }
  return out;
}

const CHUNK = 2_000;

/** Writes the requests and their status history, a chunk per statement. */
export async function writeHistory(db: Db, territory: string, requests: readonly GeneratedRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += CHUNK) {
    const chunk = requests.slice(start, start + CHUNK);
    await db.query(
      `insert into intake_requests (id, territory, reference, status, close_reason, commune_insee, has_priority, priority, personal_encrypted, dedupe_hmac,
                                    created_at, updated_at, status_at, birth_month, reason)
       select id, $2, 'GEN-2026-' || lpad(n::text, 6, '0'), status, close_reason, commune, has_priority, priority, 'x', 'x', created_at, updated_at, updated_at, birth_month, reason
         from jsonb_to_recordset($1::jsonb) as t(id uuid, n int, status text, close_reason text, commune text, has_priority boolean, priority jsonb,
                                                 created_at timestamptz, updated_at timestamptz, birth_month date, reason text)`,
      [
        JSON.stringify(
          chunk.map((r, i) => ({
            id: r.id,
            n: start + i + 1,
            status: r.status,
            close_reason: r.closeReason,
            commune: r.commune,
            has_priority: r.hasPriority,
            priority: r.priority,
            created_at: r.createdAt.toISOString(),
            updated_at: r.history.at(-1)!.at.toISOString(),
            birth_month: r.birthMonth,
            reason: r.reason,
          })),
        ),
        territory,
      ],
    );
    await db.query(
      `insert into intake_status_history (id, request_id, status, at, by)
       select gen_random_uuid(), request_id, status, at, 'test' from jsonb_to_recordset($1::jsonb) as t(request_id uuid, status text, at timestamptz)`,
      [JSON.stringify(chunk.flatMap((r) => r.history.map((h) => ({request_id: r.id, status: h.status, at: h.at.toISOString()}))))],
    );
  }
}
