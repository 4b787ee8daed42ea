package attackkb.serving;

import attackkb.index.IndexManifest;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The release one request searches: the current one, or an older one held open for the request. Closing it lets go
 * of an older release (the current one is the served generation's, held by the request already).
 */
public final class SearchedRelease implements AutoCloseable {
    private final String version;
    private final boolean older;
    private final SearchResponses responses;
    private final IndexManifest manifest;
    private final Map<String, String> tacticNames;
    private final Runnable letGo;
    private final IntSupplier references;
    private boolean closed;

    SearchedRelease(String version, boolean older, SearchResponses responses, IndexManifest manifest,
            Map<String, String> tacticNames, Runnable letGo, IntSupplier references) {
        this.version = version;
        this.older = older;
        this.responses = responses;
        this.manifest = manifest;
        this.tacticNames = tacticNames;
        this.letGo = letGo;
        this.references = references;
    }

    /** The release, e.g. {@code 16.1}; null for the current release of an index that does not record it. */
    public String version() {
        return version;
    }

    /** Whether this is an older release than the current one. */
    public boolean older() {
        return older;
    }

    public SearchResponses responses() {
        return responses;
    }

    /** What its index holds: the ATT&CK version of each domain, counts. */
    public IndexManifest manifest() {
        return manifest;
    }

    /** Tactic shortnames to names as this release has them, for the tags of its hits. */
    public Map<String, String> tacticNames() {
        return tacticNames;
    }

    /** The references to the index searched (0 once it is closed), for tests; -1 for the current release. */
    int references() {
        return references.getAsInt();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        letGo.run();
    }
}
