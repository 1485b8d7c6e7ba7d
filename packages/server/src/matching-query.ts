import type {Db} from './db/index.js';

// The ranking, in SQL: one statement reads each GP's latest declaration (through the index
// availability_latest), the places taken this month (proposals_accepted) and the distance between
// the communes' centres, and says why a practitioner can or cannot take the person.

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
 * Every active GP of the territory with the facts of their latest declaration against the person:
 * $1 territory, $2 request id, $3 start of the month (the quota's), $4 the territory's staleAfterDays.
 */
const CANDIDATES_CTE = `
  cand as (
    select p.id, p.profession, p.title, p.first_name, p.last_name, p.practice_name, p.commune_insee, p.phone,
           coalesce(pc.name, p.commune_insee) as commune_name,
           d.declaration, d.declared_at,
           (current_date - (d.declared_at at time zone 'UTC')::date) as days_ago,
           d.declared_at is not null and d.declared_at > now() - make_interval(days => $4::int) as fresh,
           ${km('person.lat', 'person.lng', 'coalesce(pc.lat, p.lat)', 'coalesce(pc.lng, p.lng)')} as km,
           (d.declaration->>'monthlyQuota')::int as quota,
           coalesce(u.used, 0)::int as used,
           coalesce(d.declaration->>'accepting', 'no') in ('yes', 'limited') as accepting,
           (d.declaration->'patientScope' @> '["all"]'
             or (d.declaration->'patientScope' @> '["children"]' and person.under_6)
             or (d.declaration->'patientScope' @> '["elderly"]' and person.elderly)
             or (d.declaration->'patientScope' @> '["priority_only"]' and person.has_priority)
             or (d.declaration->'patientScope' @> '["chosen_communes"]' and d.declaration->'scopeCommunes' @> jsonb_build_array(person.commune_insee))
           ) as in_scope,
           (not person.home_visits or ((d.declaration->>'homeVisits') = 'true'
             and (jsonb_array_length(d.declaration->'homeVisitCommunes') = 0 or d.declaration->'homeVisitCommunes' @> jsonb_build_array(person.commune_insee)))
           ) as home_ok
      from person
      join practitioners p on p.territory = $1 and p.active and p.profession = 'medecin_generaliste'
      left join territory_communes pc on pc.territory = p.territory and pc.insee = p.commune_insee
      left join lateral (select a.declaration, a.declared_at from availability_declarations a
                          where a.practitioner_id = p.id order by a.declared_at desc limit 1) d on true
      left join (select q.practitioner_id, count(*) as used from proposals q
                  where q.territory = $1 and q.status = 'accepted' and q.accepted_at >= $3::timestamptz group by q.practitioner_id) u on u.practitioner_id = p.id)`;

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

const params = (m: Omit<MatchParams, 'limit'>) => [m.territory, m.requestId, m.monthStart.toISOString(), m.staleAfterDays];

/**
 * Who can take the person, best first, and apart the nearby GPs whose declaration is stale or
 * missing (the coordinator calls them before proposing): one statement, the candidates computed once.
 */
export async function rankedAndApart(db: Db, m: MatchParams): Promise<{ranked: CandidateRow[]; apart: CandidateRow[]}> {
  const rows = await db.query<CandidateRow & {part: string}>(
    `with ${PERSON_CTE}, ${CANDIDATES_CTE},
       ranked as (select 'ranked' as part, row_number() over (${RANKING}) as ord, cand.* from cand where ${CAN_TAKE} ${RANKING} limit $5),
       apart as (select 'apart' as part, row_number() over (order by km asc nulls last, last_name, id) as ord, cand.* from cand where not fresh
                  order by km asc nulls last, last_name, id limit $5)
     select * from ranked union all select * from apart order by part desc, ord`,
    [...params(m), m.limit],
  );
  return {ranked: rows.filter((r) => r.part === 'ranked'), apart: rows.filter((r) => r.part === 'apart')};
}

/** The same facts for chosen practitioners (a proposal or an offer), to refuse with the reason. */
export function candidatesAmong(db: Db, m: Omit<MatchParams, 'limit'>, practitionerIds: string[]): Promise<CandidateRow[]> {
  return db.query<CandidateRow>(`with ${PERSON_CTE}, ${CANDIDATES_CTE} select * from cand where id = any($5::uuid[])`, [...params(m), practitionerIds]);
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
    `select practitioner_id, count(*)::int as n from proposals where territory = $1 and status = 'accepted' and accepted_at >= $2::timestamptz group by practitioner_id`,
    [territory, monthStartParis().toISOString()],
  );
  return new Map(rows.map((r) => [r.practitioner_id, r.n]));
}
