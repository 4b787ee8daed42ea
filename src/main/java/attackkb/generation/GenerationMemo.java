package attackkb.generation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values that depend only on one index generation, made on first use and kept as long as it is: summaries that
 * every request would otherwise rebuild from hundreds of records. A key names a value (a constant of its caller).
 */
public final class GenerationMemo {
    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    /**
     * The value of {@code key}, made by {@code compute} the first time. {@code compute} may ask for other values, so
     * it runs outside the map's locks (inside computeIfAbsent, a nested key in the same bin fails with "Recursive
     * update"); two first requests at once may both compute it, and the first stored wins.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            Object first = values.putIfAbsent(key, value);
            if (first != null) value = first;
        }
        return (T) value;
    }
}
