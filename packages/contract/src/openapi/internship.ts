import {FinancialAid, Housing, InternshipOffer, InternshipOfferCreate, InternshipOfferList, OfferContact, Transport, Welcome, internshipOfferExample} from '../internship.js';
import {InternshipOfferPatch} from '../patches.js';
import {InternshipOfferQuery} from '../queries.js';
import {noContent, type RouteDocs, type SchemaDocs} from './docs.js';

export const internshipSchemas = {
  Housing,
  Transport,
  Welcome,
  FinancialAid,
  OfferContact,
  InternshipOfferCreate: {schema: InternshipOfferCreate, example: internshipOfferExample},
  InternshipOfferPatch: {schema: InternshipOfferPatch, example: {places: 3, periods: ['2027-11']}},
  InternshipOffer,
  InternshipOfferList,
} satisfies SchemaDocs;

export const internshipRouteDocs = {
  listInternshipOffers: {
    tag: 'internships',
    auth: 'public',
    summary: 'Published internship offers (coordinators may ask for any status)',
    query: InternshipOfferQuery,
    responses: {200: 'A page of offers', 304: 'Not modified (ETag)'},
  },
  createInternshipOffer: {
    tag: 'internships',
    auth: 'coordinator',
    summary: 'Create an offer (as a draft)',
    body: {schema: InternshipOfferCreate, example: internshipOfferExample},
    responses: {201: 'Created'},
  },
  getInternshipOffer: {
    tag: 'internships',
    auth: 'public',
    summary: 'One published offer',
    responses: {200: 'The offer', 304: 'Not modified (ETag)'},
  },
  patchInternshipOffer: {
    tag: 'internships',
    auth: 'coordinator',
    summary: 'Edit an offer',
    body: {schema: InternshipOfferPatch, example: {places: 3, periods: ['2027-11']}},
    responses: {200: 'The offer as saved'},
  },
  deleteInternshipOffer: {
    tag: 'internships',
    auth: 'coordinator',
    summary: 'Delete an offer',
    responses: noContent,
  },
  publishInternshipOffer: {
    tag: 'internships',
    auth: 'coordinator',
    summary: 'Publish an offer',
    responses: {200: 'The published offer'},
  },
  archiveInternshipOffer: {
    tag: 'internships',
    auth: 'coordinator',
    summary: 'Archive an offer: it leaves the public list',
    responses: {200: 'The archived offer'},
  },
} satisfies RouteDocs;
