-- pgbench -f bench/insert.sql: the single-row INSERT Hibernate issues for a new comment (same
-- columns, nextval on comment_seq, unique dedup key), one per transaction. The ceiling for POST.
\set a random(1, 1000)
\set len random(300, 2000)
insert into comment (id, article_id, parent_id, name, email, website, text, status, ip_address, user_agent,
                     dedup_key, moderated_by, moderated_at, created_at, updated_at, version)
values (nextval('comment_seq'), 'article-' || lpad(:a::text, 4, '0'), null, 'pgbench reader',
        'pgbench-' || md5(random()::text) || '@bench.example', null,
        left(repeat('The council voted on the budget last night and nobody answered the question. ', 26), :len)
          || md5(random()::text),
        'PENDING', '10.0.0.1', 'pgbench', md5(random()::text) || md5(random()::text), null, null, now(), now(), 0);
