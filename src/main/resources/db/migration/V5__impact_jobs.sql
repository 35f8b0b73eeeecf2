-- Impact analyses live here, not in one instance's memory: a job is cut into chunks of households that any instance
-- claims (FOR UPDATE SKIP LOCKED) under a lease; a chunk whose instance died is claimed again when its lease expires.
-- A chunk's result is written once, by the instance that holds its lease, so no household is counted twice.
create table impact_job (
    id          uuid primary key,
    rule_set_id uuid        not null,
    against_id  uuid        not null,
    total       integer     not null,
    status      varchar(16) not null,   -- RUNNING, DONE, CANCELLED, FAILED
    error       text,
    started_at  timestamptz not null,
    finished_at timestamptz
);

create table impact_chunk (
    job_id      uuid        not null references impact_job (id) on delete cascade,
    chunk       integer     not null,
    households  integer     not null,
    population  jsonb       not null,   -- {"assessments": [ids]} or {"requests": [assessment requests]}
    status      varchar(16) not null default 'PENDING',   -- PENDING, RUNNING, DONE
    owner       varchar(100),
    lease_until timestamptz,
    attempts    integer     not null default 0,
    result      jsonb,                  -- the chunk's tally (ImpactJob.Tally)
    primary key (job_id, chunk)
);

create index impact_chunk_claimable on impact_chunk (status, lease_until);
