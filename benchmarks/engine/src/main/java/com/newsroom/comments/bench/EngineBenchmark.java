package com.newsroom.comments.bench;

import com.newsroom.comments.moderation.engine.CompiledRules;
import com.newsroom.comments.moderation.engine.Decision;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleDefinition;
import com.newsroom.comments.moderation.engine.RuleType;
import com.newsroom.comments.moderation.engine.Submission;
import com.newsroom.comments.moderation.engine.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine evaluation of a ~2 KB comment (English, or mixed scripts) against N random terms, versus the WordPress
 * way (one {@code \bterm\b} java.util.regex per term), plus compile time of 100,000 terms.
 *
 * <pre>
 * java -jar target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EngineBenchmark {

    static final String COMMENT = """
            I have been reading this paper for almost twenty years and I think the article about the new \
            transit plan misses a few important points. First, the city council already approved a budget \
            for the northern line back in 2019, and nobody seems to remember what happened to that money. \
            Second, the proposed bus lanes on Main Street will make deliveries much harder for the small \
            shops that are still recovering from the pandemic. My neighbour runs a bakery there and she told \
            me that half of her customers arrive by car because the current bus service is unreliable after \
            six in the evening. Third, the article quotes only one expert, and she works for the consulting \
            firm that wrote the original proposal, which is not exactly independent. I would have liked to \
            read what the drivers' union thinks, or what people in the outer districts expect, since they \
            are the ones who will spend an extra forty minutes a day on buses if the plan goes ahead as \
            described. That said, I agree that something has to change: traffic in the centre is terrible, \
            the air quality numbers published last month were worrying, and the parking situation near the \
            hospital is a disgrace. Maybe a better approach would be to run a pilot on two routes for six \
            months, publish the data openly, and then decide. Other cities have done exactly that with good \
            results, and it would give everyone a chance to see the real effects instead of arguing about \
            projections. Finally, a small note for the editors: the map in the print edition had the new \
            stations in the wrong order, which confused a lot of readers in the letters section. Thanks for \
            covering local issues at all, though; it is more than most outlets do these days, and I hope \
            you keep following this story as the council votes next spring. Regards from an old subscriber \
            who still remembers when the tram ran all the way to the harbour and back every ten minutes.""";

    /**
     * A ~2 KB comment in several scripts: English, Turkish, Arabic, Russian, Chinese, Japanese and Thai
     * (the last three segmented by dictionary), for the general folding path.
     */
    static final String MIXED = """
            I have been reading this paper for years and the article about the water dispute misses a few             points; the parking situation near the border crossing is only one of them. Bu makale çok önemli ama             bazı rakamlar yanlış görünüyor, özellikle Fırat nehri hakkındaki bölümde. Hamdi Fırat Büyük ve             İstanbul'daki okurlar da aynı şeyi söyledi. شكرا على هذا المقال المفيد عن نهر الفرات، لكن الأرقام في             الفقرة الثالثة تحتاج إلى مراجعة، والوضع في الموصل أفضل بكثير من العام الماضي. Спасибо за статью,             но карта в печатной версии была неправильной, и многие читатели это заметили. 这篇文章写得很好，            但是关于幼发拉底河的数据有一些问题，希望编辑能够核实一下。土耳其和伊拉克的水资源问题很复杂，需要更多的            报道。この記事はとても分かりやすいですが、地図の駅の順番が間違っていました。来週の続報を楽しみにして            います。บทความนี้ดีมาก ขอบคุณครับ แต่ตัวเลขในย่อหน้าที่สามดูไม่ถูกต้อง และแผนที่ก็ผิดด้วย             Finally, a small note for the editors: the map in the print edition had the new stations in the wrong             order, which confused a lot of readers in the letters section. Thanks for covering these issues at all;             it is more than most outlets do these days, and I hope you keep following this story as the council             votes next spring. Regards from an old subscriber who still remembers when the tram ran all the way             to the harbour and back every ten minutes, and when the paper had a correspondent in Diyarbakır, one in             Erbil and one in Aleppo. Teşekkürler, iyi çalışmalar. مع خالص التحيات. 谢谢。ありがとうございます。""";

    @Param({"100", "1000", "10000", "100000"})
    public int termCount;

    /** "latin" = the English comment (ASCII fast path); "mixed" = {@link #MIXED}. */
    @Param({"latin", "mixed"})
    public String script;

    /** "none" = no term occurs in the comment; "one" = one configured term is inserted. */
    @Param({"none", "one"})
    public String hits;

    private CompiledRules rules;
    private Submission submission;
    private Pattern[] naive;
    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> terms = terms(termCount, 20240601L);
        String comment = "mixed".equals(script) ? MIXED : COMMENT;
        text = "one".equals(hits) ? comment.replace("the parking situation", "the " + terms.get(terms.size() / 2)
                + " situation") : comment;
        rules = CompiledRules.compile(List.of(termsRule(terms)));
        submission = new Submission("Old Subscriber", text, "subscriber@example.org", null, "198.51.100.23");
        if (termCount <= 10_000) {
            naive = new Pattern[terms.size()];
            for (int i = 0; i < naive.length; i++) {
                naive[i] = Pattern.compile("\\b" + Pattern.quote(terms.get(i)) + "\\b", Pattern.CASE_INSENSITIVE);
            }
        }
        Verdict v = rules.evaluate(submission);
        if (("one".equals(hits)) != (v.decision() != Decision.APPROVED)) {
            throw new IllegalStateException("unexpected verdict " + v + " for hits=" + hits);
        }
    }

    @Benchmark
    public Verdict engine() {
        return rules.evaluate(submission);
    }

    /** The WordPress way: one precompiled \bterm\b regex per term (skipped above 10,000 terms). */
    @Benchmark
    public int naiveRegexLoop() {
        if (naive == null) {
            return -1;
        }
        int found = 0;
        for (Pattern p : naive) {
            if (p.matcher(text).find()) {
                found++;
            }
        }
        return found;
    }

    /** Compile time of 100,000 terms (one TERMS rule), one shot per iteration. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public CompiledRules compile100k(CompileState s) {
        return CompiledRules.compile(List.of(s.rule));
    }

    @State(Scope.Benchmark)
    public static class CompileState {
        RuleDefinition rule;

        @Setup(Level.Trial)
        public void setUp() {
            rule = termsRule(terms(100_000, 7L));
        }
    }

    static RuleDefinition termsRule(List<String> terms) {
        return new RuleDefinition(1, RuleType.TERMS, RuleAction.HOLD,
                new RuleConfig(terms, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    /** Random pronounceable words of 4-10 letters, seeded, none of which occurs anywhere in either comment. */
    static List<String> terms(int count, long seed) {
        Random rnd = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        String lower = (COMMENT + " " + MIXED).toLowerCase(java.util.Locale.ROOT);
        String cons = "bcdfghjklmnprstvwz";
        String vowels = "aeiouy";
        while (out.size() < count) {
            int len = 4 + rnd.nextInt(7);
            StringBuilder sb = new StringBuilder(len);
            boolean consonant = rnd.nextBoolean();
            for (int i = 0; i < len; i++) {
                String src = consonant ? cons : vowels;
                sb.append(src.charAt(rnd.nextInt(src.length())));
                consonant = !consonant;
            }
            String w = sb.toString();
            if (!lower.contains(w)) { // nowhere, not even inside a word (inflections and compounds)
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    /** Quick manual timing without JMH: {@code java -cp target/benchmarks.jar com.newsroom.comments.bench.EngineBenchmark}. */
    public static void main(String[] args) {
        RuleDefinition rule = termsRule(terms(100_000, 7L));
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            CompiledRules r = CompiledRules.compile(List.of(rule));
            long t1 = System.nanoTime();
            System.out.printf("compile 100,000 terms: %.1f ms (%s)%n", (t1 - t0) / 1e6, r);
        }
    }
}
