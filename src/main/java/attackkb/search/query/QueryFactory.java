package attackkb.search.query;

import static attackkb.index.IndexSchema.*;

import attackkb.mapping.ControlId;
import attackkb.model.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns the text a user typed into a Lucene query, deterministically (a test can assert its {@code toString()}).
 *
 * <ul>
 *   <li>An ATT&CK ID ({@code T1204.003}, {@code 1204.003}, {@code DET0248}) finds that object, then the
 *       sub-techniques of a technique ID.
 *   <li>Anything else is parsed with Lucene's classic syntax (phrases, {@code field:term}, AND/OR/NOT, {@code -term}).
 *       Each word is looked for in every prose field, its scores there weighted by {@link Ranking} and added up;
 *       the whole text also scores as an exact name and through its curated synonyms.
 *   <li>Text that does not parse ({@code "unclosed}, {@code AND OR (}) is searched as plain words, never an error;
 *       a colon after a word that is not a field name ({@code Masquerading: RTLO}) is read as punctuation.
 * </ul>
 * Only active objects match: revoked and deprecated ones are filtered out.
 */
public final class QueryFactory {
    /** A last word shorter than this is not completed: two letters start too many words to mean any. */
    private static final int MIN_PREFIX = 3;
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
    private static final float ID_BOOST = 100f;
    private static final float CHILD_ID_BOOST = 10f;
    private static final Set<String> FIELD_NAMES = fieldNames();
    private static final Pattern FIELD_PREFIX = Pattern.compile("(?<![\\\\\\w])([\\p{L}_][\\p{L}\\p{N}_-]*):(?!//)");

    private final Analyzer analyzer;
    private final Synonyms synonyms;
    private final Ranking ranking;
    /** Makes every term query: with its looked-up states when the factory serves one index. */
    private final Function<Term, Query> termQuery;
    /**
     * Each plain word's clauses ({@link #wordClauses}), as made before: live search sends the same words keystroke
     * after keystroke, and analysing a word and making its clauses in six fields is the same work every time.
     */
    private final WordCache<List<Query>> wordClauses = new WordCache<>(10_000);
    /** Each plain word's analysed terms: a search analysed its words up to four times (clauses, typos, completion). */
    private final WordCache<List<String>> wordTerms = new WordCache<>(10_000);
    /** Each completion's term queries ({@link #completionQueries}): the same few hundred words complete most prefixes. */
    private final WordCache<List<Query>> completionQueries = new WordCache<>(10_000);
    /** Each synonym's phrase in every prose field ({@link #phraseInEveryField}): a fixed list, analysed once each. */
    private final WordCache<Query> synonymPhrases = new WordCache<>(10_000);

    public QueryFactory(Analyzer analyzer, Synonyms synonyms, Ranking ranking) {
        this(analyzer, synonyms, ranking, TermQuery::new);
    }

    /** A factory for one index generation: it makes every term query with {@code termQuery}. */
    public QueryFactory(Analyzer analyzer, Synonyms synonyms, Ranking ranking, Function<Term, Query> termQuery) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
        this.ranking = ranking;
        this.termQuery = termQuery;
    }

    private static Set<String> fieldNames() {
        Set<String> names = new HashSet<>(PROSE_FIELDS);
        names.addAll(KEYWORD_FIELDS);
        return Set.copyOf(names);
    }

    /** The ranking query for {@code text}, restricted to active objects; an empty text matches all of them. */
    public Query build(String text) {
        return build(text, List.of(), List.of());
    }

    /**
     * As {@link #build(String)}, also matching {@code corrections} (words of the index close to query words found
     * nowhere) and {@code completions} (words the last word may be the start of), each weighted by how likely it
     * is meant ({@link Vocabulary}).
     */
    public Query build(String text, List<Vocabulary.WeightedTerm> corrections, List<Vocabulary.WeightedTerm> completions) {
        return new BooleanQuery.Builder()
                .add(unfiltered(text, corrections, completions), Occur.MUST)
                .add(keyword(STATUS, Status.ACTIVE.key()), Occur.FILTER)
                .build();
    }

    /**
     * As {@link #build(String, List, List)} without the restriction to active objects, for a caller that knows
     * which documents are active: Lucene scores a query of optional clauses only a window of documents at a time,
     * and one with a required filter one document at a time, which is much slower.
     */
    public Query unfiltered(String text, List<Vocabulary.WeightedTerm> corrections, List<Vocabulary.WeightedTerm> completions) {
        return text.isBlank() ? new MatchAllDocsQuery() : rank(text, corrections, completions);
    }

    private Query rank(String text, List<Vocabulary.WeightedTerm> corrections, List<Vocabulary.WeightedTerm> completions) {
        Optional<String> id = identifier(text);
        if (id.isPresent()) {
            return new BooleanQuery.Builder()
                    .add(new BoostQuery(keyword(ID, id.get()), ID_BOOST), Occur.SHOULD)
                    .add(new BoostQuery(keyword(PARENT_ID, id.get()), CHILD_ID_BOOST), Occur.SHOULD)
                    .build();
        }
        // Built flat as it goes, as flattened() would make it, with no nested queries to build (and hash) on the way.
        var flat = new BooleanQuery.Builder();
        addParsed(text, flat);
        inline(keyword(NAME_EXACT, text), ranking.exactNameBoost(), flat);
        inline(keyword(FORMER_NAME_EXACT, text), ranking.formerNameBoost(), flat);
        for (String alternative : synonyms.expansions(text)) {
            inline(synonymPhrases.get(alternative, this::phraseInEveryField), ranking.synonymWeight(), flat);
        }
        if (!corrections.isEmpty()) inline(corrected(corrections), ranking.fuzzyWeight(), flat);
        if (!completions.isEmpty()) addCompletions(completions, flat);
        return flat.build();
    }

    /**
     * {@code query} with its nested disjunctions inlined: one disjunction of leaf queries, each boosted by the product
     * of the boosts above it. The scores are the same sums, but Lucene scores one flat disjunction in a single
     * window pass, where each nested one is a scorer of its own with its own window of buckets to allocate and fill.
     */
    static Query flattened(Query query) {
        var flat = new BooleanQuery.Builder();
        inline(query, 1f, flat);
        return flat.build();
    }

    private static void inline(Query query, float boost, BooleanQuery.Builder flat) {
        if (query instanceof BoostQuery boosted) {
            inline(boosted.getQuery(), boost * boosted.getBoost(), flat);
        } else if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
            for (BooleanClause clause : bool.clauses()) inline(clause.getQuery(), boost, flat);
        } else {
            flat.add(boost == 1f ? query : new BoostQuery(query, boost), Occur.SHOULD);
        }
    }

    /**
     * The last word of {@code text} as the start of a word still being typed: the prefixes to complete (as typed,
     * and as stemmed, since the index holds stems: "containe" completes through "contain") and its own term.
     * Empty for an ID, a phrase, an operator, a field's value or a word shorter than {@value #MIN_PREFIX}.
     */
    public Optional<Vocabulary.LastWord> lastWord(String text) {
        if (text.indexOf('"') >= 0 || identifier(text).isPresent()) return Optional.empty();
        String stripped = text.strip();
        int start = lastWordStart(stripped);
        String word = start < 0 ? null : stripped.substring(start);
        if (word == null || word.length() < MIN_PREFIX || OPERATORS.contains(word)) return Optional.empty();
        String typed = analyzer.normalize(STATEMENT, word).utf8ToString();
        List<String> terms = proseTerms(word);
        String term = terms.size() == 1 ? terms.get(0) : null;
        List<String> prefixes = term == null || typed.startsWith(term) && term.length() == typed.length()
                ? List.of(typed) : List.of(typed, term);
        return Optional.of(new Vocabulary.LastWord(prefixes, term));
    }

    /** {@code text} without its last word: what is checked for typos while that word is being completed. */
    public static String withoutLastWord(String text) {
        String stripped = text.strip();
        int start = lastWordStart(stripped);
        return start < 0 ? text : stripped.substring(0, start);
    }

    /**
     * Where the last word of {@code stripped} starts, if it is a plain word (letters and numbers, at the start or
     * after white space, so not an operator's, a phrase's or a field's value); else -1.
     */
    static int lastWordStart(String stripped) {
        int start = stripped.length();
        while (start > 0) {
            int c = stripped.codePointBefore(start);
            if (!Character.isLetter(c) && !isNumber(c)) break;
            start -= Character.charCount(c);
        }
        if (start == stripped.length()) return -1;
        if (start == 0) return 0;
        char before = stripped.charAt(start - 1);
        return before == ' ' || before == '\t' || before == '\n' || before == '\u000B' || before == '\f' || before == '\r'
                ? start : -1;
    }

    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /**
     * The corrections in each field as one word (a synonym query: their frequencies add up and the most common
     * one's rarity counts), as a fuzzy query blends its expansions: scored one by one, a rare near-miss such as
     * "conti" would outrank the common word "contain" that "contian" means.
     */
    private Query corrected(List<Vocabulary.WeightedTerm> corrections) {
        var query = new BooleanQuery.Builder();
        for (String field : Vocabulary.CORRECTION_FIELDS) {
            var synonyms = new SynonymQuery.Builder(field);
            corrections.forEach(c -> synonyms.addTerm(new Term(field, c.term()), c.weight()));
            query.add(new BoostQuery(synonyms.build(), ranking.fieldBoosts().get(field)), Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * Adds each completion in each of {@link Vocabulary#COMPLETION_FIELDS}, weighted by the prefix weight times its
     * own weight times the field's boost.
     */
    private void addCompletions(List<Vocabulary.WeightedTerm> completions, BooleanQuery.Builder flat) {
        List<String> fields = Vocabulary.COMPLETION_FIELDS;
        for (Vocabulary.WeightedTerm t : completions) {
            List<Query> queries = completionQueries.get(t.term(), this::completionQueries);
            for (int f = 0; f < fields.size(); f++) {
                float boost = ranking.fieldBoosts().getOrDefault(fields.get(f), 1f) * t.weight();
                inline(new BoostQuery(queries.get(f), boost), ranking.prefixWeight(), flat);
            }
        }
    }

    /** A completion's term queries, one per field of {@link Vocabulary#COMPLETION_FIELDS}. */
    private List<Query> completionQueries(String term) {
        return Vocabulary.COMPLETION_FIELDS.stream().map(field -> termQuery.apply(new Term(field, term))).toList();
    }

    /** The ATT&CK, SP 800-53 or CVE ID that {@code text} is, if it is one: such a query is a lookup, not a text search. */
    public static Optional<String> identifier(String text) {
        return AttackId.parse(text).or(() -> ControlId.normalize(text)).or(() -> cve(text));
    }

    private static final Pattern CVE = Pattern.compile("(?i)\\s*(cve-\\d{4}-\\d{4,})\\s*");

    /** A CVE ID (a CISA KEV entry) in its usual spelling: {@code cve-2021-44228} becomes {@code CVE-2021-44228}. */
    private static Optional<String> cve(String text) {
        Matcher m = CVE.matcher(text);
        return m.matches() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /**
     * The analysed terms of {@code text}, as the prose fields index them: the candidates for typo correction. Plain
     * words are analysed once each ({@link #wordTerms}): the prose analyser never joins two words into one term.
     */
    public List<String> proseTerms(String text) {
        List<String> words = words(text);
        if (words == null) return analysed(text);
        if (words.size() == 1) return wordTerms.get(words.get(0), this::analysed);
        List<String> terms = new ArrayList<>();
        for (String word : words) terms.addAll(wordTerms.get(word, this::analysed));
        return terms;
    }

    private List<String> analysed(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(STATEMENT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }

    /**
     * The user's syntax if it parses, else the same words as plain text. Text that holds no syntax is most of what
     * is typed, and is built without the parser, from each word's clauses made once ({@link #wordClauses}).
     */
    Query parse(String text) {
        var query = new BooleanQuery.Builder();
        addParsed(text, query);
        return query.build();
    }

    /** Adds the clauses of {@link #parse} to a flat disjunction. */
    private void addParsed(String text, BooleanQuery.Builder flat) {
        List<String> words = words(text);
        if (words == null) {
            inline(parsed(text), 1f, flat);
            return;
        }
        for (String word : words) {
            for (Query clause : wordClauses.get(word, this::wordClauses)) flat.add(clause, Occur.SHOULD);
        }
    }

    /**
     * Characters that are syntax to the classic query parser anywhere in a word, and the ones it reads as syntax at a
     * word's start only ("command-line" is one word, "-line" excludes it). Parentheses are not among them: a group of
     * words scores as its words do once disjunctions are flattened, and an unclosed one ("Streams (ADS") is
     * punctuation; only a signed group ("-(a b)") means more.
     */
    private static final String SYNTAX = "!:^[]\"{}~*?\\/&|";
    private static final String SYNTAX_AT_START = "+-";
    /** A dash or plus standing alone, as in "AWS - EC2 Enumeration", is punctuation: nobody means "not EC2". */
    private static final Set<String> LONE_SIGNS = Set.of("-", "+");
    private static final Pattern LONE_SIGN = Pattern.compile("(?<=^|\\s)[-+](?=\\s|$)");

    /**
     * The words of {@code text} split where the classic parser splits them (and at parentheses), or null when the
     * text uses any of its syntax: operators, phrases, fields, wildcards, boosts, ranges, escapes, signs.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? ' ' : text.charAt(i);
            if (c == '(' && i > 0 && SYNTAX_AT_START.indexOf(text.charAt(i - 1)) >= 0) return null;
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000' || c == '(' || c == ')';
            if (space) {
                if (start >= 0) {
                    String word = text.substring(start, i);
                    if (OPERATORS.contains(word)) return null;
                    if (SYNTAX_AT_START.indexOf(word.charAt(0)) >= 0) {
                        if (!LONE_SIGNS.contains(word)) return null;
                    } else {
                        words.add(word);
                    }
                    start = -1;
                }
                continue;
            }
            if (SYNTAX.indexOf(c) >= 0) return null;
            if (start < 0) start = i;
        }
        return words;
    }

    /**
     * A word's clauses as the classic multi-field parser makes them, flattened: for each of its analysed terms in
     * turn, the term in every prose field, weighted by the field's boost. Stop words have none.
     */
    private List<Query> wordClauses(String word) {
        List<Query> clauses = new ArrayList<>();
        for (String term : proseTerms(word)) {
            ranking.fieldBoosts().forEach((field, boost) -> {
                Query q = termQuery.apply(new Term(field, term));
                clauses.add(boost == 1f ? q : new BoostQuery(q, boost));
            });
        }
        return List.copyOf(clauses);
    }

    /** The classic parser's reading of {@code text}, or its words as plain text when it does not parse. */
    Query parsed(String text) {
        var parser = new MultiFieldQueryParser(
                ranking.fieldBoosts().keySet().toArray(String[]::new), analyzer, ranking.fieldBoosts()) {
            @Override
            protected Query newTermQuery(Term term, float boost) {
                Query q = termQuery.apply(term);
                return boost == 1f ? q : new BoostQuery(q, boost);
            }
        };
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(escapeUnknownFields(LONE_SIGN.matcher(text).replaceAll(" ")));
        } catch (ParseException | RuntimeException e) {
            return plainWords(text);
        }
    }

    /** "Masquerading: RTLO" is prose, not a search of a field named "masquerading". */
    static String escapeUnknownFields(String text) {
        Matcher m = FIELD_PREFIX.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    FIELD_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT)) ? m.group() : name + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Builds queries of the analysed words of a text, with the factory's term queries. */
    private QueryBuilder queryBuilder() {
        return new QueryBuilder(analyzer) {
            @Override
            protected Query newTermQuery(Term term, float boost) {
                Query q = termQuery.apply(term);
                return boost == 1f ? q : new BoostQuery(q, boost);
            }
        };
    }

    private Query plainWords(String text) {
        var builder = queryBuilder();
        var query = new BooleanQuery.Builder();
        ranking.fieldBoosts().forEach((field, boost) -> {
            Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
            if (q != null) query.add(new BoostQuery(q, boost), Occur.SHOULD);
        });
        return query.build();
    }

    private Query phraseInEveryField(String phrase) {
        var builder = queryBuilder();
        var query = new BooleanQuery.Builder();
        ranking.fieldBoosts().forEach((field, boost) -> {
            // Slop 1 lets "command and control" match across the gap its removed stop word leaves.
            Query q = builder.createPhraseQuery(field, phrase, 1);
            if (q != null) query.add(new BoostQuery(q, boost), Occur.SHOULD);
        });
        return query.build();
    }

    /** An exact-value term, normalised the way {@link attackkb.index.IndexSchema#analyzer()} indexed it. */
    Query keyword(String field, String value) {
        BytesRef normalized = analyzer.normalize(field, value);
        return termQuery.apply(new Term(field, normalized));
    }
}
