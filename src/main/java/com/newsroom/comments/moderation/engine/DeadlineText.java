package com.newsroom.comments.moderation.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A field's text as RE2/J reads it, with a deadline: every 1,024 characters read it checks the clock and
 * throws {@link Expired} once past it, so that no pattern holds a thread longer than its budget. The
 * clock is the thread's CPU time where the JVM measures it (a busy machine does not eat the budget),
 * else wall-clock time.
 */
final class DeadlineText implements CharSequence {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /** Nanoseconds on the clock deadlines are measured by. */
    static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The pattern's budget ran out before it finished the text. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("pattern budget exceeded", null, false, false);
        }
    }

    private final String text;
    private final long deadlineNanos;
    private int reads;

    DeadlineText(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 1023) == 0 && now() - deadlineNanos > 0) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
