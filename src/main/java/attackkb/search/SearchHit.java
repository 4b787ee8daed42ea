package attackkb.search;

import attackkb.index.HitRecord;
import java.util.List;

/**
 * One result. {@code snippet} is HTML: text escaped, matched words in {@code <mark>}. {@code matched} names the
 * fields the query matched ({@code id}, {@code name}, {@code statement}, {@code detection}, …), and
 * {@code former_names} when it matched one of {@code formerNames}: the names the object had in older releases, or
 * those of the objects it replaced (null when none). A hit of an older release has that release's ID, name and text;
 * {@code current} says what became of it in the current release, and {@code url} is the current object's page (none
 * when the object is no longer there).
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
        List<String> formerNames,
        Float score,
        String snippet,
        List<String> matched,
        String framework,
        HitRecord.Current current) {

    /** A hit of the current release. */
    public SearchHit(String id, String type, String name, String domain, String url, List<String> tactics,
            List<String> platforms, Parent parent, List<String> formerNames, Float score, String snippet,
            List<String> matched, String framework) {
        this(id, type, name, domain, url, tactics, platforms, parent, formerNames, score, snippet, matched, framework, null);
    }

    public record Parent(String id, String name) {}
}
