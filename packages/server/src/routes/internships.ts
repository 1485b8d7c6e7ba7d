import {Id, InternshipOfferCreate, InternshipOfferPatch, InternshipOfferQuery, type InternshipOffer, type InternshipOfferCreate as OfferCreate} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, findCaller, requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {decodeListCursor, encodeKeyCursor, iso, isoOrNull, jsonTextWithEtag, jsonWithEtag, type ListCursor} from '../http.js';
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

/** An ISO 8601 timestamp in UTC to the millisecond, as `Date.toISOString()` writes it. */
const isoSql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One offer as the JSON `offerBody` gives, written by the database: the page never goes through JS objects. */
const OFFER_JSON = `'{"id":' || to_json(p.id)::text || ','
  || case when p.data_text = '{}' then '' else substr(p.data_text, 2, length(p.data_text) - 2) || ',' end
  || '"status":' || to_json(p.status)::text
  || ',"createdAt":"' || ${isoSql('p.created_at')} || '","updatedAt":"' || ${isoSql('p.updated_at')}
  || '","publishedAt":' || coalesce('"' || ${isoSql('p.published_at')} || '"', 'null') || '}'`;

/**
 * One statement for a page: the total, the page's offers as JSON text, and the key of its last
 * offer when more follow. Filters read the generated columns of migration 011 and the order is
 * the index `internship_list`; the text search folds accents and case on both sides (`cpts_fold`).
 */
function listQuery(
  territory: string,
  status: string,
  query: z.output<typeof InternshipOfferQuery>,
  cursor: ListCursor,
  limit: number,
  known: {generation: string; total: number} | undefined,
): [string, unknown[]] {
  const where = ['territory = $1', 'status = $2'];
  const params: unknown[] = [territory, status, known?.generation ?? '-1', known?.total ?? 0];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.kind) add((n) => `kind = ${n}`, query.kind);
  if (query.discipline) add((n) => `discipline_folded like cpts_fold(${n})`, likePattern(query.discipline));
  if (query.commune) add((n) => `commune_insee = ${n}`, query.commune);
  if (query.housing !== undefined) where.push(query.housing ? 'has_housing' : 'not has_housing');
  if (query.period) add((n) => `data->'periods' @> jsonb_build_array(${n}::text)`, query.period);
  if (query.q) add((n) => `search like cpts_fold(${n})`, likePattern(query.q));
  const filters = where.join(' and ');
  let after = '';
  let offset = '';
  if ('at' in cursor) {
    params.push(cursor.at, cursor.id);
    const at = `$${params.length - 1}::timestamptz`;
    after = ` and sort_at <= ${at} and (sort_at < ${at} or id > $${params.length}::uuid)`;
  } else if (cursor.offset > 0) {
    offset = ` offset ${cursor.offset}`;
  }
  const sql = `
    with page as (
      -- data as text once per row (the page is materialised): jsonb's output is most of a page's cost
      select p.*, p.data::text as data_text, row_number() over (order by p.sort_at desc, p.id) as n from (
        select id, status, data, created_at, updated_at, published_at, sort_at from internship_offers
         where ${filters}${after} order by sort_at desc, id limit ${limit + 1}${offset}) p
    )
    select g.n::text as generation,
           -- a subquery in a branch not taken is never run: a known total costs nothing
           case when g.n = $3::bigint then $4::int else (select count(*)::int from internship_offers where ${filters}) end as total,
           coalesce((select string_agg(${OFFER_JSON}, ',' order by p.n) from page p where p.n <= ${limit}), '') as items,
           (select to_char(p.sort_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ' ' || p.id from page p
             where p.n = ${limit} and exists (select 1 from page where n > ${limit})) as next
      from (values (1)) as one left join internship_offers_generation g on true`;
  return [sql, params];
}

/** Most totals kept: past it they are all dropped, and counted again as they are asked for. */
const MAX_TOTALS = 1000;

export function internshipRoutes({db}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');
  // filters → total, all counted at one generation of the offers (see migration 011)
  let totals = {generation: '', byFilters: new Map<string, number>()};

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
      const cursor = decodeListCursor(query.cursor);
      if (cursor === null) throw validationProblem([{path: 'cursor', code: 'invalid_cursor', message: 'curseur de pagination invalide'}]);
      const caller = query.status && query.status !== 'published' ? await findCaller(db, territory, c.req.header('Authorization')) : null;
      // the public always gets published offers; another status needs a coordinator
      const status = caller?.kind === 'coordinator' ? (query.status ?? 'published') : 'published';
      const limit = query.limit ?? 50;
      const filtersKey = JSON.stringify([territory, status, query.kind, query.discipline, query.commune, query.housing, query.period, query.q]);
      const known = totals.byFilters.get(filtersKey);
      const [page] = await db.query<{generation: string | null; total: number; items: string; next: string | null}>(
        ...listQuery(territory, status, query, cursor, limit, known === undefined ? undefined : {generation: totals.generation, total: known}),
      );
      // no generation row (someone deleted it): count every time rather than trust a stale total
      if (page && page.generation !== null) {
        if (page.generation !== totals.generation || totals.byFilters.size >= MAX_TOTALS) totals = {generation: page.generation, byFilters: new Map()};
        totals.byFilters.set(filtersKey, page.total);
      }
      const next = page?.next ? encodeKeyCursor(page.next) : null;
      const body = `{"items":[${page?.items ?? ''}],"nextCursor":${next === null ? 'null' : JSON.stringify(next)},"total":${page?.total ?? 0}}`;
      // a coordinator's browser must not keep a public copy for a minute: their own edits would not show
      const shared = status === 'published' && !c.req.header('Authorization');
      return jsonTextWithEtag(c, body, shared ? 'public' : 'private');
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
