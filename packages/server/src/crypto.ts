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
  /**
   * What decrypts: the current encryption key first, then those of the previous secrets
   * (CPTS_SECRET_KEY_OLD) while a rotation is under way; see rekey.ts.
   */
  decryption: readonly Buffer[];
  dedupe: Buffer;
  /** Blind indexes of the waiting list's search (last name, phone): its own key, not the dedupe one. */
  search: Buffer;
  /**
   * The key unsubscribe links were signed with before migration 076 (derived from the secret they
   * were sent under: the newest of CPTS_SECRET_KEY_OLD during a rotation, else CPTS_SECRET_KEY).
   * Only taken over once, as the stable mail key of a database that had links out (mail-key.ts).
   */
  derivedMail: Buffer;
  /** Keys the hash of the client address in the status lookup's per-client budget (request-status.ts). */
  statusClient: Buffer;
}

const deriveKey = (secret: string, info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'cpts-kit', info, 32));
const ENCRYPTION_INFO = 'intake-personal-fields-v1';

export function deriveKeys(secret: string, previousSecrets: readonly string[] = []): Keys {
  const encryption = deriveKey(secret, ENCRYPTION_INFO);
  const previous = previousSecrets.filter((old) => old !== secret).map((old) => deriveKey(old, ENCRYPTION_INFO));
  return {
    encryption,
    decryption: [encryption, ...previous],
    dedupe: deriveKey(secret, 'intake-dedupe-v1'),
    search: deriveKey(secret, 'intake-search-v1'),
    derivedMail: deriveKey(previousSecrets.find((old) => old !== secret) ?? secret, 'outbox-mail-v1'),
    statusClient: deriveKey(secret, 'request-status-client-v1'),
  };
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

function decryptWith(key: Buffer, raw: Buffer): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch {
    // the tag does not match: another key sealed it (or it was tampered with)
    return undefined;
  }
}

/** Index of the key of `keys` that opens `sealed`, or -1; throws on a value that is not sealed at all. */
export function sealedWith(keys: Buffer | readonly Buffer[], sealed: string): {index: number; plain: Buffer | undefined} {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('format de chiffrement inconnu');
  const raw = Buffer.from(payload, 'base64');
  const list = Buffer.isBuffer(keys) ? [keys] : keys;
  for (let index = 0; index < list.length; index++) {
    const plain = decryptWith(list[index]!, raw);
    if (plain) return {index, plain};
  }
  return {index: -1, plain: undefined};
}

/** Opens a value sealed by encryptJson with `keys` (the current one first, then the old ones). */
export function decryptJson<T>(keys: Buffer | readonly Buffer[], sealed: string): T {
  const {plain} = sealedWith(keys, sealed);
  if (!plain) throw new Error('déchiffrement impossible : ni la clé actuelle ni une ancienne clé (CPTS_SECRET_KEY_OLD) ne conviennent');
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
