import {AvailabilityDeclaration, BoardQuery, type Board, type BoardRow} from '@cpts-kit/contract';
import {Hono} from 'hono';
import {requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {availabilityOf, daysSince, displayName, freshnessOf, PRACTITIONER_SELECT, type PractitionerRow} from '../practitioners.js';
import {notFound, validationProblem} from '../problems.js';
import {validate} from '../validate.js';
import {takenThisMonth} from '../matching-query.js';
import {sealNote} from '../waiting-list-read.js';

export function availabilityRoutes({db, communes, keys}: Deps) {
  const practitioner = requireAuth(db, 'practitioner');
  const coordinator = requireAuth(db, 'coordinator');

  async function ownRow(territory: string, practitionerId: string | null): Promise<PractitionerRow> {
    const [row] = await db.query<PractitionerRow>(`${PRACTITIONER_SELECT} where p.territory = $1 and p.id = $2`, [territory, practitionerId]);
    if (!row) throw notFound("Ce professionnel n'existe plus.");
    return row;
  }

  function ownBody(row: PractitionerRow, staleAfterDays: number) {
    return {
      practitioner: {id: row.id, displayName: displayName(row), profession: row.profession},
      current: availabilityOf(row, keys),
      freshness: freshnessOf(row.declared_at, staleAfterDays),
      staleAfterDays,
    };
  }

  return new Hono<AppEnv>()
    .get('/v1/territories/:t/availability', practitioner, async (c) => {
      const territory = c.get('territory');
      c.header('Cache-Control', 'private, no-store');
      return c.json(ownBody(await ownRow(territory.slug, c.get('caller').practitionerId), territory.stale_after_days));
    })
    .put('/v1/territories/:t/availability', practitioner, validate('json', AvailabilityDeclaration), async (c) => {
      const territory = c.get('territory');
      const caller = c.get('caller');
      const declaration = c.req.valid('json');
      const named = [
        ...declaration.scopeCommunes.map((insee, i) => ({insee, path: `scopeCommunes.${i}`})),
        ...declaration.homeVisitCommunes.map((insee, i) => ({insee, path: `homeVisitCommunes.${i}`})),
      ];
      const outside: typeof named = [];
      for (const u of named) if (!(await communes.includes(territory.slug, u.insee))) outside.push(u);
      if (outside.length > 0)
        throw validationProblem(outside.map((u) => ({path: u.path, code: 'unknown_commune', message: `la commune ${u.insee} n'appartient pas au territoire`})));
      // a new row every time: the history of declarations is what the CPTS reports on
      // the note may name a patient: sealed in its own column, the declaration keeps null
      await db.query(
        `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_by, declared_by_token, note_encrypted) values ($1, $2, $3, $4, 'practitioner', $5, $6)`,
        [
          crypto.randomUUID(),
          caller.practitionerId,
          JSON.stringify({...declaration, noteForCoordinator: null}),
          declaration.visibility,
          caller.tokenId,
          sealNote(keys, declaration.noteForCoordinator),
        ],
      );
      const row = await ownRow(territory.slug, caller.practitionerId);
      return c.json(availabilityOf(row, keys)!);
    })
    .get('/v1/territories/:t/availability-board', coordinator, validate('query', BoardQuery), async (c) => {
      const territory = c.get('territory');
      const query = c.req.valid('query');
      const rows = await db.query<PractitionerRow>(`${PRACTITIONER_SELECT} where p.territory = $1 order by p.last_name, p.first_name, p.id`, [territory.slug]);
      const taken = await takenThisMonth(db, territory.slug);
      const all: BoardRow[] = rows.map((row) => ({
        practitionerId: row.id,
        displayName: displayName(row),
        lastName: row.last_name,
        firstName: row.first_name,
        profession: row.profession,
        communeInsee: row.commune_insee,
        location: {lat: row.lat, lng: row.lng},
        active: row.active,
        availability: availabilityOf(row, keys),
        freshness: freshnessOf(row.declared_at, territory.stale_after_days),
        daysSinceDeclaration: daysSince(row.declared_at),
        takenThisMonth: taken.get(row.id) ?? 0,
      }));
      const q = query.q?.toLocaleLowerCase('fr');
      const items = all.filter(
        (r) =>
          (!query.profession || r.profession === query.profession) &&
          (!query.commune || r.communeInsee === query.commune) &&
          (!query.accepting || r.availability?.accepting === query.accepting) &&
          (query.homeVisits === undefined || (r.availability?.homeVisits ?? false) === query.homeVisits) &&
          (query.snp === undefined || (r.availability?.snpSlotsThisWeek ?? 0) > 0 === query.snp) &&
          (query.msu === undefined || (r.availability?.hostsInterns ?? false) === query.msu) &&
          (!query.freshness || r.freshness === query.freshness) &&
          (!q || r.displayName.toLocaleLowerCase('fr').includes(q)),
      );
      const body: Board = {
        items,
        counts: {
          total: items.length,
          fresh: items.filter((r) => r.freshness === 'fresh').length,
          stale: items.filter((r) => r.freshness === 'stale').length,
          never: items.filter((r) => r.freshness === 'never').length,
          accepting: items.filter((r) => r.availability && r.availability.accepting !== 'no').length,
        },
        staleAfterDays: territory.stale_after_days,
      };
      c.header('Cache-Control', 'private, no-store');
      return c.json(body);
    });
}
