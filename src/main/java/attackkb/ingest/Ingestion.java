package attackkb.ingest;

import attackkb.BadInputException;
import attackkb.source.ContentSniffer;
import attackkb.source.DataSources;
import attackkb.source.SourceFile;
import attackkb.source.SourceInput;
import attackkb.source.SourceKind;
import attackkb.stix.KnowledgeBaseAssembler;
import attackkb.stix.StixBundleReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the user's sources into a {@link attackkb.model.KnowledgeBase}: resolves them to files, recognises each
 * by its content, streams the STIX bundles through the assembler, and notes every other kind it skips.
 */
public final class Ingestion {
    private final DataSources dataSources;
    private final Consumer<String> log;

    public Ingestion(DataSources dataSources, Consumer<String> log) {
        this.dataSources = dataSources;
        this.log = log;
    }

    public Ingested ingest(List<String> specs) {
        List<SourceFile> files = dataSources.resolve(specs);
        var assembler = new KnowledgeBaseAssembler();
        List<SourceRecord> records = new ArrayList<>();
        for (SourceFile file : files) {
            SourceKind kind = ContentSniffer.sniff(file);
            switch (kind) {
                case STIX_BUNDLE -> records.add(readBundle(file, assembler));
                case UNKNOWN -> throw new BadInputException(file.origin()
                        + ": not a STIX bundle, mapping or OSCAL catalog that attack-kb can read");
                default -> {
                    log.accept("skipping " + file.origin() + ": " + kind.label() + " (not indexed yet)");
                    records.add(new SourceRecord(file.origin(), kind.name().toLowerCase(), null, size(file), 0, false));
                }
            }
        }
        if (records.stream().noneMatch(SourceRecord::used)) {
            throw new BadInputException(String.join(", ", specs) + ": no ATT&CK STIX bundle among the sources");
        }
        return new Ingested(assembler.assemble(), List.copyOf(records));
    }

    private SourceRecord readBundle(SourceFile file, KnowledgeBaseAssembler assembler) {
        long started = System.nanoTime();
        assembler.startBundle();
        try (SourceInput in = SourceInput.open(file)) {
            int objects = StixBundleReader.read(in.content(), file.origin(), assembler);
            String sha256 = in.finishSha256();
            assembler.endBundle();
            log.accept(String.format("read %s: %,d objects in %d ms", file.origin(), objects,
                    (System.nanoTime() - started) / 1_000_000));
            return new SourceRecord(file.origin(), "stix_bundle", sha256, size(file), objects, true);
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
