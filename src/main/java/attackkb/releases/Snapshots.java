package attackkb.releases;

import attackkb.model.Actor;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.KnowledgeBase;
import attackkb.model.Mitigation;
import attackkb.model.MitigationUse;
import attackkb.model.Tactic;
import attackkb.model.Technique;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Takes the snapshot of one release from its linked knowledge base. */
public final class Snapshots {
    private Snapshots() {}

    public static ReleaseSnapshot of(String version, KnowledgeBase kb) {
        List<ObjectState> objects = new ArrayList<>();
        for (Technique t : kb.techniques()) {
            if (t.id() == null) continue;
            List<String> detections = new ArrayList<>(t.detections().stream().map(DetectionStrategy::id)
                    .filter(Objects::nonNull).toList());
            // Before detection strategies (ATT&CK 18), techniques were detected by data components.
            t.dataComponents().forEach(c -> detections.add("DC: " + c));
            objects.add(new ObjectState(t.id(), t.stixId(), EntityType.TECHNIQUE.key(), t.name(), t.status().key(),
                    t.revokedBy(), t.domains(), t.tactics(), t.platforms(), t.parent() == null ? null : t.parent().id(),
                    t.version(), t.modified(), sorted(t.mitigations().stream().map(MitigationUse::id).toList()),
                    sorted(detections), t.description()));
        }
        for (Tactic t : kb.tactics()) {
            if (t.id() == null) continue;
            objects.add(new ObjectState(t.id(), t.stixId(), EntityType.TACTIC.key(), t.name(), "active", null,
                    t.domain() == null ? List.of() : List.of(t.domain()), List.of(), List.of(), null, t.version(),
                    t.modified(), List.of(), List.of(), t.description()));
        }
        for (Mitigation m : kb.mitigations()) {
            if (m.id() == null) continue;
            objects.add(new ObjectState(m.id(), m.stixId(), EntityType.MITIGATION.key(), m.name(), m.status().key(),
                    null, m.domains(), List.of(), List.of(), null, m.version(), m.modified(), List.of(), List.of(),
                    m.description()));
        }
        for (DetectionStrategy d : kb.detections()) {
            if (d.id() == null) continue;
            objects.add(new ObjectState(d.id(), d.stixId(), EntityType.DETECTION.key(), d.name(), d.status().key(),
                    null, d.domains(), List.of(), List.of(), null, d.version(), d.modified(), List.of(), List.of(),
                    null));
        }
        for (Actor a : kb.actors()) {
            if (a.id() == null) continue;
            objects.add(new ObjectState(a.id(), a.stixId(), a.type().key(), a.name(), a.status().key(), a.revokedBy(),
                    a.domains(), List.of(), a.platforms(), null, a.version(), a.modified(), List.of(), List.of(),
                    a.description()));
        }
        return new ReleaseSnapshot(version, kb.attackVersions(), objects);
    }

    private static List<String> sorted(List<String> ids) {
        return List.copyOf(new TreeSet<>(ids.stream().filter(Objects::nonNull).toList()));
    }
}
