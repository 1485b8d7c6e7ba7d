import {decryptJson, type Keys} from './crypto.js';
import type {Db} from './db/index.js';
import type {PersonalFields} from './intake-rules.js';
import {sealNote} from './waiting-list-read.js';
import {searchColumns} from './waiting-list-index.js';

const BATCH = 500;

/**
 * Fills what migrations 030 and 050 could not (the reason, in clear for the stats): the blind indexes and birth month of requests stored before
 * it (SQL has no key to compute an HMAC), and seals the notes that were kept in clear. Idempotent
 * and cheap when nothing is left (one indexed query); run at start-up and by `intake reindex`.
 */
export async function backfillWaitingList(db: Db, keys: Keys): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.query<{id: string; personal_encrypted: string; notes: string | null}>(
      'select id, personal_encrypted, notes from intake_requests where birth_month is null or notes is not null or reason is null order by id limit $1',
      [BATCH],
    );
    if (rows.length === 0) return done;
    const values = rows.map((row) => {
      const personal = decryptJson<PersonalFields>(keys.decryption, row.personal_encrypted);
      return {
        id: row.id,
        ...searchColumns(keys, personal.person, personal.requester),
        notes: row.notes === null ? null : sealNote(keys, row.notes),
        reason: personal.situation.reason,
      };
    });
    await db.query(
      `update intake_requests r set name_index = v.name_index, phone_index = v.phone_index, requester_phone_index = v.rphone,
              birth_month = v.birth_month, notes_encrypted = coalesce(v.notes, r.notes_encrypted), notes = null, reason = v.reason
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[]) as v(id, name_index, phone_index, rphone, birth_month, notes, reason)
        where r.id = v.id`,
      [
        values.map((v) => v.id),
        values.map((v) => v.nameIndex),
        values.map((v) => v.phoneIndex),
        values.map((v) => v.requesterPhoneIndex),
        values.map((v) => v.birthMonth),
        values.map((v) => v.notes),
        values.map((v) => v.reason),
      ],
    );
    done += rows.length;
  }
}
