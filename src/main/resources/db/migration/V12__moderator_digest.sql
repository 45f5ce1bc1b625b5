-- Moderators' e-mail digest of the comments waiting for them (notification.ModeratorDigests): the
-- address and the opt-in live on the account. When each one's last digest went out lives in a table of
-- its own: the instance that sends a digest locks that row (FOR UPDATE SKIP LOCKED) while it talks to
-- the mail server, and sign-ins and account changes, which update the moderator row, never wait for it.
alter table moderator add column email varchar(254);
alter table moderator add column digest boolean not null default false;

create table moderator_digest (
    moderator_id bigint primary key references moderator (id) on delete cascade,
    -- null until the first digest
    last_sent_at timestamp with time zone
);
