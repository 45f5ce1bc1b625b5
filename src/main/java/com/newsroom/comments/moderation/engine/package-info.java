/**
 * The rule engine: compiles rule definitions once (terms into one folding trie, RE2 patterns, link,
 * shouting and author checks) and evaluates a submission against them, with each match's field and
 * offsets. Plain Java: no Quarkus, no database, no I/O, so it is unit-tested and benchmarked alone
 * ({@code benchmarks/engine}). Called by {@code moderation.rule} (compiling) and {@code moderation}.
 */
package com.newsroom.comments.moderation.engine;
