-- A group commit's rows and audit entries go in as one statement outside any transaction (AuditTrail.commit): the rows'
-- INSERTs and this function, which appends the entries if they follow the head the writer expected and otherwise fails,
-- and with it the whole statement, so that no row is ever committed without its entry. The writer then chains them
-- again in a transaction that holds the chain's lock.
create function audit_append_strict(chain_lock bigint, expected_head varchar, entries jsonb) returns void
    language plpgsql volatile as $$
begin
    if audit_append(chain_lock, expected_head, entries) is not null then
        raise exception 'the audit chain''s head is not the one expected' using errcode = 'IA001';
    end if;
end
$$;
