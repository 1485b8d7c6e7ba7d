import {Id, IntakeRequestCreate, IntakeRequestPatch, WaitingListQuery, type IntakeRequestCreated} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, coordinatorName, requireAuth} from '../auth.js';
import {canonicalJson, sha256Hex} from '../crypto.js';
import type {AppEnv, Deps} from '../env.js';
import {notFound, validationProblem} from '../problems.js';
import {idempotencyConflict, KeysInFlight, requireIdempotencyKey} from '../idempotency.js';
import {audit} from '../territories.js';
import {prefersEnglish, validate} from '../validate.js';
import {DEFAULT_RATE_LIMIT} from '../config.js';
import {prepareIntakeInsert} from '../intake-rules.js';
import {ifMatchVersion, patchRequest} from '../waiting-list-actions.js';
import {exportWaitingCsv} from '../waiting-list-export.js';
import {listWaiting} from '../waiting-list-query.js';
import {etagOf, findWaitingRow, historyOf, toDetail, toItem, type WaitingRow} from '../waiting-list-read.js';
import {rateLimit} from '../rate-limit.js';

/** The test hook of CPTS_TEST_CRASH_AFTER_COMMIT: the request is committed, the answer never leaves. */
function crashNow(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

const IdParam = z.object({t: z.string(), id: Id});
const OPERATION = 'createIntakeRequest';

export {parisYear, priorityCriteria, referencePrefix} from '../intake-rules.js';

interface StoredKey {
  body_hash: string;
  id: string | null;
  reference: string | null;
}

export function intakeRoutes({db, keys, communes, config, intakeWriter: writer, messagesQueued}: Deps) {
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

  async function findRequest(territory: string, id: string): Promise<WaitingRow> {
    const row = await findWaitingRow(db, territory, id);
    if (!row) throw notFound("Cette demande n'existe pas.");
    return row;
  }

  return (
    new Hono<AppEnv>()
      .post('/v1/territories/:t/intake-requests', limit, validate('json', IntakeRequestCreate), async (c) => {
        const territory = c.get('territory').slug;
        const key = requireIdempotencyKey(c);
        const body = c.req.valid('json');
        if (!(await communes.includes(territory, body.person.communeInsee))) {
          throw validationProblem([{path: 'person.communeInsee', code: 'unknown_commune', message: "cette commune n'est pas couverte par ce territoire"}]);
        }
        const bodyHash = sha256Hex(canonicalJson(body));
        const created = await inFlight.run(territory, key, async (): Promise<IntakeRequestCreated> => {
          const at = new Date();
          const inserted = await writer.insert(
            prepareIntakeInsert(
              keys,
              {territory, key, operation: OPERATION, bodyHash, at, channel: 'form', by: 'formulaire', notify: {language: prefersEnglish(c) ? 'en' : 'fr', alert: true}},
              body,
            ),
          );
          if (inserted) {
            if (crashArmed) crashNow();
            crashArmed = false;
            messagesQueued();
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
      .get('/v1/territories/:t/intake-requests', coordinator, validate('query', WaitingListQuery), async (c) => {
        const territory = c.get('territory').slug;
        const page = await listWaiting(db, territory, c.req.valid('query'), coordinatorName(c.get('caller')));
        const history = await historyOf(
          db,
          page.rows.map((r) => r.id),
        );
        await audit(db, {territory, actor: actorName(c.get('caller')), action: 'intake.list', details: {count: page.rows.length}});
        c.header('Cache-Control', 'private, no-store');
        const now = new Date();
        return c.json({items: page.rows.map((r) => toItem(r, keys, history.get(r.id) ?? [], now)), nextCursor: page.nextCursor, counts: page.counts});
      })
      // before `/:id`, which would otherwise take `export.csv` for an id
      .get('/v1/territories/:t/intake-requests/export.csv', coordinator, validate('query', WaitingListQuery), async (c) => {
        const territory = c.get('territory').slug;
        const query = c.req.valid('query');
        const {csv, rows} = await exportWaitingCsv(db, keys, territory, query, coordinatorName(c.get('caller')));
        const {cursor: _c, limit: _l, ...filters} = query;
        await audit(db, {territory, actor: actorName(c.get('caller')), action: 'intake.export', details: {rows, filters}});
        c.header('Cache-Control', 'private, no-store');
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="liste-attente-${territory}-${new Date().toISOString().slice(0, 10)}.csv"`);
        return c.body(csv);
      })
      .get('/v1/territories/:t/intake-requests/:id', coordinator, validate('param', IdParam), async (c) => {
        const territory = c.get('territory').slug;
        const row = await findRequest(territory, c.req.valid('param').id);
        await audit(db, {territory, actor: actorName(c.get('caller')), action: 'intake.read', target: row.id});
        c.header('Cache-Control', 'private, no-store');
        c.header('ETag', etagOf(row.version));
        return c.json(await toDetail(db, keys, row));
      })
      .patch('/v1/territories/:t/intake-requests/:id', coordinator, validate('param', IdParam), validate('json', IntakeRequestPatch), async (c) => {
        const territory = c.get('territory').slug;
        const {id} = c.req.valid('param');
        const expected = ifMatchVersion(c.req.header('If-Match'));
        await patchRequest(db, keys, id, c.req.valid('json'), {territory, name: actorName(c.get('caller')), expected});
        const row = await findRequest(territory, id);
        c.header('ETag', etagOf(row.version));
        return c.json(await toDetail(db, keys, row));
      })
  );
}
