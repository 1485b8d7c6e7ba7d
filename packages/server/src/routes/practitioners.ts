import {BBox, Id, PersonalLinkCreate, PractitionerCreate, PractitionerImportQuery, PractitionerPatch, PublicPractitionerQuery} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, issueToken, requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {decodeCursor, encodeCursor, iso, jsonWithEtag} from '../http.js';
import {ApiProblem, notFound, validationProblem} from '../problems.js';
import {importPractitionersCsv, isUniqueViolation} from '../practitioner-import.js';
import {PRACTITIONER_SELECT, practitionerBody, publicPractitionerBody, type PractitionerRow} from '../practitioners.js';
import {audit} from '../territories.js';
import {validate} from '../validate.js';
import {likePattern} from './internships.js';
import {csvUploadCharset} from '../csv-upload.js';

const IdParam = z.object({t: z.string(), id: Id});

const rppsTaken = () =>
  new ApiProblem(409, 'rpps_taken', 'RPPS déjà enregistré', {
    detail: 'Un autre professionnel du territoire a déjà ce numéro RPPS.',
    errors: [{path: 'rpps', code: 'rpps_taken', message: 'ce numéro RPPS est déjà celui d’un autre professionnel du territoire'}],
  });
const DEFAULT_LINK_DAYS = 365;

function parseBbox(text: string): [number, number, number, number] {
  return BBox.parse(text).split(',').map(Number) as [number, number, number, number];
}

export function practitionerRoutes({db, keys}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');

  async function findPractitioner(territory: string, id: string): Promise<PractitionerRow> {
    const [row] = await db.query<PractitionerRow>(`${PRACTITIONER_SELECT} where p.territory = $1 and p.id = $2`, [territory, id]);
    if (!row) throw notFound("Ce professionnel n'existe pas.");
    return row;
  }

  /** The given position, else the commune's centre; the commune must belong to the territory. */
  async function resolveLocation(territory: string, insee: string, given?: {lat: number; lng: number}): Promise<{lat: number; lng: number}> {
    const [commune] = await db.query<{lat: number | null; lng: number | null}>('select lat, lng from territory_communes where territory = $1 and insee = $2', [
      territory,
      insee,
    ]);
    if (!commune) throw validationProblem([{path: 'communeInsee', code: 'unknown_commune', message: "cette commune n'appartient pas au territoire"}]);
    if (given) return given;
    if (commune.lat === null || commune.lng === null) {
      throw validationProblem([{path: 'location', code: 'required', message: "la commune n'a pas de coordonnées connues : indiquez la position"}]);
    }
    return {lat: commune.lat, lng: commune.lng};
  }

  /** One practitioner per RPPS in a territory: the import updates by it (the unique index has the last word). */
  async function ensureRppsFree(territory: string, rpps: string | undefined, self?: string): Promise<void> {
    if (rpps === undefined) return;
    const [other] = await db.query<{id: string}>('select id from practitioners where territory = $1 and rpps = $2 and id is distinct from $3', [
      territory,
      rpps,
      self ?? null,
    ]);
    if (other) throw rppsTaken();
  }

  async function write(sql: string, params: unknown[]): Promise<void> {
    try {
      await db.query(sql, params);
    } catch (error) {
      throw isUniqueViolation(error) ? rppsTaken() : error;
    }
  }

  return new Hono<AppEnv>()
    .get('/v1/territories/:t/practitioners', validate('query', PublicPractitionerQuery), async (c) => {
      const query = c.req.valid('query');
      const offset = decodeCursor(query.cursor);
      if (offset === null) throw validationProblem([{path: 'cursor', code: 'invalid_cursor', message: 'curseur de pagination invalide'}]);
      const where = ['p.territory = $1', 'p.active', `d.visibility = 'public'`];
      const params: unknown[] = [c.get('territory').slug];
      const add = (sql: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.profession) add((n) => `p.profession = ${n}`, query.profession);
      if (query.accepting) add((n) => `d.declaration->>'accepting' = ${n}`, query.accepting);
      if (query.acceptsNew !== undefined) add((n) => `(coalesce(d.declaration->>'accepting', 'no') in ('yes', 'limited')) = ${n}`, query.acceptsNew);
      if (query.id) add((n) => `p.id = ${n}`, query.id);
      if (query.homeVisits !== undefined) add((n) => `(d.declaration->>'homeVisits')::boolean = ${n}`, query.homeVisits);
      if (query.bbox) {
        const [minLng, minLat, maxLng, maxLat] = parseBbox(query.bbox);
        add((n) => `p.lng >= ${n}`, minLng);
        add((n) => `p.lat >= ${n}`, minLat);
        add((n) => `p.lng <= ${n}`, maxLng);
        add((n) => `p.lat <= ${n}`, maxLat);
      }
      if (query.q) {
        add(
          (n) => `(p.first_name ilike ${n} or p.last_name ilike ${n} or p.practice_name ilike ${n} or p.address ilike ${n}
                   or exists (select 1 from territory_communes tc where tc.territory = p.territory and tc.insee = p.commune_insee and tc.name ilike ${n}))`,
          likePattern(query.q),
        );
      }
      const limit = query.limit ?? 200;
      const rows = await db.query<PractitionerRow>(
        `${PRACTITIONER_SELECT} where ${where.join(' and ')} order by p.last_name, p.first_name, p.id limit ${limit + 1} offset ${offset}`,
        params,
      );
      return jsonWithEtag(c, {items: rows.slice(0, limit).map(publicPractitionerBody), nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null}, 'public');
    })
    .post('/v1/territories/:t/practitioners', coordinator, validate('json', PractitionerCreate), async (c) => {
      const body = c.req.valid('json');
      const territory = c.get('territory');
      const location = await resolveLocation(territory.slug, body.communeInsee, body.location);
      await ensureRppsFree(territory.slug, body.rpps);
      const id = crypto.randomUUID();
      await write(
        `insert into practitioners (id, territory, rpps, profession, title, first_name, last_name, practice_name, address, commune_insee, lat, lng, phone, email)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          territory.slug,
          body.rpps ?? null,
          body.profession,
          body.title ?? null,
          body.firstName,
          body.lastName,
          body.practiceName ?? null,
          body.address ?? null,
          body.communeInsee,
          location.lat,
          location.lng,
          body.phone ?? null,
          body.email ?? null,
        ],
      );
      await audit(db, {territory: territory.slug, actor: actorName(c.get('caller')), action: 'practitioner.create', target: id});
      c.header('Location', `/v1/territories/${territory.slug}/practitioners/${id}`);
      return c.json(practitionerBody(await findPractitioner(territory.slug, id), territory.stale_after_days, keys), 201);
    })
    .post('/v1/territories/:t/practitioners/import', coordinator, validate('query', PractitionerImportQuery), async (c) => {
      const charset = csvUploadCharset(c.req.header('Content-Type'));
      const result = await importPractitionersCsv(db, {
        territory: c.get('territory').slug,
        bytes: new Uint8Array(await c.req.arrayBuffer()),
        charset,
        dryRun: c.req.valid('query').dryRun ?? false,
        actor: actorName(c.get('caller')),
      });
      return c.json(result);
    })
    .get('/v1/territories/:t/practitioners/:id', coordinator, validate('param', IdParam), async (c) => {
      const territory = c.get('territory');
      return c.json(practitionerBody(await findPractitioner(territory.slug, c.req.valid('param').id), territory.stale_after_days, keys));
    })
    .patch('/v1/territories/:t/practitioners/:id', coordinator, validate('param', IdParam), validate('json', PractitionerPatch), async (c) => {
      const territory = c.get('territory');
      const {id} = c.req.valid('param');
      const patch = c.req.valid('json');
      const current = await findPractitioner(territory.slug, id);
      await ensureRppsFree(territory.slug, patch.rpps, id);
      // moving to another commune without a position moves the pin to that commune's centre
      const location =
        patch.communeInsee !== undefined && patch.communeInsee !== current.commune_insee
          ? await resolveLocation(territory.slug, patch.communeInsee, patch.location)
          : patch.location;
      const columns: [string, unknown][] = [
        ['rpps', patch.rpps],
        ['profession', patch.profession],
        ['title', patch.title],
        ['first_name', patch.firstName],
        ['last_name', patch.lastName],
        ['practice_name', patch.practiceName],
        ['address', patch.address],
        ['commune_insee', patch.communeInsee],
        ['lat', location?.lat],
        ['lng', location?.lng],
        ['phone', patch.phone],
        ['email', patch.email],
        ['active', patch.active],
      ];
      const changed = columns.filter(([, value]) => value !== undefined);
      if (changed.length > 0) {
        const sets = changed.map(([column], i) => `${column} = $${i + 3}`);
        await write(`update practitioners set ${sets.join(', ')}, updated_at = now() where territory = $1 and id = $2`, [territory.slug, id, ...changed.map(([, v]) => v)]);
        await audit(db, {territory: territory.slug, actor: actorName(c.get('caller')), action: 'practitioner.patch', target: id, details: {fields: Object.keys(patch)}});
      }
      return c.json(practitionerBody(await findPractitioner(territory.slug, id), territory.stale_after_days, keys));
    })
    .delete('/v1/territories/:t/practitioners/:id', coordinator, validate('param', IdParam), async (c) => {
      const territory = c.get('territory').slug;
      const {id} = c.req.valid('param');
      await findPractitioner(territory, id);
      // tokens and declarations go with the practitioner (on delete cascade)
      await db.query('delete from practitioners where territory = $1 and id = $2', [territory, id]);
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'practitioner.delete', target: id});
      return c.body(null, 204);
    })
    .post('/v1/territories/:t/practitioners/:id/link', coordinator, validate('param', IdParam), validate('json', PersonalLinkCreate), async (c) => {
      const territory = c.get('territory').slug;
      const {id} = c.req.valid('param');
      await findPractitioner(territory, id);
      const days = c.req.valid('json').expiresInDays ?? DEFAULT_LINK_DAYS;
      const issued = await issueToken(db, {territory, kind: 'practitioner', practitionerId: id, days, label: 'lien personnel'});
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'practitioner.link.create', target: id, details: {tokenId: issued.id}});
      c.header('Cache-Control', 'no-store');
      return c.json({practitionerId: id, token: issued.token, expiresAt: iso(issued.expiresAt!)}, 201);
    })
    .delete('/v1/territories/:t/practitioners/:id/link', coordinator, validate('param', IdParam), async (c) => {
      const territory = c.get('territory').slug;
      const {id} = c.req.valid('param');
      await findPractitioner(territory, id);
      await db.query(`update tokens set revoked_at = now() where territory = $1 and practitioner_id = $2 and kind = 'practitioner' and revoked_at is null`, [territory, id]);
      await audit(db, {territory, actor: actorName(c.get('caller')), action: 'practitioner.link.revoke', target: id});
      return c.body(null, 204);
    });
}
