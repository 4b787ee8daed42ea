package attackkb.bench;

import attackkb.Json;
import attackkb.search.SearchHit;
import attackkb.search.SearchRequest;
import attackkb.search.SearchService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures ranking against a judged query set: one JSON object a line, {@code query} and the {@code relevant}
 * technique IDs. Every query goes through the same public search path a user's does (techniques only, first ten
 * hits); nothing here knows any query in advance.
 *
 * <p>Strict scoring counts only the exact IDs judged relevant. Lenient scoring also credits a hit in the same
 * technique family (the parent for a sub-technique, or a sibling), to show how near the misses are.
 */
public final class RelevanceHarness {
    /** One judged query. */
    public record Judgement(String query, List<String> relevant) {}

    /** Scores over a query set. */
    public record Metrics(int queries, double recallAt1, double recallAt10, double mrrAt10) {
        public String format(String label) {
            return String.format(Locale.ROOT, "%-8s queries=%d  Recall@1=%.3f  Recall@10=%.3f  MRR@10=%.3f",
                    label, queries, recallAt1, recallAt10, mrrAt10);
        }
    }

    /** A query whose relevant techniques are all missing from the first ten hits. */
    public record Miss(String query, List<String> relevant, List<String> top) {}

    private RelevanceHarness() {}

    public static List<Judgement> read(Path jsonl) throws IOException {
        List<Judgement> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) continue;
            JsonNode node = Json.MAPPER.readTree(line);
            List<String> relevant = new ArrayList<>();
            node.get("relevant").forEach(n -> relevant.add(n.asText()));
            out.add(new Judgement(node.get("query").asText(), List.copyOf(relevant)));
        }
        return out;
    }

    public static List<String> top10(SearchService search, String query) {
        var request = new SearchRequest(query, List.of(), List.of(), List.of(), List.of(), List.of("technique"), 10, 0);
        return search.search(request).hits().stream().map(SearchHit::id).toList();
    }

    public static Metrics evaluate(SearchService search, List<Judgement> judgements, boolean strict, List<Miss> misses) {
        double r1 = 0;
        double r10 = 0;
        double mrr = 0;
        for (Judgement j : judgements) {
            List<String> top = top10(search, j.query());
            int found = 0;
            int firstRank = 0;
            for (String relevant : j.relevant()) {
                for (int i = 0; i < top.size(); i++) {
                    if (matches(top.get(i), relevant, strict)) {
                        found++;
                        if (firstRank == 0 || i + 1 < firstRank) firstRank = i + 1;
                        break;
                    }
                }
            }
            r10 += (double) found / j.relevant().size();
            r1 += !top.isEmpty() && j.relevant().stream().anyMatch(r -> matches(top.get(0), r, strict)) ? 1.0 / 1 : 0;
            mrr += firstRank == 0 ? 0 : 1.0 / firstRank;
            if (found == 0 && misses != null) misses.add(new Miss(j.query(), j.relevant(), top));
        }
        int n = judgements.size();
        return new Metrics(n, r1 / n, r10 / n, mrr / n);
    }

    private static boolean matches(String hit, String relevant, boolean strict) {
        if (hit.equals(relevant)) return true;
        return !strict && family(hit).equals(family(relevant));
    }

    private static String family(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }
}
