-- One practitioner per RPPS number in a territory: the CSV import updates by RPPS, and two
-- concurrent imports of one file must not both create them. Practitioners without RPPS are free.
-- A database that already holds two practitioners with one RPPS cannot take the index: say which
-- ones, so the coordinator merges or corrects them, rather than fail on an anonymous constraint.
do $$
declare
  duplicates text;
begin
  select string_agg(format('%s (territoire %s)', rpps, territory), ', ') into duplicates
  from (select territory, rpps from practitioners where rpps is not null group by territory, rpps having count(*) > 1) d;
  if duplicates is not null then
    raise exception 'numéros RPPS en double, à corriger avant la mise à jour : %', duplicates;
  end if;
end
$$;
create unique index practitioners_territory_rpps on practitioners (territory, rpps) where rpps is not null;
