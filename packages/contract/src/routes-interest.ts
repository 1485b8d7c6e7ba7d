import type {RouteDef} from './route-def.js';
import {InternshipInterestCreated, InternshipInterestList} from './interest.js';

export const expressInternshipInterestRoute = {
  operationId: 'expressInternshipInterest',
  method: 'post',
  path: '/v1/territories/{t}/internship-offers/{id}/interests',
  idempotencyKey: 'required',
  responses: {201: InternshipInterestCreated},
} as const satisfies RouteDef;

export const listInternshipInterestsRoute = {
  operationId: 'listInternshipInterests',
  method: 'get',
  path: '/v1/territories/{t}/internship-offers/{id}/interests',
  responses: {200: InternshipInterestList},
} as const satisfies RouteDef;
