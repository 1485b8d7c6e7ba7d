import type {RouteDef} from './route-def.js';
import {InternshipOffer, InternshipOfferList} from './internship.js';

export const listInternshipOffersRoute = {
  operationId: 'listInternshipOffers',
  method: 'get',
  path: '/v1/territories/{t}/internship-offers',
  responses: {200: InternshipOfferList, 304: null},
} as const satisfies RouteDef;

export const createInternshipOfferRoute = {
  operationId: 'createInternshipOffer',
  method: 'post',
  path: '/v1/territories/{t}/internship-offers',
  responses: {201: InternshipOffer},
} as const satisfies RouteDef;

export const getInternshipOfferRoute = {
  operationId: 'getInternshipOffer',
  method: 'get',
  path: '/v1/territories/{t}/internship-offers/{id}',
  responses: {200: InternshipOffer, 304: null},
} as const satisfies RouteDef;

export const patchInternshipOfferRoute = {
  operationId: 'patchInternshipOffer',
  method: 'patch',
  path: '/v1/territories/{t}/internship-offers/{id}',
  responses: {200: InternshipOffer},
} as const satisfies RouteDef;

export const deleteInternshipOfferRoute = {
  operationId: 'deleteInternshipOffer',
  method: 'delete',
  path: '/v1/territories/{t}/internship-offers/{id}',
  responses: {204: null},
} as const satisfies RouteDef;

export const publishInternshipOfferRoute = {
  operationId: 'publishInternshipOffer',
  method: 'post',
  path: '/v1/territories/{t}/internship-offers/{id}/publish',
  responses: {200: InternshipOffer},
} as const satisfies RouteDef;

export const archiveInternshipOfferRoute = {
  operationId: 'archiveInternshipOffer',
  method: 'post',
  path: '/v1/territories/{t}/internship-offers/{id}/archive',
  responses: {200: InternshipOffer},
} as const satisfies RouteDef;
