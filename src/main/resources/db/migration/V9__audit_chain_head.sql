-- A writer of the audit chain takes the chain's lock and reads its head in one round trip instead of two. The head is
-- read by a second statement inside this volatile function, which under READ COMMITTED takes a snapshot of its own once
-- the lock is granted, so it sees the entry the previous holder of the lock committed. Null while the chain is empty.
create function audit_chain_head(chain_lock bigint) returns varchar
    language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(chain_lock);
    return (select hash from audit_entry order by id desc limit 1);
end
$$;
