package attackkb.ingest;

import attackkb.model.KnowledgeBase;
import attackkb.releases.ReleaseSnapshot;
import java.io.IOException;

/**
 * What becomes of each older release once it is assembled, before its objects are let go: holding every release's
 * objects until the end would take several times the memory of one.
 */
@FunctionalInterface
public interface OlderReleases {
    /** Nothing: an older release is kept as its snapshot only. */
    OlderReleases NONE = (version, kb, current) -> {};

    /** Takes older release {@code version}; {@code current} is the current release's snapshot. */
    void accept(String version, KnowledgeBase kb, ReleaseSnapshot current) throws IOException;
}
