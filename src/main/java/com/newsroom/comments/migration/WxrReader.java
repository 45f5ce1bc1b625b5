package com.newsroom.comments.migration;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.newsroom.comments.comment.CommentStatus;

/**
 * Reads a WordPress eXtended RSS export (WXR 1.0 to 1.2, namespace {@code http://} or
 * {@code https://wordpress.org/export/1.x/}) as a stream: memory stays the same whatever the file's
 * size. Each {@code <item>} with comments is an article; each {@code <wp:comment>} a comment, with
 * {@code wp:comment_approved} 1 → approved, 0 → pending, spam → spam, trash → rejected. Pingbacks and
 * trackbacks are skipped and counted. Texts are kept exactly (CDATA, entities, any Unicode); the date is
 * {@code wp:comment_date_gmt}, or {@code wp:comment_date} read as UTC where WordPress wrote no GMT date.
 */
public final class WxrReader {

    private static final Pattern WXR_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[0-2]/");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ArticleIdSource articleIdSource;

    public WxrReader(ArticleIdSource articleIdSource) {
        this.articleIdSource = articleIdSource;
    }

    /** Reads the whole file into {@code sink}; fails at the first thing that is not a well-formed WXR. */
    public void read(InputStream in, ImportSink sink) throws ImportFailure, Exception {
        XMLStreamReader xml;
        try {
            xml = SafeXml.open(in);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        try {
            new Run(xml, sink).document();
        } catch (XMLStreamException e) {
            throw failure(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the stream, which the caller closes
            }
        }
    }

    static ImportFailure failure(XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        String message = e.getMessage() == null ? "Malformed XML" : e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[..]\nMessage: "; keep the message.
        int at = message.indexOf("Message: ");
        return new ImportFailure("Not a well-formed XML file: " + (at >= 0 ? message.substring(at + 9) : message), line);
    }

    private static boolean isWp(String namespace) {
        return namespace != null && WXR_NAMESPACE.matcher(namespace).matches();
    }

    /** One pass over one file. */
    private final class Run {
        private final XMLStreamReader xml;
        private final ImportSink sink;
        private String siteUrl;
        private String channelLink;
        private boolean sourceSent;

        Run(XMLStreamReader xml, ImportSink sink) {
            this.xml = xml;
            this.sink = sink;
        }

        void document() throws Exception {
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog
            }
            if (!xml.isStartElement() || !"rss".equals(xml.getLocalName())) {
                throw new ImportFailure("Not a WordPress export: the document is not an RSS feed (<rss>)", line());
            }
            boolean declared = false;
            for (int i = 0; i < xml.getNamespaceCount(); i++) {
                declared |= isWp(xml.getNamespaceURI(i));
            }
            if (!declared) {
                throw new ImportFailure("Not a WordPress export: the <rss> element declares no WXR namespace"
                        + " (http://wordpress.org/export/1.2/)", line());
            }
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 2 && "item".equals(xml.getLocalName()) && xml.getNamespaceURI() == null) {
                        item();
                        continue;
                    }
                    if (depth == 2 && isWp(xml.getNamespaceURI())
                            && ("base_site_url".equals(xml.getLocalName()) || "base_blog_url".equals(xml.getLocalName()))) {
                        String url = xml.getElementText().strip();
                        if (siteUrl == null || "base_site_url".equals(xml.getLocalName())) {
                            siteUrl = url;
                        }
                        continue;
                    }
                    if (depth == 2 && "link".equals(xml.getLocalName()) && xml.getNamespaceURI() == null) {
                        channelLink = xml.getElementText().strip();
                        continue;
                    }
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            while (xml.hasNext()) {
                xml.next(); // to the end: trailing garbage fails the import
            }
        }

        private void sendSource() throws Exception {
            if (!sourceSent) {
                String site = siteUrl != null && !siteUrl.isEmpty() ? siteUrl : channelLink == null ? "" : channelLink;
                sink.source("wordpress:" + site.replaceAll("/+$", ""));
                sourceSent = true;
            }
        }

        /** One {@code <item>}: its fields, then its comments as they come. */
        private void item() throws Exception {
            int itemLine = line();
            Map<String, String> fields = new HashMap<>();
            String articleId = null;
            boolean articleSent = false;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return; // </item>
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                String ns = xml.getNamespaceURI();
                if (isWp(ns) && "comment".equals(name)) {
                    if (!articleSent) {
                        articleSent = true;
                        articleId = articleId(fields);
                        if (articleId == null) {
                            sink.error(itemLine, "The post has no " + articleIdSource.parameterValue()
                                    + " to take its article id from; its comments were not imported");
                        } else {
                            sendSource();
                            sink.article(articleId, "closed".equals(fields.get("wp:comment_status")));
                        }
                    }
                    comment(articleId);
                } else if (ns == null && ("link".equals(name) || "guid".equals(name))) {
                    fields.put(name, xml.getElementText());
                } else if (isWp(ns) && ("post_id".equals(name) || "post_name".equals(name) || "comment_status".equals(name))) {
                    fields.put("wp:" + name, xml.getElementText());
                } else {
                    skipElement();
                }
            }
        }

        private String articleId(Map<String, String> fields) {
            String value = switch (articleIdSource) {
            case SLUG -> fields.getOrDefault("wp:post_name", "").isBlank() ? fields.get("wp:post_id") : fields.get("wp:post_name");
            case LINK -> fields.get("link");
            case GUID -> fields.get("guid");
            case POST_ID -> fields.get("wp:post_id");
            };
            return ArticleIdSource.toArticleId(value);
        }

        /** One {@code <wp:comment>}, sent to the sink unless it is a pingback, a trackback or broken. */
        private void comment(String articleId) throws Exception {
            int commentLine = line();
            Map<String, String> f = new HashMap<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (isWp(xml.getNamespaceURI()) && xml.getLocalName().startsWith("comment_")) {
                    f.put(xml.getLocalName(), xml.getElementText());
                } else {
                    skipElement(); // wp:commentmeta and anything newer
                }
            }
            if (articleId == null) {
                return; // counted once for the item
            }
            String type = f.getOrDefault("comment_type", "").strip();
            if (type.equals("pingback") || type.equals("trackback")) {
                sink.skipped(type);
                return;
            }
            String id = f.getOrDefault("comment_id", "").strip();
            if (id.isEmpty()) {
                sink.error(commentLine, "A comment without wp:comment_id was not imported");
                return;
            }
            CommentStatus status = status(f.getOrDefault("comment_approved", "").strip());
            if (status == null) {
                sink.error(commentLine, "Comment " + id + ": unknown wp:comment_approved '" + f.get("comment_approved") + "'");
                return;
            }
            Instant date = date(f.get("comment_date_gmt"));
            if (date == null) {
                date = date(f.get("comment_date"));
            }
            if (date == null) {
                sink.error(commentLine, "Comment " + id + ": no valid wp:comment_date_gmt or wp:comment_date");
                return;
            }
            String parent = f.getOrDefault("comment_parent", "").strip();
            String email = blankToNull(f.get("comment_author_email"));
            sink.comment(new SourceComment(articleId, id, parent.isEmpty() || parent.equals("0") ? null : parent,
                    f.getOrDefault("comment_author", ""), email == null ? null : email.toLowerCase(Locale.ROOT),
                    blankToNull(f.get("comment_author_url")), blankToNull(f.get("comment_author_IP")), date,
                    f.getOrDefault("comment_content", ""), status, commentLine));
        }

        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private int line() {
            return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
        }
    }

    static CommentStatus status(String approved) {
        return switch (approved) {
        case "1", "approve", "approved" -> CommentStatus.APPROVED;
        case "0", "hold" -> CommentStatus.PENDING;
        case "spam" -> CommentStatus.SPAM;
        case "trash", "post-trashed" -> CommentStatus.REJECTED;
        default -> null;
        };
    }

    /** A WordPress date ({@code 2019-03-04 12:34:56}) read as UTC; null for none or {@code 0000-00-00 ...}. */
    static Instant date(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
