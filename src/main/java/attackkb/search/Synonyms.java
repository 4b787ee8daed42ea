package attackkb.search;

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

    Synonyms(List<List<String>> groups) {
        this.groups = groups;
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
        for (List<String> group : groups) {
            boolean mentioned = group.stream().anyMatch(member -> words.contains(" " + member + " "));
            if (!mentioned) continue;
            for (String member : group) {
                if (!words.contains(" " + member + " ")) out.add(member);
            }
        }
        return List.copyOf(out);
    }

    /** Lower case, words separated by single spaces: how both the list and queries are compared. */
    static String normalize(String text) {
        return String.join(" ", WORD_SPLIT.split(text.toLowerCase(Locale.ROOT).strip())).strip();
    }
}
