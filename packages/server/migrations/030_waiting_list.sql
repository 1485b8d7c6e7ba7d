-- Issue 11, the waiting list: coordinators filter, search, call, move and merge the requests.

-- Search by last name and phone through keyed blind indexes: HMAC-SHA256 of the normalised value
-- with a key derived from CPTS_SECRET_KEY (crypto.ts), so equality is found through an index while
-- names and numbers stay encrypted. SQL cannot compute them (the key is not in the database): the
-- server fills them for rows written before this migration at start-up (waiting-list-backfill.ts).
alter table intake_requests
  add column name_index text,
  add column phone_index text,
  add column requester_phone_index text,
  -- first day of the birth month: age bands to the month, without the full birth date in clear
  add column birth_month date,
  -- phone (a call or a voicemail), paper (a form handed in at a town hall), import, or form
  add column channel text not null default 'form',
  add column notes_encrypted text,
  add column close_reason text,
  add column resolved_practitioner_id uuid references practitioners(id) on delete set null,
  -- the request this one was merged into (closed as a duplicate of it)
  add column merged_into uuid references intake_requests(id) on delete set null,
  -- moves on every change, so a coordinator's If-Match names the exact state they read
  add column version integer not null default 1,
  -- the triage order: priority criteria or home visits first, then the longest wait
  add column triage_rank smallint generated always as (
    case when has_priority or (priority->>'homeVisits') = 'yes' then 0 else 1 end) stored;

create index intake_name_index on intake_requests (territory, name_index) where name_index is not null;
create index intake_phone_index on intake_requests (territory, phone_index) where phone_index is not null;
create index intake_requester_phone_index on intake_requests (territory, requester_phone_index) where requester_phone_index is not null;
create index intake_triage on intake_requests (territory, triage_rank, created_at, id);
create index intake_status_created on intake_requests (territory, status, created_at, id);
create index intake_merged_into on intake_requests (merged_into) where merged_into is not null;

-- Everything done to a request besides its status history: calls, notes of a move, assignment,
-- merges. Free text (a call's note) may name people: it is encrypted like the personal fields.
create table intake_events (
  id uuid primary key,
  request_id uuid not null references intake_requests(id) on delete cascade,
  at timestamptz not null default now(),
  by text not null,
  kind text not null check (kind in ('call', 'transition', 'assignment', 'merge', 'import')),
  -- non-personal facts: a call's outcome, a move's statuses, a close reason, a merged reference
  details jsonb not null default '{}',
  note_encrypted text
);
create index intake_events_request on intake_events (request_id, at, id);

-- a request's page lists who opened it (from the audit log): by target, newest first
create index audit_log_target on audit_log (target, at desc) where target is not null;
