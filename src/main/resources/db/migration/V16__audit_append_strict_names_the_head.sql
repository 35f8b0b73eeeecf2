-- A group whose entries did not follow the chain's head learns the real head from the failure (its DETAIL), so that it
-- can chain them onto it and send the whole statement again, in auto-commit, instead of going through a transaction
-- (AuditTrail.commit). Two groups of one instance under way at once race for the chain's lock, and the second to be
-- sent can win it; this is what then happens to the first.
create or replace function audit_append_strict(chain_lock bigint, expected_head varchar, entries jsonb) returns void
    language plpgsql volatile as $$
declare
    head varchar;
begin
    head := audit_append(chain_lock, expected_head, entries);
    if head is not null then
        raise exception 'the audit chain''s head is not the one expected' using errcode = 'IA001', detail = head;
    end if;
end
$$;
