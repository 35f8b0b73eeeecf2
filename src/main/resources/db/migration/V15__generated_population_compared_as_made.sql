-- A generated population has no line that could be refused, so its chunks are claimed and compared as they are made,
-- on every instance, while the job is still RECEIVING; an uploaded one is compared only once its last line is in (a bad
-- line removes the job with everything stored of it).
alter table impact_job add column compared_as_received boolean not null default false;
