import {Id, InternshipOfferCreate, InternshipOfferPatch, InternshipOfferQuery, type InternshipOffer, type InternshipOfferCreate as OfferCreate} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, findCaller, requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {decodeCursor, encodeCursor, iso, isoOrNull, jsonWithEtag} from '../http.js';
import {notFound, validationProblem} from '../problems.js';
import {audit} from '../territories.js';
import {validate} from '../validate.js';

interface OfferRow {
  id: string;
  status: InternshipOffer['status'];
  data: OfferCreate;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

const OFFER_COLUMNS = 'id, status, data, created_at, updated_at, published_at';
const IdParam = z.object({t: z.string(), id: Id});

function offerBody(row: OfferRow): InternshipOffer {
  return {id: row.id, ...row.data, status: row.status, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at), publishedAt: isoOrNull(row.published_at)};
}

/** `%` and `_` typed by a visitor are searched literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export function internshipRoutes({db}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');

  async function findOffer(territory: string, id: string): Promise<OfferRow> {
    const [row] = await db.query<OfferRow>(`select ${OFFER_COLUMNS} from internship_offers where territory = $1 and id = $2`, [territory, id]);
    if (!row) throw notFound("Cette offre de stage n'existe pas.");
    return row;
  }

  async function setStatus(territory: string, id: string, status: 'published' | 'archived', actor: string): Promise<OfferRow> {
    await findOffer(territory, id);
    const [row] = await db.query<OfferRow>(
      `update internship_offers set status = $3, updated_at = now(),
              published_at = case when $3 = 'published' then coalesce(published_at, now()) else published_at end
        where territory = $1 and id = $2 returning ${OFFER_COLUMNS}`,
      [territory, id, status],
    );
    await audit(db, {territory, actor, action: `internship.${status}`, target: id});
    return row!;
  }

  return new Hono<AppEnv>()
    .get('/v1/territories/:t/internship-offers', validate('query', InternshipOfferQuery), async (c) => {
      const query = c.req.valid('query');
      const territory = c.get('territory').slug;
      const offset = decodeCursor(query.cursor);
      if (offset === null) throw validationProblem([{path: 'cursor', code: 'invalid_cursor', message: 'curseur de pagination invalide'}]);
      const caller = query.status && query.status !== 'published' ? await findCaller(db, territory, c.req.header('Authorization')) : null;
      // the public always gets published offers; another status needs a coordinator
      const status = caller?.kind === 'coordinator' ? (query.status ?? 'published') : 'published';
      const where = ['territory = $1', 'status = $2'];
      const params: unknown[] = [territory, status];
      const add = (sql: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.kind) add((n) => `data->>'kind' = ${n}`, query.kind);
      if (query.discipline) add((n) => `data->>'discipline' ilike ${n}`, likePattern(query.discipline));
      if (query.commune) add((n) => `data->>'communeInsee' = ${n}`, query.commune);
      if (query.housing !== undefined) where.push(query.housing ? `jsonb_array_length(data->'housing') > 0` : `jsonb_array_length(data->'housing') = 0`);
      if (query.period) add((n) => `data->'periods' @> jsonb_build_array(${n}::text)`, query.period);
      if (query.q) add((n) => `(data->>'title' ilike ${n} or data->>'practiceName' ilike ${n} or data->>'description' ilike ${n} or data->>'discipline' ilike ${n})`, likePattern(query.q));
      const limit = query.limit ?? 50;
      const [{total} = {total: 0}] = await db.query<{total: number}>(`select count(*)::int as total from internship_offers where ${where.join(' and ')}`, params);
      const rows = await db.query<OfferRow>(
        `select ${OFFER_COLUMNS} from internship_offers where ${where.join(' and ')} order by coalesce(published_at, created_at) desc, id limit ${limit + 1} offset ${offset}`,
        params,
      );
      const body = {items: rows.slice(0, limit).map(offerBody), nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null, total};
      // a coordinator's browser must not keep a public copy for a minute: their own edits would not show
      const shared = status === 'published' && !c.req.header('Authorization');
      return jsonWithEtag(c, body, shared ? 'public' : 'private');
    })
    .post('/v1/territories/:t/internship-offers', coordinator, validate('json', InternshipOfferCreate), async (c) => {
      const territory = c.get('territory').slug;
      const id = crypto.randomUUID();
      const [row] = await db.query<OfferRow>(`insert into internship_offers (id, territory, data) values ($1, $2, $3) returning ${OFFER_COLUMNS}`, [
        id,
        territory,
        JSON.stringify(c.req.valid('json')),
      ]);
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'internship.create', target: id});
      c.header('Location', `/v1/territories/${territory}/internship-offers/${id}`);
      return c.json(offerBody(row!), 201);
    })
    .get('/v1/territories/:t/internship-offers/:id', validate('param', IdParam), async (c) => {
      const territory = c.get('territory').slug;
      const row = await findOffer(territory, c.req.valid('param').id);
      if (row.status !== 'published') {
        // drafts and archives exist only for coordinators; to anyone else they are not there
        const caller = await findCaller(db, territory, c.req.header('Authorization'));
        if (caller?.kind !== 'coordinator') throw notFound("Cette offre de stage n'existe pas.");
        return jsonWithEtag(c, offerBody(row), 'private');
      }
      return jsonWithEtag(c, offerBody(row), 'public');
    })
    .patch('/v1/territories/:t/internship-offers/:id', coordinator, validate('param', IdParam), validate('json', InternshipOfferPatch), async (c) => {
      const territory = c.get('territory').slug;
      const {id} = c.req.valid('param');
      await findOffer(territory, id);
      const [row] = await db.query<OfferRow>(
        `update internship_offers set data = data || $3::jsonb, updated_at = now() where territory = $1 and id = $2 returning ${OFFER_COLUMNS}`,
        [territory, id, JSON.stringify(c.req.valid('json'))],
      );
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'internship.patch', target: id});
      return c.json(offerBody(row!));
    })
    .delete('/v1/territories/:t/internship-offers/:id', coordinator, validate('param', IdParam), async (c) => {
      const territory = c.get('territory').slug;
      const {id} = c.req.valid('param');
      await findOffer(territory, id);
      await db.query('delete from internship_offers where territory = $1 and id = $2', [territory, id]);
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'internship.delete', target: id});
      return c.body(null, 204);
    })
    .post('/v1/territories/:t/internship-offers/:id/publish', coordinator, validate('param', IdParam), async (c) => {
      return c.json(offerBody(await setStatus(c.get('territory').slug, c.req.valid('param').id, 'published', actorName(c.get('caller')))));
    })
    .post('/v1/territories/:t/internship-offers/:id/archive', coordinator, validate('param', IdParam), async (c) => {
      return c.json(offerBody(await setStatus(c.get('territory').slug, c.req.valid('param').id, 'archived', actorName(c.get('caller')))));
    });
}
