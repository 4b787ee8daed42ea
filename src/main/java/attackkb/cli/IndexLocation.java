package attackkb.cli;

import attackkb.index.IndexStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index} option, shared by every command that reads or writes the index. */
public final class IndexLocation {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:ATTACK_KB_INDEX:-index}",
            description = "Index folder (env ATTACK_KB_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;

    public IndexStore store() {
        return new IndexStore(index);
    }
}
