import {json, noContent, type RouteDef} from './route-def.js';
import {InternshipOffer, InternshipOfferCreate, InternshipOfferList, InternshipOfferPatch, InternshipOfferQuery, internshipOfferExample} from './internship.js';

export const listInternshipOffersRoute = {
  operationId: 'listInternshipOffers', method: 'get', path: '/v1/territories/{t}/internship-offers', tag: 'internships', auth: 'public',
  summary: 'Published internship offers (coordinators may ask for any status)',
  query: InternshipOfferQuery,
  responses: {200: json(InternshipOfferList, 'A page of offers'), 304: {description: 'Not modified (ETag)'}},
} as const satisfies RouteDef;

export const createInternshipOfferRoute = {
  operationId: 'createInternshipOffer', method: 'post', path: '/v1/territories/{t}/internship-offers', tag: 'internships', auth: 'coordinator',
  summary: 'Create an offer (as a draft)',
  body: {schema: InternshipOfferCreate, example: internshipOfferExample},
  responses: {201: json(InternshipOffer, 'Created')},
} as const satisfies RouteDef;

export const getInternshipOfferRoute = {
  operationId: 'getInternshipOffer', method: 'get', path: '/v1/territories/{t}/internship-offers/{id}', tag: 'internships', auth: 'public',
  summary: 'One published offer',
  responses: {200: json(InternshipOffer, 'The offer'), 304: {description: 'Not modified (ETag)'}},
} as const satisfies RouteDef;

export const patchInternshipOfferRoute = {
  operationId: 'patchInternshipOffer', method: 'patch', path: '/v1/territories/{t}/internship-offers/{id}', tag: 'internships', auth: 'coordinator',
  summary: 'Edit an offer',
  body: {schema: InternshipOfferPatch, example: {places: 3, periods: ['2027-11']}},
  responses: {200: json(InternshipOffer, 'The offer as saved')},
} as const satisfies RouteDef;

export const deleteInternshipOfferRoute = {
  operationId: 'deleteInternshipOffer', method: 'delete', path: '/v1/territories/{t}/internship-offers/{id}', tag: 'internships', auth: 'coordinator',
  summary: 'Delete an offer',
  responses: noContent,
} as const satisfies RouteDef;

export const publishInternshipOfferRoute = {
  operationId: 'publishInternshipOffer', method: 'post', path: '/v1/territories/{t}/internship-offers/{id}/publish', tag: 'internships', auth: 'coordinator',
  summary: 'Publish an offer',
  responses: {200: json(InternshipOffer, 'The published offer')},
} as const satisfies RouteDef;

export const archiveInternshipOfferRoute = {
  operationId: 'archiveInternshipOffer', method: 'post', path: '/v1/territories/{t}/internship-offers/{id}/archive', tag: 'internships', auth: 'coordinator',
  summary: 'Archive an offer: it leaves the public list',
  responses: {200: json(InternshipOffer, 'The archived offer')},
} as const satisfies RouteDef;
