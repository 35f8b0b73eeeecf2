-- PostgreSQL compresses each stored answer (about 23 KB of JSON) as it writes the row. Its default method, pglz, cost
-- 175 µs of the server's CPU an answer; lz4 70 µs, for answers of the same size (6.7 against 6.9 KB). Measured on one
-- instance in alternation: 5-22 % more stored requests a second over HTTP with 8 connections, 13-24 % more households
-- a second in a stored batch (docs/performance-history.md). Servers built without lz4 (the embedded one) offer no such
-- choice and keep pglz. Answers stored before keep the method they were written with; PostgreSQL reads both.
do $$
begin
    if exists (select from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table assessment alter column result set compression lz4;
    end if;
end
$$;
