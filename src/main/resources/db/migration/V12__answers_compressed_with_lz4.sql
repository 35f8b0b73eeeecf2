-- PostgreSQL compresses each stored answer (about 23 KB of JSON) as it writes the row. Its default method, pglz, cost
-- 175 µs of the server's CPU an answer; lz4 70 µs, for answers of the same size (6.7 against 6.9 KB). Over HTTP, 8
-- connections storing assessments: a quarter to a third less of PostgreSQL's CPU a request, 5-22 % more requests a
-- second (docs/performance-history.md). Servers built without lz4 (the embedded one) offer no such choice and keep pglz.
-- Answers stored before keep the method they were written with; PostgreSQL reads both.
do $$
begin
    if exists (select from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table assessment alter column result set compression lz4;
    end if;
end
$$;
