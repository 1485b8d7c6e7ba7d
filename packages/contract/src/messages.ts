import * as z from 'zod/mini';
import {Id, Timestamp} from './common.js';

/** What a message is about. */
export const MessageKind = /* @__PURE__ */ z.enum(['receipt', 'request_oriented', 'request_closed', 'priority_alert', 'daily_digest', 'proposal', 'stale_reminder']);
export type MessageKind = z.infer<typeof MessageKind>;

/** pending: waits (for SMTP, or for its next attempt); sending: in a worker's hands; skipped: the recipient unsubscribed. */
export const MessageStatus = /* @__PURE__ */ z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** One message of the outbox as coordinators see it: masked address, no body. */
export const OutboxMessage = /* @__PURE__ */ z.object({
  id: Id,
  kind: MessageKind,
  status: MessageStatus,
  /** `m•••@exemple.fr`, or `coordination` for the territory's own address. */
  recipient: z.string(),
  attempts: z.number(),
  lastError: z.nullable(z.string()),
  nextAttemptAt: Timestamp,
  createdAt: Timestamp,
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxSummary = /* @__PURE__ */ z.object({
  /** False: CPTS_SMTP_URL is not set on the server, and every message waits. */
  smtpConfigured: z.boolean(),
  counts: z.object({pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), skipped: z.number()}),
  /** The waiting and failed messages, oldest first (at most 100). */
  items: z.array(OutboxMessage),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

/** The signed token of an unsubscribe link. */
export const UnsubscribeToken = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{32}$/));
