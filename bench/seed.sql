-- Seed data for bench/load.sh, run after Flyway migrated the fresh database (psql -v articles=1000 -v comments=200000).
-- Articles article-0001 .. article-1000 (article-10000 at bench/load.sh's SCALE=10); comments: half on the
-- 20 hot articles (article-0001..0020, about 5,000 each; 50,000 at SCALE=10), half on a long tail
-- (article-0021 on, skewed: about a thousand down to a handful).
-- Texts: 300-2,000 characters of everyday English words in random order, made unique by an md5: about as
-- compressible as prose (gzip: a page to about a third). Up to run 28 they repeated three of eight
-- sentences, and gzip shrank a page 13x, which flattered the GET workload.
\set ON_ERROR_STOP on
begin;
insert into article (id, comments_open, premoderate, published_at, created_at, updated_at, version)
select 'article-' || lpad(i::text, greatest(4, length(i::text)), '0'), true, false,
       now() - interval '30 days' + i * interval '40 minutes',
       now() - interval '30 days' + i * interval '40 minutes',
       now() - interval '30 days' + i * interval '40 minutes', 0
from generate_series(1, :articles) i;

with words(w) as (
    select string_to_array(
        'the a of to and in that is for it on was with as at by this be are not have from or one had but '
        'what all were when we there can an your which their said if do will each about how up out them '
        'then she many some so these would other into has more her two like him see time could no make than '
        'first been its who now people my made over did down only way find use may water long little very '
        'after words called just where most know council budget school road bus train rent house family '
        'minister election promise vote money tax price energy winter pension hospital doctor nurse police '
        'street city town village children parents teacher report reporter story article question answer '
        'problem plan year month week night morning government mayor party law court judge local national '
        'public private cost bill pay work job company worker union strike service fair honest wrong right',
        ' ') as w
), pool(p) as (
    -- 4,096 sentences of 6 to 16 words at random; each comment takes a run of them from a random place,
    -- so the comments of one page rarely share a sentence and compress like prose (about 3x with gzip)
    select array_agg(initcap(left(sentence, 1)) || substr(sentence, 2) || '. ' order by n)
    -- (k in the aggregate's argument keeps it in the inner query, evaluated again for every sentence)
    from (select n, (select string_agg(words.w[1 + floor(random() * array_length(words.w, 1))::int + 0 * k], ' ')
                     from generate_series(1, 6 + (n % 11)) k) as sentence
          from words, generate_series(1, 4096) n) t
), c as (
    select i,
           -- half hot (uniform over the 20 hot articles), half a long tail skewed towards its head
           case when i % 2 = 0 then 1 + (i / 2) % 20
                else 21 + floor((:articles - 20) * power(random(), 1.5))::int end as art,
           300 + floor(random() * 1701)::int as len,
           1 + floor(random() * (4096 - 40))::int as first
    from generate_series(1, :comments) i
)
insert into comment (id, article_id, parent_id, name, email, website, text, status, ip_address, user_agent,
                     dedup_key, created_at, updated_at, version)
select c.i,
       'article-' || lpad(least(c.art, :articles)::text, greatest(4, length(least(c.art, :articles)::text)), '0'),
       null,
       'Seed reader ' || c.i,
       'seed-' || c.i || '@bench.example',
       null,
       left(md5(c.i::text) || ' ' || array_to_string(pool.p[c.first:c.first + 39], ''), c.len),
       'APPROVED',
       '192.0.2.' || (c.i % 250 + 1),
       'Mozilla/5.0 (seed)',
       encode(sha256(('seed' || c.i)::bytea), 'hex'),
       now() - interval '29 days' + c.i * (interval '29 days' / :comments),
       now() - interval '29 days' + c.i * (interval '29 days' / :comments),
       0
from c, pool;

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
