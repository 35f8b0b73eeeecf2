-- The answer is kept as the text it was sent as (json), not parsed into jsonb: no query ever looks inside it, and
-- parsing a 20-40 KB answer into jsonb was about a quarter of PostgreSQL's work for each stored assessment. The
-- request stays jsonb: impact analysis and the operators' queries read its fields.
alter table assessment alter column result type json using result::json;
