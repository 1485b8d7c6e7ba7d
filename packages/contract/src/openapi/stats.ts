import {CommuneStats, DaysBucket, Impact, MonthStats, StatCount, StatShare, Stats, Suppression} from '../stats.js';
import {StatsQuery} from '../queries.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const statsSchemas = {
  Suppression: {
    schema: Suppression,
    description:
      'Why a count is hidden: `lessThan11` — between 1 and 10 (shown « moins de 11 »); `complementary` — hidden so that a hidden count cannot be recomputed from a total (shown « masqué »).',
  },
  StatCount: {
    schema: StatCount,
    description: 'A count of people: an integer, or, in publishable figures, `{suppressed}` when it could identify someone. 0 is never suppressed.',
    example: {suppressed: 'lessThan11'},
  },
  StatShare: {schema: StatShare, description: 'A count and its share (0–1) of the period’s registrations; null share when suppressed or nobody registered.'},
  DaysBucket: {schema: DaysBucket, description: 'Days from `minDays` to `maxDays` included (`maxDays` null: and more).', example: {minDays: 8, maxDays: 30, count: 42}},
  CommuneStats: {
    schema: CommuneStats,
    example: {insee: '62765', name: 'Saint-Omer', population: 14037, registered: 120, resolved: 64, waitingNow: 38, waitingPer1000: 2.7},
  },
  MonthStats: {schema: MonthStats, example: {month: '2026-03', registered: 41, resolved: {suppressed: 'lessThan11'}}},
  Stats: {
    schema: Stats,
    description:
      'What a CPTS reports for a period (ACI): cohort figures of the requests registered in the period as they stand today (registered = resolved.total + open + closed.total), and today’s waiting list. With `publishable=true`, counts of 1–10 and what would reveal them are suppressed.',
  },
  Impact: {
    schema: Impact,
    description: 'The plain-language public summary of the territories that switch it on (`publishImpact`); always suppressed.',
    example: {
      territory: 'CPTS du Pays de Saint-Omer (démo)',
      since: '2026-01-01',
      computedAt: '2026-12-07T03:00:00.000Z',
      empty: false,
      registered: 412,
      foundDoctor: 198,
      foundViaCpts: 151,
      priority: 137,
      waitingNow: {suppressed: 'complementary'},
    },
  },
} satisfies SchemaDocs;

export const statsRouteDocs = {
  getStats: {
    tag: 'stats',
    auth: 'coordinator',
    summary:
      'The ACI report for a period: registered, resolved (through the CPTS / alone), open, closed by reason, priority and home-visit shares, days to solution (median, 90th percentile, distribution), by commune, reason and month, and today’s waiting list by age. Period reversed, in the future or beyond the retention: 400',
    query: StatsQuery,
    responses: {200: 'The figures (suppressed with `publishable=true`)'},
  },
  getImpact: {
    tag: 'stats',
    auth: 'public',
    summary:
      'The public summary for the CPTS’s site: registered, found a médecin traitant, priority, waiting now, suppressed and cached (404 unless the territory publishes it)',
    responses: {200: 'The summary', 304: 'Not modified (ETag)'},
  },
} satisfies RouteDocs;
