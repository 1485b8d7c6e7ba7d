import * as z from 'zod/mini';
import {IntakeImportQuery} from '../queries.js';
import {
  AssistedIntakeCreate,
  CallLogCreate,
  IntakeEvent,
  IntakeImportResult,
  IntakeTransition,
  MergeRequest,
  StatusCounts,
  WaitingListItem,
  WaitingListPage,
  WaitingListSearch,
  WaitingRequest,
} from '../waiting-list.js';
import type {ResponseDoc, RouteDocs, SchemaDocs} from './docs.js';

const assistedExample = {
  channel: 'phone',
  receivedOn: '2026-11-02',
  requester: {kind: 'self'},
  person: {lastName: 'Martin', firstNames: 'Paul', birthDate: '1950-01-20', phone: '03 21 11 22 33', communeInsee: '62765'},
  situation: {reason: 'moved_in'},
  priority: {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'unknown'},
};

export const waitingListSchemas = {
  WaitingListSearch: {
    schema: WaitingListSearch,
    description:
      'A reference (DEMO-2026-000123, or its number 123), a last name (case, accents and hyphens ignored) or a phone number (any spelling): matched exactly through keyed blind indexes.',
    example: {text: 'Dupont'},
  },
  StatusCounts: {schema: StatusCounts, description: 'Requests per status under the current filters, the status filter left out (so every tab shows its number).'},
  WaitingListItem,
  WaitingListPage,
  IntakeEvent,
  WaitingRequest: {schema: WaitingRequest, description: 'The version is also the ETag; send it back as If-Match to change the request.'},
  IntakeTransition: {
    schema: IntakeTransition,
    description: 'received → contacted → oriented → resolved | closed; closed and resolved reopen to contacted. Closing needs a reason.',
    example: {to: 'closed', closeReason: 'unreachable', note: 'Trois appels sans réponse.'},
  },
  CallLogCreate: {schema: CallLogCreate, example: {outcome: 'voicemail', note: 'Message laissé, rappeler demain matin.'}},
  MergeRequest: {schema: MergeRequest, description: 'The other request is closed as a duplicate of this one; both histories stay.'},
  AssistedIntakeCreate: {
    schema: AssistedIntakeCreate,
    description: 'Same fields and rules as the public form; the consent is the coordinator’s to collect (by phone or on paper).',
    example: assistedExample,
  },
  IntakeImportResult,
} satisfies SchemaDocs;

const stale: ResponseDoc = {
  contentType: 'application/problem+json',
  description: 'If-Match names an older version: someone changed the request since it was read (code `stale`). Read it again.',
};

const invalidTransition: ResponseDoc = {
  contentType: 'application/problem+json',
  description: 'This move is not allowed from the current status (code `invalid_transition`), or the merge cannot be done (code `merge_refused`).',
};

const importCsvExample = "Nom;Prénom;Date de naissance;Téléphone;Commune;Date d'inscription;ALD\nDUPONT;Marie;12/03/1948;06 12 34 56 78;Saint-Omer;05/01/2026;oui\n";

export const waitingListRouteDocs = {
  searchIntakeRequests: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Find requests by reference, last name or phone (POST: the searched name stays out of URLs and logs)',
    body: {schema: WaitingListSearch, example: {text: 'Dupont'}},
    responses: {200: 'The matching requests, with counts per status'},
  },
  createAssistedIntakeRequest: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Register a person who called the CPTS or sent the paper form',
    body: {
      schema: AssistedIntakeCreate,
      example: {
        ...assistedExample,
        channel: 'paper',
        requester: {kind: 'town_hall', name: 'Mairie d’Arques', phone: '03 21 88 00 00'},
        person: {...assistedExample.person, communeInsee: '62040'},
      },
    },
    responses: {201: 'Registered'},
  },
  importIntakeRequests: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Import an existing waiting list from a CSV file (dry run first; then all or nothing)',
    query: IntakeImportQuery,
    body: {schema: z.string(), contentType: 'text/csv', example: importCsvExample},
    responses: {
      200: 'What was imported, or with dryRun what would be',
      422: {
        contentType: 'application/problem+json',
        description: 'The file has errors, nothing was written: `errors[]` of `{path: "lines.12.birthDate", line, column, code, message}`',
      },
    },
  },
  transitionIntakeRequest: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Move a request along its lifecycle, with an optional note (If-Match: its ETag)',
    body: {schema: IntakeTransition, example: {to: 'contacted', note: 'Jointe, cherche un médecin à Arques.'}},
    responses: {200: 'The request as saved', 409: invalidTransition, 412: stale},
  },
  logIntakeCall: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Log a call attempt (date, outcome, note)',
    body: {schema: CallLogCreate, example: {outcome: 'no_answer'}},
    responses: {201: 'The request with the call in its log', 412: stale},
  },
  mergeIntakeRequest: {
    tag: 'intake',
    auth: 'coordinator',
    summary: 'Merge a duplicate into this request: the other is closed as a duplicate pointing here, both histories kept',
    body: {schema: MergeRequest, example: {otherId: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10'}},
    responses: {200: 'The kept request', 409: invalidTransition, 412: stale},
  },
} satisfies RouteDocs;
