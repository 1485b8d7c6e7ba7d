-- Issue 13, stats: the ACI report and the public impact summary.

-- The reason a person looks for a médecin traitant, in clear: a category like the commune, never a
-- free text (« other »'s text stays encrypted), so the report counts by reason without decrypting
-- every request. The server fills it for rows written before this migration at start-up
-- (waiting-list-backfill.ts), as it does for the blind indexes.
alter table intake_requests add column reason text;

-- The territory publishes `GET …/impact` on its public site (off unless switched on).
alter table territories add column publish_impact boolean not null default false;

-- the demo territory shows its impact on the example CPTS page, in data folders made before this too
update territories set publish_impact = true where slug = 'demo';
