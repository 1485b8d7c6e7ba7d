import type {PractitionerImportRow} from '@cpts-kit/contract';
import type {Db} from './db/index.js';

/** A line of the file as it will be written. */
export interface PlannedRow extends PractitionerImportRow {
  /** Where the pin goes: given, the new commune's centre, or null to leave it where it is (update, same commune). */
  position: {lat: number; lng: number} | null;
}

// one statement per 5,000 rows, a column per array parameter: a VALUES list of 14 parameters a row
// took PGlite four times as long to parse and plan
const CHUNK = 5000;

const CREATE_COLUMNS = [
  ['id', 'uuid'],
  ['rpps', 'text'],
  ['profession', 'text'],
  ['title', 'text'],
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['practice_name', 'text'],
  ['address', 'text'],
  ['commune_insee', 'text'],
  ['lat', 'float8'],
  ['lng', 'float8'],
  ['phone', 'text'],
  ['email', 'text'],
] as const;
const UPDATE_COLUMNS = CREATE_COLUMNS.filter(([name]) => name !== 'rpps');

const columnsOf = (row: PlannedRow, id: string): Record<string, unknown> => {
  const p = row.practitioner;
  return {
    id,
    rpps: p.rpps ?? null,
    profession: p.profession,
    title: p.title ?? null,
    first_name: p.firstName,
    last_name: p.lastName,
    practice_name: p.practiceName ?? null,
    address: p.address ?? null,
    commune_insee: p.communeInsee,
    lat: row.position?.lat ?? null,
    lng: row.position?.lng ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
  };
};

/** Writes the checked lines: creations, then updates (by the RPPS already known). */
export async function writeRows(tx: Db, territory: string, planned: PlannedRow[]): Promise<void> {
  const creates = planned.filter((r) => r.action === 'create').map((r) => columnsOf(r, crypto.randomUUID()));
  const updates = planned.filter((r) => r.action === 'update').map((r) => columnsOf(r, r.id!));
  const arrays = (rows: Record<string, unknown>[], columns: readonly (readonly [string, string])[]) => columns.map(([name]) => rows.map((row) => row[name]));
  const unnest = (columns: readonly (readonly [string, string])[]) =>
    `unnest(${columns.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')}) as v(${columns.map(([name]) => name).join(', ')})`;
  for (let start = 0; start < creates.length; start += CHUNK) {
    const names = CREATE_COLUMNS.map(([name]) => name).join(', ');
    await tx.query(`insert into practitioners (territory, ${names}) select $1, ${names} from ${unnest(CREATE_COLUMNS)}`, [
      territory,
      ...arrays(creates.slice(start, start + CHUNK), CREATE_COLUMNS),
    ]);
  }
  for (let start = 0; start < updates.length; start += CHUNK) {
    // a blank cell leaves the field as it is: the sheet may be older than what the practitioner declared since
    await tx.query(
      `update practitioners p set
         profession = v.profession, title = coalesce(v.title, p.title), first_name = v.first_name, last_name = v.last_name,
         practice_name = coalesce(v.practice_name, p.practice_name), address = coalesce(v.address, p.address), commune_insee = v.commune_insee,
         lat = coalesce(v.lat, p.lat), lng = coalesce(v.lng, p.lng), phone = coalesce(v.phone, p.phone), email = coalesce(v.email, p.email), updated_at = now()
       from ${unnest(UPDATE_COLUMNS)}
       where p.id = v.id and p.territory = $1`,
      [territory, ...arrays(updates.slice(start, start + CHUNK), UPDATE_COLUMNS)],
    );
  }
}
