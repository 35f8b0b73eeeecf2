-- Rule-set versions: immutable bundles of files, their lifecycle, and when each was put in force.
create table rule_set (
    id             uuid primary key,
    version        varchar(64)  not null,
    hash           varchar(80)  not null,
    parent_id      uuid references rule_set (id),
    author         varchar(100) not null,
    change_note    text,
    status         varchar(16)  not null,
    created_at     timestamptz  not null,
    validated_at   timestamptz,
    approved_by    varchar(100),
    approved_at    timestamptz,
    -- the last validation: problems addressed to file/sheet/row/column, and each scenario's result
    validation     jsonb
);

create table rule_set_file (
    rule_set_id uuid         not null references rule_set (id),
    path        varchar(300) not null,
    content     bytea        not null,
    primary key (rule_set_id, path)
);

-- Append-only: the version in force at an instant is the one with the latest effective_from not after it.
create table rule_set_activation (
    id            bigserial primary key,
    rule_set_id   uuid         not null references rule_set (id),
    effective_from timestamptz not null,
    activated_by  varchar(100) not null,
    activated_at  timestamptz  not null,
    kind          varchar(16)  not null
);

create index rule_set_activation_effective_idx on rule_set_activation (effective_from desc, id desc);
