-- People who sign in with a password (the service's own issuer). Roles are the names in uz.inson.assess.security.Roles.
create table app_user (
    username      varchar(64) primary key,
    password_hash varchar(100) not null,
    roles         varchar(300) not null,
    region        varchar(32),
    district      varchar(100),
    enabled       boolean      not null,
    demo          boolean      not null default false,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- Keys of integrating systems: only a SHA-256 of the key is kept; the key itself is shown once, at creation.
create table api_key (
    id                  uuid primary key,
    name                varchar(100) not null,
    key_hash            varchar(64)  not null unique,
    roles               varchar(300) not null,
    region              varchar(32),
    district            varchar(100),
    requests_per_minute integer,
    created_by          varchar(64)  not null,
    created_at          timestamptz  not null,
    expires_at          timestamptz  not null,
    revoked_at          timestamptz,
    revoked_by          varchar(64),
    last_used_at        timestamptz
);

-- Who assessed: a case worker's territory decides who may read it; an integrating system reads only its own.
alter table assessment add column assessed_by varchar(100);

-- The audit trail: append-only, each entry carrying the hash of the one before it.
create table audit_entry (
    id             bigserial primary key,
    at             timestamptz  not null,
    actor          varchar(100) not null,
    roles          varchar(300) not null,
    action         varchar(200) not null,
    object_id      varchar(200),
    outcome        integer      not null,
    client_address varchar(100),
    prev_hash      varchar(64)  not null,
    hash           varchar(64)  not null
);

create index audit_entry_actor_idx on audit_entry (actor, id desc);
create index audit_entry_object_idx on audit_entry (object_id, id desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end
$$;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- Only a rule developer's upload may change DRL files and the code rows of decision tables.
alter table rule_set add column code_changes_allowed boolean not null default false;
