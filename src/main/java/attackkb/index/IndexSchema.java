package attackkb.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/**
 * Every fact about the index's shape in one place: field names, how each is analysed, which are facets, and the
 * schema version recorded in the manifest. Document building and query building both read from here.
 */
public final class IndexSchema {
    /** Bumped whenever a change here makes older indexes unreadable or wrong (or slow); the manifest records it. */
    public static final int VERSION = 10;

    // Exact-match fields: one lower-cased, ASCII-folded token per value, so "T1204.003" and "t1204.003" match.
    public static final String ID = "id";
    public static final String PARENT_ID = "parent_id";
    public static final String REVOKED_BY = "revoked_by";
    public static final String STATUS = "status";
    public static final String NAME_EXACT = "name_exact";
    /** An object's {@link #FORMER_NAMES}, each whole: a query that is one of them, weighted below a current name. */
    public static final String FORMER_NAME_EXACT = "former_name_exact";
    public static final String TYPE = "type";
    public static final String DOMAIN = "domain";
    public static final String PLATFORM = "platform";
    public static final String TACTIC = "tactic";
    public static final String DATA_COMPONENT = "data_component";
    /** Control IDs (AC-4) on techniques and controls; families ("AC Access Control") on both too. */
    public static final String CONTROL = "control";
    public static final String FAMILY = "family";
    /** Mapped frameworks ({@code nist_800_53}, {@code aws}, {@code kev}): of a framework's entries, and of the techniques they map. */
    public static final String FRAMEWORK = "framework";

    // Full-text fields: English prose analysis.
    public static final String NAME = "name";
    public static final String ALIASES = "aliases";
    /**
     * The names an object had in older releases, and those of the objects it replaced: found by them, weighted
     * apart from its current names, and reported as matched so a result can say why it was found.
     */
    public static final String FORMER_NAMES = "former_names";
    /** The description of an object: for a technique, its statement. */
    public static final String STATEMENT = "statement";
    /** Detection strategy names, analytic descriptions, log source names and channels, data components. */
    public static final String DETECTION = "detection";
    /** Mitigation names and their technique-specific guidance. */
    public static final String MITIGATION = "mitigation";
    /** Procedure examples: how groups, software and campaigns used a technique. */
    public static final String PROCEDURES = "procedures";

    /** Doc values of the ID, for listing a selection in ID order when there is no query to rank by. */
    public static final String ID_SORT = "id_sort";
    /** Doc values: the {@link HitRecord} a result shows. */
    public static final String HIT = "hit";
    /**
     * Doc values: the entity's full record as JSON, so detail pages need nothing but the index. Nothing is kept in
     * Lucene's stored fields, which are decompressed a block at a time: a record in doc values is read alone. The
     * records are not compressed either: the index on disk would be smaller, but every build would deflate them and
     * every detail page inflate one.
     */
    public static final String SOURCE = "source";

    /** How much of each prose field is kept for snippets (in {@link SnippetTexts}). */
    public static final int MAX_SNIPPET_SOURCE = 20_000;
    /** How much of a description a hit without a snippet shows. */
    public static final int LEAD_LENGTH = 240;

    /** Facet dimensions, all multi-valued: a technique can sit in several tactics and platforms. */
    public static final List<String> FACETS = List.of(TYPE, DOMAIN, FRAMEWORK, PLATFORM, TACTIC, DATA_COMPONENT, FAMILY, CONTROL);

    public static final List<String> PROSE_FIELDS = List.of(NAME, ALIASES, FORMER_NAMES, STATEMENT, DETECTION, MITIGATION,
            PROCEDURES);

    public static final List<String> KEYWORD_FIELDS =
            List.of(ID, PARENT_ID, REVOKED_BY, STATUS, NAME_EXACT, FORMER_NAME_EXACT, TYPE, DOMAIN, FRAMEWORK, PLATFORM, TACTIC, DATA_COMPONENT, FAMILY,
                    CONTROL);

    /** Prose that snippets are cut from, most telling first. */
    public static final List<String> SNIPPET_FIELDS = List.of(STATEMENT, DETECTION, MITIGATION, PROCEDURES);

    /** Keyword: indexed as one normalised token, no positions or norms. */
    static final FieldType KEYWORD = frozen(tokenized(IndexOptions.DOCS));
    /** Short prose matched but not cut into snippets (names, aliases). */
    static final FieldType TEXT = frozen(tokenized(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS));
    /**
     * Prose shown in snippets: offsets in the postings, from which the build writes {@link SnippetOffsets}, so that
     * snippets are cut without analysing the text again. Serving reads that file, not Lucene's offsets.
     */
    static final FieldType SNIPPET_TEXT = frozen(tokenized(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS));
    /** Prose shown in snippets and gathered from many objects (see {@link #GATHERED_FIELDS}): no length norms. */
    static final FieldType GATHERED_TEXT = frozen(withoutNorms(tokenized(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)));

    /**
     * Prose gathered from many related objects: a technique's procedure examples, its mitigations' guidance, its
     * detection strategies. Their length says how much ATT&CK has documented, not how focused the text is, so
     * they are not length-normalised: a well-documented technique is not pushed down for it. Measured on the
     * relevance sets, this raised MRR@10 a little on both; it also spares the index build the norms of fields that
     * most documents lack.
     */
    static final List<String> GATHERED_FIELDS = List.of(DETECTION, MITIGATION, PROCEDURES);

    /** How a prose field shown in snippets is indexed. */
    static FieldType snippetFieldType(String field) {
        return GATHERED_FIELDS.contains(field) ? GATHERED_TEXT : SNIPPET_TEXT;
    }

    /**
     * The prose fields with length norms, each in every document (empty where the object has no such text): norms
     * kept for every document are read by position, while sparse ones cost a search of a block index for every
     * document scored. An empty field has no terms, so the statistics
     * BM25 scores with (document count, average length) do not change.
     */
    static final Map<String, FieldType> NORMED_FIELDS = orderedMap(NAME, TEXT, ALIASES, TEXT, FORMER_NAMES, TEXT,
            STATEMENT, SNIPPET_TEXT);

    private static Map<String, FieldType> orderedMap(Object... pairs) {
        var map = new java.util.LinkedHashMap<String, FieldType>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (FieldType) pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }

    private IndexSchema() {}

    /** The per-field analyzer documents are indexed with. */
    public static Analyzer indexAnalyzer() {
        return perField(new ProseAnalyzer(true));
    }

    /**
     * The per-field analyzer queries are parsed with: the same chain as {@link #indexAnalyzer()}, except that the
     * query's words are split into their parts without keeping the whole (see {@link ProseAnalyzer}).
     */
    public static Analyzer analyzer() {
        return perField(new ProseAnalyzer(false));
    }

    private static Analyzer perField(Analyzer prose) {
        Analyzer keyword = new KeywordAnalyzer();
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        KEYWORD_FIELDS.forEach(f -> perField.put(f, keyword));
        return new PerFieldAnalyzerWrapper(prose, perField);
    }

    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        FACETS.forEach(dim -> config.setMultiValued(dim, true));
        return config;
    }

    private static FieldType tokenized(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(options);
        type.setOmitNorms(options == IndexOptions.DOCS);
        return type;
    }

    private static FieldType withoutNorms(FieldType type) {
        type.setOmitNorms(true);
        return type;
    }

    private static FieldType frozen(FieldType type) {
        type.freeze();
        return type;
    }

    /**
     * English prose: dots and colons become spaces first, so "lsass.exe" and "docker:daemon" also match "lsass" and
     * "daemon" (see {@link WordSeparatorCharFilter}); words are also split into their parts, keeping the whole
     * ("ListCronjobs" matches "list" and "cronjobs", "Win32_PnPEntity" matches "entity"); then possessives, lower case,
     * ASCII folding, stop words and Porter stemming ("images" finds "image").
     */
    static final class ProseAnalyzer extends Analyzer {
        /** Word parts: split on case changes and inner punctuation ("ListCronjobs", "Win32_PnPEntity"). */
        private static final int WORD_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;

        private final boolean forIndexing;

        ProseAnalyzer(boolean forIndexing) {
            this.forIndexing = forIndexing;
        }

        @Override
        protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
            return new WordSeparatorCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, englishWords(wordParts(source, forIndexing)));
        }

        /**
         * Splits words into their parts. The index keeps each whole word beside its parts, so "PowerShell" matches
         * "powershell" as well as "power shell"; a query is split into parts only, which the index then always has.
         * <p>
         * No FlattenGraphFilter follows at index time, although Lucene's javadoc asks for one: with these flags (parts
         * and the original, no catenation) the graph comes out flat already, so flattening changes no term and no
         * position, only the offsets of a whole word that starts or ends with a delimiter ("_ssh"), and it would slow
         * every index build. IndexAnalysisTest holds the equivalence.
         */
        static TokenStream wordParts(TokenStream words, boolean forIndexing) {
            int flags = forIndexing ? WORD_PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL : WORD_PARTS;
            return new WordDelimiterGraphFilter(words, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, flags, null);
        }

        /** Possessives, lower case, ASCII folding, stop words and Porter stems. */
        static TokenStream englishWords(TokenStream words) {
            TokenStream stream = new EnglishPossessiveFilter(words);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new PorterStemFilter(stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** Identifiers and exact values: the whole value as one token, lower-cased and ASCII-folded. */
    static final class KeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
