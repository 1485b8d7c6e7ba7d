-- Per-client budgets (the public form, interest in an offer, …) shared by every server on one
-- PostgreSQL: one token bucket per (scope, client), taken with one upsert (rate-limit-shared.ts).
-- Unlogged: no WAL, not copied to replicas, emptied after a crash — a budget is worth less than
-- the write it would cost, and losing it only lets a client start again with a full bucket.
create unlogged table if not exists rate_limits (
  scope text not null,
  client text not null,
  tokens double precision not null,
  granted integer not null, -- how many tokens the last statement took (several requests may take together)
  at timestamptz not null,
  primary key (scope, client)
);
-- full buckets are deleted now and then: by age
create index if not exists rate_limits_at on rate_limits (at);
