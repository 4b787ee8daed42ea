package attackkb.cli;

import attackkb.Json;
import attackkb.generation.IndexGeneration;
import attackkb.index.HitRecord;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.search.SearchHit;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import attackkb.search.Sort;
import attackkb.serving.ServedGeneration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attack-kb search}: ranked results in the terminal, or the same result as JSON. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the index.",
                "QUERY accepts phrases (\"container image\"), field:term (name:, statement:, detection:,",
                "mitigation:, platform:, tactic:, type:, domain:, id:), AND/OR/NOT and -term; an ID such as",
                "T1204.003 or DET0248 finds that object first."})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexLocation location = new IndexLocation();

    @Option(names = "--platform", paramLabel = "P", description = "Only this platform (repeatable, OR-ed), e.g. Containers.")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--tactic", paramLabel = "T", description = "Only this tactic shortname (repeatable, OR-ed), e.g. execution.")
    List<String> tactics = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only this type (repeatable): technique, tactic, mitigation, detection, group, software, campaign.")
    List<String> types = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "D", description = "Only this domain (repeatable), e.g. enterprise-attack.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--framework", paramLabel = "KEY",
            description = "Only entries of this mapped framework and techniques mapped to it (repeatable), e.g. aws, kev.")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--family", paramLabel = "F",
            description = "Only techniques mapped to this SP 800-53 family (repeatable), e.g. \"AC Access Control\".")
    List<String> families = new ArrayList<>();

    @Option(names = "--control", paramLabel = "C", description = "Only techniques mapped to this framework entry (repeatable), e.g. AC-4, aws_config, CVE-2021-44228.")
    List<String> controls = new ArrayList<>();

    @Option(names = "--release", paramLabel = "VERSION",
            description = "Search this older ATT&CK release the index holds, e.g. 16.1: its names and text, each hit "
                    + "with what became of it (default: the current release).")
    String release;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Number of results, 1 to " + SearchRequest.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the result as JSON, as the HTTP API does.")
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to search for; empty lists the selection.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var request = new SearchRequest(String.join(" ", words), platforms, tactics, List.of(), domains, types, frameworks,
                families, controls, limit, 0, Sort.RELEVANCE, release);
        SearchResult result;
        String current;
        try (IndexGeneration index = open(location.store(), request.release())) {
            result = new SearchService(index).search(request);
            current = release(location.store().manifest());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } else {
            printText(out, result, current, System.console() != null);
        }
        out.flush();
        return 0;
    }

    /** The index of {@code release}: the generation's own for the current release (or none given), else the older one's. */
    private static IndexGeneration open(IndexStore store, String release) {
        String current = release(store.manifest());
        if (release == null || release.equals(current)) return IndexGeneration.open(store);
        Path generation = store.current();
        List<String> releases = store.manifest().releases() == null ? List.of() : store.manifest().releases();
        if (!IndexGeneration.holdsOlderRelease(generation, release)) {
            List<String> searchable = new ArrayList<>(releases.stream().filter(v -> !v.equals(current))
                    .filter(v -> IndexGeneration.holdsOlderRelease(generation, v)).toList());
            if (current != null) searchable.add(current);
            throw ServedGeneration.notHeld(release, searchable, current);
        }
        return IndexGeneration.openOlderRelease(generation, release);
    }

    /** The current release of an index, or null when its manifest does not say. */
    private static String release(IndexManifest manifest) {
        List<String> releases = manifest.releases();
        return releases == null || releases.isEmpty() ? null : releases.get(releases.size() - 1);
    }

    private static void printText(PrintWriter out, SearchResult result, String current, boolean terminal) {
        if (result.hits().isEmpty()) {
            out.println("No results. Try fewer or other words, or drop a filter.");
            return;
        }
        int rank = 1;
        for (SearchHit hit : result.hits()) {
            String where = String.join(", ", hit.tactics());
            String platforms = String.join(", ", hit.platforms());
            out.printf(Locale.ROOT, "%2d. %-10s %s%s%n", rank++, hit.id(), hit.name(),
                    hit.parent() == null ? "" : "  (" + hit.parent().name() + ")");
            String facts = String.join("  ", List.of(hit.type(), where, platforms).stream().filter(s -> !s.isEmpty()).toList());
            out.println("    " + facts);
            if (hit.current() != null) {
                String now = now(hit.current(), hit, current);
                if (now != null) out.println("    " + now);
            }
            if (hit.snippet() != null && !hit.snippet().isEmpty()) out.println("    " + TerminalText.of(hit.snippet(), terminal));
        }
        out.printf(Locale.ROOT, "%d of %,d results in %.1f ms%s%n", result.hits().size(), result.total(), result.tookMs(),
                result.release() == null ? "" : " (ATT&CK " + result.release() + ")");
    }

    /** What became of an older release's hit in the current release, or null when it is the same. */
    private static String now(HitRecord.Current now, SearchHit hit, String current) {
        String in = " in ATT&CK " + current;
        return switch (now.status()) {
            case HitRecord.Current.REMOVED -> "no longer" + in;
            case "revoked" -> "revoked" + in + (now.successor() == null ? "" : ": replaced by " + now.successor() + " "
                    + now.successorName());
            case "deprecated" -> "deprecated" + in;
            default -> now.id().equals(hit.id()) && now.name().equals(hit.name()) ? null
                    : "now " + now.id() + " " + now.name() + in;
        };
    }
}
