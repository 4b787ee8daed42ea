package attackkb.web.api;

import attackkb.Json;
import attackkb.releases.Change;
import attackkb.releases.ChangeCategory;
import attackkb.releases.ObjectHistory;
import attackkb.releases.ObjectState;
import attackkb.releases.ReleaseHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code history} object of an ATT&CK object's API answer: the object in each release held that has it (its ID,
 * name, status and version there, and what changed since the release before), its former names and IDs, and when
 * it was revoked or deprecated and by what, or the objects revoked in its favour. Fields that do not apply are left
 * out.
 */
final class HistoryJson {
    private HistoryJson() {}

    /** The history of the object with this STIX ID, or null when no release held has it. */
    static Map<String, Object> of(ReleaseHistory releases, String stixId) {
        if (stixId == null) return null;
        ObjectHistory history = releases.history(stixId);
        if (history.steps().isEmpty()) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("releases", history.steps().stream().map(HistoryJson::step).toList());
        if (!history.formerNames().isEmpty()) out.put("former_names", history.formerNames());
        if (!history.formerIds().isEmpty()) out.put("former_ids", history.formerIds());
        String oldest = releases.versions().get(0);
        since(out, "revoked", history.since("revoked", oldest));
        since(out, "deprecated", history.since("deprecated", oldest));
        ObjectState last = history.last();
        if (last.revoked() && last.successor() != null) {
            out.put("successor", last.successor());
            ObjectState successor = releases.current().byId(last.type(), last.successor());
            if (successor != null) out.put("successor_name", successor.name());
        }
        if (last.active()) {
            List<Map<String, Object>> replaces = releases.replacedBy(last.type(), last.id()).stream().map(old -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", old.id());
                o.put("name", old.name());
                since(o, "revoked", releases.history(old.stixId()).since("revoked", oldest));
                return o;
            }).toList();
            if (!replaces.isEmpty()) out.put("replaces", replaces);
        }
        return out;
    }

    private static void since(Map<String, Object> out, String status, ObjectHistory.Since since) {
        if (since != null) out.put(status + (since.orEarlier() ? "_in_or_before" : "_in"), since.release());
    }

    private static Map<String, Object> step(ObjectHistory.Step step) {
        ObjectState s = step.state();
        Change c = step.change();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("release", step.release());
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("status", s.status());
        if (s.version() != null) out.put("version", s.version());
        out.put("categories", c == null ? List.of() : c.categories().stream().map(ChangeCategory::key).toList());
        if (c == null) return out;
        put(out, "old_id", c.oldId());
        put(out, "old_name", c.oldName());
        if (c.has(ChangeCategory.REVOKED) || c.has(ChangeCategory.SUCCESSOR_CHANGED)) put(out, "successor", c.successor());
        if (c.has(ChangeCategory.SUCCESSOR_CHANGED)) put(out, "old_successor", c.successorBefore());
        if (c.has(ChangeCategory.MOVED) && !java.util.Objects.equals(c.parentBefore(), c.parentAfter())) {
            put(out, "old_parent", c.parentBefore());
            put(out, "parent", c.parentAfter());
        }
        if (c.has(ChangeCategory.MAJOR_VERSION) || c.has(ChangeCategory.MINOR_VERSION)) put(out, "old_version", c.versionBefore());
        if (c.has(ChangeCategory.TACTICS_CHANGED)) {
            List<String> before = c.tacticsBefore().stream().map(t -> t.id()).toList();
            List<String> after = c.tacticsAfter().stream().map(t -> t.id()).toList();
            put(out, "tactics_added", minus(after, before));
            put(out, "tactics_removed", minus(before, after));
        }
        if (c.has(ChangeCategory.PLATFORMS_CHANGED)) {
            put(out, "platforms_added", minus(c.platformsAfter(), c.platformsBefore()));
            put(out, "platforms_removed", minus(c.platformsBefore(), c.platformsAfter()));
        }
        put(out, "mitigations_added", c.mitigationsAdded());
        put(out, "mitigations_dropped", c.mitigationsDropped());
        put(out, "detections_added", c.detectionsAdded());
        put(out, "detections_dropped", c.detectionsDropped());
        return out;
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) return;
        out.put(name, value);
    }

    private static List<String> minus(List<String> a, List<String> b) {
        Set<String> drop = new HashSet<>(b);
        return a.stream().filter(x -> !drop.contains(x)).toList();
    }

    /**
     * {@code record}, a stored JSON object, with {@code "history":…} as its last field: the record's bytes are sent as
     * they are stored, so the field is written after them rather than the record read and written again.
     */
    static byte[] appendTo(byte[] record, Map<String, Object> history) {
        if (history == null) return record;
        int end = record.length - 1;
        while (end > 0 && record[end] != '}') end--;
        try {
            var out = new ByteArrayOutputStream(record.length + 2048);
            out.write(record, 0, end);
            out.write(end > 1 ? ",\"history\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                    : "\"history\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Json.MAPPER.writeValue(out, history);
            out.write('}');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
