-- Moderator accounts for HTTP Basic (bcrypt, Modular Crypt Format). The first admin comes from
-- configuration at first start (comments.admin.*); there is no default account in production.
create sequence moderator_seq start with 1 increment by 1;

create table moderator (
    id              bigint       primary key,
    username        varchar(100) not null,
    password_hash   varchar(100) not null,
    role            varchar(16)  not null,
    enabled         boolean      not null default true,
    failed_logins   integer      not null default 0,
    locked_until    timestamp with time zone,
    last_login_at   timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint       not null default 0,
    constraint moderator_role_check check (role in ('moderator', 'admin'))
);
create unique index moderator_username_idx on moderator (username);

-- Append-only record of every moderator action, written in the same transaction as the change.
-- No foreign key to comment: the record outlives a deleted comment.
create sequence audit_seq start with 1 increment by 50;

create table audit_entry (
    id            bigint       primary key,
    at            timestamp with time zone not null,
    actor         varchar(100) not null,
    action        varchar(32)  not null,
    comment_id    bigint,
    article_id    varchar(200),
    from_status   varchar(16),
    to_status     varchar(16),
    note          varchar(2000),
    -- the text before a moderator's edit (erased with the author's data on request)
    previous_text varchar,
    details       varchar(2000)
);
create index audit_entry_comment_idx on audit_entry (comment_id, at);
create index audit_entry_at_idx on audit_entry (at);

-- Leases for scheduled jobs: with several instances on one database, one runs each job per schedule.
create table job_lease (
    name         varchar(64)  primary key,
    owner        varchar(100),
    leased_until timestamp with time zone not null
);
insert into job_lease (name, owner, leased_until) values ('purge-spam', null, timestamp '2000-01-01 00:00:00+00');

-- The moderation queue: pending comments, oldest first.
create index comment_status_created_idx on comment (status, created_at, id);
create index comment_ip_idx on comment (ip_address);
