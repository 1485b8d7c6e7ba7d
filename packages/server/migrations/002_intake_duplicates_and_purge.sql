-- Issue 4: a probable duplicate is linked when it is stored (not recomputed on each read), so the
-- link names the open request it duplicated at that time; and the purge finds expired keys by date.
alter table intake_requests add column duplicate_of uuid references intake_requests(id) on delete set null;

update intake_requests r
   set duplicate_of = (select o.id from intake_requests o
                        where o.territory = r.territory and o.dedupe_hmac = r.dedupe_hmac
                          and (o.created_at, o.id) < (r.created_at, r.id)
                        order by o.created_at, o.id limit 1);

-- deleting a request (purge) sets the links to it to null: this index keeps that cheap
create index intake_duplicate_of on intake_requests (duplicate_of) where duplicate_of is not null;
create index idempotency_keys_created on idempotency_keys (created_at);
create index intake_history_request on intake_status_history (request_id, at);

-- the duplicate lookup at insert takes the oldest open request with the same keyed hash: with the
-- order in the index it reads one entry, even when one person was registered a thousand times
drop index intake_dedupe;
create index intake_dedupe_open on intake_requests (territory, dedupe_hmac, created_at, id)
  where status in ('received', 'contacted', 'oriented');
