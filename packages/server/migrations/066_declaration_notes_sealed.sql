-- Issue 16: a practitioner's note for the coordinator may name a patient (« je peux prendre le fils
-- de Mme X »): it is sealed like the personal fields, in its own column, and the declaration keeps
-- null. SQL has no key: notes written before this migration are sealed by the server at start-up
-- and by `cpts-kit-server keys rotate` (rekey.ts), then removed from the declaration. Idempotent.
alter table availability_declarations add column if not exists note_encrypted text;
create index if not exists availability_clear_note on availability_declarations (id)
  where declaration->>'noteForCoordinator' is not null;
