-- Every assessment with its input snapshot, its result and the exact rule-set version that produced it.
create table assessment (
    id               uuid primary key,
    assessed_at      timestamptz  not null,
    as_of            date         not null,
    external_id      varchar(64),
    region           varchar(32)  not null,
    district         varchar(100),
    rule_set_id      uuid         not null,
    rule_set_version varchar(64)  not null,
    rule_set_hash    varchar(80)  not null,
    language         varchar(2)   not null,
    risk_level       varchar(16)  not null,
    case_path        varchar(32)  not null,
    duration_micros  bigint       not null,
    request          jsonb        not null,
    result           jsonb        not null
);

create index assessment_territory_idx on assessment (region, district, assessed_at desc);
create index assessment_external_id_idx on assessment (external_id);
create index assessment_rule_set_idx on assessment (rule_set_id);
