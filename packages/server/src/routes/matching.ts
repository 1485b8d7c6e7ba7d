import {Id, MatchQuery, ProposalCreate, type Match, type MatchList, type ProposalStatus} from '@cpts-kit/contract';
import type {Context} from 'hono';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {actorName, requireAuth} from '../auth.js';
import {runPrepared} from '../db/index.js';
import type {AppEnv, Deps} from '../env.js';
import {confirmOffer, createProposals, withdrawProposal, type Who} from '../matching-actions.js';
import {monthStartParis, rankedAndApart} from '../matching-query.js';
import {findPerson, PROPOSAL_SELECT, personSummary, toMatch, toProposal, type ProposalRow} from '../matching-read.js';
import {notFound} from '../problems.js';
import {validate} from '../validate.js';

const IdParam = z.object({t: z.string(), id: Id});
const DEFAULT_LIMIT = 20;

/** The coordinator's side of matching: ranked matches, proposals, offers to confirm. */
export function matchingRoutes({db, keys}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');

  const who = (c: Context<AppEnv>): Who => ({territory: c.get('territory').slug, name: actorName(c.get('caller')), staleAfterDays: c.get('territory').stale_after_days});

  async function proposalsWhere(where: string, params: unknown[], order = 'q.proposed_at desc, q.id') {
    const rows = await db.query<ProposalRow>(`${PROPOSAL_SELECT} where ${where} order by ${order}`, params);
    return {items: rows.map((row) => toProposal(row, keys))};
  }

  async function oneProposal(c: Context<AppEnv>, id: string) {
    const {items} = await proposalsWhere('q.territory = $1 and q.id = $2', [c.get('territory').slug, id]);
    if (!items[0]) throw notFound("Cette proposition n'existe pas.");
    c.header('Cache-Control', 'private, no-store');
    return c.json(items[0]);
  }

  return new Hono<AppEnv>()
    .get('/v1/territories/:t/intake-requests/:id/matches', coordinator, validate('param', IdParam), validate('query', MatchQuery), async (c) => {
      const territory = c.get('territory');
      const {id} = c.req.valid('param');
      const person = await findPerson(db, territory.slug, id);
      if (!person) throw notFound("Cette demande n'existe pas.");
      const params = {
        territory: territory.slug,
        requestId: id,
        monthStart: monthStartParis(),
        staleAfterDays: territory.stale_after_days,
        limit: c.req.valid('query').limit ?? DEFAULT_LIMIT,
      };
      const [{ranked, apart}, proposals] = await Promise.all([
        rankedAndApart(db, params),
        // prepared like the ranking: every column is text already
        runPrepared(
          db,
          'cpts_matches_proposals',
          'select distinct on (practitioner_id) practitioner_id, id, status from proposals where request_id = $1 order by practitioner_id, proposed_at desc',
          [id],
        ),
      ]);
      const latest = new Map<string, Match['proposal']>(proposals.map((p) => [p.practitioner_id ?? '', {id: p.id ?? '', status: p.status as ProposalStatus}]));
      const summary = personSummary(person, keys);
      const body: MatchList = {
        person: summary,
        items: ranked.map((row, i) => toMatch(row, summary, ranked.length - i, latest.get(row.id) ?? null)),
        apart: apart.map((row) => toMatch(row, summary, 0, latest.get(row.id) ?? null)),
        staleAfterDays: territory.stale_after_days,
      };
      c.header('Cache-Control', 'private, no-store');
      return c.json(body);
    })
    .post('/v1/territories/:t/intake-requests/:id/proposals', coordinator, validate('param', IdParam), validate('json', ProposalCreate), async (c) => {
      const {id} = c.req.valid('param');
      const created = await createProposals(db, keys, id, c.req.valid('json'), who(c));
      return c.json(await proposalsWhere('q.id = any($1::uuid[])', [created]), 201);
    })
    .get('/v1/territories/:t/intake-requests/:id/proposals', coordinator, validate('param', IdParam), async (c) => {
      const {id} = c.req.valid('param');
      const person = await findPerson(db, c.get('territory').slug, id);
      if (!person) throw notFound("Cette demande n'existe pas.");
      c.header('Cache-Control', 'private, no-store');
      return c.json(await proposalsWhere('q.request_id = $1', [id]));
    })
    .get('/v1/territories/:t/practitioner-offers', coordinator, async (c) => {
      c.header('Cache-Control', 'private, no-store');
      return c.json(await proposalsWhere(`q.territory = $1 and q.status = 'offered'`, [c.get('territory').slug], 'q.proposed_at, q.id'));
    })
    .post('/v1/territories/:t/proposals/:id/withdraw', coordinator, validate('param', IdParam), async (c) => {
      const {id} = c.req.valid('param');
      await withdrawProposal(db, id, who(c));
      return oneProposal(c, id);
    })
    .post('/v1/territories/:t/proposals/:id/confirm', coordinator, validate('param', IdParam), async (c) => {
      const {id} = c.req.valid('param');
      await confirmOffer(db, keys, id, who(c));
      return oneProposal(c, id);
    });
}
