import {Id, PickOffer, ProposalDecline, WaitingPeopleQuery, type OwnProposals, type WaitingPerson} from '@cpts-kit/contract';
import type {Context} from 'hono';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, requireAuth} from '../auth.js';
import type {Db} from '../db/index.js';
import type {Keys} from '../crypto.js';
import type {AppEnv, Deps} from '../env.js';
import {acceptProposal, confirmFirstConsultation, declineProposal, offerToTake, type Who} from '../matching-actions.js';
import {monthStartParis} from '../matching-query.js';
import {PERSON_SELECT, PROPOSAL_SELECT, personSummary, toOwnProposal, type PersonRow, type ProposalRow} from '../matching-read.js';
import {ApiProblem, notFound} from '../problems.js';
import {audit} from '../territories.js';
import {validate} from '../validate.js';

const IdParam = z.object({t: z.string(), id: Id});
/** Answered proposals stay on the practitioner's page this long. */
const ANSWERED_DAYS = 90;
const DEFAULT_PEOPLE = 50;

/**
 * One proposal or all of a practitioner's, as their link shows them. Contact details go with the
 * accepted ones only, and each time they are shown the audit log says who saw what.
 */
async function ownProposals(db: Db, keys: Keys, who: Who, practitionerId: string, proposalId: string | null) {
  const rows = await db.query<ProposalRow>(
    `${PROPOSAL_SELECT} where q.territory = $1 and q.practitioner_id = $2 and ($3::uuid is null or q.id = $3::uuid)
       and (q.status in ('offered', 'pending', 'accepted') or q.answered_at > now() - make_interval(days => ${ANSWERED_DAYS}))
     order by case when q.status in ('offered', 'pending') then 0 else 1 end, q.proposed_at desc, q.id`,
    [who.territory, practitionerId, proposalId],
  );
  const people = new Map(
    (rows.length === 0 ? [] : await db.query<PersonRow>(`${PERSON_SELECT} where r.id = any($1::uuid[])`, [rows.map((r) => r.request_id)])).map((p) => [p.id, p]),
  );
  const items = [];
  for (const row of rows) {
    const person = people.get(row.request_id);
    if (!person) continue;
    const withContact = row.status === 'accepted';
    if (withContact) {
      await audit(db, {
        territory: who.territory,
        actor: who.name,
        action: 'proposal.contact_read',
        target: row.request_id,
        details: {proposalId: row.id, fields: ['lastName', 'firstNames', 'birthDate', 'phone', 'email', 'bestTimeToCall', 'address', 'requester']},
      });
    }
    items.push(toOwnProposal(row, person, keys, withContact));
  }
  return items;
}

async function quotaOf(db: Db, practitionerId: string): Promise<OwnProposals['quota']> {
  const [row] = await db.query<{quota: number | null; used: number}>(
    `select (select quota from practitioner_current_availability where practitioner_id = $1) as quota,
            coalesce((select sum(taken)::int from practitioner_month_places where practitioner_id = $1 and month = quota_month($2::timestamptz)), 0) as used`,
    [practitionerId, monthStartParis().toISOString()],
  );
  const quota = row?.quota ?? null;
  const used = row?.used ?? 0;
  return {monthlyQuota: quota, usedThisMonth: used, placesLeft: quota === null ? null : Math.max(0, quota - used)};
}

/** The practitioner's side, from their personal link: proposals to answer, people to pick. */
export function proposalRoutes({db, keys}: Deps) {
  const practitioner = requireAuth(db, 'practitioner');

  const who = (c: Context<AppEnv>): Who => ({territory: c.get('territory').slug, name: actorName(c.get('caller')), staleAfterDays: c.get('territory').stale_after_days});
  const me = (c: Context<AppEnv>): string => c.get('caller').practitionerId ?? '';

  async function one(c: Context<AppEnv>, id: string, status: 200 | 201 = 200) {
    const [item] = await ownProposals(db, keys, who(c), me(c), id);
    if (!item) throw notFound("Cette proposition n'existe pas.");
    c.header('Cache-Control', 'private, no-store');
    return c.json(item, status);
  }

  return new Hono<AppEnv>()
    .get('/v1/territories/:t/proposals', practitioner, async (c) => {
      const body: OwnProposals = {
        items: await ownProposals(db, keys, who(c), me(c), null),
        quota: await quotaOf(db, me(c)),
        mayPick: c.get('territory').practitioners_may_pick,
      };
      c.header('Cache-Control', 'private, no-store');
      return c.json(body);
    })
    .post('/v1/territories/:t/proposals/:id/accept', practitioner, validate('param', IdParam), async (c) => {
      const {id} = c.req.valid('param');
      await acceptProposal(db, keys, id, me(c), who(c));
      return one(c, id);
    })
    .post('/v1/territories/:t/proposals/:id/decline', practitioner, validate('param', IdParam), validate('json', ProposalDecline), async (c) => {
      const {id} = c.req.valid('param');
      await declineProposal(db, keys, id, me(c), c.req.valid('json'), who(c));
      return one(c, id);
    })
    .post('/v1/territories/:t/proposals/:id/first-consultation', practitioner, validate('param', IdParam), async (c) => {
      const {id} = c.req.valid('param');
      await confirmFirstConsultation(db, keys, id, me(c), who(c));
      return one(c, id);
    })
    .get('/v1/territories/:t/waiting-people', practitioner, validate('query', WaitingPeopleQuery), async (c) => {
      const territory = c.get('territory');
      if (!territory.practitioners_may_pick) throw pickingDisabled();
      const query = c.req.valid('query');
      const rows = await db.query<PersonRow & {km: number | null; offered: boolean}>(
        `with me as (select coalesce(pc.lat, p.lat) as lat, coalesce(pc.lng, p.lng) as lng from practitioners p
                      left join territory_communes pc on pc.territory = p.territory and pc.insee = p.commune_insee where p.id = $2),
              waiting as (${PERSON_SELECT.replace('select r.id', 'select c.lat, c.lng, r.id')}
                        where r.territory = $1 and r.status in ('received', 'contacted') and r.merged_into is null)
         select waiting.*, 2 * 6371 * asin(sqrt(power(sin(radians(waiting.lat - me.lat) / 2), 2)
                  + cos(radians(me.lat)) * cos(radians(waiting.lat)) * power(sin(radians(waiting.lng - me.lng) / 2), 2))) as km,
                exists (select 1 from proposals q where q.request_id = waiting.id and q.practitioner_id = $2 and q.status in ('offered', 'pending')) as offered
           from waiting cross join me
          where $3::float8 is null or waiting.lat is null
             or 2 * 6371 * asin(sqrt(power(sin(radians(waiting.lat - me.lat) / 2), 2)
                  + cos(radians(me.lat)) * cos(radians(waiting.lat)) * power(sin(radians(waiting.lng - me.lng) / 2), 2))) <= $3::float8
          order by km asc nulls last, waiting.created_at, waiting.id
          limit $4`,
        [territory.slug, me(c), query.maxKm ?? null, query.limit ?? DEFAULT_PEOPLE],
      );
      const items: WaitingPerson[] = rows.map((row) => ({
        id: row.id,
        ...personSummary(row, keys),
        distanceKm: row.km === null ? null : Math.round(Number(row.km) * 10) / 10,
        offered: row.offered,
      }));
      c.header('Cache-Control', 'private, no-store');
      return c.json({items});
    })
    .post('/v1/territories/:t/waiting-people/:id/offers', practitioner, validate('param', IdParam), validate('json', PickOffer), async (c) => {
      if (!c.get('territory').practitioners_may_pick) throw pickingDisabled();
      const {id} = c.req.valid('param');
      const created = await offerToTake(db, keys, id, me(c), c.req.valid('json').note, who(c));
      return one(c, created, 201);
    });
}

const pickingDisabled = () =>
  new ApiProblem(403, 'picking_disabled', 'Liste non ouverte', {detail: 'Ce territoire ne propose pas aux professionnels de choisir dans la liste d’attente.'});
