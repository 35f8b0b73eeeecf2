-- Rules as Drools compiled them (uz.inson.assess.rules.CompiledForm: its packages, about 3 MB for this rule set), kept
-- so that an instance starting, putting a version in force or getting ready for an approved one reads them in about a
-- second instead of compiling the same rules again (4-12 s of CPU on two cores). The key is a SHA-256 over the DRL and
-- the code the rules were compiled against, so a form is only ever read for what it was made from. A form nobody read
-- for 30 days is removed.
create table compiled_form (
    key char(64) primary key,
    form bytea not null,
    kept_at timestamptz not null,
    read_at timestamptz not null
);
