import type {Availability, AvailabilityDeclaration, Freshness, Practitioner, PractitionerPublic} from '@cpts-kit/contract';
import {decryptJson, type Keys} from './crypto.js';
import {iso} from './http.js';

/** A practitioner joined with their latest declaration (null columns when they never declared). */
export interface PractitionerRow {
  id: string;
  rpps: string | null;
  profession: Practitioner['profession'];
  title: string | null;
  first_name: string;
  last_name: string;
  practice_name: string | null;
  address: string | null;
  commune_insee: string;
  lat: number;
  lng: number;
  phone: string | null;
  email: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  declaration: AvailabilityDeclaration | null;
  declared_at: Date | null;
  declared_by: Availability['declaredBy'] | null;
  /** The note for the coordinator, sealed (it may name a patient); the declaration holds null then. */
  note_encrypted: string | null;
}

export const PRACTITIONER_SELECT = `
  select p.id, p.rpps, p.profession, p.title, p.first_name, p.last_name, p.practice_name, p.address, p.commune_insee,
         p.lat, p.lng, p.phone, p.email, p.active, p.created_at, p.updated_at,
         d.declaration, d.declared_at, d.declared_by, d.visibility, d.note_encrypted
    from practitioners p
    left join lateral (
      select a.declaration, a.declared_at, a.declared_by, a.visibility, a.note_encrypted from availability_declarations a
       where a.practitioner_id = p.id order by a.declared_at desc, a.id desc limit 1
    ) d on true`;

export function displayName(row: Pick<PractitionerRow, 'title' | 'first_name' | 'last_name'>): string {
  return [row.title, row.first_name, row.last_name].filter(Boolean).join(' ');
}

export function availabilityOf(row: PractitionerRow, keys: Keys): Availability | null {
  if (!row.declaration || !row.declared_at || !row.declared_by) return null;
  // a note stored in clear before migration 066 reads as it is until the start-up backfill seals it
  const noteForCoordinator = row.note_encrypted === null ? (row.declaration.noteForCoordinator ?? null) : decryptJson<string>(keys.decryption, row.note_encrypted);
  return {...row.declaration, noteForCoordinator, declaredAt: iso(row.declared_at), declaredBy: row.declared_by};
}

const DAY_MS = 86_400_000;

export function daysSince(date: Date | null, now = Date.now()): number | null {
  return date ? Math.max(0, Math.floor((now - date.getTime()) / DAY_MS)) : null;
}

export function freshnessOf(declaredAt: Date | null, staleAfterDays: number, now = Date.now()): Freshness {
  if (!declaredAt) return 'never';
  return now - declaredAt.getTime() <= staleAfterDays * DAY_MS ? 'fresh' : 'stale';
}

export function practitionerBody(row: PractitionerRow, staleAfterDays: number, keys: Keys): Practitioner {
  return {
    id: row.id,
    rpps: row.rpps,
    profession: row.profession,
    title: row.title,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: displayName(row),
    practiceName: row.practice_name,
    address: row.address,
    communeInsee: row.commune_insee,
    location: {lat: row.lat, lng: row.lng},
    phone: row.phone,
    email: row.email,
    active: row.active,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    availability: availabilityOf(row, keys),
    freshness: freshnessOf(row.declared_at, staleAfterDays),
  };
}

/** Only what a practitioner agreed to show: no RPPS, no e-mail, no note, no quota. */
export function publicPractitionerBody(row: PractitionerRow): PractitionerPublic {
  return {
    id: row.id,
    profession: row.profession,
    displayName: displayName(row),
    practiceName: row.practice_name,
    address: row.address,
    communeInsee: row.commune_insee,
    location: {lat: row.lat, lng: row.lng},
    phone: row.phone,
    availability:
      row.declaration && row.declared_at
        ? {accepting: row.declaration.accepting, homeVisits: row.declaration.homeVisits, teleconsultation: row.declaration.teleconsultation, declaredAt: iso(row.declared_at)}
        : null,
  };
}
