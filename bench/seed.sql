-- Seed data for bench/load.sh, run after Flyway migrated the fresh database (psql -v articles=1000 -v comments=200000).
-- Articles article-0001 .. article-1000; comments: half on the 20 hot articles (article-0001..0020,
-- about 5,000 each), half on a long tail (article-0021..1000, skewed: about a thousand down to a handful).
-- Texts: 300-2,000 characters of ordinary English built from a few sentences, made unique by an md5.
\set ON_ERROR_STOP on
begin;
insert into article (id, comments_open, premoderate, published_at, created_at, updated_at, version)
select 'article-' || lpad(i::text, 4, '0'), true, false,
       now() - interval '30 days' + i * interval '40 minutes',
       now() - interval '30 days' + i * interval '40 minutes',
       now() - interval '30 days' + i * interval '40 minutes', 0
from generate_series(1, :articles) i;

with s(sentences) as (
    select array[
        'The council voted on the budget last night, and nobody explained where the money for schools will come from. ',
        'I have lived in this city for thirty years and the roads have never been in a worse state than they are now. ',
        'Thank you for this report; it is the first time I have seen the numbers laid out so clearly. ',
        'My neighbours and I asked the minister the same question at the town hall and got no answer at all. ',
        'Energy bills went up again this winter while the pension stayed where it was, so families are cutting back. ',
        'The reporter is right that the promise was made before the election and quietly dropped afterwards. ',
        'Housing is the real issue here: young people simply cannot afford the rent in the centre any more. ',
        'Public transport would solve half of these problems if anyone were willing to pay for it properly. '
    ] as sentences
), c as (
    select i,
           -- half hot (uniform over the 20 hot articles), half a long tail skewed towards its head
           case when i % 2 = 0 then 1 + (i / 2) % 20
                else 21 + floor(980 * power(random(), 1.5))::int end as art,
           300 + floor(random() * 1701)::int as len
    from generate_series(1, :comments) i
)
insert into comment (id, article_id, parent_id, name, email, website, text, status, ip_address, user_agent,
                     dedup_key, created_at, updated_at, version)
select c.i,
       'article-' || lpad(least(c.art, :articles)::text, 4, '0'),
       null,
       'Seed reader ' || c.i,
       'seed-' || c.i || '@bench.example',
       null,
       left(md5(c.i::text) || ' ' ||
            repeat(s.sentences[1 + c.i % 8] || s.sentences[1 + (c.i / 8) % 8] || s.sentences[1 + (c.i / 64) % 8], 7),
            c.len),
       'APPROVED',
       '192.0.2.' || (c.i % 250 + 1),
       'Mozilla/5.0 (seed)',
       encode(sha256(('seed' || c.i)::bytea), 'hex'),
       now() - interval '29 days' + c.i * interval '12 seconds',
       now() - interval '29 days' + c.i * interval '12 seconds',
       0
from c, s;

-- The authors of those comments have posted before: flood control knows them (one row per e-mail and
-- per IP, as the service writes). Without these rows the table would be analyzed empty, and on a server
-- without autovacuum (like this machine's) the planner would go on scanning it whole for every batch.
insert into submission_throttle (throttle_key, last_submitted_at)
select 'email:' || email, max(created_at) from comment group by email
union all
select 'ip:' || ip_address, max(created_at) from comment group by ip_address;

-- Each article's approved count, as the service keeps it (see V4__approved_counts.sql).
insert into article_comment_count (article_id, shard, approved)
select article_id, 0, count(*) from comment where status = 'APPROVED' group by article_id;

-- The service hands out ids in blocks of 50 from comment_seq: move it well past the seeded ids.
select setval('comment_seq', (select max(id) from comment) + 1000);
commit;
vacuum (analyze) article;
vacuum (analyze) comment;
vacuum (analyze) submission_throttle;
vacuum (analyze) article_comment_count;
select count(*) as comments, count(distinct article_id) as articles,
       min(length(text)) as min_len, max(length(text)) as max_len, round(avg(length(text))) as avg_len
from comment;
select article_id, count(*) from comment group by article_id order by count(*) desc limit 3;
select 'tail' as part, min(n), max(n), round(avg(n)) as avg
from (select count(*) n from comment where article_id > 'article-0020' group by article_id) t;
