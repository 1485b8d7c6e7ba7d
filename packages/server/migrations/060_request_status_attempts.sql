-- Issue 14, the person's status lookup (reference + birth date). References are sequential, so the
-- birth date is the only secret: tries are counted per reference in the database, which every
-- server process shares, so spreading a guess over many addresses or processes gains nothing.
-- Counted for the reference as typed, existing or not: a refusal tells nothing about existence.
create table request_status_attempts (
  territory text not null references territories(slug) on delete cascade,
  reference text not null,
  window_started_at timestamptz not null default now(),
  tries integer not null default 0,
  primary key (territory, reference)
);
-- the hourly purge forgets windows that are over
create index request_status_attempts_window on request_status_attempts (window_started_at);
