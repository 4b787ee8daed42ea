package attackkb.cli;

import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code attack-kb index}: reads the sources and builds a new index, swapped in only when complete. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Build the search index from ATT&CK STIX bundles.",
                "Without --data, downloads the pinned ATT&CK releases of --attack-version (Enterprise, Mobile, ICS),",
                "the framework mappings and the SP 800-53 catalog, each checked against its digest.",
                "A failed build leaves the previous index untouched."})
public final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    IndexLocation location = new IndexLocation();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        IndexStore store = location.store();
        IndexManifest manifest = sources.buildIndex(store, err);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.print(CountsTable.render(manifest));
        String frameworks = CountsTable.frameworks(manifest);
        if (!frameworks.isEmpty()) out.print("\n" + frameworks);
        out.printf(Locale.ROOT, "%,d documents indexed in %.1f s into %s%n", manifest.documents(), seconds,
                store.current());
        out.flush();
        return 0;
    }
}
