-- Moderation rules are data: moderators change them at run time through /api/moderation/rules.

create sequence rule_seq start with 1000 increment by 1;

create table moderation_rule (
    id          bigint       primary key,
    type        varchar(32)  not null,
    action      varchar(8)   not null,
    enabled     boolean      not null default true,
    description varchar,
    -- the type's settings as JSON text (terms, pattern, limits...): portable across PostgreSQL and H2
    config      varchar      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    created_by  varchar(100) not null,
    updated_by  varchar(100) not null,
    version     bigint       not null default 0,
    constraint moderation_rule_action_check check (action in ('HOLD', 'SPAM'))
);

-- One row, bumped in the same transaction as every rule change: each instance polls it to know
-- when to reload its compiled rules.
create table rule_set_revision (
    id         integer primary key,
    revision   bigint  not null,
    changed_at timestamp with time zone not null
);
insert into rule_set_revision (id, revision, changed_at) values (1, 1, current_timestamp);

-- Defaults for a fresh database; no word list is bundled (import one with /api/moderation/rules/import).
insert into moderation_rule (id, type, action, enabled, description, config, created_at, updated_at, created_by, updated_by)
values
 (1, 'LINKS', 'HOLD', true, 'Hold comments with more than 2 links', '{"maxLinks":2}', current_timestamp, current_timestamp, 'system', 'system'),
 (2, 'SHOUTING', 'HOLD', true, 'Hold shouting, long runs of one character and link-only comments', '{}', current_timestamp, current_timestamp, 'system', 'system'),
 (3, 'FLOOD', 'HOLD', true, 'At most one comment per 15 seconds from one IP address or e-mail', '{"intervalSeconds":15}', current_timestamp, current_timestamp, 'system', 'system'),
 (4, 'DUPLICATES', 'HOLD', true, 'Refuse the same text twice from one author on one article', '{}', current_timestamp, current_timestamp, 'system', 'system'),
 (5, 'FIRST_COMMENT', 'HOLD', false, 'Hold the first comment of authors without an approved comment', '{}', current_timestamp, current_timestamp, 'system', 'system');

-- Who decided: null while only the engine has decided, the moderator's name once one has.
alter table comment add column moderated_by varchar(100);
alter table comment add column moderated_at timestamp with time zone;
