package attackkb.search.query;

import static attackkb.index.IndexSchema.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs of relevance, in one place, so the relevance harness can compare settings without touching code.
 *
 * @param fieldBoosts weight of a match in each prose field: a word in a name says more about what a technique is
 *     than the same word in a procedure example
 * @param exactNameBoost a query that is an object's whole name, or one of its aliases
 * @param formerNameBoost a query that is one of an object's former names: below a current name, so that the object
 *     that has a name now comes before the one that had it
 * @param synonymWeight a curated synonym of a query word, relative to the word itself
 * @param fuzzyWeight a correction of a word found nowhere in the index, relative to an exact word
 * @param prefixWeight a completion of the last word, still being typed, relative to an exact word; above
 *     {@code fuzzyWeight}, so "powersh" finds PowerShell before anything spelt like it
 */
public record Ranking(
        Map<String, Float> fieldBoosts,
        float exactNameBoost,
        float formerNameBoost,
        float synonymWeight,
        float fuzzyWeight,
        float prefixWeight) {

    /**
     * Tuned with the relevance harness (see README): the prose fields count about equally, each query word's
     * scores in every field add up, and a word in the mitigation text counts half, a procedure example three
     * quarters. Boosting names over statements made results worse: a technique's name is short and generic, and
     * the words people search with are in its description and its detections. A word of a former name counts as
     * much (a field of its own, so its rarity is its own), and a query that is a whole former name half what a whole
     * current name does.
     */
    public static final Ranking DEFAULT = new Ranking(boosts(1f, 1f, 1f, 1f, 1f, 0.5f, 0.75f), 20f, 10f, 0.6f, 0.5f,
            0.8f);

    /** Boosts kept in {@link attackkb.index.IndexSchema#PROSE_FIELDS} order, so every JVM builds the same query. */
    public Ranking {
        Map<String, Float> ordered = new LinkedHashMap<>();
        for (String field : PROSE_FIELDS) {
            if (fieldBoosts.containsKey(field)) ordered.put(field, fieldBoosts.get(field));
        }
        if (ordered.size() != fieldBoosts.size()) {
            throw new IllegalArgumentException("boosts for fields that are not prose fields: " + fieldBoosts.keySet());
        }
        fieldBoosts = Collections.unmodifiableMap(ordered);
    }

    /** Boosts in {@link attackkb.index.IndexSchema#PROSE_FIELDS} order. */
    public static Map<String, Float> boosts(float name, float aliases, float formerNames, float statement, float detection,
            float mitigation, float procedures) {
        Map<String, Float> map = new LinkedHashMap<>();
        map.put(NAME, name);
        map.put(ALIASES, aliases);
        map.put(FORMER_NAMES, formerNames);
        map.put(STATEMENT, statement);
        map.put(DETECTION, detection);
        map.put(MITIGATION, mitigation);
        map.put(PROCEDURES, procedures);
        return map;
    }
}
