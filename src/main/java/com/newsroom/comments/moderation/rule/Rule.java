package com.newsroom.comments.moderation.rule;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleType;

/** A moderation rule as stored; its type's settings are JSON text in {@link #config}. */
@Entity
@Table(name = "moderation_rule")
public class Rule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rule_seq")
    @SequenceGenerator(name = "rule_seq", sequenceName = "rule_seq", allocationSize = 1)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleAction action;

    @Column(nullable = false)
    public boolean enabled = true;

    public String description;

    @Column(nullable = false)
    public String config;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
