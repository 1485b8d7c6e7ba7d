-- Initial schema. Runs unchanged on PGlite and PostgreSQL 15+.

create table territories (
  slug text primary key,
  name text not null,
  phone text not null,
  email text not null,
  website text,
  privacy_summary text not null,
  privacy_url text,
  retention_days integer not null default 730,
  stale_after_days integer not null default 30,
  allowed_origins text[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table territory_communes (
  territory text not null references territories(slug) on delete cascade,
  insee text not null,
  name text not null,
  postal_codes text[] not null default '{}',
  lat double precision,
  lng double precision,
  population integer,
  primary key (territory, insee)
);

create table practitioners (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  rpps text,
  profession text not null,
  title text,
  first_name text not null,
  last_name text not null,
  practice_name text,
  address text,
  commune_insee text not null,
  lat double precision not null,
  lng double precision not null,
  phone text,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index practitioners_territory on practitioners (territory, last_name, id);

create table tokens (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  kind text not null check (kind in ('coordinator', 'practitioner')),
  practitioner_id uuid references practitioners(id) on delete cascade,
  token_hash text not null unique,
  label text,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz
);

-- Every declaration is kept; the current one is the latest by declared_at.
create table availability_declarations (
  id uuid primary key,
  practitioner_id uuid not null references practitioners(id) on delete cascade,
  declaration jsonb not null,
  visibility text not null,
  declared_at timestamptz not null default now(),
  declared_by text not null,
  declared_by_token uuid
);
create index availability_latest on availability_declarations (practitioner_id, declared_at desc);

create table intake_counters (
  territory text not null references territories(slug) on delete cascade,
  year integer not null,
  last_number integer not null,
  primary key (territory, year)
);

create table intake_requests (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  reference text not null,
  status text not null default 'received',
  commune_insee text not null,
  has_priority boolean not null default false,
  priority jsonb not null,
  -- requester, person, situation, comment: AES-256-GCM, base64 of iv|tag|ciphertext
  personal_encrypted text not null,
  -- keyed hash of name + birth date: finds a probable duplicate without names in clear
  dedupe_hmac text not null,
  notes text,
  assigned_to text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (territory, reference)
);
create index intake_territory_created on intake_requests (territory, created_at desc, id desc);
create index intake_dedupe on intake_requests (territory, dedupe_hmac);

create table intake_status_history (
  id uuid primary key,
  request_id uuid not null references intake_requests(id) on delete cascade,
  status text not null,
  at timestamptz not null default now(),
  by text not null
);

-- A retried POST finds its key here and gets the answer of the request it created.
create table idempotency_keys (
  territory text not null,
  key text not null,
  operation text not null,
  body_hash text not null,
  resource_id uuid,
  created_at timestamptz not null default now(),
  primary key (territory, operation, key)
);

create table internship_offers (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  status text not null default 'draft',
  data jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
create index internship_territory on internship_offers (territory, status, created_at desc, id);

create table audit_log (
  id uuid primary key,
  territory text,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target text,
  details jsonb
);
