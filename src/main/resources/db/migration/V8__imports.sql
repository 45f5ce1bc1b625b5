-- Comments imported from another system keep where they came from: the source ("wordpress:" and the
-- site's address, "disqus:" and the forum) and their id there. The unique index makes an import
-- idempotent: the same file twice, or an overlapping later export, finds what is already stored.
alter table comment add column import_source varchar collate "C";
alter table comment add column import_id varchar(100) collate "C";
create unique index comment_import_idx on comment (import_source, import_id) where import_source is not null;

-- Imports run in the background; any instance answers for their progress. Counts and errors are JSON text.
create sequence import_job_seq start with 1 increment by 1;

create table import_job (
    id          bigint       primary key,
    kind        varchar(16)  not null,
    state       varchar(16)  not null,
    actor       varchar(100) not null,
    options     varchar(200),
    bytes_total bigint       not null default 0,
    bytes_read  bigint       not null default 0,
    counts      varchar      not null default '{}',
    errors      varchar      not null default '[]',
    message     varchar,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    version     bigint       not null default 0,
    constraint import_job_state_check check (state in ('RECEIVED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
-- At most one import at a time across all instances (a second would race the first for the same ids).
create unique index import_job_active_idx on import_job ((true)) where state in ('RECEIVED', 'RUNNING');
