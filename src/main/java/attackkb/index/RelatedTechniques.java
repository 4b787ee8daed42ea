package attackkb.index;

import attackkb.model.ControlLink;
import attackkb.model.KnowledgeBase;
import attackkb.model.MitigationUse;
import attackkb.model.RelatedTechnique.Reason;
import attackkb.model.RelatedTechnique;
import attackkb.model.Technique;
import attackkb.model.TechniqueRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * For every active technique, the techniques of its domain most like it, computed once when the index is built.
 * Two measures, each a cosine between 0 and 1, averaged: the descriptions' words (TF-IDF over the index's own
 * analysis, so "containers" meets "container"), and what the two share (mitigations, data components, mapped framework
 * entries), each shared thing weighted by how few techniques have it. The technique's parent and sub-techniques are
 * left out: its page lists them already.
 */
public final class RelatedTechniques {
    /** How many related techniques each technique keeps. */
    public static final int KEPT = 10;
    /** Below this, two techniques are not shown as related. */
    static final double MIN_SCORE = 0.05;
    /** Entries of mapped frameworks count less than mitigations and data components: there are many per technique. */
    static final double CONTROL_WEIGHT = 0.5;
    /** The description measure counts as much as the shared-things one. */
    static final double TEXT_WEIGHT = 0.5;
    /** Shown reasons per related technique, most telling first. */
    static final int REASONS = 4;

    /**
     * Words in more than this share of a domain's techniques ("adversaries", "system") say little about likeness
     * and would make up most of the work: they are left out.
     */
    static final double MAX_WORD_SHARE = 0.25;

    private static final Pattern CITATION = Pattern.compile("\\(Citation:[^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");

    private RelatedTechniques() {}

    /** {@code kb} with each active technique's related techniques filled in; deterministic for the same input. */
    public static KnowledgeBase attach(KnowledgeBase kb) {
        Map<String, List<Technique>> byDomain = new TreeMap<>();
        for (Technique t : kb.techniques()) {
            if (t.active() && t.id() != null && !t.domains().isEmpty()) byDomain.computeIfAbsent(t.domains().get(0), k -> new ArrayList<>()).add(t);
        }
        Map<Technique, List<RelatedTechnique>> related = new HashMap<>();
        try (Analyzer analyzer = IndexSchema.analyzer()) {
            for (List<Technique> techniques : byDomain.values()) related.putAll(new Domain(techniques, analyzer).all());
        }
        List<Technique> out = new ArrayList<>(kb.techniques().size());
        for (Technique t : kb.techniques()) out.add(related.containsKey(t) ? t.withRelated(related.get(t)) : t);
        return new KnowledgeBase(kb.attackVersions(), out, kb.tactics(), kb.mitigations(), kb.detections(), kb.actors(),
                kb.controls(), kb.frameworks());
    }

    /** The techniques of one domain as weighted vectors of words and of shared things. */
    private static final class Domain {
        private final List<Technique> techniques;
        private final List<Map<String, Double>> words = new ArrayList<>();
        private final List<Map<Reason, Double>> things = new ArrayList<>();
        /** For each word and each shared thing: the techniques with it, and its weight in each. */
        private final Map<String, Postings> byWord = new HashMap<>();
        private final Map<Reason, Postings> byThing = new HashMap<>();

        Domain(List<Technique> techniques, Analyzer analyzer) {
            this.techniques = techniques;
            List<Map<String, Integer>> counts = new ArrayList<>();
            List<Set<Reason>> owned = new ArrayList<>();
            for (Technique t : techniques) {
                counts.add(termCounts(analyzer, t.name() + ". " + plain(t.description())));
                owned.add(things(t));
            }
            Map<String, Integer> wordDf = new HashMap<>();
            counts.forEach(c -> c.keySet().forEach(w -> wordDf.merge(w, 1, Integer::sum)));
            Map<Reason, Integer> thingDf = new HashMap<>();
            owned.forEach(s -> s.forEach(r -> thingDf.merge(r, 1, Integer::sum)));
            int n = techniques.size();
            for (int i = 0; i < n; i++) {
                Map<String, Double> v = new HashMap<>();
                counts.get(i).forEach((w, tf) -> {
                    if (wordDf.get(w) <= MAX_WORD_SHARE * n) v.put(w, (1 + Math.log(tf)) * Math.log((double) n / wordDf.get(w)));
                });
                words.add(normalized(v));
                Map<Reason, Double> f = new HashMap<>();
                for (Reason r : owned.get(i)) {
                    double weight = Math.log((double) n / thingDf.get(r)) * ("control".equals(r.kind()) ? CONTROL_WEIGHT : 1);
                    if (weight > 0) f.put(r, weight);
                }
                things.add(normalized(f));
                int index = i;
                words.get(i).forEach((w, weight) -> byWord.computeIfAbsent(w, k -> new Postings()).add(index, weight));
                things.get(i).forEach((r, weight) -> byThing.computeIfAbsent(r, k -> new Postings()).add(index, weight));
            }
        }

        Map<Technique, List<RelatedTechnique>> all() {
            Map<Technique, List<RelatedTechnique>> out = new HashMap<>();
            for (int i = 0; i < techniques.size(); i++) out.put(techniques.get(i), of(i));
            return out;
        }

        private List<RelatedTechnique> of(int i) {
            double[] text = new double[techniques.size()];
            double[] shared = new double[techniques.size()];
            words.get(i).forEach((w, weight) -> byWord.get(w).addTo(text, weight));
            things.get(i).forEach((r, weight) -> byThing.get(r).addTo(shared, weight));
            Technique self = techniques.get(i);
            Set<String> family = family(self);
            List<RelatedTechnique> related = new ArrayList<>();
            for (int j = 0; j < techniques.size(); j++) {
                Technique other = techniques.get(j);
                if (j == i || family.contains(other.id())) continue;
                double score = TEXT_WEIGHT * text[j] + (1 - TEXT_WEIGHT) * shared[j];
                if (score < MIN_SCORE) continue;
                related.add(new RelatedTechnique(other.id(), other.name(), Math.round(score * 1000) / 1000.0,
                        reasons(i, j, text[j])));
            }
            related.sort(Comparator.comparingDouble(RelatedTechnique::score).reversed().thenComparing(RelatedTechnique::id));
            return List.copyOf(related.subList(0, Math.min(KEPT, related.size())));
        }

        /** The shared things that weigh most, then "description" when the words are much alike. */
        private List<Reason> reasons(int i, int j, double textScore) {
            Map<Reason, Double> mine = things.get(i);
            Map<Reason, Double> theirs = things.get(j);
            List<Reason> shared = new ArrayList<>();
            for (Reason r : mine.keySet()) if (theirs.containsKey(r)) shared.add(r);
            shared.sort(Comparator.comparingDouble((Reason r) -> -mine.get(r) * theirs.get(r))
                    .thenComparing(Reason::kind).thenComparing(r -> r.id() == null ? r.name() : r.id()));
            List<Reason> out = new ArrayList<>(shared.subList(0, Math.min(REASONS, shared.size())));
            if (textScore >= 0.2) out.add(new Reason("description", null, "similar description", null));
            return List.copyOf(out);
        }
    }

    /** The techniques with one word or thing, and its weight in each. */
    private static final class Postings {
        private int[] techniques = new int[4];
        private double[] weights = new double[4];
        private int size;

        void add(int technique, double weight) {
            if (size == techniques.length) {
                techniques = java.util.Arrays.copyOf(techniques, size * 2);
                weights = java.util.Arrays.copyOf(weights, size * 2);
            }
            techniques[size] = technique;
            weights[size++] = weight;
        }

        /** Adds {@code weight} × each technique's own weight to its sum: one term of the cosines. */
        void addTo(double[] sums, double weight) {
            for (int k = 0; k < size; k++) sums[techniques[k]] += weight * weights[k];
        }
    }

    /** The technique, its parent and its sub-techniques. */
    private static Set<String> family(Technique t) {
        Set<String> ids = new HashSet<>();
        if (t.parent() != null) ids.add(t.parent().id());
        for (TechniqueRef s : t.subtechniques()) ids.add(s.id());
        return ids;
    }

    /** What a technique has that another may share. */
    private static Set<Reason> things(Technique t) {
        Set<Reason> out = new HashSet<>();
        for (MitigationUse m : t.mitigations()) out.add(new Reason("mitigation", m.id(), m.name(), null));
        for (String c : t.dataComponents()) out.add(new Reason("data_component", null, c, null));
        for (ControlLink c : t.controls()) out.add(new Reason("control", c.id(), c.title(), c.framework()));
        return out;
    }

    private static String plain(String markdown) {
        if (markdown == null) return "";
        return LINK.matcher(CITATION.matcher(markdown).replaceAll(" ")).replaceAll("$1");
    }

    private static Map<String, Integer> termCounts(Analyzer analyzer, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(IndexSchema.STATEMENT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) counts.merge(term.toString(), 1, Integer::sum);
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static <K> Map<K, Double> normalized(Map<K, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm == 0) return Map.of();
        Map<K, Double> out = new HashMap<>();
        v.forEach((k, x) -> out.put(k, x / norm));
        return out;
    }
}
