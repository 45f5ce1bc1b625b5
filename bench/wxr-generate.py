#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of COMMENTS comments for bench/import.sh, streamed, the same bytes
for the same arguments: POSTS posts, each with COMMENTS/POSTS comments; one comment in three replies to the
one before it; statuses 1 (most), 0, spam and trash; texts of about 300 bytes in Latin, Turkish, Arabic and
emoji, in CDATA with markup and entities.

usage: wxr-generate.py OUT COMMENTS [POSTS]
"""
import random
import sys

out, total = sys.argv[1], int(sys.argv[2])
posts = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, total // 100)
rng = random.Random(20261205)
texts = [
    "Thank you for this report; the figures on page two do not add up <b>at all</b> & need a second look.",
    "Teşekkürler! Bütçe rakamları çok şaşırtıcı, özellikle eğitim harcamaları. Ğüşıöç İĞÜŞÖÇ.",
    "شكرا جزيلا على هذا التقرير، الأرقام مثيرة للاهتمام حقا",
    "I disagree 😀 — the council voted twice, see https://example.org/minutes?id=42&lang=en",
]
statuses = ["1"] * 17 + ["0", "spam", "trash"]
per_post = total // posts
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            '<title>Bench News</title><link>https://bench.news.example</link><wp:wxr_version>1.2</wp:wxr_version>\n'
            '<wp:base_site_url>https://bench.news.example</wp:base_site_url>\n')
    cid = 0
    for p in range(1, posts + 1):
        n = per_post + (1 if p <= total - per_post * posts else 0)
        f.write(f'<item><title>Story {p}</title><link>https://bench.news.example/{p}/</link>'
                f'<guid isPermaLink="false">https://bench.news.example/?p={p}</guid>'
                f'<content:encoded><![CDATA[<p>Story {p}</p>]]></content:encoded><wp:post_id>{p}</wp:post_id>'
                f'<wp:post_name>story-{p}</wp:post_name><wp:comment_status>open</wp:comment_status>'
                f'<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n')
        for i in range(n):
            cid += 1
            parent = cid - 1 if i % 3 == 2 else 0
            text = texts[cid % len(texts)] + " " + texts[(cid * 7) % len(texts)] + f" #{cid}"
            day = 1 + cid % 28
            f.write(f'<wp:comment><wp:comment_id>{cid}</wp:comment_id>'
                    f'<wp:comment_author><![CDATA[Reader {cid % 5000}]]></wp:comment_author>'
                    f'<wp:comment_author_email>reader{cid % 5000}@example.com</wp:comment_author_email>'
                    f'<wp:comment_author_url></wp:comment_author_url>'
                    f'<wp:comment_author_IP>198.51.{cid % 250}.{cid % 200 + 1}</wp:comment_author_IP>'
                    f'<wp:comment_date>2019-03-{day:02d} 12:{cid % 60:02d}:00</wp:comment_date>'
                    f'<wp:comment_date_gmt>2019-03-{day:02d} 11:{cid % 60:02d}:00</wp:comment_date_gmt>'
                    f'<wp:comment_content><![CDATA[{text}]]></wp:comment_content>'
                    f'<wp:comment_approved>{rng.choice(statuses)}</wp:comment_approved>'
                    f'<wp:comment_type>comment</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>'
                    f'<wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n')
        f.write('</item>\n')
    f.write('</channel>\n</rss>\n')
