import {Stats} from '../stats.js';
import {StatsQuery} from '../queries.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const statsSchemas = {
  Stats: {schema: Stats, description: 'What a CPTS reports: counts, shares (0–1) and median time to solution.'},
} satisfies SchemaDocs;

export const statsRouteDocs = {
  getStats: {
    tag: 'stats',
    auth: 'coordinator',
    summary: 'Counts, shares and median time to solution, by commune and by reason',
    query: StatsQuery,
    responses: {200: 'The figures'},
  },
} satisfies RouteDocs;
