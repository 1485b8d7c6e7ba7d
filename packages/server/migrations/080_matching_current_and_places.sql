-- The matching reads, for every GP of a territory, their latest declaration and the places their
-- quota has used this month. Looked up per GP on each `…/matches` call (an index probe per GP into
-- every declaration ever made, a count over every accepted proposal), they were half of the call.
-- Both are kept here instead, by triggers, in the transaction that changes their source, whoever
-- writes it (the API, an import, a purge, a cascade, another server on the same PostgreSQL).
-- Statement-level triggers with transition tables: a bulk import costs one pass, not one per row.

-- Each practitioner's latest declaration (by declared_at, then id), a copy of its row.
create table practitioner_current_availability (
  practitioner_id uuid primary key references practitioners (id) on delete cascade,
  declaration_id uuid not null,
  declaration jsonb not null,
  declared_at timestamptz not null,
  -- what the ranking tests on every GP, out of the jsonb once, when declared
  accepting boolean generated always as (coalesce(declaration->>'accepting', 'no') in ('yes', 'limited')) stored,
  quota integer generated always as ((declaration->>'monthlyQuota')::int) stored,
  patient_scope jsonb generated always as (declaration->'patientScope') stored,
  scope_communes jsonb generated always as (declaration->'scopeCommunes') stored,
  home_visits boolean generated always as ((declaration->>'homeVisits') = 'true') stored,
  home_visit_communes jsonb generated always as (declaration->'homeVisitCommunes') stored
);

-- The month of a quota, as practitioners count it: the calendar month in Paris.
create function quota_month(at timestamptz) returns date language sql stable as $$
  select (date_trunc('month', at at time zone 'Europe/Paris'))::date
$$;

-- Accepted proposals per practitioner and month of acceptance (quota_month(accepted_at)).
create table practitioner_month_places (
  territory text not null references territories (slug) on delete cascade,
  month date not null,
  practitioner_id uuid not null references practitioners (id) on delete cascade,
  taken integer not null check (taken >= 0),
  primary key (territory, month, practitioner_id)
);
create index practitioner_month_places_practitioner on practitioner_month_places (practitioner_id);

-- The copy taken again from the practitioners' declarations. After an insert (`only_newer`), a copy
-- newer than what this transaction sees stays: a declaration that began earlier and committed later
-- is not the latest by declared_at. After an update or a delete, what is left is the truth.
create function current_availability_refresh(ids uuid[], only_newer boolean) returns void language plpgsql as $$
begin
  insert into practitioner_current_availability as c (practitioner_id, declaration_id, declaration, declared_at)
  select distinct on (a.practitioner_id) a.practitioner_id, a.id, a.declaration, a.declared_at
    from availability_declarations a join practitioners p on p.id = a.practitioner_id
   where a.practitioner_id = any(ids)
   order by a.practitioner_id, a.declared_at desc, a.id desc
  on conflict (practitioner_id) do update
    set declaration_id = excluded.declaration_id, declaration = excluded.declaration, declared_at = excluded.declared_at
    where not only_newer or (excluded.declared_at, excluded.declaration_id) > (c.declared_at, c.declaration_id);
  if not only_newer then
    delete from practitioner_current_availability c
     where c.practitioner_id = any(ids) and not exists (select 1 from availability_declarations a where a.practitioner_id = c.practitioner_id);
  end if;
end
$$;

-- plpgsql plans a query on its first run only, so each branch names only the transition tables its event has
create function declarations_current_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform current_availability_refresh(array(select distinct practitioner_id from new_rows), true);
  elsif tg_op = 'DELETE' then
    perform current_availability_refresh(array(select distinct practitioner_id from old_rows), false);
  else
    perform current_availability_refresh(array(select practitioner_id from new_rows union select practitioner_id from old_rows), false);
  end if;
  return null;
end
$$;

create trigger declarations_current_inserted after insert on availability_declarations referencing new table as new_rows
  for each statement execute function declarations_current_changed();
create trigger declarations_current_updated after update on availability_declarations referencing new table as new_rows old table as old_rows
  for each statement execute function declarations_current_changed();
create trigger declarations_current_deleted after delete on availability_declarations referencing old table as old_rows
  for each statement execute function declarations_current_changed();

-- Adds up what a statement did to accepted proposals: +1 per row that is accepted after it, -1 per
-- row that was before it, per month of acceptance. A row whose practitioner or territory is being
-- deleted is skipped: its counters go with them (on delete cascade). Existing counters are updated
-- apart from the insert of new ones: an insert's row is checked (taken >= 0) before its conflict is.
create function month_places_apply(territories text[], months date[], ids uuid[], deltas integer[]) returns void language plpgsql as $$
begin
  with d as (
    select d.territory, d.month, d.practitioner_id, sum(d.delta)::int as delta
      from unnest(territories, months, ids, deltas) as d(territory, month, practitioner_id, delta)
      join practitioners p on p.id = d.practitioner_id
      join territories t on t.slug = d.territory
     group by d.territory, d.month, d.practitioner_id
    having sum(d.delta) <> 0),
  changed as (
    update practitioner_month_places m set taken = m.taken + d.delta
      from d where m.territory = d.territory and m.month = d.month and m.practitioner_id = d.practitioner_id
    returning m.territory, m.month, m.practitioner_id)
  insert into practitioner_month_places as m (territory, month, practitioner_id, taken)
  select d.territory, d.month, d.practitioner_id, d.delta from d
   where not exists (select 1 from changed c where c.territory = d.territory and c.month = d.month and c.practitioner_id = d.practitioner_id)
  on conflict (territory, month, practitioner_id) do update set taken = m.taken + excluded.taken;
end
$$;

create function proposals_places_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform month_places_apply(array_agg(territory), array_agg(quota_month(accepted_at)), array_agg(practitioner_id), array_agg(1))
       from new_rows where status = 'accepted' and accepted_at is not null having count(*) > 0;
  elsif tg_op = 'DELETE' then
    perform month_places_apply(array_agg(territory), array_agg(quota_month(accepted_at)), array_agg(practitioner_id), array_agg(-1))
       from old_rows where status = 'accepted' and accepted_at is not null having count(*) > 0;
  else
    perform month_places_apply(array_agg(territory), array_agg(quota_month(accepted_at)), array_agg(practitioner_id), array_agg(delta))
       from (select territory, accepted_at, practitioner_id, 1 as delta from new_rows where status = 'accepted' and accepted_at is not null
             union all
             select territory, accepted_at, practitioner_id, -1 from old_rows where status = 'accepted' and accepted_at is not null) r
     having count(*) > 0;
  end if;
  return null;
end
$$;

create trigger proposals_places_inserted after insert on proposals referencing new table as new_rows
  for each statement execute function proposals_places_changed();
create trigger proposals_places_updated after update on proposals referencing new table as new_rows old table as old_rows
  for each statement execute function proposals_places_changed();
create trigger proposals_places_deleted after delete on proposals referencing old table as old_rows
  for each statement execute function proposals_places_changed();

-- what the triggers would have kept, for the rows already there
insert into practitioner_current_availability (practitioner_id, declaration_id, declaration, declared_at)
select distinct on (a.practitioner_id) a.practitioner_id, a.id, a.declaration, a.declared_at
  from availability_declarations a join practitioners p on p.id = a.practitioner_id
 order by a.practitioner_id, a.declared_at desc, a.id desc;

insert into practitioner_month_places (territory, month, practitioner_id, taken)
select q.territory, quota_month(q.accepted_at), q.practitioner_id, count(*)
  from proposals q
 where q.status = 'accepted' and q.accepted_at is not null
 group by q.territory, quota_month(q.accepted_at), q.practitioner_id;
