import {InternshipInterest, InternshipInterestCreate, InternshipInterestCreated, InternshipInterestList} from '../interest.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const interestSchemas = {
  InternshipInterestCreate: {
    schema: InternshipInterestCreate,
    example: {
      name: 'Léa Martin',
      email: 'lea.martin@etu.univ-exemple.fr',
      period: '2027-05',
      message: 'Interne en 3e semestre, je cherche un stage en MSP rurale.',
      consent: true,
    },
  },
  InternshipInterestCreated: {schema: InternshipInterestCreated, example: {id: '4f1c2a52-8d0e-4c47-9a6b-1e2f3a4b5c6d', status: 'received'}},
  InternshipInterest,
  InternshipInterestList,
} satisfies SchemaDocs;

export const interestRouteDocs = {
  expressInternshipInterest: {
    tag: 'internships',
    auth: 'public',
    summary: 'Tell the CPTS one is interested in a published offer',
    body: {
      schema: InternshipInterestCreate,
      example: {
        name: 'Léa Martin',
        email: 'lea.martin@etu.univ-exemple.fr',
        period: '2027-05',
        message: 'Interne en 3e semestre, je cherche un stage en MSP rurale.',
        consent: true,
      },
    },
    responses: {201: 'Received'},
  },
  listInternshipInterests: {
    tag: 'internships',
    auth: 'coordinator',
    summary: 'The interests received for an offer, newest first',
    responses: {200: 'Every interest received'},
  },
} satisfies RouteDocs;
