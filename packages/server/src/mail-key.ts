import {randomBytes} from 'node:crypto';
import {decryptJson, encryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';

// The key that signs unsubscribe links and hashes the addresses that used them (outbox.ts). Those
// links sit in mailboxes for months and the hashes are kept for good, so the key must outlive any
// CPTS_SECRET_KEY: it is 32 random bytes made once per database, stored sealed with the current
// secret (server_keys, migration 076). A rotation seals it again like any other column (rekey.ts)
// and leaves its value alone. A database that sent links before 076 keeps the key they carry.

interface Row {
  key_encrypted: string | null;
  adopt_derived: boolean;
}

/**
 * Makes the mail key if this database has none yet. A compare-and-set on the empty row: two
 * servers starting together on one PostgreSQL (outside the start-up lock too) end with one key.
 */
export async function createMailKeyIfMissing(db: Db, keys: Keys): Promise<void> {
  // a row deleted by hand: a new key (the links it signed are lost either way)
  await db.query("insert into server_keys (id, key_encrypted, adopt_derived) values ('mail', null, false) on conflict (id) do nothing");
  const [row] = await db.query<Row>("select key_encrypted, adopt_derived from server_keys where id = 'mail'");
  if (!row || row.key_encrypted !== null) return;
  const key = row.adopt_derived ? keys.derivedMail : randomBytes(32);
  await db.query("update server_keys set key_encrypted = $1 where id = 'mail' and key_encrypted is null", [encryptJson(keys.encryption, key.toString('base64url'))]);
}

/** The mail key, made first if need be; throws when no configured secret opens it. */
export async function loadMailKey(db: Db, keys: Keys): Promise<Buffer> {
  await createMailKeyIfMissing(db, keys);
  const [row] = await db.query<Row>("select key_encrypted, adopt_derived from server_keys where id = 'mail'");
  if (!row?.key_encrypted) throw new Error('clé des liens de désinscription absente');
  return Buffer.from(decryptJson<string>(keys.decryption, row.key_encrypted), 'base64url');
}

const loaded = new WeakMap<Keys, WeakMap<Db, Promise<Buffer>>>();

/** loadMailKey once per keys and database: the value never changes once made. A failure is not kept. */
export function mailKey(db: Db, keys: Keys): Promise<Buffer> {
  const byDb = loaded.get(keys) ?? new WeakMap<Db, Promise<Buffer>>();
  loaded.set(keys, byDb);
  let key = byDb.get(db);
  if (!key) {
    key = loadMailKey(db, keys);
    byDb.set(db, key);
    key.catch(() => byDb.delete(db));
  }
  return key;
}
