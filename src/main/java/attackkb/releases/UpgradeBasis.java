package attackkb.releases;

import attackkb.BadInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release an input to {@link LayerUpgrade} was made for: {@code declared} as the user gave it ({@code from}) or
 * the layer says it ({@code source} "from" or "layer"; both null when neither says), and {@code then}, the held
 * release it is compared with (the same, else the newest of its major), null when none is held. {@code notes} say
 * what cannot be told for want of it.
 */
record UpgradeBasis(String declared, String source, ReleaseSnapshot then, List<String> notes) {
    private static final Pattern RELEASE = Pattern.compile("(?i)(?:att&?ck\\s*)?v?(\\d{1,3}(?:\\.\\d{1,3})?)");

    /**
     * The basis of a layer ({@code layer} null for a list of IDs), {@code from} over what the layer says.
     *
     * @throws BadInputException when {@code from} is not a release, or it or the layer's is newer than the current one
     */
    static UpgradeBasis of(ReleaseHistory history, String from, ObjectNode layer) {
        String current = history.current().version();
        List<String> notes = new ArrayList<>();
        if (from != null && !from.isBlank()) {
            String release = release(from);
            if (release == null) {
                throw new BadInputException("from must be an ATT&CK release such as 16 or 16.1, got \""
                        + LayerUpgrade.shorten(from.strip()) + "\"");
            }
            if (newer(release, current)) {
                throw new BadInputException("from: ATT&CK " + release + " is newer than " + current + ", the current release here");
            }
            return held(history, release, "from", notes);
        }
        if (layer == null) {
            notes.add("A list of IDs does not say which ATT&CK release it was written for: revocations are resolved "
                    + "from " + current + ", but renames cannot be told. Give the release (from) to see them.");
            return new UpgradeBasis(null, null, null, notes);
        }
        JsonNode versions = layer.path("versions");
        JsonNode attack = versions.path("attack");
        if (attack.isTextual() || attack.isNumber()) {
            String release = release(attack.asText());
            if (release == null) {
                notes.add("The layer's ATT&CK release \"" + LayerUpgrade.shorten(attack.asText()) + "\" is not a release "
                        + "number: revocations are resolved from " + current + ", but renames and tactic changes cannot be told.");
                return new UpgradeBasis(null, null, null, notes);
            }
            if (newer(release, current)) {
                throw new BadInputException("the layer is for ATT&CK " + release + ", newer than " + current
                        + ", the current release here: there is nothing to upgrade it to");
            }
            return held(history, release, "layer", notes);
        }
        JsonNode format = layer.path("version");
        if (!versions.isObject() && (format.isTextual() || format.isNumber())) {
            String release = release(format.asText());
            // "version" was the layer format's (2.x, 3.0) before format 4.0 named the ATT&CK release in "versions".
            if (release != null && Integer.parseInt(ReleaseOrder.major(release)) >= 5 && !newer(release, current)) {
                return held(history, release, "layer", notes);
            }
            notes.add("Layer format " + LayerUpgrade.shorten(format.asText()) + " does not record its ATT&CK release: "
                    + "revocations are resolved from " + current + ", but renames and tactic changes cannot be told. Give "
                    + "the release (from) to see them.");
            return new UpgradeBasis(null, null, null, notes);
        }
        notes.add("The layer does not say which ATT&CK release it was made for: revocations are resolved from "
                + current + ", but renames and tactic changes cannot be told. Give the release (from) to see them.");
        return new UpgradeBasis(null, null, null, notes);
    }

    /** The held release a layer for {@code release} is compared with: the same one, else the newest of its major. */
    private static UpgradeBasis held(ReleaseHistory history, String release, String source, List<String> notes) {
        ReleaseSnapshot then = history.release(release).orElse(null);
        if (then == null) {
            String major = ReleaseOrder.major(release);
            then = history.releases().stream().filter(r -> major.equals(ReleaseOrder.major(r.version())))
                    .reduce((a, b) -> b).orElse(null);
        }
        if (then == null) {
            String current = history.current().version();
            notes.add("ATT&CK " + release + " is not held here (releases held: " + String.join(", ", history.versions())
                    + "): revocations are resolved from " + current + ", but renames and tactic changes since "
                    + release + " cannot be told.");
        }
        return new UpgradeBasis(release, source, then, notes);
    }

    private static boolean newer(String release, String current) {
        return ReleaseOrder.isRelease(current) && ReleaseOrder.OLDEST_FIRST.compare(release, current) > 0;
    }

    /** "16", "16.1", "v16", "ATT&CK 16" as a release number, or null. */
    static String release(String written) {
        Matcher m = RELEASE.matcher(written.strip());
        return m.matches() ? m.group(1) : null;
    }
}
