-- Asynchronous batches: an uploaded NDJSON file is read into chunks of checked lines, which any instance claims
-- (FOR UPDATE SKIP LOCKED) under a lease, as impact chunks are. A chunk's answers, its stored assessments and its audit
-- entry are written in one transaction, and only by the instance still holding the lease: no line is stored twice.
create table batch_job (
    id             uuid primary key,
    owner          varchar(100) not null,   -- the caller's name: only they read the job
    caller         text         not null,   -- the caller as the lines are checked (roles, territory), JSON
    client_address varchar(100),
    persist        boolean      not null,
    detail         varchar(16)  not null,
    language       varchar(8)   not null,
    total          integer      not null default 0,
    status         varchar(16)  not null,   -- RECEIVING, RUNNING, DONE, CANCELLED
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    finished_at    timestamptz
);

create index batch_job_owner_idx on batch_job (owner, created_at desc);

create table batch_chunk (
    job_id      uuid        not null references batch_job (id) on delete cascade,
    chunk       integer     not null,
    lines       integer     not null,
    items       text        not null,   -- the chunk's lines as read and checked, JSON
    status      varchar(16) not null default 'PENDING',   -- PENDING, RUNNING, DONE
    owner       varchar(100),
    lease_until timestamptz,
    attempts    integer     not null default 0,
    results     integer,
    problems    integer,
    answers     text,                   -- the answer lines, NDJSON
    primary key (job_id, chunk)
);

create index batch_chunk_claimable on batch_chunk (status, lease_until);
