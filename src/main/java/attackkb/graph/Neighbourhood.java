package attackkb.graph;

import attackkb.mapping.FrameworkNames;
import attackkb.model.Actor;
import attackkb.model.Analytic;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.LogSource;
import attackkb.model.Mitigation;
import attackkb.model.MitigationUse;
import attackkb.model.Procedure;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.model.TechniqueRef;
import attackkb.model.TechniqueUse;
import attackkb.records.EntityStore;
import attackkb.urls.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an entity's {@link Graph} from the records in the index: a technique with its tactics, parent and
 * sub-techniques, mitigations (and their guidance for it), detection strategies with their analytics and data
 * components, the groups, software and campaigns that use it, and the framework entries mapped to it; any other
 * entity with its techniques. Large neighbourhoods stay readable: past a cap per kind (per framework for entries)
 * the rest are one "+N more" node, and the answer says what was left out. Depth 2 adds, with smaller caps, the
 * neighbours of each neighbour that is a technique, mitigation, detection strategy, group, software, campaign or entry.
 */
public final class Neighbourhood {
    /** Neighbours of one kind shown around the centre, and around each neighbour at depth 2. */
    public static final int CAP = 12;
    public static final int CAP_AT_DEPTH_2 = 5;
    /** No graph grows past this many nodes, however deep. */
    public static final int MAX_NODES = 300;

    private final EntityStore entities;

    public Neighbourhood(EntityStore entities) {
        this.entities = entities;
    }

    /** The graph around {@code id} (an ATT&CK ID, or {@code framework:entry}), or empty if nothing has that ID. */
    public Optional<Graph> of(String id, int depth) {
        var builder = new Builder();
        Optional<Node> center = expand(id.strip(), builder, CAP);
        if (center.isEmpty()) return Optional.empty();
        if (depth >= 2) {
            for (String neighbour : List.copyOf(builder.nodes.keySet())) {
                if (neighbour.equals(center.get().id()) || builder.full()) continue;
                var node = builder.nodes.get(neighbour);
                if (node.expandable() && !"tactic".equals(node.kind())) expand(neighbour, builder, CAP_AT_DEPTH_2);
            }
        }
        return Optional.of(new Graph(center.get().id(), depth, List.copyOf(builder.nodes.values()),
                List.copyOf(builder.edges.values()), List.copyOf(builder.truncated)));
    }

    private record Node(String id, String kind) {}

    /** Adds {@code id} and its neighbours; the node added, if there is such an entity. */
    private Optional<Node> expand(String id, Builder b, int cap) {
        int colon = id.indexOf(':');
        if (colon > 0) return entry(id.substring(0, colon), id.substring(colon + 1), b, cap);
        String upper = id.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("TA")) return tactic(upper, b, cap);
        if (upper.startsWith("T")) return technique(upper, b, cap);
        if (upper.startsWith("M")) return mitigation(upper, b, cap);
        if (upper.startsWith("DET")) return detection(upper, b);
        for (EntityType type : List.of(EntityType.GROUP, EntityType.SOFTWARE, EntityType.CAMPAIGN)) {
            var actor = entities.record(type, upper, Actor.class);
            if (actor.isPresent()) return actor(actor.get(), b, cap);
        }
        return Optional.empty();
    }

    private Optional<Node> technique(String id, Builder b, int cap) {
        Optional<Technique> found = entities.record(EntityType.TECHNIQUE, id, Technique.class);
        if (found.isEmpty()) return Optional.empty();
        Technique t = found.get();
        b.node(t.id(), "technique", t.name(), Links.path("technique", t.id()), true, null);
        for (TacticRef tactic : t.tactics()) {
            b.node(tactic.id(), "tactic", tactic.name(), Links.path("tactic", tactic.id()), true, null);
            b.edge(t.id(), tactic.id(), "tactic", null, null);
        }
        if (t.parent() != null) {
            b.node(t.parent().id(), "technique", t.parent().name(), Links.path("technique", t.parent().id()), true, null);
            b.edge(t.id(), t.parent().id(), "subtechnique", null, null);
        }
        for (TechniqueRef sub : t.subtechniques()) {
            b.node(sub.id(), "technique", sub.name(), Links.path("technique", sub.id()), true, null);
            b.edge(sub.id(), t.id(), "subtechnique", null, null);
        }
        for (MitigationUse m : t.mitigations()) {
            b.node(m.id(), "mitigation", m.name(), Links.path("mitigation", m.id()), true, null);
            b.edge(m.id(), t.id(), "mitigates", null, m.guidance());
        }
        for (DetectionStrategy d : t.detections()) detectionWithAnalytics(d, b);
        for (DetectionStrategy d : t.detections()) b.edge(d.id(), t.id(), "detects", null, null);
        Map<EntityType, List<Procedure>> users = new LinkedHashMap<>();
        for (Procedure p : t.procedures()) users.computeIfAbsent(p.sourceType(), k -> new ArrayList<>()).add(p);
        users.forEach((type, procedures) -> capped(b, t.id(), type.key(), procedures, cap, p -> {
            b.node(p.sourceId(), type.key(), p.sourceName(), Links.path(type.key(), p.sourceId()), true, null);
            b.edge(p.sourceId(), t.id(), "uses", null, p.description());
        }));
        Map<String, List<ControlLink>> byFramework = new LinkedHashMap<>();
        for (ControlLink c : t.controls()) byFramework.computeIfAbsent(c.framework(), k -> new ArrayList<>()).add(c);
        byFramework.forEach((framework, links) -> {
            // One node per entry, though an entry can map a technique in several ways (detect and protect).
            Map<String, List<ControlLink>> byEntry = new LinkedHashMap<>();
            links.forEach(l -> byEntry.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l));
            capped(b, t.id(), "control:" + framework, List.copyOf(byEntry.values()), cap, ways -> {
                ControlLink c = ways.get(0);
                String node = framework + ":" + c.id();
                b.node(node, "control", c.title(), Links.entry(framework, c.id()), true, framework);
                b.edge(node, t.id(), "mapped", label(ways), c.comments());
            });
        });
        return Optional.of(new Node(t.id(), "technique"));
    }

    private void detectionWithAnalytics(DetectionStrategy d, Builder b) {
        b.node(d.id(), "detection", d.name(), Links.path("detection", d.id()), true, null);
        for (Analytic a : d.analytics()) {
            b.node(a.id(), "analytic", a.name(), Links.path("detection", d.id()), false, null);
            b.edge(d.id(), a.id(), "analytic", null, null);
            for (LogSource ls : a.logSources()) {
                if (ls.dataComponentId() == null) continue;
                b.node(ls.dataComponentId(), "data_component", ls.dataComponent(),
                        Links.search("type=technique&data_component=" + java.net.URLEncoder.encode(
                                ls.dataComponent() == null ? "" : ls.dataComponent(), java.nio.charset.StandardCharsets.UTF_8)),
                        false, null);
                b.edge(a.id(), ls.dataComponentId(), "log_source", ls.name(), ls.channel());
            }
        }
    }

    private Optional<Node> detection(String id, Builder b) {
        Optional<DetectionStrategy> found = entities.record(EntityType.DETECTION, id, DetectionStrategy.class);
        if (found.isEmpty()) return Optional.empty();
        DetectionStrategy d = found.get();
        detectionWithAnalytics(d, b);
        for (String techniqueId : d.techniqueIds()) {
            String name = entities.hit(EntityType.TECHNIQUE, techniqueId).map(h -> h.name()).orElse(techniqueId);
            b.node(techniqueId, "technique", name, Links.path("technique", techniqueId), true, null);
            b.edge(d.id(), techniqueId, "detects", null, null);
        }
        return Optional.of(new Node(d.id(), "detection"));
    }

    private Optional<Node> mitigation(String id, Builder b, int cap) {
        Optional<Mitigation> found = entities.record(EntityType.MITIGATION, id, Mitigation.class);
        if (found.isEmpty()) return Optional.empty();
        Mitigation m = found.get();
        b.node(m.id(), "mitigation", m.name(), Links.path("mitigation", m.id()), true, null);
        capped(b, m.id(), "technique", m.techniques(), cap, u -> {
            b.node(u.techniqueId(), "technique", u.techniqueName(), Links.path("technique", u.techniqueId()), true, null);
            b.edge(m.id(), u.techniqueId(), "mitigates", null, u.description());
        });
        return Optional.of(new Node(m.id(), "mitigation"));
    }

    private Optional<Node> actor(Actor a, Builder b, int cap) {
        String kind = a.type().key();
        b.node(a.id(), kind, a.name(), Links.path(kind, a.id()), true, null);
        // Its software, its campaigns or its group, each edge pointing the way the relationship reads.
        for (var link : a.associated() == null ? List.<attackkb.model.ActorLink>of() : a.associated()) {
            String other = link.type().key();
            b.node(link.id(), other, link.name(), Links.path(other, link.id()), true, null);
            switch (link.relation()) {
                case "uses" -> b.edge(a.id(), link.id(), "uses", null, link.description());
                case "used by" -> b.edge(link.id(), a.id(), "uses", null, link.description());
                case "attributed to" -> b.edge(a.id(), link.id(), "attributed", null, link.description());
                default -> b.edge(link.id(), a.id(), "attributed", null, link.description()); // "campaign"
            }
        }
        capped(b, a.id(), "technique", a.techniques(), cap, (TechniqueUse u) -> {
            b.node(u.techniqueId(), "technique", u.techniqueName(), Links.path("technique", u.techniqueId()), true, null);
            b.edge(a.id(), u.techniqueId(), "uses", null, u.description());
        });
        return Optional.of(new Node(a.id(), kind));
    }

    private Optional<Node> tactic(String id, Builder b, int cap) {
        var column = entities.tactic(id, "enterprise-attack");
        if (column.isEmpty()) return Optional.empty();
        var tactic = column.get().tactic();
        b.node(tactic.id(), "tactic", tactic.name(), Links.path("tactic", tactic.id()), true, null);
        capped(b, tactic.id(), "technique", column.get().techniques(), cap, t -> {
            b.node(t.id(), "technique", t.name(), Links.path("technique", t.id()), true, null);
            b.edge(t.id(), tactic.id(), "tactic", null, null);
        });
        return Optional.of(new Node(tactic.id(), "tactic"));
    }

    private Optional<Node> entry(String framework, String id, Builder b, int cap) {
        Optional<Control> found = entities.record(EntityType.CONTROL, id, Control.class)
                .filter(c -> c.framework().equals(framework));
        if (found.isEmpty()) return Optional.empty();
        Control c = found.get();
        String node = framework + ":" + c.id();
        b.node(node, "control", c.title(), Links.entry(framework, c.id()), true, framework);
        Map<String, List<ControlTechnique>> byTechnique = new LinkedHashMap<>();
        c.techniques().forEach(u -> byTechnique.computeIfAbsent(u.techniqueId(), k -> new ArrayList<>()).add(u));
        capped(b, node, "technique", List.copyOf(byTechnique.values()), cap, ways -> {
            ControlTechnique u = ways.get(0);
            b.node(u.techniqueId(), "technique", u.techniqueName(), Links.path("technique", u.techniqueId()), true, null);
            b.edge(node, u.techniqueId(), "mapped", labelOfUses(ways), u.comments());
        });
        return Optional.of(new Node(node, "control"));
    }

    /** "protect · significant, detect · partial", or the mapping type ("exploitation technique"). */
    /** Each way once: rows naming a technique and its revoked predecessor map it the same way twice. */
    private static String label(List<ControlLink> ways) {
        return String.join(", ", ways.stream().map(l -> way(l.scoreCategory(), l.scoreValue(), l.mappingType())).distinct().toList());
    }

    private static String labelOfUses(List<ControlTechnique> ways) {
        return String.join(", ", ways.stream().map(u -> way(u.scoreCategory(), u.scoreValue(), u.mappingType())).distinct().toList());
    }

    private static String way(String scoreCategory, String scoreValue, String mappingType) {
        if (scoreCategory != null) return scoreCategory + " · " + scoreValue;
        return mappingType == null ? "mapped" : mappingType.replace('_', ' ');
    }

    /** The first {@code cap} of {@code items} through {@code add}; the rest as one "+N more" node linked to {@code node}. */
    private static <T> void capped(Builder b, String node, String kind, List<T> items, int cap,
                                   java.util.function.Consumer<T> add) {
        int shown = 0;
        for (T item : items) {
            if (shown == cap || b.full()) break;
            add.accept(item);
            shown++;
        }
        if (shown < items.size()) {
            String more = "more:" + node + ":" + kind;
            String what = kind.startsWith("control:") ? FrameworkNames.name(kind.substring(8)) + " entries" : plural(kind);
            // Its link is the page that lists them all: the node's own.
            b.node(more, "more", "+" + (items.size() - shown) + " more " + what, b.nodes.get(node).url(), false, null);
            b.edge(more, node, "more", what, null);
            b.truncated.add(new Graph.Truncation(node, kind, shown, items.size()));
        }
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "software" -> "software";
            case "technique" -> "techniques";
            default -> kind + "s";
        };
    }

    /** Nodes and edges in the order first met, each once. */
    private static final class Builder {
        final Map<String, Graph.Node> nodes = new LinkedHashMap<>();
        final Map<String, Graph.Edge> edges = new LinkedHashMap<>();
        final List<Graph.Truncation> truncated = new ArrayList<>();

        boolean full() {
            return nodes.size() >= MAX_NODES;
        }

        void node(String id, String kind, String name, String url, boolean expandable, String framework) {
            if (full() && !nodes.containsKey(id)) return; // its edges are left out with it
            // A framework entry is labelled with its own ID, an aggregate with what it stands for.
            String label = "more".equals(kind) ? name : framework == null ? id : id.substring(framework.length() + 1);
            nodes.putIfAbsent(id, new Graph.Node(id, kind, label, name, url, expandable, framework));
        }

        void edge(String source, String target, String kind, String label, String detail) {
            if (!nodes.containsKey(source) || !nodes.containsKey(target)) return;
            edges.putIfAbsent(source + ">" + target + ">" + kind, new Graph.Edge(source, target, kind, label, plain(detail)));
        }

        /** ATT&CK's Markdown as the short plain text a tooltip shows: no citations, links as their text. */
        private static String plain(String markdown) {
            if (markdown == null || markdown.isBlank()) return null;
            String text = markdown.replaceAll("\\(Citation:[^)]*\\)", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                    .replaceAll("\\s+", " ").strip();
            return text.length() <= 400 ? text : text.substring(0, 399).strip() + "…";
        }
    }
}
