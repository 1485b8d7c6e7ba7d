-- The key that signs unsubscribe links and hashes the addresses that used them (outbox.ts). It was
-- derived from CPTS_SECRET_KEY, so a key rotation broke every link already sent and emptied the
-- suppression list in effect. It is now a key of its own, made once and kept here sealed with the
-- current secret: a rotation seals it again (rekey.ts) and never changes it (mail-key.ts).
create table server_keys (
  id text primary key,
  -- null until a server first makes it (it needs the secret, so not in SQL)
  key_encrypted text,
  -- a database that already had territories before this migration has links out there signed with
  -- the key derived from its secret: that key is the one kept, or they would stop working now
  adopt_derived boolean not null
);
insert into server_keys (id, key_encrypted, adopt_derived) values ('mail', null, exists (select 1 from territories));
