-- A writer of the audit chain appends in one round trip instead of two: it sends its entries already chained onto the
-- head it expects (the last entry its instance wrote), and this function takes the chain's lock, reads the head once the
-- lock is granted (a statement of its own, so under READ COMMITTED it sees what the previous holder committed) and
-- inserts the entries only if they follow it. Otherwise it inserts nothing and returns the head, onto which the writer
-- chains its entries again while it holds the lock. Rows are inserted in the order given, so ids follow the chain.
create function audit_append(chain_lock bigint, expected_head varchar, entries jsonb) returns varchar
    language plpgsql volatile as $$
declare
    head varchar;
begin
    perform pg_advisory_xact_lock(chain_lock);
    head := coalesce((select hash from audit_entry order by id desc limit 1), repeat('0', 64));
    if head <> expected_head then
        return head;
    end if;
    insert into audit_entry (at, actor, roles, action, object_id, outcome, client_address, prev_hash, hash)
    select (e ->> 'at')::timestamptz, e ->> 'actor', e ->> 'roles', e ->> 'action', e ->> 'objectId', (e ->> 'outcome')::integer,
           e ->> 'clientAddress', e ->> 'prevHash', e ->> 'hash'
    from jsonb_array_elements(entries) with ordinality as given(e, n)
    order by n;
    return null;
end
$$;

drop function audit_chain_head(bigint);
