package com.newsroom.comments.moderation.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, thread-safe snapshot of all enabled rules, compiled once and then evaluated
 * for every comment. Meant to be swapped atomically (AtomicReference) when rules change.
 */
public final class CompiledRules {

    static final Verdict APPROVED = new Verdict(Decision.APPROVED, List.of());

    private static final Field[] FIELDS = Field.values();
    private static final List<Field> DEFAULT_FIELDS = List.of(Field.NAME, Field.TEXT, Field.EMAIL, Field.WEBSITE);
    private static final int MAX_PATTERN_LENGTH = 10_000;
    /**
     * How long (CPU time) the PATTERN rules may take on one comment, together: a rule still running when
     * it runs out is reported as a HOLD reason (the comment waits for a moderator) and the next ones are
     * skipped.
     */
    public static final long PATTERN_BUDGET_MILLIS = 50;
    /** Reused fold buffers; values longer than this get a throw-away buffer so threads do not retain huge arrays. */
    private static final int MAX_CACHED_LENGTH = 1 << 16;
    private static final ThreadLocal<FoldedText> SCRATCH = ThreadLocal.withInitial(FoldedText::new);
    private static final CompiledRules EMPTY = new CompiledRules(List.of());

    private final RuleMeta[] rules;
    private final TermIndex terms;
    private final PatternRule[] patterns;
    private final LinkRule[] links;
    private final ShoutingRule[] shouting;
    private final AuthorRule[] authors;
    private final boolean needLinks;

    private record PatternRule(int rule, com.google.re2j.Pattern pattern, int fieldMask) { }

    private record LinkRule(int rule, int maxLinks, Links.DomainSet blocked, Links.DomainSet allowed) { }

    private record ShoutingRule(int rule, int minLength, double maxUpperCaseRatio, int maxRepeatedChars,
                                boolean holdLinksOnly) { }

    private record AuthorRule(int rule, Set<String> emails, Map<String, List<byte[]>> names, IpRanges ips) { }

    private CompiledRules(Collection<RuleDefinition> definitions) {
        List<RuleMeta> metas = new ArrayList<>();
        List<TermIndex.RuleTerms> termRules = new ArrayList<>();
        List<PatternRule> patternRules = new ArrayList<>();
        List<LinkRule> linkRules = new ArrayList<>();
        List<ShoutingRule> shoutingRules = new ArrayList<>();
        List<AuthorRule> authorRules = new ArrayList<>();
        FoldedText ft = new FoldedText();
        boolean linksNeeded = false;
        for (RuleDefinition def : definitions) {
            checkHeader(def);
            if (!def.type().isEngineRule()) {
                continue; // flood, duplicates, first comment: the service evaluates them
            }
            int idx = metas.size();
            metas.add(new RuleMeta(def.id(), def.type(), def.action()));
            RuleConfig c = def.config() != null ? def.config() : emptyConfig();
            switch (def.type()) {
                case TERMS -> {
                    if (c.terms() == null || c.terms().isEmpty()) {
                        throw new InvalidRuleException("terms", "at least one term is required");
                    }
                    for (String t : c.terms()) {
                        TermIndex.foldTerm(t, ft); // validates each term
                    }
                    termRules.add(new TermIndex.RuleTerms(idx, c.terms(), fieldMask(c.fields()),
                            c.inflections() == null || c.inflections(), Boolean.TRUE.equals(c.masked()),
                            c.exceptions() == null ? List.of() : c.exceptions()));
                }
                case PATTERN -> patternRules.add(new PatternRule(idx, compilePattern(c.pattern()), fieldMask(c.fields())));
                case LINKS -> {
                    int max = nonNegative(c.maxLinks(), 2, "maxLinks");
                    linkRules.add(new LinkRule(idx, max, new Links.DomainSet(c.blockedDomains(), "blockedDomains"),
                            new Links.DomainSet(c.allowedDomains(), "allowedDomains")));
                    linksNeeded = true;
                }
                case SHOUTING -> {
                    int minLength = nonNegative(c.minLength(), 20, "minLength");
                    double ratio = c.maxUpperCaseRatio() == null ? 0.7 : c.maxUpperCaseRatio();
                    if (!(ratio >= 0 && ratio <= 1)) {
                        throw new InvalidRuleException("maxUpperCaseRatio", "must be between 0 and 1");
                    }
                    int repeated = nonNegative(c.maxRepeatedChars(), 10, "maxRepeatedChars");
                    if (repeated < 1) {
                        throw new InvalidRuleException("maxRepeatedChars", "must be at least 1");
                    }
                    boolean linksOnly = c.holdLinksOnly() == null || c.holdLinksOnly();
                    shoutingRules.add(new ShoutingRule(idx, minLength, ratio, repeated, linksOnly));
                    linksNeeded |= linksOnly;
                }
                case AUTHORS -> authorRules.add(compileAuthors(idx, c, ft));
                default -> throw new InvalidRuleException("type", "unsupported rule type " + def.type());
            }
        }
        this.rules = metas.toArray(new RuleMeta[0]);
        this.terms = termRules.isEmpty() ? null : TermIndex.build(termRules, rules.length);
        this.patterns = patternRules.toArray(new PatternRule[0]);
        this.links = linkRules.toArray(new LinkRule[0]);
        this.shouting = shoutingRules.toArray(new ShoutingRule[0]);
        this.authors = authorRules.toArray(new AuthorRule[0]);
        this.needLinks = linksNeeded;
    }

    /** Builds everything once; throws {@link InvalidRuleException} for the first bad rule. */
    public static CompiledRules compile(Collection<RuleDefinition> rules) {
        if (rules == null || rules.isEmpty()) {
            return EMPTY;
        }
        return new CompiledRules(rules);
    }

    /** Same checks as {@link #compile} for a single rule (used when a rule is saved). */
    public static void validate(RuleDefinition rule) {
        new CompiledRules(List.of(rule));
    }

    public static CompiledRules empty() {
        return EMPTY;
    }

    public int ruleCount() {
        return rules.length;
    }

    // ---------------------------------------------------------------- compile helpers

    private static RuleConfig emptyConfig() {
        return new RuleConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void checkHeader(RuleDefinition def) {
        if (def == null) {
            throw new InvalidRuleException("rule", "rule must not be null");
        }
        if (def.type() == null) {
            throw new InvalidRuleException("type", "type is required");
        }
        if (def.action() == null) {
            throw new InvalidRuleException("action", "action is required");
        }
    }

    private static int nonNegative(Integer value, int dflt, String field) {
        if (value == null) {
            return dflt;
        }
        if (value < 0) {
            throw new InvalidRuleException(field, "must not be negative");
        }
        return value;
    }

    private static int fieldMask(List<Field> fields) {
        List<Field> fs = fields == null ? DEFAULT_FIELDS : fields;
        if (fs.isEmpty()) {
            throw new InvalidRuleException("fields", "at least one field is required");
        }
        int mask = 0;
        for (Field f : fs) {
            if (f == null) {
                throw new InvalidRuleException("fields", "field must not be null");
            }
            mask |= 1 << f.ordinal();
        }
        return mask;
    }

    private static com.google.re2j.Pattern compilePattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidRuleException("pattern", "pattern must not be blank");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidRuleException("pattern", "pattern is too long");
        }
        // Before compiling: RE2/J would build the whole oversized program first.
        if (PatternCost.of(pattern) > PatternCost.MAX) {
            throw new InvalidRuleException("pattern", "pattern is too complex: its repetitions, nested ones multiplied, "
                    + "come to more than " + PatternCost.MAX + " steps per character (such as (a{1000}){1000}); "
                    + "use smaller counts, or + and * instead");
        }
        try {
            return com.google.re2j.Pattern.compile(pattern, com.google.re2j.Pattern.CASE_INSENSITIVE);
        } catch (RuntimeException e) { // com.google.re2j.PatternSyntaxException
            throw new InvalidRuleException("pattern", e.getMessage());
        }
    }

    private static AuthorRule compileAuthors(int idx, RuleConfig c, FoldedText ft) {
        boolean any = false;
        Set<String> emails = new java.util.HashSet<>();
        if (c.emails() != null) {
            for (String e : c.emails()) {
                if (e == null || e.isBlank() || e.indexOf('@') < 0) {
                    throw new InvalidRuleException("emails", "not an e-mail address: '" + e + "'");
                }
                emails.add(e.strip().toLowerCase(Locale.ROOT));
                any = true;
            }
        }
        Map<String, List<byte[]>> names = new HashMap<>();
        if (c.names() != null) {
            for (String n : c.names()) {
                if (n == null || n.isBlank()) {
                    throw new InvalidRuleException("names", "name must not be empty");
                }
                ft.fold(n.strip(), false, false);
                int variants = ft.ambiguous ? 2 : 1;
                for (int v = 0; v < variants; v++) {
                    if (v == 1) {
                        ft.fold(n.strip(), false, true);
                    }
                    if (ft.length == 0) {
                        throw new InvalidRuleException("names", "name '" + n + "' has no letters or digits");
                    }
                    names.computeIfAbsent(ft.foldedString(), k -> new ArrayList<>()).add(runs(ft));
                }
                any = true;
            }
        }
        IpRanges ips = new IpRanges(c.ips() == null ? List.of() : c.ips());
        any |= !ips.isEmpty();
        if (!any) {
            throw new InvalidRuleException("emails", "at least one e-mail, name or IP is required");
        }
        return new AuthorRule(idx, emails, names, ips);
    }

    private static byte[] runs(FoldedText ft) {
        byte[] r = new byte[ft.length];
        for (int i = 0; i < ft.length; i++) {
            r[i] = (byte) Math.min(ft.run(i), 127);
        }
        return r;
    }

    // ---------------------------------------------------------------- evaluation

    /** Thread-safe; the common "no hit" path allocates almost nothing. */
    public Verdict evaluate(Submission submission) {
        if (submission == null || rules.length == 0) {
            return APPROVED;
        }
        ReasonCollector out = new ReasonCollector(rules);
        if (terms != null) {
            int mask = terms.fieldMask();
            for (Field f : FIELDS) {
                if ((mask & (1 << f.ordinal())) != 0) {
                    String v = value(submission, f);
                    if (v != null && !v.isEmpty()) {
                        terms.scan(scratch(v), v, f, out);
                    }
                }
            }
        }
        long deadline = DeadlineText.now() + PATTERN_BUDGET_MILLIS * 1_000_000;
        for (PatternRule p : patterns) {
            if (!evaluatePattern(p, submission, out, deadline)) {
                break; // the budget is spent: the comment is held already
            }
        }
        String text = submission.text();
        List<Links.Link> textLinks = needLinks && text != null ? Links.extract(text) : List.of();
        if (links.length > 0) {
            Links.Link website = Links.website(submission.website());
            for (LinkRule l : links) {
                evaluateLinks(l, text, textLinks, website, submission.website(), out);
            }
        }
        if (text != null) {
            for (ShoutingRule s : shouting) {
                evaluateShouting(s, text, textLinks, out);
            }
        }
        for (AuthorRule a : authors) {
            evaluateAuthors(a, submission, out);
        }
        return out.verdict();
    }

    private static FoldedText scratch(String v) {
        return v.length() > MAX_CACHED_LENGTH ? new FoldedText() : SCRATCH.get();
    }

    private static String value(Submission s, Field f) {
        return switch (f) {
            case NAME -> s.name();
            case TEXT -> s.text();
            case EMAIL -> s.email();
            case WEBSITE -> s.website();
            case IP -> s.ip();
        };
    }

    /** False when the budget ran out on this rule: it is then reported as a HOLD reason. */
    private boolean evaluatePattern(PatternRule p, Submission s, ReasonCollector out, long deadline) {
        for (Field f : FIELDS) {
            if ((p.fieldMask() & (1 << f.ordinal())) == 0) {
                continue;
            }
            String v = value(s, f);
            if (v == null || v.isEmpty()) {
                continue;
            }
            com.google.re2j.Matcher m = p.pattern().matcher(new DeadlineText(v, deadline));
            try {
                while (!out.isFull(p.rule()) && m.find()) {
                    if (m.end() > m.start()) {
                        out.add(p.rule(), f, v, m.start(), m.end(), null, "pattern /" + p.pattern().pattern() + "/");
                    }
                }
            } catch (DeadlineText.Expired e) {
                out.add(p.rule(), f, v, 0, 0, RuleAction.HOLD, "pattern /" + p.pattern().pattern()
                        + "/ not finished within " + PATTERN_BUDGET_MILLIS + " ms: held for a moderator");
                return false;
            }
        }
        return true;
    }

    private void evaluateLinks(LinkRule rule, String text, List<Links.Link> textLinks, Links.Link website,
                               String websiteValue, ReasonCollector out) {
        int counted = 0;
        Links.Link firstOver = null;
        for (Links.Link l : textLinks) {
            if (rule.allowed().match(l.host()) != null) {
                continue; // allowlisted: neither counted nor blocked
            }
            String blocked = rule.blocked().match(l.host());
            if (blocked != null) {
                out.add(rule.rule(), Field.TEXT, text, l.start(), l.end(), RuleAction.SPAM, "blocked domain " + blocked);
            }
            if (l.counted() || blocked != null) {
                counted++;
                if (counted == rule.maxLinks() + 1) {
                    firstOver = l;
                }
            }
        }
        if (firstOver != null) {
            out.add(rule.rule(), Field.TEXT, text, firstOver.start(), firstOver.end(), null,
                    counted + " links, limit " + rule.maxLinks());
        }
        if (website != null && rule.allowed().match(website.host()) == null) {
            String blocked = rule.blocked().match(website.host());
            if (blocked != null) {
                out.add(rule.rule(), Field.WEBSITE, websiteValue, website.start(), website.end(), RuleAction.SPAM,
                        "blocked domain " + blocked);
            }
        }
    }

    private void evaluateShouting(ShoutingRule rule, String text, List<Links.Link> textLinks, ReasonCollector out) {
        int letters = 0;
        int upper = 0;
        int runStart = 0;
        int runCount = 0;
        int prev = -1;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.charAt(i);
            int len = 1;
            if (cp < 0x80) {
                // ASCII, most of most comments: no Unicode tables.
                if (cp >= 'a' && cp <= 'z') {
                    letters++;
                } else if (cp >= 'A' && cp <= 'Z') {
                    letters++;
                    upper++;
                }
            } else {
                cp = text.codePointAt(i);
                len = Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    letters++;
                    if (Character.isUpperCase(cp)) {
                        upper++;
                    }
                }
            }
            if (cp == prev) {
                runCount++;
            } else {
                reportRun(rule, text, prev, runStart, i, runCount, out);
                prev = cp;
                runStart = i;
                runCount = 1;
            }
            i += len;
        }
        reportRun(rule, text, prev, runStart, n, runCount, out);
        if (letters > 0 && letters >= rule.minLength() && upper > rule.maxUpperCaseRatio() * letters) {
            out.add(rule.rule(), Field.TEXT, text, 0, n, null, String.format(Locale.ROOT,
                    "%d%% upper case (limit %d%%)", Math.round(100.0 * upper / letters),
                    Math.round(100 * rule.maxUpperCaseRatio())));
        }
        if (rule.holdLinksOnly() && !textLinks.isEmpty() && onlyLinks(text, textLinks)) {
            out.add(rule.rule(), Field.TEXT, text, 0, n, null, "text is only links");
        }
    }

    private static void reportRun(ShoutingRule rule, String text, int cp, int from, int to, int count,
                                  ReasonCollector out) {
        if (count > rule.maxRepeatedChars() && !Character.isWhitespace(cp)) {
            out.add(rule.rule(), Field.TEXT, text, from, to, null, String.format(Locale.ROOT,
                    "'%s' repeated %d times (limit %d)", new String(Character.toChars(cp)), count,
                    rule.maxRepeatedChars()));
        }
    }

    private static boolean onlyLinks(String text, List<Links.Link> links) {
        int pos = 0;
        for (Links.Link l : links) {
            if (!noWords(text, pos, l.start())) {
                return false;
            }
            pos = l.end();
        }
        return noWords(text, pos, text.length());
    }

    private static boolean noWords(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void evaluateAuthors(AuthorRule rule, Submission s, ReasonCollector out) {
        String email = s.email();
        if (email != null && !rule.emails().isEmpty()) {
            String e = email.strip().toLowerCase(Locale.ROOT);
            if (rule.emails().contains(e)) {
                int st = email.indexOf(email.strip());
                out.add(rule.rule(), Field.EMAIL, email, st, st + e.length(), null, "blocked e-mail");
            }
        }
        String name = s.name();
        if (name != null && !name.isBlank() && !rule.names().isEmpty()) {
            FoldedText ft = scratch(name);
            ft.fold(name, false, false);
            int variants = ft.ambiguous ? 2 : 1;
            for (int v = 0; v < variants; v++) {
                if (v == 1) {
                    ft.fold(name, false, true);
                }
                List<byte[]> candidates = rule.names().get(ft.foldedString());
                if (candidates != null) {
                    for (byte[] need : candidates) {
                        if (runsCover(ft, need)) {
                            int st = ft.start[0];
                            int en = ft.end[ft.length - 1];
                            out.add(rule.rule(), Field.NAME, name, st, en, null, "blocked name");
                            break;
                        }
                    }
                }
            }
        }
        String ip = s.ip();
        if (ip != null && !rule.ips().isEmpty()) {
            String hit = rule.ips().match(ip);
            if (hit != null) {
                int st = ip.indexOf(ip.strip());
                out.add(rule.rule(), Field.IP, ip, st, st + ip.strip().length(), null, "blocked IP " + hit);
            }
        }
    }

    private static boolean runsCover(FoldedText ft, byte[] need) {
        for (int i = 0; i < need.length; i++) {
            if (ft.run(i) < need[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CompiledRules[" + rules.length + " rules" + (terms == null ? "" : ", " + terms.keyCount()
                + " term keys, " + terms.stateCount() + " automaton states") + "]";
    }
}
