package attackkb.ingest;

import attackkb.BadInputException;
import attackkb.releases.ReleaseOrder;
import attackkb.stix.KnowledgeBaseAssembler;
import attackkb.stix.StixObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The STIX bundles read, grouped by the ATT&CK release each one's collection declares, so that each release stays
 * itself. A bundle is held whole until it ends (its release may be declared after its first objects), then handed to
 * its release's assembler. Two different bundles for one domain of one release are a mistake and stop the build;
 * the same bundle given twice is read once.
 */
final class ReleaseBundles {
    /** A release's bundles, merged; objects in several bundles of one release (software) are kept once. */
    private final Map<String, KnowledgeBaseAssembler> releases = new TreeMap<>(ReleaseOrder.OLDEST_FIRST);
    private final Map<String, Claim> claims = new HashMap<>();
    private final List<String> unversioned = new ArrayList<>();

    private record Claim(String origin, String sha256) {}

    /** Collects one bundle's objects and tells its release and main domain once it has been read. */
    static final class Bundle implements Consumer<StixObject> {
        private final List<StixObject> objects = new ArrayList<>();
        private final Map<String, Integer> domains = new LinkedHashMap<>();
        private String version;

        @Override
        public void accept(StixObject o) {
            if ("x-mitre-collection".equals(o.type())) version = o.xMitreVersion();
            if (o.xMitreDomains() != null && !"relationship".equals(o.type())) {
                o.xMitreDomains().forEach(d -> domains.merge(d, 1, Integer::sum));
            }
            objects.add(o);
        }

        /** The domain most of its objects belong to (software in an Enterprise bundle may also name Mobile). */
        String domain() {
            return domains.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
        }

        String version() {
            return version;
        }
    }

    /** Files a read bundle under its release; false when it is the same bundle as one already read. */
    boolean add(Bundle bundle, String origin, String sha256) {
        String release = bundle.version();
        String claim = bundle.domain() + " " + release;
        Claim first = claims.putIfAbsent(claim, new Claim(origin, sha256));
        if (first != null) {
            if (first.sha256().equals(sha256)) return false;
            throw new BadInputException(origin + " and " + first.origin() + " are two different " + bundle.domain()
                    + " bundles of ATT&CK " + (release == null ? "(no release given)" : release)
                    + ": give one file per domain and release");
        }
        if (release == null) unversioned.add(origin);
        KnowledgeBaseAssembler assembler = releases.computeIfAbsent(release == null ? "unknown" : release,
                r -> new KnowledgeBaseAssembler());
        assembler.startBundle();
        bundle.objects.forEach(assembler);
        assembler.endBundle();
        bundle.objects.clear();
        return true;
    }

    /**
     * The releases read, oldest first; the assembler of each is handed over once, so that its objects can be freed
     * as soon as it has been assembled.
     */
    Map<String, KnowledgeBaseAssembler> releases() {
        if (!unversioned.isEmpty() && releases.size() > 1) {
            throw new BadInputException(unversioned.get(0) + ": its bundle names no ATT&CK release (no x-mitre-collection "
                    + "with x_mitre_version), so it cannot be placed among releases "
                    + String.join(", ", releases.keySet().stream().filter(ReleaseOrder::isRelease).toList()));
        }
        return releases;
    }
}
