import type {CloseReason, IntakeStatus} from '@cpts-kit/contract';
import {decryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {PersonalFields} from './intake-rules.js';
import {enqueue} from './outbox.js';

/**
 * Close reasons the person is not told about: a duplicate was merged into their other request
 * (they hear about that one), and an unreachable address would only bounce.
 */
const SILENT_CLOSE = new Set<CloseReason | null>(['duplicate', 'unreachable']);

/**
 * The note to the person when their request is oriented or closed, in the caller's transaction.
 * `historyId` names the status change: one note per change, however often the code runs.
 */
export async function notifyStatus(tx: Db, keys: Keys, requestId: string, historyId: string, to: IntakeStatus, closeReason: CloseReason | null): Promise<void> {
  if (to !== 'oriented' && to !== 'closed') return;
  if (to === 'closed' && SILENT_CLOSE.has(closeReason)) return;
  const [row] = await tx.query<{territory: string; reference: string; personal_encrypted: string; message_language: string | null}>(
    'select territory, reference, personal_encrypted, message_language from intake_requests where id = $1',
    [requestId],
  );
  if (!row) return;
  const email = decryptJson<PersonalFields>(keys.decryption, row.personal_encrypted).person.email;
  if (!email) return;
  await enqueue(tx, keys, {
    territory: row.territory,
    kind: to === 'oriented' ? 'request_oriented' : 'request_closed',
    recipient: email,
    language: row.message_language === 'en' ? 'en' : 'fr',
    data: {requestId, reference: row.reference, ...(closeReason ? {closeReason} : {})},
    dedupeKey: `status:${historyId}`,
  });
}

/** Tells a practitioner that a person is proposed to them; the message names nobody. */
export async function notifyProposal(tx: Db, keys: Keys, territory: string, proposalId: string, practitionerId: string): Promise<void> {
  const [row] = await tx.query<{email: string | null}>('select email from practitioners where id = $1 and active', [practitionerId]);
  if (!row?.email) return;
  await enqueue(tx, keys, {territory, kind: 'proposal', recipient: row.email, language: 'fr', data: {proposalId, practitionerId}, dedupeKey: `proposal:${proposalId}`});
}
