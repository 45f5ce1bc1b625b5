-- Readers' reports on published comments. A reporter (e-mail when given, else the address) reports a
-- comment once: the unique index makes a second report by the same reporter a no-op, whether the first
-- is still open or was resolved, so a comment a moderator approved after reports is hidden again only by
-- new reporters. Reports go with their comment (on delete cascade) and with their reporter's erasure.
create sequence comment_report_seq start with 1 increment by 1;

create table comment_report (
    id          bigint       primary key,
    comment_id  bigint       not null references comment (id) on delete cascade,
    article_id  varchar(200) collate "C" not null,
    -- 'email:<address>' or 'ip:<address>'
    reporter    varchar(320) collate "C" not null,
    email       varchar      collate "C",
    ip_address  varchar(45)  collate "C",
    reason      varchar(16)  not null,
    note        varchar(500),
    created_at  timestamp with time zone not null,
    -- set when a moderator dismissed the reports or decided on the comment
    resolved_at timestamp with time zone,
    resolved_by varchar(100),
    resolution  varchar(16),
    constraint comment_report_reason_check check (reason in ('SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_INFO', 'OTHER'))
);
create unique index comment_report_reporter_idx on comment_report (comment_id, reporter);
-- The queue's reported filter and the counts: open reports only.
create index comment_report_open_idx on comment_report (comment_id) where resolved_at is null;
create index comment_report_email_idx on comment_report (email);

-- Flood control of reports, one row per reporter key ('ip:...', 'email:...'): the reports it made in its
-- current window. Short-lived like submission_throttle, so unlogged.
create unlogged table report_throttle (
    throttle_key varchar(320) collate "C" primary key,
    window_start timestamp with time zone not null,
    reports      integer not null
);
