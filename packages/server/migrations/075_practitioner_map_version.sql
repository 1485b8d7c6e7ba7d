-- The public map keeps a clustering index per territory in memory, built once per `version` here
-- and checked on each request (and its ETag derives from it). So every change that can move a pin
-- or its colour must move it, whoever makes it (the API, the CLI's import, a script, another
-- server process): practitioners and availability declarations, inserted, updated or deleted.
-- Statement-level triggers with transition tables: a bulk import of 100,000 rows bumps a territory
-- once, not 100,000 times.
create table practitioner_map_versions (
  territory text primary key references territories (slug) on delete cascade,
  version bigint not null default 0
);

-- Which practitioners each version changed, so a server holding an older version re-reads only
-- them (a declaration among 100,000 must not cost a full read). Kept an hour: a server further
-- behind finds versions missing and reads everything again.
create table practitioner_map_changes (
  territory text not null references territories (slug) on delete cascade,
  version bigint not null,
  practitioner_id uuid not null,
  changed_at timestamptz not null default now()
);
create index practitioner_map_changes_version on practitioner_map_changes (territory, version);
create index practitioner_map_changes_age on practitioner_map_changes (changed_at);

create function practitioner_map_bump(territories text[], ids uuid[]) returns void language plpgsql as $$
begin
  delete from practitioner_map_changes where changed_at < now() - interval '1 hour';
  with bumped as (
    insert into practitioner_map_versions (territory, version)
    select distinct t, 1 from unnest(territories) as t where t is not null and exists (select 1 from territories where slug = t)
    on conflict (territory) do update set version = practitioner_map_versions.version + 1
    returning territory, version
  )
  insert into practitioner_map_changes (territory, version, practitioner_id)
  select b.territory, b.version, c.id from bumped b
    join unnest(territories, ids) as c(territory, id) on c.territory = b.territory
   group by b.territory, b.version, c.id;
end
$$;

-- plpgsql plans a query on its first run only, so each branch names only the transition tables its event has
create function practitioners_map_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform practitioner_map_bump(array(select territory from new_rows), array(select id from new_rows));
  elsif tg_op = 'DELETE' then
    perform practitioner_map_bump(array(select territory from old_rows), array(select id from old_rows));
  else
    perform practitioner_map_bump(
      array(select territory from new_rows union all select territory from old_rows),
      array(select id from new_rows union all select id from old_rows));
  end if;
  return null;
end
$$;

create trigger practitioners_map_inserted after insert on practitioners referencing new table as new_rows
  for each statement execute function practitioners_map_changed();
create trigger practitioners_map_updated after update on practitioners referencing new table as new_rows old table as old_rows
  for each statement execute function practitioners_map_changed();
create trigger practitioners_map_deleted after delete on practitioners referencing old table as old_rows
  for each statement execute function practitioners_map_changed();

create function declarations_map_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform practitioner_map_bump(
      array(select p.territory from new_rows n join practitioners p on p.id = n.practitioner_id order by n.practitioner_id),
      array(select p.id from new_rows n join practitioners p on p.id = n.practitioner_id order by n.practitioner_id));
  elsif tg_op = 'DELETE' then
    perform practitioner_map_bump(
      array(select p.territory from old_rows o join practitioners p on p.id = o.practitioner_id order by o.practitioner_id),
      array(select p.id from old_rows o join practitioners p on p.id = o.practitioner_id order by o.practitioner_id));
  else
    perform practitioner_map_bump(
      array(select p.territory from (select practitioner_id from new_rows union all select practitioner_id from old_rows) r join practitioners p on p.id = r.practitioner_id order by r.practitioner_id),
      array(select p.id from (select practitioner_id from new_rows union all select practitioner_id from old_rows) r join practitioners p on p.id = r.practitioner_id order by r.practitioner_id));
  end if;
  return null;
end
$$;

create trigger declarations_map_inserted after insert on availability_declarations referencing new table as new_rows
  for each statement execute function declarations_map_changed();
create trigger declarations_map_updated after update on availability_declarations referencing new table as new_rows old table as old_rows
  for each statement execute function declarations_map_changed();
create trigger declarations_map_deleted after delete on availability_declarations referencing old table as old_rows
  for each statement execute function declarations_map_changed();
