-- Portable SQL (PostgreSQL and H2 in PostgreSQL mode).
-- How many approved comments each article has, so that a public page's total costs the same whatever
-- the article's size (counting the index entries of an article with 10,000 comments took milliseconds,
-- and every new comment made the next reader count again). Kept in the same transaction as every change
-- of a comment's status, as deltas on a few rows per article ("shards"): each comment writer thread adds
-- to its own row, so concurrent group commits on a busy article never wait for each other's row lock;
-- moderators' changes use shard 0. The total is the sum of the article's rows.
create table article_comment_count (
    article_id varchar(200) not null references article (id),
    shard      smallint     not null,
    approved   bigint       not null,
    primary key (article_id, shard)
);

insert into article_comment_count (article_id, shard, approved)
select article_id, 0, count(*) from comment where status = 'APPROVED' group by article_id;
