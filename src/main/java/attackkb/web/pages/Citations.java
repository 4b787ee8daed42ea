package attackkb.web.pages;

import attackkb.model.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbered reference list of one page. ATT&CK texts cite sources by name ({@code (Citation: Name)}); each
 * name gets a number the first time any text on the page cites it, and the page lists the cited sources at the end.
 */
public final class Citations {
    /** A cited source with its number on the page. */
    public record Numbered(int number, String sourceName, String description, String url) {}

    private final Map<String, Numbered> byName = new LinkedHashMap<>();

    /** The number of {@code name}, resolved against {@code references} (the citing text's own list). */
    int number(String name, List<Reference> references) {
        Numbered existing = byName.get(name);
        if (existing != null) return existing.number();
        Reference ref = references.stream().filter(r -> name.equals(r.sourceName())).findFirst().orElse(null);
        var numbered = new Numbered(byName.size() + 1, name, ref == null ? null : ref.description(),
                ref == null ? null : ref.url());
        byName.put(name, numbered);
        return numbered.number();
    }

    public List<Numbered> list() {
        return new ArrayList<>(byName.values());
    }
}
