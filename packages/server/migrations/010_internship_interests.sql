-- Interests expressed by interns for a published offer. Name, e-mail and message identify a
-- person: they are stored encrypted (AES-256-GCM, the intake key), only the period stays clear.
create table internship_interests (
  id uuid primary key,
  territory text not null references territories(slug) on delete cascade,
  offer_id uuid not null references internship_offers(id) on delete cascade,
  period text not null,
  personal_encrypted text not null,
  status text not null default 'received',
  created_at timestamptz not null default now()
);
create index internship_interests_offer on internship_interests (territory, offer_id, created_at desc, id);
