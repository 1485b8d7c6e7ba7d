import {
  Id,
  IntakeRequestCreate,
  IntakeRequestListQuery,
  IntakeRequestPatch,
  type IntakeRequest,
  type IntakeRequestCreate as IntakeCreate,
  type IntakeRequestCreated,
  type PriorityCriterion,
} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, requireAuth} from '../auth.js';
import {blindIndex, canonicalJson, decryptJson, encryptJson, sha256Hex, type Keys} from '../crypto.js';
import type {Db} from '../db/index.js';
import type {AppEnv, Deps} from '../env.js';
import {decodeCursor, encodeCursor, iso} from '../http.js';
import {notFound, notImplemented, validationProblem} from '../problems.js';
import {idempotencyConflict, KeysInFlight, requireIdempotencyKey} from '../idempotency.js';
import {audit} from '../territories.js';
import {validate} from '../validate.js';
import {DEFAULT_RATE_LIMIT} from '../config.js';
import type {IntakeInsert} from '../intake-writer.js';
import {rateLimit} from '../rate-limit.js';

/** The test hook of CPTS_TEST_CRASH_AFTER_COMMIT: the request is committed, the answer never leaves. */
function crashNow(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

const IdParam = z.object({t: z.string(), id: Id});
const OPERATION = 'createIntakeRequest';

/** What is encrypted at rest: everything that names or describes the person. */
type PersonalFields = Pick<IntakeCreate, 'requester' | 'person' | 'situation'> & {comment: string | null};

interface IntakeRow {
  id: string;
  reference: string;
  status: IntakeRequest['status'];
  priority: IntakeRequest['priority'];
  personal_encrypted: string;
  notes: string | null;
  assigned_to: string | null;
  created_at: Date;
  updated_at: Date;
  duplicate_of: string | null;
}

const INTAKE_SELECT = `
  select r.id, r.reference, r.status, r.priority, r.personal_encrypted, r.notes, r.assigned_to, r.created_at, r.updated_at,
         r.duplicate_of
    from intake_requests r`;

/** `DEMO` from `demo`; the contract allows 2 to 12 letters or digits. */
export function referencePrefix(slug: string): string {
  const letters = slug.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12);
  return letters.length >= 2 ? letters : `${letters}CPTS`.slice(0, 12);
}

/**
 * References restart on 1 January in France, not in UTC. New Year is always in winter time
 * (UTC+1: summer time runs from late March to late October), so the Paris year is the UTC year one
 * hour later — exact, and without Intl's time-zone work on every request.
 */
export function parisYear(date: Date): number {
  return new Date(date.getTime() + 3_600_000).getUTCFullYear();
}

function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

export function priorityCriteria(body: Pick<IntakeCreate, 'person' | 'priority'>, today = new Date()): PriorityCriterion[] {
  const age = ageOn(body.person.birthDate, today);
  const p = body.priority;
  const criteria: [PriorityCriterion, boolean][] = [
    ['age_70_plus', age >= 70],
    ['under_6', age < 6],
    ['ald', p.ald === 'yes'],
    ['css_ame', p.cssAme === 'yes'],
    ['pregnancy', p.pregnancy === 'yes'],
    ['disability', p.disability === 'yes'],
    ['home_visits', p.homeVisits === 'yes'],
    ['chronic_follow_up', p.chronicFollowUp === 'yes'],
  ];
  return criteria.filter(([, met]) => met).map(([name]) => name);
}

/** The national priority criteria (age, ALD, CSS/AME) plus pregnancy and disability named in workshops. */
const PRIORITY: ReadonlySet<PriorityCriterion> = new Set(['age_70_plus', 'under_6', 'ald', 'css_ame', 'pregnancy', 'disability']);

async function historyOf(db: Db, ids: string[]): Promise<Map<string, IntakeRequest['history']>> {
  const out = new Map<string, IntakeRequest['history']>();
  if (ids.length === 0) return out;
  const rows = await db.query<{request_id: string; status: IntakeRequest['status']; at: Date; by: string}>(
    'select request_id, status, at, by from intake_status_history where request_id = any($1::uuid[]) order by at, id',
    [ids],
  );
  for (const r of rows) {
    const list = out.get(r.request_id) ?? [];
    list.push({status: r.status, at: iso(r.at), by: r.by});
    out.set(r.request_id, list);
  }
  return out;
}

function intakeBody(row: IntakeRow, keys: Keys, history: IntakeRequest['history']): IntakeRequest {
  const personal = decryptJson<PersonalFields>(keys.encryption, row.personal_encrypted);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    requester: personal.requester,
    person: personal.person,
    situation: personal.situation,
    priority: row.priority,
    priorityCriteria: priorityCriteria({person: personal.person, priority: row.priority}),
    comment: personal.comment,
    notes: row.notes,
    assignedTo: row.assigned_to,
    possibleDuplicateOf: row.duplicate_of,
    history,
  };
}

interface StoredKey {
  body_hash: string;
  id: string | null;
  reference: string | null;
}

export function intakeRoutes({db, keys, communes, config, intakeWriter: writer}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');
  const limit = rateLimit({perMinute: config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT, trustProxy: config.trustProxy ?? 0});
  const inFlight = new KeysInFlight();
  let crashArmed = config.testCrashAfterCommit === true;

  /** What a key already created: its body hash and the request it gave. */
  async function storedKey(territory: string, key: string): Promise<StoredKey | undefined> {
    const [row] = await db.query<StoredKey>(
      `select k.body_hash, r.id, r.reference from idempotency_keys k left join intake_requests r on r.id = k.resource_id
        where k.territory = $1 and k.operation = $2 and k.key = $3`,
      [territory, OPERATION, key],
    );
    return row;
  }

  /** Everything but the database work: encryption, keyed hash, priority, computed once here. */
  function prepareInsert(territory: string, key: string, bodyHash: string, body: IntakeCreate): IntakeInsert {
    const at = new Date();
    const year = parisYear(at);
    const personal: PersonalFields = {requester: body.requester, person: body.person, situation: body.situation, comment: body.comment ?? null};
    return {
      territory, year, referencePrefix: `${referencePrefix(territory)}-${year}-`, key, operation: OPERATION, bodyHash,
      id: crypto.randomUUID(), historyId: crypto.randomUUID(), communeInsee: body.person.communeInsee,
      hasPriority: priorityCriteria(body, at).some((c) => PRIORITY.has(c)), priority: body.priority,
      personalEncrypted: encryptJson(keys.encryption, personal),
      dedupeHmac: blindIndex(keys.dedupe, [body.person.lastName, body.person.firstNames, body.person.birthDate]), at,
    };
  }

  async function findRequest(territory: string, id: string): Promise<IntakeRow> {
    const [row] = await db.query<IntakeRow>(`${INTAKE_SELECT} where r.territory = $1 and r.id = $2`, [territory, id]);
    if (!row) throw notFound("Cette demande n'existe pas.");
    return row;
  }

  return new Hono<AppEnv>()
    .post('/v1/territories/:t/intake-requests', limit, validate('json', IntakeRequestCreate), async (c) => {
      const territory = c.get('territory').slug;
      const key = requireIdempotencyKey(c);
      const body = c.req.valid('json');
      if (!(await communes.includes(territory, body.person.communeInsee))) {
        throw validationProblem([{path: 'person.communeInsee', code: 'unknown_commune', message: "cette commune n'est pas couverte par ce territoire"}]);
      }
      const bodyHash = sha256Hex(canonicalJson(body));
      const created = await inFlight.run(territory, key, async (): Promise<IntakeRequestCreated> => {
        const inserted = await writer.insert(prepareInsert(territory, key, bodyHash, body));
        if (inserted) {
          if (crashArmed) crashNow();
          crashArmed = false;
          return {...inserted, status: 'received'};
        }
        // the key was used before: same form → the first answer again; another form → 422
        const stored = await storedKey(territory, key);
        if (!stored || stored.body_hash !== bodyHash || !stored.id || !stored.reference) throw idempotencyConflict();
        return {id: stored.id, reference: stored.reference, status: 'received'};
      });
      c.header('Location', `/v1/territories/${territory}/intake-requests/${created.id}`);
      return c.json(created, 201);
    })
    .get('/v1/territories/:t/intake-requests', coordinator, validate('query', IntakeRequestListQuery), async (c) => {
      const territory = c.get('territory').slug;
      const query = c.req.valid('query');
      const offset = decodeCursor(query.cursor);
      if (offset === null) throw validationProblem([{path: 'cursor', code: 'invalid_cursor', message: 'curseur de pagination invalide'}]);
      const where = ['r.territory = $1'];
      const params: unknown[] = [territory];
      const add = (sql: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.status) add((n) => `r.status = ${n}`, query.status);
      if (query.commune) add((n) => `r.commune_insee = ${n}`, query.commune);
      if (query.priority !== undefined) add((n) => `r.has_priority = ${n}`, query.priority);
      const limit = query.limit ?? 50;
      const rows = await db.query<IntakeRow>(`${INTAKE_SELECT} where ${where.join(' and ')} order by r.created_at desc, r.id desc limit ${limit + 1} offset ${offset}`, params);
      const page = rows.slice(0, limit);
      const history = await historyOf(db, page.map((r) => r.id));
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'intake.list', details: {count: page.length}});
      c.header('Cache-Control', 'private, no-store');
      return c.json({items: page.map((r) => intakeBody(r, keys, history.get(r.id) ?? [])), nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null});
    })
    // before `/:id`, which would otherwise take `export.csv` for an id
    .get('/v1/territories/:t/intake-requests/export.csv', coordinator, () => {
      throw notImplemented();
    })
    .get('/v1/territories/:t/intake-requests/:id', coordinator, validate('param', IdParam), async (c) => {
      const territory = c.get('territory').slug;
      const row = await findRequest(territory, c.req.valid('param').id);
      const history = await historyOf(db, [row.id]);
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'intake.read', target: row.id});
      c.header('Cache-Control', 'private, no-store');
      return c.json(intakeBody(row, keys, history.get(row.id) ?? []));
    })
    .patch('/v1/territories/:t/intake-requests/:id', coordinator, validate('param', IdParam), validate('json', IntakeRequestPatch), async (c) => {
      const territory = c.get('territory').slug;
      const {id} = c.req.valid('param');
      const patch = c.req.valid('json');
      const actor = actorName(c.get('caller'));
      const current = await findRequest(territory, id);
      await db.transaction(async (tx) => {
        await tx.query(
          `update intake_requests set status = coalesce($3, status), notes = case when $4::boolean then $5 else notes end,
                  assigned_to = case when $6::boolean then $7 else assigned_to end, updated_at = now()
            where territory = $1 and id = $2`,
          [territory, id, patch.status ?? null, patch.notes !== undefined, patch.notes ?? null, patch.assignedTo !== undefined, patch.assignedTo ?? null],
        );
        if (patch.status && patch.status !== current.status) {
          await tx.query('insert into intake_status_history (id, request_id, status, by) values ($1, $2, $3, $4)', [crypto.randomUUID(), id, patch.status, actor]);
        }
        await audit(tx, {territory, actor, action: 'intake.patch', target: id, details: {fields: Object.keys(patch), status: patch.status}});
      });
      const row = await findRequest(territory, id);
      const history = await historyOf(db, [id]);
      return c.json(intakeBody(row, keys, history.get(id) ?? []));
    });
}
