-- Portable SQL: runs on PostgreSQL (production, tests) and on H2 in PostgreSQL mode (zero set-up dev mode).
-- Free-text columns are unbounded VARCHAR: the length limits are configuration (comments.limits.*).

create table article (
    id               varchar(200) primary key,
    comments_open    boolean      not null default true,
    closes_at        timestamp with time zone,
    close_after_days integer,
    premoderate      boolean      not null default false,
    published_at     timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint       not null default 0
);

create sequence comment_seq start with 1 increment by 50;

create table comment (
    id          bigint primary key,
    article_id  varchar(200) not null references article (id),
    parent_id   bigint references comment (id) on delete set null,
    name        varchar      not null,
    email       varchar,
    website     varchar,
    text        varchar      not null,
    status      varchar(16)  not null,
    ip_address  varchar(45),
    user_agent  varchar(512),
    -- sha-256 of (article, author, normalised text): the unique index makes double-submits impossible
    dedup_key   varchar(64),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint       not null default 0,
    constraint comment_status_check check (status in ('APPROVED', 'PENDING', 'SPAM', 'REJECTED'))
);

-- The public list: approved comments of one article, oldest first.
create index comment_article_status_created_idx on comment (article_id, status, created_at, id);
create index comment_parent_idx on comment (parent_id);
create index comment_email_idx on comment (email);
create unique index comment_dedup_key_idx on comment (dedup_key);

-- Why the engine decided what it decided, one row per fired rule.
create table comment_reason (
    comment_id   bigint      not null references comment (id) on delete cascade,
    position     integer     not null,
    rule_id      bigint,
    rule_type    varchar(32) not null,
    field        varchar(16),
    match_text   varchar,
    start_offset integer,
    end_offset   integer,
    action       varchar(8)  not null,
    detail       varchar,
    primary key (comment_id, position)
);

-- Flood control shared by every instance: one row per author key (ip:..., email:...).
create table submission_throttle (
    throttle_key      varchar(320) primary key,
    last_submitted_at timestamp with time zone not null
);
