-- A job's uploaded households (PINFLs, names, addresses) are kept only until they are answered or counted: a chunk
-- drops them when it is written, a cancelled or failed job drops those of its other chunks. This drops what was kept
-- before that rule. Impact chunks of a stored population list assessment ids, which stay.
update batch_chunk c set items = '[]'
where items <> '[]'
  and (status = 'DONE' or exists (select 1 from batch_job j where j.id = c.job_id and j.status = 'CANCELLED'));

update impact_chunk c set population = population - 'requests'
where population -> 'requests' is not null
  and (status = 'DONE' or exists (select 1 from impact_job j where j.id = c.job_id and j.status <> 'RUNNING'));

-- an analysis of no households was DONE without a finish time, so it would never be swept
update impact_job set finished_at = started_at where status <> 'RUNNING' and finished_at is null;
