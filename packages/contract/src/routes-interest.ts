import {json, type RouteDef} from './route-def.js';
import {InternshipInterestCreate, InternshipInterestCreated, InternshipInterestList} from './interest.js';

export const expressInternshipInterestRoute = {
  operationId: 'expressInternshipInterest', method: 'post', path: '/v1/territories/{t}/internship-offers/{id}/interests', tag: 'internships', auth: 'public',
  summary: 'Tell the CPTS one is interested in a published offer',
  idempotencyKey: 'required',
  body: {
    schema: InternshipInterestCreate,
    example: {name: 'Léa Martin', email: 'lea.martin@etu.univ-exemple.fr', period: '2027-05', message: 'Interne en 3e semestre, je cherche un stage en MSP rurale.', consent: true},
  },
  responses: {201: json(InternshipInterestCreated, 'Received')},
} as const satisfies RouteDef;

export const listInternshipInterestsRoute = {
  operationId: 'listInternshipInterests', method: 'get', path: '/v1/territories/{t}/internship-offers/{id}/interests', tag: 'internships', auth: 'coordinator',
  summary: 'The interests received for an offer, newest first',
  responses: {200: json(InternshipInterestList, 'Every interest received')},
} as const satisfies RouteDef;
