import {CoordinatorNames, Me} from '../session.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const sessionSchemas = {
  Me: {
    schema: Me,
    description: 'Who the bearer token belongs to. A coordinator’s name is the one requests are assigned to (« assigned to me »).',
    example: {kind: 'coordinator', name: 'Claire', label: 'Claire', practitionerId: null},
  },
  CoordinatorNames: {schema: CoordinatorNames, example: {names: ['Claire', 'Karim']}},
} satisfies SchemaDocs;

export const sessionRouteDocs = {
  getMe: {
    tag: 'territory',
    // a practitioner's personal link is accepted too; the document names one scheme per route
    auth: 'coordinator',
    summary: 'Who the token belongs to (coordinator or practitioner personal link): kind and name, nothing secret',
    responses: {200: 'The token’s holder'},
  },
  listCoordinators: {
    tag: 'territory',
    auth: 'coordinator',
    summary: 'Names of the territory’s coordinators (labels of unrevoked, unexpired coordinator tokens, without duplicates)',
    responses: {200: 'The names, in alphabetical order'},
  },
} satisfies RouteDocs;
