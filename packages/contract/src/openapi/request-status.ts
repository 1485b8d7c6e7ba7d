import {RequestClosedBecause, RequestProgress, RequestStatus, RequestStatusLookup} from '../request-status.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const requestStatusSchemas = {
  RequestProgress: {
    schema: RequestProgress,
    description:
      'Where a request stands, in the person’s words: received; in_progress (the CPTS has called: waiting list `contacted`); oriented (a practitioner agreed to see the person); resolved (a médecin traitant found); closed.',
  },
  RequestClosedBecause: {schema: RequestClosedBecause, description: 'Why a closed request was closed; `found` covers a doctor found through the CPTS or alone.'},
  RequestStatusLookup: {
    schema: RequestStatusLookup,
    description:
      'The reference printed on the receipt and the birth date given with it. Sent as a POST body so the birth date never appears in a URL or a log. An unknown reference, a wrong birth date or another territory’s reference all get the same 404 problem (`code: not_found`). Against guessing, three budgets, each answering 429 problem+json with Retry-After and `retryAfter` once it is used up: per client address and minute (CPTS_STATUS_RATE_LIMIT); per reference and client address, 10 tries in 24 h, right or wrong, a right answer clearing that client’s count (so one client guessing locks out only itself); and per reference from all addresses together, 100 tries in 24 h. Tries are counted for any reference typed, whether or not it exists.',
    example: {reference: 'DEMO-2026-000123', birthDate: '1948-03-12'},
  },
  RequestStatus: {
    schema: RequestStatus,
    description: 'The request’s progress and whom to call; no personal data.',
    example: {
      reference: 'DEMO-2026-000123',
      status: 'in_progress',
      receivedOn: '2026-03-03',
      since: '2026-03-10',
      closedBecause: null,
      territory: {name: 'CPTS de l’Audomarois', phone: '03 21 00 00 00'},
    },
  },
} satisfies SchemaDocs;

export const requestStatusRouteDocs = {
  lookupRequestStatus: {
    tag: 'intake',
    auth: 'public',
    summary:
      'Where a request stands, for the person who registered: by reference and birth date (one generic 404 for any wrong pair; 429 after 10 tries a day per reference and address, or 100 per reference from all addresses)',
    body: {schema: RequestStatusLookup, example: {reference: 'DEMO-2026-000123', birthDate: '1948-03-12'}},
    responses: {200: 'The request’s progress, the CPTS’s name and phone'},
  },
} satisfies RouteDocs;
