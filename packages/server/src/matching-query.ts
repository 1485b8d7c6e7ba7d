import {runPrepared, type Db} from './db/index.js';

// The ranking, in SQL: one statement reads each GP's latest declaration and the places taken this
// month (both kept by triggers, migration 080) and the distance between the communes' centres, and
// says why a practitioner can or cannot take the person.

/** The person of request $2 in territory $1, as the matching needs them: nothing personal. */
const PERSON_CTE = `
  person as (
    select r.id, r.status, r.commune_insee, r.has_priority, r.birth_month,
           (r.priority->>'homeVisits') = 'yes' as home_visits,
           r.birth_month > (current_date - interval '6 years') as under_6,
           r.birth_month <= (current_date - interval '70 years') as elderly,
           c.lat, c.lng
      from intake_requests r
      left join territory_communes c on c.territory = r.territory and c.insee = r.commune_insee
     where r.territory = $1 and r.id = $2)`;

/** Haversine between two points in km; null when one is unknown. */
const km = (lat1: string, lng1: string, lat2: string, lng2: string) =>
  `case when ${lat1} is null or ${lat2} is null then null else 2 * 6371 * asin(sqrt(
     power(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lng2} - ${lng1}) / 2), 2))) end`;

/**
 * Every active GP of the territory with what the ranking needs of them against the person, narrow
 * so that the 2,000 rows sorted stay small: $1 territory, $2 request id, $3 start of the month (the
 * quota's), $4 the territory's staleAfterDays. The distance is computed once per commune (a GP
 * whose commune has no centre: from their own point), not once per GP.
 */
const FACTS_CTE = `
  commune_km as (
    select c.insee, c.lat, ${km('person.lat', 'person.lng', 'c.lat', 'c.lng')} as km from person, territory_communes c where c.territory = $1),
  facts as (
    select p.id, p.last_name, d.declared_at,
           d.declared_at is not null and d.declared_at > now() - make_interval(days => $4::int) as fresh,
           case when pc.lat is not null then pc.km else ${km('person.lat', 'person.lng', 'p.lat', 'p.lng')} end as km,
           d.quota,
           coalesce(u.taken, 0) as used,
           coalesce(d.accepting, false) as accepting,
           (d.patient_scope @> '["all"]'
             or (d.patient_scope @> '["children"]' and person.under_6)
             or (d.patient_scope @> '["elderly"]' and person.elderly)
             or (d.patient_scope @> '["priority_only"]' and person.has_priority)
             or (d.patient_scope @> '["chosen_communes"]' and d.scope_communes @> jsonb_build_array(person.commune_insee))
           ) as in_scope,
           (not person.home_visits or (d.home_visits
             and (jsonb_array_length(d.home_visit_communes) = 0 or d.home_visit_communes @> jsonb_build_array(person.commune_insee)))
           ) as home_ok
      from person
      join practitioners p on p.territory = $1 and p.active and p.profession = 'medecin_generaliste'
      left join commune_km pc on pc.insee = p.commune_insee
      left join practitioner_current_availability d on d.practitioner_id = p.id
      left join practitioner_month_places u on u.territory = $1 and u.month = quota_month($3::timestamptz) and u.practitioner_id = p.id)`;

/** The facts of the rows of `chosen` (a relation with the columns of facts), with the practitioner and the declaration. */
const detailsOf = (chosen: string) => `
  select c.*, p.profession, p.title, p.first_name, p.practice_name, p.commune_insee, p.phone,
         coalesce(pc.name, p.commune_insee) as commune_name, d.declaration,
         (current_date - (c.declared_at at time zone 'UTC')::date) as days_ago
    from ${chosen} c
    join practitioners p on p.id = c.id
    left join territory_communes pc on pc.territory = p.territory and pc.insee = p.commune_insee
    left join practitioner_current_availability d on d.practitioner_id = c.id`;

export interface CandidateRow {
  id: string;
  profession: string;
  title: string | null;
  first_name: string;
  last_name: string;
  practice_name: string | null;
  commune_insee: string;
  phone: string | null;
  commune_name: string;
  declaration: {accepting?: string; monthlyQuota?: number | null; patientScope?: string[]; homeVisits?: boolean} | null;
  declared_at: Date | null;
  days_ago: number | null;
  fresh: boolean;
  km: number | null;
  quota: number | null;
  used: number;
  accepting: boolean;
  in_scope: boolean | null;
  home_ok: boolean | null;
}

const CAN_TAKE = `fresh and accepting and (quota is null or used < quota) and coalesce(in_scope, false) and coalesce(home_ok, false)`;

// distance to the km, then the freshest declaration, then the most places left (no quota: open)
const RANKING = `order by round(km::numeric) asc nulls last, declared_at desc, (quota - used) desc nulls first, last_name, id`;

export interface MatchParams {
  territory: string;
  requestId: string;
  monthStart: Date;
  staleAfterDays: number;
  limit: number;
}

const number = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const bool = (v: string | null | undefined) => (v === null || v === undefined ? null : v === 't' || v === 'true');
const text = (v: string | null | undefined) => v ?? null;

/** A row of the prepared statement, whose values come back as text (Postgres' `t`/`f`, JSON, numbers). */
function candidateOfText(r: Record<string, string | null>): CandidateRow {
  return {
    id: r.id ?? '',
    profession: r.profession ?? '',
    title: text(r.title),
    first_name: r.first_name ?? '',
    last_name: r.last_name ?? '',
    practice_name: text(r.practice_name),
    commune_insee: r.commune_insee ?? '',
    phone: text(r.phone),
    commune_name: r.commune_name ?? '',
    declaration: r.declaration ? (JSON.parse(r.declaration) as CandidateRow['declaration']) : null,
    declared_at: r.declared_iso ? new Date(r.declared_iso) : null,
    days_ago: number(r.days_ago),
    fresh: bool(r.fresh) ?? false,
    km: number(r.km),
    quota: number(r.quota),
    used: number(r.used) ?? 0,
    accepting: bool(r.accepting) ?? false,
    in_scope: bool(r.in_scope),
    home_ok: bool(r.home_ok),
  };
}

const params = (m: Omit<MatchParams, 'limit'>) => [m.territory, m.requestId, m.monthStart.toISOString(), m.staleAfterDays];

/**
 * Who can take the person, best first, and apart the nearby GPs whose declaration is stale or
 * missing (the coordinator calls them before proposing): one statement, the candidates computed once.
 */
export async function rankedAndApart(db: Db, m: MatchParams): Promise<{ranked: CandidateRow[]; apart: CandidateRow[]}> {
  // ranked and set apart on the narrow facts; names and declarations joined to the 2 × limit kept only
  const rows = await runPrepared(
    db,
    'cpts_matches_ranked',
    `with ${PERSON_CTE}, ${FACTS_CTE},
       ranked as (select 'ranked' as part, row_number() over (${RANKING}) as ord, facts.* from facts where ${CAN_TAKE} ${RANKING} limit $5),
       apart as (select 'apart' as part, row_number() over (order by km asc nulls last, last_name, id) as ord, facts.* from facts where not fresh
                  order by km asc nulls last, last_name, id limit $5),
       kept as (select * from ranked union all select * from apart)
     select k.*, to_json(k.declared_at) #>> '{}' as declared_iso from (${detailsOf('kept')}) k order by k.part desc, k.ord`,
    [...params(m), m.limit],
  );
  const candidates = rows.map((r) => ({part: r.part, row: candidateOfText(r)}));
  return {ranked: candidates.filter((c) => c.part === 'ranked').map((c) => c.row), apart: candidates.filter((c) => c.part === 'apart').map((c) => c.row)};
}

/** The same facts for chosen practitioners (a proposal or an offer), to refuse with the reason. */
export function candidatesAmong(db: Db, m: Omit<MatchParams, 'limit'>, practitionerIds: string[]): Promise<CandidateRow[]> {
  return db.query<CandidateRow>(`with ${PERSON_CTE}, ${FACTS_CTE} ${detailsOf('facts')} where c.id = any($5::uuid[])`, [...params(m), practitionerIds]);
}

/** Why a candidate cannot take the person, or null when they can. */
export function refusalOf(row: CandidateRow): 'not_accepting' | 'at_quota' | 'outside_scope' | 'no_home_visits' | null {
  if (!row.declaration || !row.accepting) return 'not_accepting';
  if (row.quota !== null && row.used >= row.quota) return 'at_quota';
  if (!row.in_scope) return 'outside_scope';
  if (!row.home_ok) return 'no_home_visits';
  return null;
}

/** The first instant of this month in Paris: quotas are monthly, as practitioners count them. */
export function monthStartParis(now = new Date()): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit'}).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  // midnight in Paris is 22:00 or 23:00 UTC the day before; try both and keep the one that is the 1st in Paris
  for (const offset of [1, 2]) {
    const candidate = new Date(Date.UTC(year, month - 1, 1, -offset + 0, 0, 0) + 0);
    const day = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Paris', day: '2-digit', hour: '2-digit', hourCycle: 'h23'}).formatToParts(candidate);
    if (day.find((p) => p.type === 'day')?.value === '01' && day.find((p) => p.type === 'hour')?.value === '00') return candidate;
  }
  return new Date(Date.UTC(year, month - 1, 1));
}

/** Accepted proposals this month per practitioner: the places their quota has left is the quota minus these. */
export async function takenThisMonth(db: Db, territory: string): Promise<Map<string, number>> {
  const rows = await db.query<{practitioner_id: string; n: number}>(
    `select practitioner_id, taken as n from practitioner_month_places where territory = $1 and month = quota_month($2::timestamptz) and taken > 0`,
    [territory, monthStartParis().toISOString()],
  );
  return new Map(rows.map((r) => [r.practitioner_id, r.n]));
}
