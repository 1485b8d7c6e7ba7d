import {createHmac, timingSafeEqual} from 'node:crypto';
import {decryptJson, encryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';

/** What a message is about; each kind has its own template (mail-messages.ts). */
export const MESSAGE_KINDS = ['receipt', 'request_oriented', 'request_closed', 'priority_alert', 'daily_digest', 'proposal', 'stale_reminder'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type MessageLanguage = 'fr' | 'en';

/**
 * The list a recipient can leave with the link at the bottom of a message. The receipt has none:
 * the person asked for it by giving their address, and it is sent once.
 */
export const UNSUBSCRIBE_CATEGORY: Record<MessageKind, string | null> = {
  receipt: null,
  request_oriented: 'status',
  request_closed: 'status',
  priority_alert: 'coordination',
  daily_digest: 'coordination',
  proposal: 'proposals',
  stale_reminder: 'reminders',
};

export interface NewMessage {
  territory: string;
  kind: MessageKind;
  /** The address in clear (sealed here), or null for the territory's own contact e-mail. */
  recipient: string | null;
  language: MessageLanguage;
  /** References, counts and ids only: the message is rendered from them when it is sent. */
  data: Record<string, unknown>;
  /** One message per event: a second enqueue with the same key does nothing. */
  dedupeKey: string;
}

/** `<id@territory.cpts-kit>`: fixed at insert, so every attempt carries the same Message-ID header. */
export const messageIdFor = (id: string, territory: string) => `<${id}@${territory}.cpts-kit>`;

export const sealRecipient = (keys: Keys, address: string) => encryptJson(keys.encryption, address);
export const openRecipient = (keys: Keys, sealed: string) => decryptJson<string>(keys.decryption, sealed);

/** Writes the message in the caller's transaction; returns false when this event already has one. */
export async function enqueue(tx: Db, keys: Keys, m: NewMessage): Promise<boolean> {
  const id = crypto.randomUUID();
  const rows = await tx.query(
    `insert into outbox (id, territory, kind, recipient_encrypted, language, data, message_id, dedupe_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (dedupe_key) do nothing returning id`,
    [id, m.territory, m.kind, m.recipient === null ? null : sealRecipient(keys, m.recipient), m.language, JSON.stringify(m.data), messageIdFor(id, m.territory), m.dedupeKey],
  );
  return rows.length > 0;
}

/** `m•••@exemple.fr`: enough for a coordinator to recognise an address, not to read it. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

/**
 * Keyed hash of an address, case-insensitive: what the unsubscribe list keeps instead of it.
 * `mail` is the database's mail key (mail-key.ts), which no key rotation changes.
 */
export function recipientHash(mail: Buffer, address: string): string {
  return createHmac('sha256', mail).update(`recipient|${address.trim().toLowerCase()}`).digest('hex');
}

export interface UnsubscribeClaim {
  territory: string;
  category: string;
  recipientHash: string;
}

const sign = (mail: Buffer, payload: string) => createHmac('sha256', mail).update(`unsubscribe|${payload}`).digest('base64url').slice(0, 32);

/** A link token that names the list and the address (as its hash) and cannot be forged without the key. */
export function unsubscribeToken(mail: Buffer, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(`${claim.territory}|${claim.category}|${claim.recipientHash}`, 'utf8').toString('base64url');
  return `${payload}.${sign(mail, payload)}`;
}

export function readUnsubscribeToken(mail: Buffer, token: string): UnsubscribeClaim | undefined {
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(mail, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const [territory, category, hash, ...more] = Buffer.from(payload, 'base64url').toString('utf8').split('|');
  if (!territory || !category || !hash || more.length > 0) return undefined;
  return {territory, category, recipientHash: hash};
}

/** Records the choice; for a territory deleted since the message, nothing is left to stop (and no foreign-key 500). */
export async function unsubscribe(db: Db, claim: UnsubscribeClaim): Promise<void> {
  await db.query(
    `insert into mail_unsubscribes (territory, category, recipient_hash)
     select $1, $2, $3 where exists (select 1 from territories where slug = $1) on conflict do nothing`,
    [claim.territory, claim.category, claim.recipientHash],
  );
}

export async function isUnsubscribed(db: Db, claim: UnsubscribeClaim): Promise<boolean> {
  const rows = await db.query('select 1 from mail_unsubscribes where territory = $1 and category = $2 and recipient_hash = $3', [
    claim.territory,
    claim.category,
    claim.recipientHash,
  ]);
  return rows.length > 0;
}
