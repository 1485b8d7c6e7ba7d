import * as z from 'zod/mini';
import {IsoDate} from './common.js';
import {isPlausibleBirthDate} from './intake.js';

/**
 * Where a request stands, as the person reads it. Its own words, not the waiting list's statuses:
 * the list may grow a status a coordinator needs without the public answer changing.
 * received → in_progress (the CPTS called) → oriented (a practitioner agreed to see the person) → resolved | closed.
 */
export const RequestProgress = /* @__PURE__ */ z.enum(['received', 'in_progress', 'oriented', 'resolved', 'closed']);
export type RequestProgress = z.infer<typeof RequestProgress>;

/** Why a closed request was closed, in the person's terms (no coordinator's note, ever). */
export const RequestClosedBecause = /* @__PURE__ */ z.enum(['found', 'moved_away', 'unreachable', 'duplicate', 'withdrew', 'other']);
export type RequestClosedBecause = z.infer<typeof RequestClosedBecause>;

/**
 * The question: a reference and the birth date given with it. A POST body, so the birth date never
 * lands in a URL, a proxy's log or the browser's history. The reference is read as people copy it
 * from the receipt: spaces around it and lower case are forgiven (the server reads it in capitals).
 */
export const RequestStatusLookup = /* @__PURE__ */ z.strictObject({
  reference: z.string().check(z.trim(), z.regex(/^[A-Z0-9]{2,12}-\d{4}-\d{6}$/i, 'référence invalide : elle s’écrit comme sur le récépissé, par exemple DEMO-2026-000123')),
  birthDate: IsoDate.check(z.refine((iso) => isPlausibleBirthDate(iso), 'la date de naissance doit être passée et plausible')),
});
export type RequestStatusLookup = z.infer<typeof RequestStatusLookup>;

/** The answer: nothing about the person, only the request's progress and whom to call. */
export const RequestStatus = /* @__PURE__ */ z.object({
  reference: z.string(),
  status: RequestProgress,
  /** The day the CPTS received the request (Paris time). */
  receivedOn: IsoDate,
  /** The day it reached its current status (Paris time); `receivedOn` while still received. */
  since: IsoDate,
  closedBecause: z.nullable(RequestClosedBecause),
  territory: z.object({name: z.string(), phone: z.string()}),
});
export type RequestStatus = z.infer<typeof RequestStatus>;
