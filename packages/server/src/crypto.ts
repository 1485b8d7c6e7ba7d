import {createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomFillSync} from 'node:crypto';

/** 32 random bytes as base64url: well over 128 bits, safe in a URL. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Keys derived from CPTS_SECRET_KEY, one per purpose, so no key is used for two jobs. */
export interface Keys {
  encryption: Buffer;
  dedupe: Buffer;
  /** Blind indexes of the waiting list's search (last name, phone): its own key, not the dedupe one. */
  search: Buffer;
  /** Signs unsubscribe links and hashes the addresses that used them (outbox.ts). */
  mail: Buffer;
}

export function deriveKeys(secret: string): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'cpts-kit', info, 32));
  return {encryption: derive('intake-personal-fields-v1'), dedupe: derive('intake-dedupe-v1'), search: derive('intake-search-v1'), mail: derive('outbox-mail-v1')};
}

const VERSION = 'v1';

// IVs drawn from the CSPRNG 512 at a time: one 12-byte call per form cost more than the AES itself
const ivPool = Buffer.alloc(12 * 512);
let ivAt = ivPool.length;

/** A fresh random 96-bit IV, copied out of the pool so that refilling it changes no IV in use. */
function nextIv(): Buffer {
  if (ivAt === ivPool.length) {
    randomFillSync(ivPool);
    ivAt = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivAt, ivAt + 12));
  ivAt += 12;
  return iv;
}

/** AES-256-GCM; output `v1:` + base64(iv | tag | ciphertext). */
export function encryptJson(key: Buffer, value: unknown): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

export function decryptJson<T>(key: Buffer, sealed: string): T {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('format de chiffrement inconnu');
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
}

/**
 * How names are compared for duplicates: « Marie-Louise  DUPONT » and « marie louise Dupont » match.
 * Case, accents, hyphens, apostrophes and runs of spaces are what people and helpers type differently.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—'’`.]+/gu, ' ')
    .trim();
}

/** Keyed hash, to spot a probable duplicate without storing names in clear. */
export function blindIndex(key: Buffer, parts: string[]): string {
  return createHmac('sha256', key).update(parts.map(normaliseName).join('|')).digest('hex');
}

/** JSON with sorted keys: two bodies that differ only by key order hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
