package attackkb.source;

import attackkb.BadInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Tells what a JSON source holds from its first top-level keys, reading as little of it as it can: the
 * distinguishing key is the first one in every format we know, so a 50 MB bundle is recognised after a few
 * bytes. A file with none of those keys is read to its end (its top-level values skipped, not parsed into
 * memory) before it is called unknown.
 */
public final class ContentSniffer {
    private static final JsonFactory JSON = new JsonFactory();

    private ContentSniffer() {}

    public static SourceKind sniff(SourceFile file) {
        try (SourceInput in = SourceInput.open(file); JsonParser p = JSON.createParser(in.content())) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) return sniffArray(p);
            if (first != JsonToken.START_OBJECT) return SourceKind.UNKNOWN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "type" -> {
                        return "bundle".equals(p.getValueAsString()) ? SourceKind.STIX_BUNDLE : SourceKind.UNKNOWN;
                    }
                    case "objects" -> {
                        return SourceKind.STIX_BUNDLE;
                    }
                    case "mapping_objects" -> {
                        return SourceKind.CONTROL_MAPPING;
                    }
                    case "catalog" -> {
                        return SourceKind.OSCAL_CATALOG;
                    }
                    default -> p.skipChildren();
                }
            }
            return SourceKind.UNKNOWN;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file.origin() + ": not JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("parse error") + ")", e);
        } catch (IOException e) {
            throw new BadInputException(file.origin() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The control-descriptions file is a top-level array of {@code {"id", "description"}} objects. */
    private static SourceKind sniffArray(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return SourceKind.UNKNOWN;
        boolean id = false;
        boolean description = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            id |= "id".equals(field);
            description |= "description".equals(field);
            p.nextToken();
            p.skipChildren();
        }
        return id && description ? SourceKind.CONTROL_DESCRIPTIONS : SourceKind.UNKNOWN;
    }
}
