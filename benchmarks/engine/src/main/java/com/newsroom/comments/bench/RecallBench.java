package com.newsroom.comments.bench;

import com.newsroom.comments.moderation.engine.CompiledRules;
import com.newsroom.comments.moderation.engine.Field;
import com.newsroom.comments.moderation.engine.Reason;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleDefinition;
import com.newsroom.comments.moderation.engine.RuleType;
import com.newsroom.comments.moderation.engine.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the engine over a labelled corpus, for {@code bench/recall/run.sh}.
 *
 * <pre>
 * java -cp target/benchmarks.jar com.newsroom.comments.bench.RecallBench terms.txt corpus.tsv &gt; engine.tsv
 * java -cp target/benchmarks.jar com.newsroom.comments.bench.RecallBench scripts scripts.tsv
 * </pre>
 *
 * <p>Corpus mode prints, per case, whether the default rule (inflections on, masked off) and the same
 * rule with {@code masked: true} caught the text, and the first reason's detail. Scripts mode compares
 * dictionary word breaks with substring-within-run matching on sentences in scripts without spaces.
 */
public final class RecallBench {

    private RecallBench() { }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("scripts")) {
            scripts(Path.of(args[1]));
            return;
        }
        List<String> terms = lines(Path.of(args[0]));
        CompiledRules plain = CompiledRules.compile(List.of(rule(terms, null)));
        CompiledRules masked = CompiledRules.compile(List.of(rule(terms, true)));
        StringBuilder out = new StringBuilder();
        for (String line : lines(Path.of(args[1]))) {
            String[] f = line.split("\t", 3);
            List<Reason> a = plain.evaluate(submission(f[2])).reasons();
            List<Reason> b = masked.evaluate(submission(f[2])).reasons();
            out.append(a.isEmpty() ? 0 : 1).append('\t').append(b.isEmpty() ? 0 : 1).append('\t')
                    .append(b.isEmpty() ? "" : b.get(0).match() + " = " + b.get(0).detail()).append('\n');
        }
        System.out.print(out);
    }

    private static RuleDefinition rule(List<String> terms, Boolean masked) {
        return new RuleDefinition(1, RuleType.TERMS, RuleAction.HOLD, new RuleConfig(terms, null, List.of(Field.TEXT),
                null, null, null, null, null, null, null, null, null, null, null, null, masked, null));
    }

    private static Submission submission(String text) {
        return new Submission("Reader", text, null, null, null);
    }

    private static List<String> lines(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(l.strip());
            }
        }
        return out;
    }

    /**
     * scripts.tsv: "terms" lines (language, "terms", comma-separated terms) and cases (language,
     * expected 1/0, sentence). Prints hits and misses of the engine (dictionary word breaks) and of
     * plain substring search, per language.
     */
    private static void scripts(Path file) throws IOException {
        java.util.Map<String, List<String>> termsByLang = new java.util.LinkedHashMap<>();
        List<String[]> cases = new ArrayList<>();
        for (String line : lines(file)) {
            String[] f = line.split("\t", 3);
            if (f[1].equals("terms")) {
                termsByLang.put(f[0], List.of(f[2].split(",")));
            } else {
                cases.add(f);
            }
        }
        System.out.println("| script | cases to catch | engine caught | substring caught | clean sentences"
                + " | engine false positives | substring false positives |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (var e : termsByLang.entrySet()) {
            CompiledRules rules = CompiledRules.compile(List.of(rule(e.getValue(), null)));
            int pos = 0, clean = 0, engHit = 0, subHit = 0, engFp = 0, subFp = 0;
            for (String[] c : cases) {
                if (!c[0].equals(e.getKey())) {
                    continue;
                }
                boolean eng = !rules.evaluate(submission(c[2])).reasons().isEmpty();
                boolean sub = e.getValue().stream().anyMatch(c[2]::contains);
                if (c[1].equals("1")) {
                    pos++;
                    engHit += eng ? 1 : 0;
                    subHit += sub ? 1 : 0;
                } else {
                    clean++;
                    engFp += eng ? 1 : 0;
                    subFp += sub ? 1 : 0;
                    if (eng || sub) {
                        System.err.println(e.getKey() + " false positive (engine " + eng + ", substring " + sub
                                + "): " + c[2]);
                    }
                }
                if (c[1].equals("1") && !eng) {
                    System.err.println(e.getKey() + " missed by the engine: " + c[2]);
                }
            }
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", e.getKey(), pos, engHit, subHit, clean, engFp,
                    subFp);
        }
    }
}
