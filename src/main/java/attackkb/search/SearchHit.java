package attackkb.search;

import java.util.List;

/**
 * One result. {@code snippet} is HTML: text escaped, matched words in {@code <mark>}. {@code matched} names the
 * fields the query matched ({@code id}, {@code name}, {@code statement}, {@code detection}, …).
 */
public record SearchHit(
        String id,
        String type,
        String name,
        String domain,
        String url,
        List<String> tactics,
        List<String> platforms,
        Parent parent,
        Float score,
        String snippet,
        List<String> matched,
        String framework) {

    public record Parent(String id, String name) {}
}
