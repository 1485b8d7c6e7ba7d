import {MessageKind, MessageStatus, OutboxMessage, OutboxSummary} from '../messages.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const messageSchemas = {
  MessageKind: {schema: MessageKind, description: 'What a message is about: the receipt, a status note, a priority alert, the daily digest, a proposal, a reminder.'},
  MessageStatus: {
    schema: MessageStatus,
    description: 'pending (waits for SMTP or its next attempt), sending, sent, failed (refused or out of attempts), skipped (unsubscribed).',
  },
  OutboxMessage: {schema: OutboxMessage, description: 'A message as coordinators see it: kind, masked recipient, attempts, last error; never its body.'},
  OutboxSummary: {schema: OutboxSummary, description: 'Whether SMTP is configured, counts by status, and the waiting and failed messages.'},
} satisfies SchemaDocs;

export const messageRouteDocs = {
  getOutbox: {
    tag: 'messages',
    auth: 'coordinator',
    summary: 'The outbox: counts by status and the messages waiting or failed (no bodies, masked addresses)',
    responses: {200: 'The outbox'},
  },
  showUnsubscribe: {
    tag: 'messages',
    auth: 'public',
    summary: 'The page of an unsubscribe link: what it stops, and a button to confirm',
    responses: {200: {description: 'An HTML page; 404 problem+json for a forged or damaged link', contentType: 'text/html'}},
  },
  unsubscribe: {
    tag: 'messages',
    auth: 'public',
    summary: 'Stops the optional messages of one kind to one address (idempotent; RFC 8058 one-click)',
    responses: {200: {description: 'An HTML confirmation', contentType: 'text/html'}},
  },
} satisfies RouteDocs;
