import {Id, InternshipInterestCreate, type InternshipInterest, type InternshipInterestCreated, type InternshipOfferCreate} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, requireAuth} from '../auth.js';
import {DEFAULT_RATE_LIMIT} from '../config.js';
import {canonicalJson, decryptJson, encryptJson, sha256Hex} from '../crypto.js';
import type {AppEnv, Deps} from '../env.js';
import {iso} from '../http.js';
import {notFound, validationProblem} from '../problems.js';
import {rateLimit} from '../rate-limit.js';
import {idempotencyConflict, KeysInFlight, requireIdempotencyKey} from '../idempotency.js';
import {audit} from '../territories.js';
import {validate} from '../validate.js';

const OPERATION = 'expressInternshipInterest';
const IdParam = z.object({t: z.string(), id: Id});

/** What is encrypted at rest: everything that names the intern or that they wrote. */
interface PersonalFields {
  name: string;
  email: string;
  message: string | null;
}

interface InterestRow {
  id: string;
  offer_id: string;
  period: string;
  personal_encrypted: string;
  created_at: Date;
}

function interestBody(row: InterestRow, key: readonly Buffer[]): InternshipInterest {
  const personal = decryptJson<PersonalFields>(key, row.personal_encrypted);
  return {
    id: row.id,
    offerId: row.offer_id,
    name: personal.name,
    email: personal.email,
    period: row.period,
    message: personal.message,
    status: 'received',
    createdAt: iso(row.created_at),
  };
}

export function interestRoutes({db, keys, config}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');
  // the same idempotency rules as the intake endpoint: same table, same answers
  const inFlight = new KeysInFlight();
  const limit = rateLimit({perMinute: config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT, trustProxy: config.trustProxy ?? 0});

  async function offerPeriods(territory: string, id: string, publishedOnly: boolean): Promise<string[]> {
    const [row] = await db.query<{status: string; data: Pick<InternshipOfferCreate, 'periods'>}>(
      'select status, data from internship_offers where territory = $1 and id = $2',
      [territory, id],
    );
    // a draft or an archived offer takes no interest, and must not reveal it exists
    if (!row || (publishedOnly && row.status !== 'published')) throw notFound("Cette offre de stage n'existe pas.");
    return row.data.periods;
  }

  /** Inserts the key and the interest together; `undefined` when the key was already used. */
  async function insertOnce(territory: string, offerId: string, key: string, bodyHash: string, row: {period: string; personal: PersonalFields}): Promise<string | undefined> {
    const id = crypto.randomUUID();
    return db.transaction(async (tx) => {
      const claimed = await tx.query<{key: string}>(
        `insert into idempotency_keys (territory, key, operation, body_hash, resource_id) values ($1, $2, $3, $4, $5)
         on conflict do nothing returning key`,
        [territory, key, OPERATION, bodyHash, id],
      );
      if (claimed.length === 0) return undefined;
      await tx.query('insert into internship_interests (id, territory, offer_id, period, personal_encrypted) values ($1, $2, $3, $4, $5)', [
        id,
        territory,
        offerId,
        row.period,
        encryptJson(keys.encryption, row.personal),
      ]);
      return id;
    });
  }

  return new Hono<AppEnv>()
    .post('/v1/territories/:t/internship-offers/:id/interests', limit, validate('param', IdParam), validate('json', InternshipInterestCreate), async (c) => {
      const territory = c.get('territory').slug;
      const offerId = c.req.valid('param').id;
      const key = requireIdempotencyKey(c);
      const body = c.req.valid('json');
      const periods = await offerPeriods(territory, offerId, true);
      if (!periods.includes(body.period)) {
        throw validationProblem([{path: 'period', code: 'unknown_period', message: "cette période n'est pas proposée par l'offre"}]);
      }
      // the offer is part of the hashed body: one key reused on another offer is another form
      const bodyHash = sha256Hex(canonicalJson({offerId, ...body}));
      const created = await inFlight.run(territory, key, async (): Promise<InternshipInterestCreated> => {
        const id = await insertOnce(territory, offerId, key, bodyHash, {period: body.period, personal: {name: body.name, email: body.email, message: body.message ?? null}});
        if (id) return {id, status: 'received'};
        const [stored] = await db.query<{body_hash: string; resource_id: string | null}>(
          'select body_hash, resource_id from idempotency_keys where territory = $1 and operation = $2 and key = $3',
          [territory, OPERATION, key],
        );
        if (!stored || stored.body_hash !== bodyHash || !stored.resource_id) throw idempotencyConflict();
        return {id: stored.resource_id, status: 'received'};
      });
      c.header('Location', `/v1/territories/${territory}/internship-offers/${offerId}/interests/${created.id}`);
      return c.json(created, 201);
    })
    .get('/v1/territories/:t/internship-offers/:id/interests', coordinator, validate('param', IdParam), async (c) => {
      const territory = c.get('territory').slug;
      const offerId = c.req.valid('param').id;
      await offerPeriods(territory, offerId, false);
      const rows = await db.query<InterestRow>(
        `select id, offer_id, period, personal_encrypted, created_at from internship_interests
          where territory = $1 and offer_id = $2 order by created_at desc, id desc`,
        [territory, offerId],
      );
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'internship.interests.list', target: offerId, details: {count: rows.length}});
      c.header('Cache-Control', 'private, no-store');
      return c.json({items: rows.map((r) => interestBody(r, keys.decryption))});
    });
}
