-- Proof-of-work solutions accepted once (bots.SpentSolutions): a second use of the same challenge finds
-- its row and is refused, on every instance. A row is only needed until its challenge expires (then
-- the solution is refused anyway) and is purged after that. Unlogged, like submission_throttle: after a
-- crash or a fail-over the table starts empty, and the worst that follows is that a solution from the
-- last minutes could be used once more before it expires.
create unlogged table pow_spent (
    challenge  varchar(64) collate "C" primary key,
    expires_at timestamp with time zone not null
);
create index pow_spent_expires on pow_spent (expires_at);
