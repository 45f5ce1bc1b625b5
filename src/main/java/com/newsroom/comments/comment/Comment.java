package com.newsroom.comments.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * A reader's comment on an article, with what only moderators may see (e-mail, IP, reasons). Hibernate
 * reads and updates comments; new ones are inserted in batches by the write path ({@code comment.store}).
 */
@Entity
public class Comment {

    /** Assigned from comment_seq by the write path, which inserts new comments. */
    @Id
    public Long id;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false)
    public String name;

    public String email;

    public String website;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentStatus status;

    @Column(name = "ip_address")
    public String ipAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "dedup_key")
    public String dedupKey;

    /** The moderator who last decided on this comment; null while only the engine has. */
    @Column(name = "moderated_by")
    public String moderatedBy;

    @Column(name = "moderated_at")
    public Instant moderatedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "comment_reason", joinColumns = @JoinColumn(name = "comment_id"))
    @OrderColumn(name = "position")
    public List<ModerationReason> reasons = new ArrayList<>();
}
