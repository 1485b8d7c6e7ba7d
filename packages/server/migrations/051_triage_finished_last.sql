-- Issue 13: a CPTS's list holds a year of finished requests beside the open ones (the stats count
-- them). In the triage order they came first, being the oldest: finished requests (resolved,
-- closed) now come after every open one, which keep their order (priority criteria or home visits
-- first, then the longest wait).
drop index intake_triage;
alter table intake_requests drop column triage_rank;
alter table intake_requests add column triage_rank smallint generated always as (
  case when status in ('resolved', 'closed') then 2 when has_priority or (priority->>'homeVisits') = 'yes' then 0 else 1 end) stored;
create index intake_triage on intake_requests (territory, triage_rank, created_at, id);
