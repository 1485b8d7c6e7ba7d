-- Issue 14, messages: every e-mail is a row of the outbox, written in the transaction of the event
-- that causes it, then delivered by the server's worker (outbox-worker.ts) with retries.

create table outbox (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  -- receipt, request_oriented, request_closed, priority_alert, daily_digest, proposal, stale_reminder
  kind text not null,
  channel text not null default 'email' check (channel in ('email')),
  -- the address, sealed like the personal fields; null: the territory's own contact e-mail
  recipient_encrypted text,
  language text not null default 'fr' check (language in ('fr', 'en')),
  -- what the message is rendered from at sending time: references, counts, ids — never a name
  data jsonb not null default '{}',
  -- the Message-ID header, fixed at insert: a resend after a crash is the same message to mail clients
  -- (unique by construction, `<id@territory.cpts-kit>`: no index to keep on every form's insert)
  message_id text not null,
  -- one row per event, whatever retries or races: receipt:<request id>, proposal:<proposal id>, …
  dedupe_key text not null unique,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- a worker holds a row it claimed until then; past it, the worker is presumed dead
  claimed_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status in ('pending', 'sending');
create index outbox_territory on outbox (territory, status, created_at desc);

-- Optional messages a recipient asked to stop: keyed by a keyed hash of the address, never the address.
create table mail_unsubscribes (
  territory text not null references territories(slug) on delete cascade,
  category text not null,
  recipient_hash text not null,
  created_at timestamptz not null default now(),
  primary key (territory, category, recipient_hash)
);

-- The language the person used for the form, so the later notes are written in it too.
alter table intake_requests add column message_language text;
