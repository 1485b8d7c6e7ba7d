-- The status lookup's per-reference budget (060) was one for everybody: references are sequential,
-- so anyone could lock every person out of it for a day with 11 wrong tries per reference. The
-- tight budget is now per reference and asking client. request_status_attempts stays as a looser
-- total per reference across all clients, which only many addresses together can use up, so
-- guessing a birth date stays impractical.
create table request_status_client_attempts (
  territory text not null references territories(slug) on delete cascade,
  reference text not null,
  -- keyed hash of the client's address (request-status.ts): who looked up which request is not kept in clear
  client text not null,
  window_started_at timestamptz not null default now(),
  tries integer not null default 0,
  primary key (territory, reference, client)
);
create index request_status_client_attempts_window on request_status_client_attempts (window_started_at);
