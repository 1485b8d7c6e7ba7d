import {
  IntakePerson,
  IntakeRequest,
  IntakeRequestCreate,
  IntakeRequestCreated,
  IntakeRequestList,
  IntakeSituation,
  PriorityAnswers,
  Requester,
  StatusChange,
} from '../intake.js';
import {IntakeRequestPatch} from '../patches.js';
import {MatchQuery, WaitingListQuery} from '../queries.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const intakeSchemas = {
  PriorityAnswers,
  Requester,
  IntakePerson,
  IntakeSituation,
  IntakeRequestCreate: {
    schema: IntakeRequestCreate,
    description: 'A registration sent by the public form. No NIR, ever.',
    example: {
      requester: {kind: 'pharmacist', name: 'Pharmacie du Centre', phone: '03 21 98 00 00'},
      person: {lastName: 'Dupont', firstNames: 'Marie Louise', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
      situation: {reason: 'gp_retired', since: '2026-06-01'},
      priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
      comment: 'Préfère être appelée le matin.',
      consent: true,
    },
  },
  IntakeRequestCreated: {schema: IntakeRequestCreated, example: {id: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10', reference: 'DEMO-2026-000123', status: 'received'}},
  StatusChange,
  IntakeRequest,
  IntakeRequestPatch: {schema: IntakeRequestPatch, example: {status: 'contacted', notes: 'Rappelée le 12/11, cherche un médecin à Arques.'}},
  IntakeRequestList,
} satisfies SchemaDocs;

export const intakeRouteDocs = {
  createIntakeRequest: {
    tag: 'intake',
    auth: 'public',
    summary: 'Register a person who has no médecin traitant',
    body: {
      schema: IntakeRequestCreate,
      example: {
        requester: {kind: 'self'},
        person: {lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
        situation: {reason: 'gp_retired'},
        priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
        consent: true,
      },
    },
    responses: {201: 'Registered'},
  },
  listIntakeRequests: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'The waiting list: filters, triage order by default, keyset cursor, counts per status',
    query: WaitingListQuery,
    responses: {200: 'A page of requests'},
  },
  exportIntakeRequests: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'CSV export of the requests (audited)',
    query: WaitingListQuery,
    responses: {200: {description: 'CSV, UTF-8 with BOM, `;`-separated', contentType: 'text/csv'}},
  },
  getIntakeRequest: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'One request, with its calls and full history (ETag: its version)',
    responses: {200: 'The request'},
  },
  patchIntakeRequest: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Change notes, assignment (or status, as a transition); If-Match: the ETag read, else 412',
    body: {schema: IntakeRequestPatch, example: {status: 'contacted', notes: 'Rappelée le 12/11.'}},
    responses: {200: 'The request as saved'},
  },
  listIntakeMatches: {
    tag: 'matching',
    auth: 'coordinator',
    summary: 'Practitioners who can take this person (accepting, quota left this month, scope, home visits), nearest and freshest first',
    query: MatchQuery,
    responses: {200: 'Ranked practitioners with their reasons; stale or missing declarations apart'},
  },
} satisfies RouteDocs;
