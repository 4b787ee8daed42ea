package attackkb.search.query;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was made for each word (its terms, its clauses, whether it is known), remembered up to a bound and then
 * forgotten all at once. A search reads it a dozen times, so a read must cost no more than a hash lookup: a
 * Caffeine cache's bookkeeping on every read (its buffers and frequency sketch) does, and the words a generation
 * sees rarely fill the bound anyway.
 * Values must depend on the word alone: two threads may make the same one.
 */
final class WordCache<V> {
    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();
    private final int maxSize;

    WordCache(int maxSize) {
        this.maxSize = maxSize;
    }

    V get(String word, Function<String, V> make) {
        V value = values.get(word);
        if (value != null) return value;
        value = make.apply(word);
        if (values.size() >= maxSize) values.clear();
        values.put(word, value);
        return value;
    }
}
