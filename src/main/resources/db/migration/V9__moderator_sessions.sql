-- Moderator sign-in sessions (signin.Sessions). The cookie carries a random token; only its SHA-256 is
-- stored, so a copy of this table signs nobody in. Rows go when the session is signed out, when the
-- moderator's password changes, the account is disabled or deleted, or an admin signs them out everywhere.
create table moderator_session (
    token_hash   bytea                    primary key,
    moderator_id bigint                   not null references moderator (id) on delete cascade,
    created_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
create index moderator_session_moderator_idx on moderator_session (moderator_id);

-- No more lock-outs: failed sign-ins are throttled per address and per account in memory (signin).
alter table moderator drop column failed_logins;
alter table moderator drop column locked_until;
