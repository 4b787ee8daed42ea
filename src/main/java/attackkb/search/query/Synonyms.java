package attackkb.search.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The curated security synonyms of {@code synonyms.txt}: groups of words and phrases with one meaning. Given a
 * query, it names the other members of every group the query mentions, so that {@code k8s} also searches for
 * {@code kubernetes} and {@code c2} for {@code command and control}. Expansion happens at query time only, so the
 * list can change without rebuilding the index.
 */
public final class Synonyms {
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}&+-]+");

    private final List<List<String>> groups;
    /** Each group's members between spaces, as they are looked for in a query between spaces. */
    private final List<List<String>> spaced;

    Synonyms(List<List<String>> groups) {
        this.groups = groups;
        this.spaced = groups.stream().map(g -> g.stream().map(m -> " " + m + " ").toList()).toList();
    }

    public static Synonyms load() {
        try (InputStream in = Synonyms.class.getResourceAsStream("/synonyms.txt")) {
            if (in == null) throw new IllegalStateException("synonyms.txt is missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Synonyms parse(String text) {
        List<List<String>> groups = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split(",")).map(Synonyms::normalize).filter(s -> !s.isEmpty()).distinct().toList())
                .filter(group -> group.size() > 1)
                .toList();
        return new Synonyms(groups);
    }

    /** The alternatives to search for besides {@code query}: members of groups it mentions, minus what it says. */
    public List<String> expansions(String query) {
        String words = " " + normalize(query) + " ";
        Set<String> out = new LinkedHashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            List<String> members = spaced.get(g);
            boolean mentioned = false;
            for (int m = 0; m < members.size() && !mentioned; m++) mentioned = words.contains(members.get(m));
            if (!mentioned) continue;
            for (int m = 0; m < members.size(); m++) {
                if (!words.contains(members.get(m))) out.add(groups.get(g).get(m));
            }
        }
        return List.copyOf(out);
    }

    /** Lower case, words separated by single spaces: how both the list and queries are compared. */
    static String normalize(String text) {
        return String.join(" ", WORD_SPLIT.split(text.toLowerCase(Locale.ROOT).strip())).strip();
    }
}
