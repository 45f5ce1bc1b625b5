package com.newsroom.comments.bench;

import com.newsroom.comments.moderation.engine.CompiledRules;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleDefinition;
import com.newsroom.comments.moderation.engine.RuleType;
import com.newsroom.comments.moderation.engine.Submission;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The {@link EngineBenchmark} workload timed by the evaluating thread's CPU time instead of wall time,
 * best of 30 rounds of 5,000 evaluations: on a machine shared with other work, wall-clock JMH scores
 * swing by 2x while CPU time stays within a few percent. Prints µs per comment for the English and
 * the mixed-script comment, with inflections off and on, without a hit and with one (the benchmark's
 * {@code hits=one}: the term in the middle of the list written into the comment).
 *
 * <pre>
 * java -cp target/benchmarks.jar com.newsroom.comments.bench.EngineCpuTime [termCount ...]
 * </pre>
 */
public final class EngineCpuTime {

    private EngineCpuTime() { }

    public static void main(String[] args) {
        int[] counts = args.length == 0 ? new int[] {100, 1_000, 10_000, 100_000} : new int[args.length];
        for (int i = 0; i < args.length; i++) {
            counts[i] = Integer.parseInt(args[i]);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("| terms | English, inflections off | English, inflections on | mixed, off | mixed, on"
                + " | English, one hit, off | on | mixed, one hit, off | on |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int count : counts) {
            List<String> terms = EngineBenchmark.terms(count, 20240601L);
            String hit = "the " + terms.get(terms.size() / 2) + " situation";
            String[] texts = {EngineBenchmark.COMMENT, EngineBenchmark.MIXED,
                    EngineBenchmark.COMMENT.replace("the parking situation", hit),
                    EngineBenchmark.MIXED.replace("the parking situation", hit)};
            CompiledRules[] rules = new CompiledRules[2];
            for (int k = 0; k < 2; k++) {
                rules[k] = CompiledRules.compile(List.of(new RuleDefinition(1, RuleType.TERMS, RuleAction.HOLD,
                        new RuleConfig(terms, null, null, null, null, null, null, null, null, null, null, null, null,
                                null, null, null, k == 1))));
            }
            double[][] best = new double[2][texts.length];
            for (double[] row : best) {
                java.util.Arrays.fill(row, Double.MAX_VALUE);
            }
            for (int round = 0; round < 30; round++) {
                for (int k = 0; k < 2; k++) {
                    for (int t = 0; t < texts.length; t++) {
                        Submission s = new Submission("Old Subscriber", texts[t], "subscriber@example.org", null,
                                "198.51.100.23");
                        int n = 5_000;
                        long t0 = mx.getCurrentThreadCpuTime();
                        for (int i = 0; i < n; i++) {
                            rules[k].evaluate(s);
                        }
                        best[k][t] = Math.min(best[k][t], (mx.getCurrentThreadCpuTime() - t0) / 1e3 / n);
                    }
                }
            }
            StringBuilder row = new StringBuilder(String.format("| %,d |", count));
            for (int t = 0; t < texts.length; t++) {
                row.append(String.format(" %.1f | %.1f |", best[0][t], best[1][t]));
            }
            System.out.println(row);
        }
    }
}
