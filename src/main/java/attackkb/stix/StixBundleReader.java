package attackkb.stix;

import attackkb.BadInputException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the objects of a STIX 2.1 bundle one at a time: only the object being read is in memory, bound
 * straight to a {@link StixObject}, never the bundle as a tree.
 */
public final class StixBundleReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // STIX booleans and lists are sometimes absent or null; absent is what our records expect.
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            // The caller owns the stream: it still hashes what the parser left unread.
            .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

    private StixBundleReader() {}

    /**
     * Reads every object of the bundle in {@code in} into {@code sink}.
     *
     * @param origin how the user named this source, for error messages
     * @return the number of objects read
     * @throws BadInputException if the input is not JSON, is truncated, or is not a STIX bundle
     */
    public static int read(InputStream in, String origin, Consumer<StixObject> sink) throws IOException {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(origin + ": not a STIX bundle (the top level is not a JSON object)");
            }
            String type = null;
            int count = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("type".equals(field)) {
                    type = p.getValueAsString();
                } else if ("objects".equals(field) && value == JsonToken.START_ARRAY) {
                    count = readObjects(p, origin, sink);
                } else {
                    p.skipChildren();
                }
            }
            if (type != null && !"bundle".equals(type)) {
                throw new BadInputException(origin + ": not a STIX bundle (its type is \"" + type + "\")");
            }
            if (count < 0) {
                throw new BadInputException(origin + ": not a STIX bundle (no \"objects\" array)");
            }
            return count;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new BadInputException(origin + ": truncated or malformed JSON" + where + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static int readObjects(JsonParser p, String origin, Consumer<StixObject> sink) throws IOException {
        int count = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            StixObject o = p.readValueAs(StixObject.class);
            if (o.type() == null || o.id() == null) {
                throw new BadInputException(origin + ": object #" + (count + 1) + " has no \"type\" or \"id\"");
            }
            sink.accept(o);
            count++;
        }
        if (t != JsonToken.END_ARRAY) {
            throw new BadInputException(origin + ": \"objects\" holds something other than JSON objects");
        }
        return count;
    }
}
