-- Issue 12, matching: coordinators propose a waiting person to practitioners, who accept or
-- decline from their personal link; where the territory allows it, practitioners offer to take one.

alter table territories add column practitioners_may_pick boolean not null default false;

create table proposals (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  request_id uuid not null references intake_requests(id) on delete cascade,
  practitioner_id uuid not null references practitioners(id) on delete cascade,
  -- coordinator: proposed, awaiting the practitioner; practitioner: offered, awaiting the coordinator
  origin text not null check (origin in ('coordinator', 'practitioner')),
  status text not null check (status in ('offered', 'pending', 'accepted', 'declined', 'withdrawn', 'filled')),
  -- the coordinator's or the practitioner's note may name people: sealed like the personal fields
  note_encrypted text,
  proposed_by text not null,
  proposed_at timestamptz not null default now(),
  answered_at timestamptz,
  -- the month of the quota a place was taken from
  accepted_at timestamptz,
  decline_reason text,
  decline_note_encrypted text,
  consulted_at timestamptz
);
create index proposals_request on proposals (request_id, proposed_at desc);
create index proposals_practitioner on proposals (practitioner_id, proposed_at desc);
create index proposals_territory_offered on proposals (territory, proposed_at) where status = 'offered';
-- places used this month, per practitioner
create index proposals_accepted on proposals (practitioner_id, accepted_at) where status = 'accepted';
-- one person, one accepted proposal: whatever the race, the database lets one accept through
create unique index proposals_one_accepted on proposals (request_id) where status = 'accepted';
-- one open proposal per person and practitioner
create unique index proposals_one_open on proposals (request_id, practitioner_id) where status in ('offered', 'pending');
