package com.newsroom.comments.notification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.report.ReportSummary;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A digest as an e-mail: the text and HTML parts from the Qute templates in {@code templates/digest/}
 * (the HTML one escapes every value), with links into the moderation console.
 */
@ApplicationScoped
public class DigestMail {

    private final Template text;
    private final Template html;

    public DigestMail(@Location("digest/digest.txt") Template text, @Location("digest/digest.html") Template html) {
        this.text = text;
        this.html = html;
    }

    /** The digest for one moderator; {@code first}: they have had none before. */
    static DigestContent content(String username, WaitingComments.Waiting waiting, boolean first, String consoleUrl) {
        List<WaitingComment> listed = waiting.listed().stream().map(l -> comment(l, first, consoleUrl)).toList();
        return DigestContent.of(username, listed, waiting.total(), waiting.newCount(), first, consoleUrl + "/moderation/");
    }

    private static WaitingComment comment(WaitingComments.Listed listed, boolean first, String consoleUrl) {
        Comment c = listed.comment();
        boolean held = c.status == CommentStatus.PENDING;
        ReportSummary reports = listed.reports();
        return new WaitingComment(c.id, c.articleId, Why.excerpt(c.name), held ? "held" : "published, reported",
                Why.excerpt(c.text), Why.of(held, c.moderatedBy, c.reasons, reports == null ? java.util.Map.of() : reports.reasons()),
                !first && listed.fresh(), consoleUrl + "/moderation/#/comments/" + c.id);
    }

    public Mail mail(String to, DigestContent content) {
        return Mail.withText(to, content.subject(), text.data("digest", content).render())
                .setHtml(html.data("digest", content).render());
    }
}
