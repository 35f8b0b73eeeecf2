-- An uploaded (or generated) population is stored chunk by chunk as it arrives, however large: the job is RECEIVING
-- until its last chunk is in, then RUNNING. updated_at moves with each chunk received (an upload quiet for long was
-- cut off with its instance, and is removed), then marks when the job began to run (the pace behind its time left).
-- The default is for instances of the previous build during a rolling upgrade; this build always sets it.
alter table impact_job add column updated_at timestamptz;
update impact_job set updated_at = started_at;
alter table impact_job alter column updated_at set default now(), alter column updated_at set not null;
comment on column impact_job.status is 'RECEIVING, RUNNING, DONE, CANCELLED, FAILED';
