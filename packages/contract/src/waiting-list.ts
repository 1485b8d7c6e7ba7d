import * as z from 'zod/mini';
import {Id, IsoDate, InseeCode, PageQuery, QueryBoolean, Timestamp, longText, shortText} from './common.js';
import {IntakePerson, IntakeRequest, IntakeSituation, IntakeStatus, PriorityAnswers, PriorityCriterion, Requester} from './intake.js';
import {named} from './registry.js';

/** Age bands of the waiting list's filter: the national priority ages at both ends. */
export const AgeBand = /* @__PURE__ */ z.enum(['under_6', '6_17', '18_69', '70_plus']);
export type AgeBand = z.infer<typeof AgeBand>;

/** triage: priority criteria or home visits first, then the longest wait; newest / oldest: by registration date. */
export const WaitingListSort = /* @__PURE__ */ z.enum(['triage', 'newest', 'oldest']);
export type WaitingListSort = z.infer<typeof WaitingListSort>;

/** How the request reached the CPTS. */
export const IntakeChannel = /* @__PURE__ */ z.enum(['form', 'phone', 'paper', 'import']);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

export const CloseReason = /* @__PURE__ */ z.enum(['found_via_cpts', 'found_alone', 'moved_away', 'unreachable', 'duplicate', 'withdrew', 'other']);
export type CloseReason = z.infer<typeof CloseReason>;

export const CallOutcome = /* @__PURE__ */ z.enum(['reached', 'no_answer', 'voicemail', 'wrong_number', 'busy', 'call_back_later']);
export type CallOutcome = z.infer<typeof CallOutcome>;

/**
 * Filters of the list and of the export. No name or phone here: a search goes in the body of
 * `POST …/intake-requests/search`, so that no personal value reaches a URL or an access log.
 */
export const WaitingListQuery = /* @__PURE__ */ z.object({
  status: z.optional(IntakeStatus),
  commune: z.optional(InseeCode),
  /** true: any priority criterion (or home visits); false: none. */
  priority: QueryBoolean,
  /** One criterion: `ald`, `age_70_plus`… */
  criterion: z.optional(PriorityCriterion),
  homeVisits: QueryBoolean,
  ageBand: z.optional(AgeBand),
  /** `me`: assigned to the caller (their token's name); `nobody`: not assigned. */
  assigned: z.optional(z.enum(['me', 'nobody'])),
  /** Registered more than this many days ago. */
  waitingMoreThanDays: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(3650))),
  sort: z.optional(WaitingListSort),
  ...PageQuery,
});
export type WaitingListQuery = z.input<typeof WaitingListQuery>;

/** A search by reference, last name or phone, with the list's filters. */
export const WaitingListSearch = /* @__PURE__ */ named(
  z.strictObject({
    text: shortText(120),
    status: z.optional(IntakeStatus),
    sort: z.optional(WaitingListSort),
    limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
  }),
  {
    id: 'WaitingListSearch',
    description: 'A reference (DEMO-2026-000123, or its number 123), a last name (case, accents and hyphens ignored) or a phone number (any spelling): matched exactly through keyed blind indexes.',
    example: {text: 'Dupont'},
  },
);
export type WaitingListSearch = z.infer<typeof WaitingListSearch>;

export const StatusCounts = /* @__PURE__ */ named(
  z.object({received: z.int(), contacted: z.int(), oriented: z.int(), resolved: z.int(), closed: z.int()}),
  {id: 'StatusCounts', description: 'Requests per status under the current filters, the status filter left out (so every tab shows its number).'},
);
export type StatusCounts = z.infer<typeof StatusCounts>;

/** One row of the list: the request as read, with what the list shows besides (no event log). */
export const WaitingListItem = /* @__PURE__ */ named(
  z.extend(IntakeRequest, {
    channel: IntakeChannel,
    ageBand: AgeBand,
    waitingDays: z.int(),
    version: z.int(),
    closeReason: z.nullable(CloseReason),
    callCount: z.int(),
  }),
  {id: 'WaitingListItem'},
);
export type WaitingListItem = z.infer<typeof WaitingListItem>;

export const WaitingListPage = /* @__PURE__ */ named(
  z.object({items: z.array(WaitingListItem), nextCursor: z.nullable(z.string()), counts: StatusCounts}),
  {id: 'WaitingListPage'},
);
export type WaitingListPage = z.infer<typeof WaitingListPage>;

export const IntakeEvent = /* @__PURE__ */ named(
  z.object({
    id: Id,
    /** The request it was recorded on: another one's when that one was merged into this. */
    requestId: Id,
    at: Timestamp,
    by: z.string(),
    /** `read`: someone opened the request (from the audit log). */
    kind: z.enum(['call', 'transition', 'assignment', 'merge', 'import', 'read']),
    from: z.optional(IntakeStatus),
    to: z.optional(IntakeStatus),
    outcome: z.optional(CallOutcome),
    closeReason: z.optional(CloseReason),
    assignedTo: z.optional(z.nullable(z.string())),
    otherId: z.optional(Id),
    otherReference: z.optional(z.string()),
    note: z.nullable(z.string()),
  }),
  {id: 'IntakeEvent'},
);
export type IntakeEvent = z.infer<typeof IntakeEvent>;

/** One request as the waiting list opens it: the list's request, with what a coordinator works with. */
export const WaitingRequest = /* @__PURE__ */ named(
  z.extend(WaitingListItem, {
    resolvedPractitionerId: z.nullable(Id),
    mergedInto: z.nullable(Id),
    merged: z.array(z.object({id: Id, reference: z.string()})),
    calls: z.array(IntakeEvent),
    events: z.array(IntakeEvent),
  }),
  {id: 'WaitingRequest', description: 'The version is also the ETag; send it back as If-Match to change the request.'},
);
export type WaitingRequest = z.infer<typeof WaitingRequest>;

export const IntakeTransition = /* @__PURE__ */ named(
  z
    .strictObject({
      to: IntakeStatus,
      note: z.optional(longText(2000)),
      closeReason: z.optional(CloseReason),
      resolvedPractitionerId: z.optional(Id),
    })
    .check(
      z.refine((v) => v.to !== 'closed' || v.closeReason !== undefined, {message: 'indiquez le motif de clôture', path: ['closeReason']}),
      z.refine((v) => v.to === 'closed' || v.closeReason === undefined, {message: 'un motif de clôture ne va qu’avec la clôture', path: ['closeReason']}),
      z.refine((v) => v.to === 'resolved' || v.resolvedPractitionerId === undefined, {message: 'le professionnel ne se donne qu’avec « solution trouvée »', path: ['resolvedPractitionerId']}),
      z.refine((v) => !(v.to === 'closed' && v.closeReason === 'other' && !v.note), {message: 'précisez le motif dans la note', path: ['note']}),
    ),
  {
    id: 'IntakeTransition',
    description: 'received → contacted → oriented → resolved | closed; closed and resolved reopen to contacted. Closing needs a reason.',
    example: {to: 'closed', closeReason: 'unreachable', note: 'Trois appels sans réponse.'},
  },
);
export type IntakeTransition = z.infer<typeof IntakeTransition>;

export const CallLogCreate = /* @__PURE__ */ named(
  z.strictObject({at: z.optional(Timestamp), outcome: CallOutcome, note: z.optional(longText(2000))}),
  {id: 'CallLogCreate', example: {outcome: 'voicemail', note: 'Message laissé, rappeler demain matin.'}},
);
export type CallLogCreate = z.infer<typeof CallLogCreate>;

export const MergeRequest = /* @__PURE__ */ named(z.strictObject({otherId: Id}), {id: 'MergeRequest', description: 'The other request is closed as a duplicate of this one; both histories stay.'});
export type MergeRequest = z.infer<typeof MergeRequest>;

/** A person who called the CPTS or handed in the paper form, registered by a coordinator. */
export const AssistedIntakeCreate = /* @__PURE__ */ named(
  z.strictObject({
    channel: z.enum(['phone', 'paper']),
    /** The day of the call or written on the form: the waiting time starts there. */
    receivedOn: IsoDate,
    requester: Requester,
    person: IntakePerson,
    situation: IntakeSituation,
    priority: PriorityAnswers,
    comment: z.optional(longText(1000)),
  }),
  {
    id: 'AssistedIntakeCreate',
    description: 'Same fields and rules as the public form; the consent is the coordinator’s to collect (by phone or on paper).',
    example: {
      channel: 'phone', receivedOn: '2026-11-02', requester: {kind: 'self'},
      person: {lastName: 'Martin', firstNames: 'Paul', birthDate: '1950-01-20', phone: '03 21 11 22 33', communeInsee: '62765'},
      situation: {reason: 'moved_in'},
      priority: {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'unknown'},
    },
  },
);
export type AssistedIntakeCreate = z.infer<typeof AssistedIntakeCreate>;

export const IntakeImportQuery = /* @__PURE__ */ z.object({dryRun: QueryBoolean});

export const IntakeImportResult = /* @__PURE__ */ named(
  z.object({
    dryRun: z.boolean(),
    rows: z.int(),
    encoding: z.string(),
    delimiter: z.string(),
    columns: z.array(z.object({column: z.string(), field: z.nullable(z.string())})),
    preview: z.array(z.object({line: z.int(), lastName: z.string(), firstNames: z.string(), communeInsee: z.string(), registeredOn: IsoDate, status: IntakeStatus})),
    created: z.array(z.object({line: z.int(), id: Id, reference: z.string()})),
  }),
  {id: 'IntakeImportResult'},
);
export type IntakeImportResult = z.infer<typeof IntakeImportResult>;
