-- What an impact analysis compares of a decision, kept beside the stored answer: the services (codes, sorted, comma
-- separated) and the monthly cash, with risk_level and case_path already here, and the build of the code that decided
-- (with rule_set_id). An analysis against the version that made a stored assessment reads these instead of deciding
-- the household a second time, when the running code is the same build; rows stored before this migration have none
-- and are decided again.
alter table assessment add column service_codes text;
alter table assessment add column monthly_cash_uzs bigint;
alter table assessment add column engine_build varchar(16);
