package attackkb.releases;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every object of one ATT&CK release, all its domains: {@code domains} maps each domain held to the version its
 * bundle declared. Looked up by STIX ID, or by ATT&CK ID (an active object before a revoked one sharing its ID).
 */
public final class ReleaseSnapshot {
    private final String version;
    private final Map<String, String> domains;
    private final List<ObjectState> objects;
    private final Map<String, ObjectState> byStixId = new HashMap<>();
    private final Map<String, ObjectState> byId = new HashMap<>();

    public ReleaseSnapshot(String version, Map<String, String> domains, List<ObjectState> objects) {
        this.version = version;
        this.domains = Collections.unmodifiableMap(new TreeMap<>(domains));
        this.objects = List.copyOf(objects);
        for (ObjectState o : this.objects) {
            byStixId.put(o.stixId(), o);
            if (o.id() != null) byId.merge(key(o.type(), o.id()), o, (a, b) -> a.active() || !b.active() ? a : b);
        }
    }

    private static String key(String type, String id) {
        return type + "/" + id.toUpperCase(java.util.Locale.ROOT);
    }

    public String version() {
        return version;
    }

    public Map<String, String> domains() {
        return domains;
    }

    public List<ObjectState> objects() {
        return objects;
    }

    public ObjectState byStixId(String stixId) {
        return stixId == null ? null : byStixId.get(stixId);
    }

    /** The object of this type with this ATT&CK ID (any case), preferring an active one. */
    public ObjectState byId(String type, String id) {
        return id == null ? null : byId.get(key(type, id));
    }
}
