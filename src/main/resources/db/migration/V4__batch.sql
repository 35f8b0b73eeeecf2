-- Batch assessment: the batch a stored assessment came from (its audit entries name it), and the caller's idempotency
-- key of a batch line, unique per caller so that a retried line stores nothing twice.
alter table assessment add column batch_id uuid;
alter table assessment add column idempotency_key varchar(100);

create unique index assessment_idempotency_idx on assessment (assessed_by, idempotency_key) where idempotency_key is not null;
create index assessment_batch_idx on assessment (batch_id) where batch_id is not null;
