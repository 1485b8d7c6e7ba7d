-- The server keeps the public JSON of a territory, built once per `version`, and checks the version
-- on each read. So every change must move it, whoever makes it (a PATCH, the CLI, a script, another
-- server process): an update of the row that did not move it itself moves it here, and any change to
-- the territory's communes moves it too.
create function territory_version_bump() returns trigger language plpgsql as $$
begin
  if new.version is not distinct from old.version then
    new.version := old.version + 1;
  end if;
  return new;
end
$$;

create trigger territory_version_bump before update on territories
  for each row execute function territory_version_bump();

create function territory_communes_changed() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    update territories set version = version + 1 where slug = old.territory;
  end if;
  if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.territory is distinct from old.territory) then
    update territories set version = version + 1 where slug = new.territory;
  end if;
  return null;
end
$$;

create trigger territory_communes_changed after insert or update or delete on territory_communes
  for each row execute function territory_communes_changed();
