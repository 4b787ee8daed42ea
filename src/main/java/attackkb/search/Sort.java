package attackkb.search;

import attackkb.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** How a page of results is ordered: by relevance to the words (an ID order without words), by ID, or by name. */
public enum Sort {
    RELEVANCE, ID, NAME;

    /** The API's and the page's name: {@code relevance}, {@code id}, {@code name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} or blank is relevance; anything unknown is a clear error. */
    public static Sort of(String key) {
        if (key == null || key.isBlank()) return RELEVANCE;
        return Arrays.stream(values()).filter(s -> s.key().equalsIgnoreCase(key.strip())).findFirst()
                .orElseThrow(() -> new BadInputException("sort must be relevance, id or name, got \"" + key + "\""));
    }
}
