package com.newsroom.comments.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Keeps a fixed number of threads busy with claimed work: claims as many items as threads are free, runs
 * each on a thread of its own, and claims again as threads free up, until a claim comes back short (no
 * more work is due) or the time budget ends. Never runs more items at once than it has permits. Plain Java.
 */
final class ClaimLoop {

    private final Semaphore free;
    private final Executor threads;

    ClaimLoop(int concurrency, Executor threads) {
        this.free = new Semaphore(concurrency);
        this.threads = threads;
    }

    /**
     * @param claim   claims at most the given number of items (in the caller's transaction of its own)
     * @param attempt runs one item; its thread is free again when it returns
     * @return how many items were started
     */
    <T> int run(IntFunction<List<T>> claim, Consumer<T> attempt, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        int started = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !free.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                return started;
            }
            int permits = 1 + free.drainPermits();
            List<T> claimed;
            try {
                claimed = claim.apply(permits);
            } catch (RuntimeException e) {
                free.release(permits);
                throw e;
            }
            free.release(permits - claimed.size());
            for (T item : claimed) {
                threads.execute(() -> {
                    try {
                        attempt.accept(item);
                    } finally {
                        free.release();
                    }
                });
                started++;
            }
            if (claimed.size() < permits) {
                return started;
            }
        }
    }
}
