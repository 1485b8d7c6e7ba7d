import * as z from 'zod/mini';
import {Id, IsoDate, Timestamp, longText, shortText} from './common.js';
import {IntakePerson, IntakeRequest, IntakeSituation, IntakeStatus, PriorityAnswers, Requester} from './intake.js';

/** Age bands of the waiting list's filter: the national priority ages at both ends. */
export const AgeBand = /* @__PURE__ */ z.enum(['under_6', '6_17', '18_69', '70_plus']);
export type AgeBand = z.infer<typeof AgeBand>;

/** triage: priority criteria or home visits first, then the longest wait, finished requests last; newest / oldest: by registration date. */
export const WaitingListSort = /* @__PURE__ */ z.enum(['triage', 'newest', 'oldest']);
export type WaitingListSort = z.infer<typeof WaitingListSort>;

/** How the request reached the CPTS. */
export const IntakeChannel = /* @__PURE__ */ z.enum(['form', 'phone', 'paper', 'import']);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

export const CloseReason = /* @__PURE__ */ z.enum(['found_via_cpts', 'found_alone', 'moved_away', 'unreachable', 'duplicate', 'withdrew', 'other']);
export type CloseReason = z.infer<typeof CloseReason>;

export const CallOutcome = /* @__PURE__ */ z.enum(['reached', 'no_answer', 'voicemail', 'wrong_number', 'busy', 'call_back_later']);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** A search by reference, last name or phone, with the list's filters. */
export const WaitingListSearch = /* @__PURE__ */ z.strictObject({
  text: shortText(120),
  status: z.optional(IntakeStatus),
  sort: z.optional(WaitingListSort),
  limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
});
export type WaitingListSearch = z.infer<typeof WaitingListSearch>;

export const StatusCounts = /* @__PURE__ */ z.object({received: z.int(), contacted: z.int(), oriented: z.int(), resolved: z.int(), closed: z.int()});
export type StatusCounts = z.infer<typeof StatusCounts>;

/** One row of the list: the request as read, with what the list shows besides (no event log). */
export const WaitingListItem = /* @__PURE__ */ z.extend(IntakeRequest, {
  channel: IntakeChannel,
  ageBand: AgeBand,
  waitingDays: z.int(),
  version: z.int(),
  closeReason: z.nullable(CloseReason),
  callCount: z.int(),
  /** `possibleDuplicateOf` with its reference, so a list or a detail names it without opening it. */
  possibleDuplicate: z.nullable(z.object({id: Id, reference: z.string()})),
});
export type WaitingListItem = z.infer<typeof WaitingListItem>;

export const WaitingListPage = /* @__PURE__ */ z.object({items: z.array(WaitingListItem), nextCursor: z.nullable(z.string()), counts: StatusCounts});
export type WaitingListPage = z.infer<typeof WaitingListPage>;

export const IntakeEvent = /* @__PURE__ */ z.object({
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
});
export type IntakeEvent = z.infer<typeof IntakeEvent>;

/** One request as the waiting list opens it: the list's request, with what a coordinator works with. */
export const WaitingRequest = /* @__PURE__ */ z.extend(WaitingListItem, {
  resolvedPractitionerId: z.nullable(Id),
  mergedInto: z.nullable(Id),
  merged: z.array(z.object({id: Id, reference: z.string()})),
  calls: z.array(IntakeEvent),
  events: z.array(IntakeEvent),
});
export type WaitingRequest = z.infer<typeof WaitingRequest>;

export const IntakeTransition = /* @__PURE__ */ z
  .strictObject({
    to: IntakeStatus,
    note: z.optional(longText(2000)),
    closeReason: z.optional(CloseReason),
    resolvedPractitionerId: z.optional(Id),
  })
  .check(
    z.refine((v) => v.to !== 'closed' || v.closeReason !== undefined, {message: 'indiquez le motif de clôture', path: ['closeReason']}),
    z.refine((v) => v.to === 'closed' || v.closeReason === undefined, {message: 'un motif de clôture ne va qu’avec la clôture', path: ['closeReason']}),
    z.refine((v) => v.to === 'resolved' || v.resolvedPractitionerId === undefined, {
      message: 'le professionnel ne se donne qu’avec « solution trouvée »',
      path: ['resolvedPractitionerId'],
    }),
    z.refine((v) => !(v.to === 'closed' && v.closeReason === 'other' && !v.note), {message: 'précisez le motif dans la note', path: ['note']}),
  );
export type IntakeTransition = z.infer<typeof IntakeTransition>;

export const CallLogCreate = /* @__PURE__ */ z.strictObject({at: z.optional(Timestamp), outcome: CallOutcome, note: z.optional(longText(2000))});
export type CallLogCreate = z.infer<typeof CallLogCreate>;

export const MergeRequest = /* @__PURE__ */ z.strictObject({otherId: Id});
export type MergeRequest = z.infer<typeof MergeRequest>;

/** A person who called the CPTS or handed in the paper form, registered by a coordinator. */
export const AssistedIntakeCreate = /* @__PURE__ */ z.strictObject({
  channel: z.enum(['phone', 'paper']),
  /** The day of the call or written on the form: the waiting time starts there. */
  receivedOn: IsoDate,
  requester: Requester,
  person: IntakePerson,
  situation: IntakeSituation,
  priority: PriorityAnswers,
  comment: z.optional(longText(1000)),
});
export type AssistedIntakeCreate = z.infer<typeof AssistedIntakeCreate>;

export const IntakeImportResult = /* @__PURE__ */ z.object({
  dryRun: z.boolean(),
  rows: z.int(),
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.array(z.object({column: z.string(), field: z.nullable(z.string())})),
  preview: z.array(z.object({line: z.int(), lastName: z.string(), firstNames: z.string(), communeInsee: z.string(), registeredOn: IsoDate, status: IntakeStatus})),
  created: z.array(z.object({line: z.int(), id: Id, reference: z.string()})),
});
export type IntakeImportResult = z.infer<typeof IntakeImportResult>;
