-- PostgreSQL only (H2, the dev mode's database, keeps its own collation; see quarkus.flyway.locations).
-- Identifiers and keys compare as bytes. These columns are only ever compared for equality, or sorted so
-- that every transaction takes its locks in the same order; no reader ever sees them sorted. Under the
-- database's linguistic collation (C.UTF-8, en_US.UTF-8, ...) every comparison was a strcoll() call: in
-- each B-tree descent of the comment table's article, status, e-mail, IP and duplicate-key indexes when
-- a comment is inserted, and in each lookup of a write batch's articles, taken duplicate keys, trusted
-- authors and flood-control keys. Equality, and so every query of the service, gives the same answers.
-- The tables are not rewritten; the indexes on these columns are rebuilt, under an exclusive lock on
-- their tables, which on a large existing database wants a quiet moment.
alter table article alter column id type varchar(200) collate "C";
alter table comment
    alter column article_id type varchar(200) collate "C",
    alter column status type varchar(16) collate "C",
    alter column email type varchar collate "C",
    alter column ip_address type varchar(45) collate "C",
    alter column dedup_key type varchar(64) collate "C";
alter table article_comment_count alter column article_id type varchar(200) collate "C";
alter table audit_entry alter column article_id type varchar(200) collate "C";
alter table submission_throttle alter column throttle_key type varchar(320) collate "C";
