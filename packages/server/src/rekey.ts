import {blindIndex, decryptJson, encryptJson, sealedWith, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {createMailKeyIfMissing} from './mail-key.js';
import type {PersonalFields} from './intake-rules.js';
import {searchColumns} from './waiting-list-index.js';
import {sealNote} from './waiting-list-read.js';

// Key rotation. The server encrypts with CPTS_SECRET_KEY and decrypts with it or with any key of
// CPTS_SECRET_KEY_OLD. `keys rotate` (and the server in the background, when old keys are set)
// walks every sealed column in batches, by id, and seals again with the current key what an old
// key opens. A value the current key opens is left alone, so a run stopped half-way is resumed
// by running it again, and a second run rewrites nothing. Each write is a compare-and-set on the
// value read: a note a coordinator edits meanwhile is never overwritten by its old text.

const BATCH = 500;

/**
 * Sealed columns whose value is the whole of what is sealed (no index derived from it). A new
 * `*_encrypted` column goes here: a test lists the database's columns and fails on one left out.
 */
export const SEALED_COLUMNS: readonly {table: string; columns: readonly string[]}[] = [
  {table: 'intake_requests', columns: ['notes_encrypted']},
  {table: 'intake_events', columns: ['note_encrypted']},
  {table: 'proposals', columns: ['note_encrypted', 'decline_note_encrypted']},
  {table: 'internship_interests', columns: ['personal_encrypted']},
  {table: 'availability_declarations', columns: ['note_encrypted']},
  {table: 'outbox', columns: ['recipient_encrypted']},
  // the mail key (mail-key.ts): sealed again, its value unchanged, so links already sent still work
  {table: 'server_keys', columns: ['key_encrypted']},
];

export interface RekeyCount {
  /** `table.column` */
  column: string;
  /** Values read. */
  scanned: number;
  /** Values sealed again with the current key. */
  resealed: number;
  /** Values no configured key opens: lost unless the right old key is given. */
  unreadable: number;
}

/** The sealed value again under the current key; undefined when it already is, null when no key opens it. */
function reseal(keys: Keys, sealed: string): string | undefined | null {
  const {index, plain} = sealedWith(keys.decryption, sealed);
  if (index === 0) return undefined;
  if (!plain) return null;
  return encryptJson(keys.encryption, JSON.parse(plain.toString('utf8')));
}

async function rekeyColumn(db: Db, keys: Keys, table: string, column: string, batch: number): Promise<RekeyCount> {
  const count: RekeyCount = {column: `${table}.${column}`, scanned: 0, resealed: 0, unreadable: 0};
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{id: string; sealed: string}>(
      `select id::text as id, ${column} as sealed from ${table} where id > $1 and ${column} is not null order by id limit $2`,
      [after, batch],
    );
    if (rows.length === 0) return count;
    after = rows[rows.length - 1]!.id;
    count.scanned += rows.length;
    for (const row of rows) {
      const next = reseal(keys, row.sealed);
      if (next === null) count.unreadable++;
      if (!next) continue;
      const changed = await db.query(`update ${table} set ${column} = $1 where id = $2 and ${column} = $3 returning id`, [next, row.id, row.sealed]);
      count.resealed += changed.length;
    }
  }
}

/**
 * A request's personal fields, and with them the keyed indexes computed from them (duplicates,
 * search): they are keyed with the current secret too, so they are recomputed in the same write.
 */
async function rekeyRequests(db: Db, keys: Keys, batch: number): Promise<RekeyCount> {
  const count: RekeyCount = {column: 'intake_requests.personal_encrypted', scanned: 0, resealed: 0, unreadable: 0};
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{id: string; sealed: string}>('select id::text as id, personal_encrypted as sealed from intake_requests where id > $1 order by id limit $2', [
      after,
      batch,
    ]);
    if (rows.length === 0) return count;
    after = rows[rows.length - 1]!.id;
    count.scanned += rows.length;
    for (const row of rows) {
      const {index} = sealedWith(keys.decryption, row.sealed);
      if (index === 0) continue;
      if (index < 0) {
        count.unreadable++;
        continue;
      }
      const personal = decryptJson<PersonalFields>(keys.decryption, row.sealed);
      const search = searchColumns(keys, personal.person, personal.requester);
      const changed = await db.query(
        `update intake_requests set personal_encrypted = $1, dedupe_hmac = $2, name_index = $3, phone_index = $4, requester_phone_index = $5
          where id = $6 and personal_encrypted = $7 returning id`,
        [
          encryptJson(keys.encryption, personal),
          blindIndex(keys.dedupe, [personal.person.lastName, personal.person.firstNames, personal.person.birthDate]),
          search.nameIndex,
          search.phoneIndex,
          search.requesterPhoneIndex,
          row.id,
          row.sealed,
        ],
      );
      count.resealed += changed.length;
    }
  }
}

/** Practitioners' notes written in clear inside the declaration before migration 066: sealed, then removed from it. */
export async function sealDeclarationNotes(db: Db, keys: Keys, batch = BATCH): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.query<{id: string; note: string}>(
      `select id, declaration->>'noteForCoordinator' as note from availability_declarations where declaration->>'noteForCoordinator' is not null limit $1`,
      [batch],
    );
    if (rows.length === 0) return done;
    for (const row of rows) {
      await db.query(
        `update availability_declarations set note_encrypted = coalesce(note_encrypted, $1), declaration = jsonb_set(declaration, '{noteForCoordinator}', 'null'::jsonb)
          where id = $2`,
        [sealNote(keys, row.note), row.id],
      );
    }
    done += rows.length;
  }
}

/** The server's share of a rotation: the same walk, reported on the console, never fatal. */
export async function rekeyInBackground(db: Db, keys: Keys): Promise<void> {
  try {
    const counts = await rekeyAll(db, keys);
    const resealed = counts.reduce((n, c) => n + c.resealed, 0);
    const unreadable = counts.reduce((n, c) => n + c.unreadable, 0);
    console.log(
      `rotation de clé : ${resealed} valeur(s) chiffrée(s) à nouveau avec la clé actuelle${unreadable ? `, ${unreadable} illisible(s) avec les clés données` : ''}.`,
    );
  } catch (error) {
    console.error('rotation de clé interrompue (relancez `cpts-kit-server keys rotate`) :', (error as Error).message);
  }
}

/** Seals again, with the current key, everything an old key sealed; see the top of this file. */
export async function rekeyAll(db: Db, keys: Keys, options: {batch?: number} = {}): Promise<RekeyCount[]> {
  const batch = options.batch ?? BATCH;
  // a database upgraded and rotated in one go: the mail key is taken over from the old secret now,
  // while CPTS_SECRET_KEY_OLD still names it, not later from the new one
  await createMailKeyIfMissing(db, keys);
  await sealDeclarationNotes(db, keys, batch);
  const counts = [await rekeyRequests(db, keys, batch)];
  for (const {table, columns} of SEALED_COLUMNS) for (const column of columns) counts.push(await rekeyColumn(db, keys, table, column, batch));
  return counts;
}
