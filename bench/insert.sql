-- pgbench -f bench/insert.sql: the single-row INSERT of a new comment (same columns, nextval on
-- comment_seq, unique dedup key), one per transaction. The ceiling for POST. It goes to pgbench_comment,
-- which bench/load.sh makes before its first pgbench run as a copy of comment (its rows, indexes, checks
-- and foreign keys), empties of these rows before the next and drops at its end: the same insert, and the
-- service's table stays as its own runs left it. pgbench -D articles=N: how many articles the seed made.
\set a random(1, :articles)
\set len random(300, 2000)
insert into pgbench_comment (id, article_id, parent_id, name, email, website, text, status, ip_address, user_agent,
                     dedup_key, moderated_by, moderated_at, created_at, updated_at, version)
values (nextval('comment_seq'), 'article-' || lpad(:a::text, greatest(4, length(:a::text)), '0'), null, 'pgbench reader',
        'pgbench-' || md5(random()::text) || '@bench.example', null,
        left(repeat('The council voted on the budget last night and nobody answered the question. ', 26), :len)
          || md5(random()::text),
        'PENDING', '10.0.0.1', 'pgbench', md5(random()::text) || md5(random()::text), null, null, now(), now(), 0);
