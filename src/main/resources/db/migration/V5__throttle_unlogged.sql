-- PostgreSQL only (H2, the dev mode's database, has no unlogged tables; see quarkus.flyway.locations).
-- Flood control's memory is short-lived: who posted in the last minute or so. Every comment writes two
-- of its rows (the author's IP and e-mail), and their WAL was a tenth of the write path's database
-- work. Unlogged, a crash or a fail-over to a standby empties the table, and the worst that follows is
-- that an author who had just posted may post once more without waiting.
alter table submission_throttle set unlogged;
