import {
  AssistedIntakeCreate,
  CallLogCreate,
  Id,
  IntakeImportQuery,
  IntakeRequestCreate,
  IntakeTransition,
  MergeRequest,
  WaitingListSearch,
  type IntakeRequestCreated,
} from '@cpts-kit/contract';
import type {Context} from 'hono';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, coordinatorName, requireAuth} from '../auth.js';
import {canonicalJson, sha256Hex} from '../crypto.js';
import type {AppEnv, Deps} from '../env.js';
import {idempotencyConflict, KeysInFlight, requireIdempotencyKey} from '../idempotency.js';
import {importIntakeCsv} from '../intake-import.js';
import {prepareIntakeInsert} from '../intake-rules.js';
import {notFound, validationProblem} from '../problems.js';
import {audit} from '../territories.js';
import {parseWith, validate} from '../validate.js';
import {ifMatchVersion, logCall, merge, transition, type Actor} from '../waiting-list-actions.js';
import {listWaiting, searchClause} from '../waiting-list-query.js';
import {etagOf, findWaitingRow, historyOf, toDetail, toItem} from '../waiting-list-read.js';
import {csvUploadCharset} from '../csv-upload.js';

const IdParam = z.object({t: z.string(), id: Id});
const ASSISTED = 'createAssistedIntakeRequest';
const DAY_MS = 86_400_000;

/** The day of a call or a paper form: not in the future, and within the two years a waiting list keeps. */
function receivedAt(receivedOn: string): Date {
  // noon UTC is the same day in Paris, summer or winter
  const at = new Date(`${receivedOn}T12:00:00Z`);
  if (at.getTime() > Date.now() + DAY_MS / 2) {
    throw validationProblem([{path: 'receivedOn', code: 'future_date', message: "la date de l'appel ou du formulaire ne peut pas être dans le futur"}]);
  }
  if (at.getTime() < Date.now() - 2 * 366 * DAY_MS) {
    throw validationProblem([{path: 'receivedOn', code: 'too_old', message: "la date de l'appel ou du formulaire a plus de deux ans : importez plutôt l'ancienne liste"}]);
  }
  return at;
}

export function waitingListRoutes({db, keys, communes, intakeWriter: writer}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');
  const inFlight = new KeysInFlight();

  const actor = (c: Context<AppEnv>): Actor => ({territory: c.get('territory').slug, name: actorName(c.get('caller')), expected: ifMatchVersion(c.req.header('If-Match'))});

  async function answer(c: Context<AppEnv>, id: string, status: 200 | 201 = 200) {
    const row = await findWaitingRow(db, c.get('territory').slug, id);
    if (!row) throw notFound("Cette demande n'existe pas.");
    c.header('ETag', etagOf(row.version));
    c.header('Cache-Control', 'private, no-store');
    return c.json(await toDetail(db, keys, row), status);
  }

  return new Hono<AppEnv>()
    .post('/v1/territories/:t/intake-requests/search', coordinator, validate('json', WaitingListSearch), async (c) => {
      const territory = c.get('territory').slug;
      const search = c.req.valid('json');
      const page = await listWaiting(
        db,
        territory,
        {status: search.status, sort: search.sort, limit: search.limit},
        coordinatorName(c.get('caller')),
        searchClause(keys, search.text),
      );
      const history = await historyOf(
        db,
        page.rows.map((r) => r.id),
      );
      // the searched text is personal: the audit keeps that a search was made, and how many it found
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'intake.search', details: {count: page.rows.length}});
      c.header('Cache-Control', 'private, no-store');
      const now = new Date();
      return c.json({items: page.rows.map((r) => toItem(r, keys, history.get(r.id) ?? [], now)), nextCursor: null, counts: page.counts});
    })
    .post('/v1/territories/:t/intake-requests/assisted', coordinator, validate('json', AssistedIntakeCreate), async (c) => {
      const territory = c.get('territory').slug;
      const key = requireIdempotencyKey(c);
      const {channel, receivedOn, ...fields} = c.req.valid('json');
      // the public form's rules (a phone or an e-mail, the helper's name…), with the same paths
      const body = await parseWith(c, IntakeRequestCreate, {...fields, consent: true});
      const at = receivedAt(receivedOn);
      if (!(await communes.includes(territory, body.person.communeInsee))) {
        throw validationProblem([{path: 'person.communeInsee', code: 'unknown_commune', message: "cette commune n'est pas couverte par ce territoire"}]);
      }
      const bodyHash = sha256Hex(canonicalJson(c.req.valid('json')));
      const by = actorName(c.get('caller'));
      const created = await inFlight.run(territory, key, async (): Promise<IntakeRequestCreated> => {
        const inserted = await writer.insert(
          prepareIntakeInsert(keys, {territory, key, operation: ASSISTED, bodyHash, at, channel, by, notify: {language: 'fr', alert: false}}, body),
        );
        if (inserted) {
          await audit(db, {territory, actor: by, action: 'intake.assisted', target: inserted.id, details: {channel}});
          return {...inserted, status: 'received'};
        }
        const [stored] = await db.query<{body_hash: string; id: string | null; reference: string | null}>(
          `select k.body_hash, r.id, r.reference from idempotency_keys k left join intake_requests r on r.id = k.resource_id
            where k.territory = $1 and k.operation = $2 and k.key = $3`,
          [territory, ASSISTED, key],
        );
        if (!stored || stored.body_hash !== bodyHash || !stored.id || !stored.reference) throw idempotencyConflict();
        return {id: stored.id, reference: stored.reference, status: 'received'};
      });
      c.header('Location', `/v1/territories/${territory}/intake-requests/${created.id}`);
      return c.json(created, 201);
    })
    .post('/v1/territories/:t/intake-requests/import', coordinator, validate('query', IntakeImportQuery), async (c) => {
      const charset = csvUploadCharset(c.req.header('Content-Type'));
      const result = await importIntakeCsv(db, keys, {
        territory: c.get('territory').slug,
        bytes: new Uint8Array(await c.req.arrayBuffer()),
        charset,
        dryRun: c.req.valid('query').dryRun ?? false,
        actor: actorName(c.get('caller')),
      });
      return c.json(result);
    })
    .post('/v1/territories/:t/intake-requests/:id/transitions', coordinator, validate('param', IdParam), validate('json', IntakeTransition), async (c) => {
      const {id} = c.req.valid('param');
      await transition(db, keys, id, c.req.valid('json'), actor(c));
      return answer(c, id);
    })
    .post('/v1/territories/:t/intake-requests/:id/calls', coordinator, validate('param', IdParam), validate('json', CallLogCreate), async (c) => {
      const {id} = c.req.valid('param');
      await logCall(db, keys, id, c.req.valid('json'), actor(c));
      return answer(c, id, 201);
    })
    .post('/v1/territories/:t/intake-requests/:id/merge', coordinator, validate('param', IdParam), validate('json', MergeRequest), async (c) => {
      const {id} = c.req.valid('param');
      await merge(db, keys, id, c.req.valid('json').otherId, actor(c));
      return answer(c, id);
    });
}
