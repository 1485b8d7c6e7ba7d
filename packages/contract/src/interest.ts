import * as z from 'zod/mini';
import {Email, Id, Timestamp, longText, shortText} from './common.js';
import {Period} from './internship.js';

/**
 * What an intern (or a student) sends from an offer's page. Whether `period` is one of the offer's
 * periods depends on the offer, so the server checks it, and answers with a field error on `period`.
 */
export const InternshipInterestCreate = /* @__PURE__ */ z.strictObject({
  name: shortText(120),
  email: Email,
  period: Period,
  message: z.optional(longText(1000)),
  consent: z.literal(true, 'le consentement est nécessaire pour transmettre votre intérêt'),
  /** Honeypot: hidden from people, filled by bots. Must stay empty. */
  website: z.optional(z.string().check(z.maxLength(0))),
});
export type InternshipInterestCreate = z.infer<typeof InternshipInterestCreate>;

export const InternshipInterestStatus = /* @__PURE__ */ z.enum(['received']);
export type InternshipInterestStatus = z.infer<typeof InternshipInterestStatus>;

export const InternshipInterestCreated = /* @__PURE__ */ z.object({id: Id, status: InternshipInterestStatus});
export type InternshipInterestCreated = z.infer<typeof InternshipInterestCreated>;

/** An interest as a coordinator reads it (decrypted). */
export const InternshipInterest = /* @__PURE__ */ z.object({
  id: Id,
  offerId: Id,
  name: z.string(),
  email: z.string(),
  period: Period,
  message: z.nullable(z.string()),
  status: InternshipInterestStatus,
  createdAt: Timestamp,
});
export type InternshipInterest = z.infer<typeof InternshipInterest>;

export const InternshipInterestList = /* @__PURE__ */ z.object({items: z.array(InternshipInterest)});
export type InternshipInterestList = z.infer<typeof InternshipInterestList>;
