package attackkb.ingest;

import attackkb.BadInputException;
import attackkb.mapping.ControlLinker;
import attackkb.mapping.ControlSources;
import attackkb.mapping.MappingReport;
import attackkb.source.ContentSniffer;
import attackkb.source.DataSources;
import attackkb.source.SourceFile;
import attackkb.source.SourceInput;
import attackkb.source.SourceKind;
import attackkb.model.KnowledgeBase;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseSnapshot;
import attackkb.releases.Snapshots;
import attackkb.stix.KnowledgeBaseAssembler;
import attackkb.stix.StixBundleReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the user's sources into a {@link attackkb.model.KnowledgeBase}: resolves them to files, recognises each
 * by its content, streams the STIX bundles through the assembler, reads control mappings, descriptions and
 * catalogs, and links the controls to the techniques.
 */
public final class Ingestion {
    private final DataSources dataSources;
    private final Consumer<String> log;
    private final OlderReleases older;

    public Ingestion(DataSources dataSources, Consumer<String> log) {
        this(dataSources, log, OlderReleases.NONE);
    }

    /** @param older what becomes of each release older than the current one, handed over as soon as it is assembled */
    public Ingestion(DataSources dataSources, Consumer<String> log, OlderReleases older) {
        this.dataSources = dataSources;
        this.log = log;
        this.older = older;
    }

    public Ingested ingest(List<String> specs) {
        List<SourceFile> files = dataSources.resolve(specs);
        var bundles = new ReleaseBundles();
        var controls = new ControlSources();
        List<SourceRecord> records = new ArrayList<>();
        for (SourceFile file : files) {
            SourceKind kind = ContentSniffer.sniff(file);
            switch (kind) {
                case STIX_BUNDLE -> records.add(readBundle(file, bundles));
                case UNKNOWN -> throw new BadInputException(file.origin()
                        + ": not a STIX bundle, mapping or OSCAL catalog that attack-kb can read");
                default -> records.add(readControls(file, kind, controls));
            }
        }
        if (records.stream().noneMatch(r -> r.kind().equals(SourceKind.STIX_BUNDLE.key()))) {
            throw new BadInputException(String.join(", ", specs) + ": no ATT&CK STIX bundle among the sources");
        }
        long linking = System.nanoTime();
        Assembled assembled = assembleReleases(bundles);
        ReleaseHistory releases = assembled.releases();
        // Judged even when one release is held: a revocation or deprecation shows in the current release alone.
        var linked = ControlLinker.link(assembled.current(), controls, releases::freshness);
        log.accept(String.format("linked techniques, tactics, mitigations, detections and procedures in %d ms",
                (System.nanoTime() - linking) / 1_000_000));
        for (MappingReport r : linked.reports()) {
            log.accept(String.format("mapped %s %s (ATT&CK %s): %,d rows, %,d linked (%,d through revoked techniques), "
                    + "%,d non-mappable, %,d incomplete or not linkable, %,d to techniques that no longer exist",
                    r.framework(), r.revision(), r.attackVersion(), r.rows(), r.mapped(), r.followedRevoked(),
                    r.nonMappable(), r.incomplete(), r.unresolved()));
        }
        return new Ingested(linked.knowledgeBase(), List.copyOf(records), linked.reports(), releases);
    }

    /** The current release, linked, and every release's snapshot. */
    private record Assembled(KnowledgeBase current, ReleaseHistory releases) {}

    /**
     * Assembles each release, the current one (the newest) first: each older one is then handed to {@link #older}
     * with it, so that it can say what became of its objects, and kept only as its snapshot from then on.
     */
    private Assembled assembleReleases(ReleaseBundles bundles) {
        Map<String, KnowledgeBaseAssembler> releases = bundles.releases();
        var versions = new ArrayList<>(releases.keySet());
        String newest = versions.remove(versions.size() - 1);
        KnowledgeBase current = releases.get(newest).assemble();
        releases.put(newest, null); // its raw objects can go
        ReleaseSnapshot currentSnapshot = Snapshots.of(newest, current);
        List<ReleaseSnapshot> snapshots = new ArrayList<>();
        for (String version : versions) {
            long started = System.nanoTime();
            KnowledgeBase kb = releases.get(version).assemble();
            releases.put(version, null);
            ReleaseSnapshot snapshot = Snapshots.of(version, kb);
            snapshots.add(snapshot);
            log.accept(String.format("kept ATT&CK %s (%s): %,d objects in %d ms", version,
                    String.join(", ", new TreeMap<>(kb.attackVersions()).keySet()), snapshot.objects().size(),
                    (System.nanoTime() - started) / 1_000_000));
            try {
                older.accept(version, kb, currentSnapshot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        snapshots.add(currentSnapshot);
        if (!versions.isEmpty()) {
            log.accept("current release: ATT&CK " + newest + "; also held: " + String.join(", ", versions));
        }
        return new Assembled(current, new ReleaseHistory(snapshots));
    }

    private SourceRecord readControls(SourceFile file, SourceKind kind, ControlSources controls) {
        try (SourceInput in = SourceInput.open(file)) {
            int items = switch (kind) {
                case CONTROL_MAPPING -> controls.readMapping(in.content(), file.origin());
                case CONTROL_DESCRIPTIONS -> controls.readDescriptions(in.content());
                case OSCAL_CATALOG -> controls.readCatalog(in.content());
                default -> throw new IllegalStateException(kind.name());
            };
            String sha256 = in.finishSha256();
            log.accept(String.format("read %s: %s, %,d entries", file.origin(), kind.label(), items));
            return new SourceRecord(file.origin(), kind.key(), sha256, size(file), items);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file.origin() + ": truncated or malformed JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new BadInputException(file.origin() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private SourceRecord readBundle(SourceFile file, ReleaseBundles bundles) {
        long started = System.nanoTime();
        try (SourceInput in = SourceInput.open(file)) {
            var bundle = new ReleaseBundles.Bundle();
            int objects = StixBundleReader.read(in.content(), file.origin(), bundle);
            String sha256 = in.finishSha256();
            String release = bundle.version() == null ? "no release given" : "ATT&CK " + bundle.version();
            if (bundles.add(bundle, file.origin(), sha256)) {
                log.accept(String.format("read %s: %s %s, %,d objects in %d ms", file.origin(), bundle.domain(),
                        release, objects, (System.nanoTime() - started) / 1_000_000));
            } else {
                log.accept(String.format("read %s: the same %s %s bundle as one read before; kept once",
                        file.origin(), bundle.domain(), release));
            }
            return new SourceRecord(file.origin(), SourceKind.STIX_BUNDLE.key(), sha256, size(file), objects);
        } catch (IOException e) {
            throw new BadInputException(file.origin() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static long size(SourceFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            return -1;
        }
    }
}
