package com.newsroom.comments.migration;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.newsroom.comments.comment.CommentStatus;

/**
 * Reads a Disqus XML export (namespace {@code http://disqus.com}, internal ids in
 * {@code http://disqus.com/disqus-internals}) as a stream. Disqus writes every {@code <thread>} before
 * the {@code <post>}s; only the threads' article ids are held in memory (a few per article), never the
 * posts. A thread becomes an article by its identifier ({@code <id>}, the page's
 * {@code disqus_identifier}; its link where it has none) or by its link; {@code isClosed} closes its
 * comments. A post keeps its Disqus id ({@code dsq:id}) and its parent's; {@code isSpam} → spam,
 * {@code isDeleted} → rejected (kept so that replies keep their thread), otherwise approved. A post's
 * message is HTML: it becomes the plain text the service stores (paragraphs and line breaks kept,
 * links' addresses kept after their text, markup dropped, entities decoded). Dates without an offset
 * are UTC.
 */
public final class DisqusReader {

    static final String NS = "http://disqus.com";
    static final String INTERNALS = "http://disqus.com/disqus-internals";

    /** Where an article id comes from. */
    public enum ArticleIdChoice {
        /** The thread's identifier, or its link where it has none. */
        IDENTIFIER,
        LINK;

        public static ArticleIdChoice parse(String value) {
            if (value == null || value.isBlank()) {
                return IDENTIFIER;
            }
            for (ArticleIdChoice choice : values()) {
                if (choice.name().equalsIgnoreCase(value.strip())) {
                    return choice;
                }
            }
            return null;
        }

        public String parameterValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ArticleIdChoice articleId;

    public DisqusReader(ArticleIdChoice articleId) {
        this.articleId = articleId;
    }

    /** Reads the whole file into {@code sink}; fails at the first thing that is not a well-formed Disqus export. */
    public void read(InputStream in, ImportSink sink) throws ImportFailure, Exception {
        XMLStreamReader xml;
        try {
            xml = SafeXml.open(in);
        } catch (XMLStreamException e) {
            throw WxrReader.failure(e);
        }
        try {
            new Run(xml, sink).document();
        } catch (XMLStreamException e) {
            throw WxrReader.failure(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the stream, which the caller closes
            }
        }
    }

    /** A thread as far as its posts need it; no article id when it had none to take. */
    private record Thread(String articleId, boolean closed) {
    }

    /** One pass over one file. */
    private final class Run {
        private final XMLStreamReader xml;
        private final ImportSink sink;
        /** By the thread's dsq:id and by its identifier (posts refer to either). */
        private final Map<String, Thread> threadsByDsqId = new HashMap<>();
        private final Map<String, Thread> threadsById = new HashMap<>();
        /** Articles already sent to the sink. */
        private final Map<String, Boolean> sent = new HashMap<>();
        private String forum;
        private boolean sourceSent;

        Run(XMLStreamReader xml, ImportSink sink) {
            this.xml = xml;
            this.sink = sink;
        }

        void document() throws Exception {
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog
            }
            if (!xml.isStartElement() || !"disqus".equals(xml.getLocalName())) {
                throw new ImportFailure("Not a Disqus export: the document's root is not <disqus>", line());
            }
            if (!NS.equals(xml.getNamespaceURI())) {
                throw new ImportFailure("Not a Disqus export: <disqus> is not in the namespace " + NS, line());
            }
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break; // </disqus>
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                boolean ours = NS.equals(xml.getNamespaceURI());
                if (ours && "thread".equals(xml.getLocalName())) {
                    thread();
                } else if (ours && "post".equals(xml.getLocalName())) {
                    post();
                } else {
                    skipElement(); // categories and anything newer
                }
            }
            while (xml.hasNext()) {
                xml.next(); // to the end: trailing garbage fails the import
            }
        }

        private void thread() throws Exception {
            int threadLine = line();
            String dsqId = xml.getAttributeValue(INTERNALS, "id");
            Map<String, String> f = fields();
            if (forum == null && !f.getOrDefault("forum", "").isBlank()) {
                forum = f.get("forum").strip();
            }
            String identifier = blankToNull(f.get("id"));
            String link = blankToNull(f.get("link"));
            String id = ArticleIdSource.toArticleId(articleId == ArticleIdChoice.LINK || identifier == null ? link : identifier);
            if (id == null) {
                sink.error(threadLine, "Thread " + (dsqId == null ? "" : dsqId + " ") + "has no " + articleId.parameterValue()
                        + " to take its article id from; its posts were not imported");
            }
            Thread thread = new Thread(id, id != null && "true".equals(f.getOrDefault("isClosed", "").strip()));
            if (dsqId != null && !dsqId.isBlank()) {
                threadsByDsqId.put(dsqId.strip(), thread);
            }
            if (identifier != null) {
                threadsById.put(identifier, thread);
            }
        }

        private void post() throws Exception {
            int postLine = line();
            String dsqId = blankToNull(xml.getAttributeValue(INTERNALS, "id"));
            Map<String, String> f = new HashMap<>();
            String threadRef = null;
            String parentRef = null;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break; // </post>
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (!NS.equals(xml.getNamespaceURI())) {
                    skipElement();
                } else if ("thread".equals(name) || "parent".equals(name)) {
                    String ref = blankToNull(xml.getAttributeValue(INTERNALS, "id"));
                    String text = blankToNull(xml.getElementText());
                    if ("thread".equals(name)) {
                        threadRef = ref != null ? "dsq:" + ref : text == null ? null : "id:" + text;
                    } else {
                        parentRef = ref != null ? ref : text;
                    }
                } else if ("author".equals(name)) {
                    for (Map.Entry<String, String> author : fields().entrySet()) {
                        f.put("author." + author.getKey(), author.getValue());
                    }
                } else {
                    f.put(name, textOrSkip());
                }
            }
            String id = dsqId != null ? dsqId : blankToNull(f.get("id"));
            if (id == null) {
                sink.error(postLine, "A post without dsq:id or id was not imported");
                return;
            }
            Thread thread = threadRef == null ? null
                    : threadRef.startsWith("dsq:") ? threadsByDsqId.get(threadRef.substring(4)) : threadsById.get(threadRef.substring(3));
            if (thread == null) {
                sink.error(postLine, "Post " + id + ": its thread is not in the file (threads come before posts)");
                return;
            }
            if (thread.articleId() == null) {
                return; // the thread's error is reported once
            }
            Instant date = date(f.get("createdAt"));
            if (date == null) {
                sink.error(postLine, "Post " + id + ": no valid createdAt");
                return;
            }
            CommentStatus status = "true".equals(f.getOrDefault("isSpam", "").strip()) ? CommentStatus.SPAM
                    : "true".equals(f.getOrDefault("isDeleted", "").strip()) ? CommentStatus.REJECTED : CommentStatus.APPROVED;
            if (!sourceSent) {
                sink.source("disqus:" + (forum == null ? "" : forum));
                sourceSent = true;
            }
            if (!sent.containsKey(thread.articleId()) || (thread.closed() && !sent.get(thread.articleId()))) {
                sent.put(thread.articleId(), thread.closed());
                sink.article(thread.articleId(), thread.closed());
            }
            String name = blankToNull(f.get("author.name"));
            if (name == null) {
                name = blankToNull(f.get("author.username"));
            }
            String email = blankToNull(f.get("author.email"));
            sink.comment(new SourceComment(thread.articleId(), id, parentRef, name == null ? "Anonymous" : name,
                    email == null ? null : email.toLowerCase(Locale.ROOT), null, blankToNull(f.get("ipAddress")), date,
                    text(f.getOrDefault("message", "")), status, postLine));
        }

        /** The text of each child element of the current one, by local name; deeper elements skipped. */
        private Map<String, String> fields() throws XMLStreamException {
            Map<String, String> f = new HashMap<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return f;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    f.put(xml.getLocalName(), textOrSkip());
                }
            }
        }

        /** The current element's text, or "" after skipping it when it has elements inside. */
        private String textOrSkip() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            boolean nested = false;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    nested = true;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    text.append(xml.getText());
                }
            }
            return nested ? "" : text.toString();
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

    /** A Disqus date ({@code 2013-05-01T10:00:00Z}, or without an offset: UTC); null when there is none. */
    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</p\\s*>\\s*");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"),
            Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"), Map.entry("copy", "\u00a9"));

    /**
     * A post's HTML message as plain text: paragraphs separated by a blank line, {@code <br>} a line
     * break, a link's address in parentheses after its text where the two differ, other markup dropped,
     * character references and the common named entities decoded (others kept as written).
     */
    static String text(String html) {
        String s = BREAK.matcher(html).replaceAll("\n");
        s = PARAGRAPH_END.matcher(s).replaceAll("\n\n");
        Matcher link = LINK.matcher(s);
        StringBuilder linked = new StringBuilder();
        while (link.find()) {
            String href = link.group(1) != null ? link.group(1) : link.group(2);
            String label = TAG.matcher(link.group(3)).replaceAll("");
            String replacement = label.isBlank() || decode(label).strip().equals(decode(href).strip()) ? href
                    : label + " (" + href + ")";
            link.appendReplacement(linked, Matcher.quoteReplacement(replacement));
        }
        link.appendTail(linked);
        s = TAG.matcher(linked).replaceAll("");
        return decode(s).strip();
    }

    private static String decode(String s) {
        Matcher entity = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String value;
            if (name.startsWith("#")) {
                int code = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                value = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : entity.group();
            } else {
                value = NAMED.getOrDefault(name, entity.group());
            }
            entity.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
