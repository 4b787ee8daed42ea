package attackkb.stix;

import attackkb.model.Actor;
import attackkb.model.ActorLink;
import attackkb.model.Analytic;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.KnowledgeBase;
import attackkb.model.LogSource;
import attackkb.model.Mitigation;
import attackkb.model.MitigationUse;
import attackkb.model.MutableElement;
import attackkb.model.Procedure;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.model.TechniqueRef;
import attackkb.model.TechniqueUse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects the STIX objects of one or more bundles and links them into a {@link KnowledgeBase}.
 *
 * <p>Linking waits until every bundle has been read, so objects may come in any order: a sub-technique before its
 * parent, a relationship before either end. An object that appears in several bundles (software used in Enterprise
 * and Mobile) is kept once. Relationships that are themselves revoked or deprecated are ignored, and so are links to
 * objects that are not active: the ATT&CK website does the same.
 */
public final class KnowledgeBaseAssembler implements Consumer<StixObject> {
    private static final Comparator<String> BY_ATTACK_ID = Comparator.nullsLast(Comparator.naturalOrder());

    private final Map<String, StixObject> objects = new LinkedHashMap<>();
    private final Map<String, StixObject> relationships = new LinkedHashMap<>();
    private final Map<String, String> attackVersions = new TreeMap<>();

    // Per bundle: its collection's version and the domains its objects belong to.
    private String bundleVersion;
    private final Set<String> bundleDomains = new HashSet<>();

    /** Starts a new bundle, so that its collection version is recorded against its own domains. */
    public void startBundle() {
        bundleVersion = null;
        bundleDomains.clear();
    }

    /** Ends the current bundle: every domain seen in it gets that bundle's ATT&CK version. */
    public void endBundle() {
        for (String domain : bundleDomains) {
            attackVersions.put(domain, bundleVersion == null ? "unknown" : bundleVersion);
        }
    }

    @Override
    public void accept(StixObject o) {
        switch (o.type()) {
            case "relationship" -> {
                if (o.isActive()) relationships.putIfAbsent(o.id(), o);
            }
            case "x-mitre-collection" -> bundleVersion = o.xMitreVersion();
            case "identity", "marking-definition" -> { /* provenance only */ }
            default -> {
                if (o.xMitreDomains() != null && !"x-mitre-data-component".equals(o.type())) {
                    bundleDomains.addAll(o.xMitreDomains());
                }
                objects.merge(o.id(), o, KnowledgeBaseAssembler::newer);
            }
        }
    }

    private static StixObject newer(StixObject a, StixObject b) {
        return Objects.toString(b.modified(), "").compareTo(Objects.toString(a.modified(), "")) > 0 ? b : a;
    }

    public KnowledgeBase assemble() {
        return new Linker().link();
    }

    /** One linking pass over everything collected; its maps live only as long as the pass. */
    private final class Linker {
        private final Map<String, String> revokedBy = new HashMap<>();
        private final Map<String, String> parentOf = new HashMap<>();
        private final Map<String, List<String>> childrenOf = new HashMap<>();
        private final Map<String, List<StixObject>> mitigatesByTechnique = new HashMap<>();
        private final Map<String, List<StixObject>> mitigatesByMitigation = new HashMap<>();
        private final Map<String, List<String>> detectsByStrategy = new HashMap<>();
        private final Map<String, List<String>> strategiesByTechnique = new HashMap<>();
        /** Before ATT&CK 18, data components detected techniques themselves: their names, by technique. */
        private final Map<String, List<String>> componentsByTechnique = new HashMap<>();
        private final Map<String, List<StixObject>> usesByTechnique = new HashMap<>();
        private final Map<String, List<StixObject>> usesByActor = new HashMap<>();
        /** Groups, software and campaigns tied to each other: a group's software, a campaign's group, and back. */
        private final Map<String, List<ActorLink>> associated = new HashMap<>();
        private final Map<String, List<String>> assetsByTechnique = new HashMap<>();
        private final Map<String, Tactic> tactics = new HashMap<>();
        private final Map<String, Analytic> analytics = new HashMap<>();
        private final Map<String, DetectionStrategy> strategies = new HashMap<>();

        KnowledgeBase link() {
            indexRelationships();
            List<Tactic> tacticList = linkTactics();
            linkAnalytics();
            List<DetectionStrategy> detections = linkDetections();
            List<Technique> techniques = new ArrayList<>();
            List<Mitigation> mitigations = new ArrayList<>();
            List<Actor> actors = new ArrayList<>();
            for (StixObject o : objects.values()) {
                switch (o.type()) {
                    case "attack-pattern" -> techniques.add(technique(o));
                    case "course-of-action" -> mitigations.add(mitigation(o));
                    case "intrusion-set" -> actors.add(actor(o, EntityType.GROUP));
                    case "malware", "tool" -> actors.add(actor(o, EntityType.SOFTWARE));
                    case "campaign" -> actors.add(actor(o, EntityType.CAMPAIGN));
                    default -> { /* tactics, analytics, data components, matrices: linked above */ }
                }
            }
            techniques.sort(Comparator.comparing(Technique::id, BY_ATTACK_ID));
            mitigations.sort(Comparator.comparing(Mitigation::id, BY_ATTACK_ID));
            actors.sort(Comparator.comparing(Actor::id, BY_ATTACK_ID));
            return new KnowledgeBase(Map.copyOf(attackVersions), List.copyOf(techniques), tacticList,
                    List.copyOf(mitigations), detections, List.copyOf(actors), List.of(), List.of());
        }

        private void indexRelationships() {
            for (StixObject r : relationships.values()) {
                String source = r.sourceRef();
                String target = r.targetRef();
                if (source == null || target == null || r.relationshipType() == null) continue;
                if ("revoked-by".equals(r.relationshipType())) {
                    revokedBy.put(source, target);
                    continue;
                }
                StixObject from = objects.get(source);
                StixObject to = objects.get(target);
                if (from == null || to == null || !from.isActive() || !to.isActive()) continue;
                switch (r.relationshipType()) {
                    case "subtechnique-of" -> {
                        parentOf.put(source, target);
                        childrenOf.computeIfAbsent(target, k -> new ArrayList<>()).add(source);
                    }
                    case "mitigates" -> {
                        mitigatesByTechnique.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
                        mitigatesByMitigation.computeIfAbsent(source, k -> new ArrayList<>()).add(r);
                    }
                    case "detects" -> {
                        if ("x-mitre-data-component".equals(from.type())) {
                            if (from.name() != null) componentsByTechnique.computeIfAbsent(target, k -> new ArrayList<>()).add(from.name());
                        } else {
                            detectsByStrategy.computeIfAbsent(source, k -> new ArrayList<>()).add(target);
                            strategiesByTechnique.computeIfAbsent(target, k -> new ArrayList<>()).add(source);
                        }
                    }
                    case "uses" -> {
                        if ("attack-pattern".equals(to.type())) {
                            usesByTechnique.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
                            usesByActor.computeIfAbsent(source, k -> new ArrayList<>()).add(r);
                        } else if (isSoftware(to) && ("intrusion-set".equals(from.type()) || "campaign".equals(from.type()))) {
                            associate(source, to, "uses", r);
                            associate(target, from, "used by", r);
                        }
                    }
                    case "attributed-to" -> {
                        if ("campaign".equals(from.type()) && "intrusion-set".equals(to.type())) {
                            associate(source, to, "attributed to", r);
                            associate(target, from, "campaign", r);
                        }
                    }
                    case "targets" -> assetsByTechnique.computeIfAbsent(source, k -> new ArrayList<>()).add(to.name());
                    default -> { /* others: not needed yet */ }
                }
            }
        }

        private void associate(String actor, StixObject other, String relation, StixObject r) {
            if (StixIds.attackId(other) == null) return;
            associated.computeIfAbsent(actor, k -> new ArrayList<>()).add(new ActorLink(StixIds.attackId(other),
                    actorType(other), other.name(), relation, r.description(), StixIds.citations(r.externalReferences())));
        }

        private static boolean isSoftware(StixObject o) {
            return "malware".equals(o.type()) || "tool".equals(o.type());
        }

        private List<Tactic> linkTactics() {
            // A tactic's column is its position in the first active matrix of its domain that lists it.
            Map<String, Integer> order = new HashMap<>();
            objects.values().stream()
                    .filter(o -> "x-mitre-matrix".equals(o.type()) && o.tacticRefs() != null)
                    .sorted(Comparator.comparing(StixObject::isActive).reversed())
                    .forEach(m -> {
                        for (int i = 0; i < m.tacticRefs().size(); i++) order.putIfAbsent(m.tacticRefs().get(i), i);
                    });
            List<Tactic> list = new ArrayList<>();
            for (StixObject o : objects.values()) {
                if (!"x-mitre-tactic".equals(o.type())) continue;
                String domain = first(o.xMitreDomains());
                Tactic t = new Tactic(StixIds.attackId(o), o.xMitreShortname(), o.name(), o.description(), domain,
                        order.getOrDefault(o.id(), Integer.MAX_VALUE), StixIds.attackUrl(o), o.xMitreVersion(),
                        o.created(), o.modified(), StixIds.citations(o.externalReferences()), o.id());
                if (o.isActive()) tactics.put(domain + "/" + o.xMitreShortname(), t);
                list.add(t);
            }
            list.sort(Comparator.comparing(Tactic::domain, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(Tactic::order));
            return List.copyOf(list);
        }

        private void linkAnalytics() {
            for (StixObject o : objects.values()) {
                if (!"x-mitre-analytic".equals(o.type())) continue;
                List<LogSource> logSources = new ArrayList<>();
                for (var ls : nonNull(o.xMitreLogSourceReferences())) {
                    StixObject component = objects.get(ls.xMitreDataComponentRef());
                    logSources.add(new LogSource(component == null ? null : StixIds.attackId(component),
                            component == null ? null : component.name(), ls.name(), ls.channel()));
                }
                List<MutableElement> mutable = nonNull(o.xMitreMutableElements()).stream()
                        .map(m -> new MutableElement(m.field(), m.description())).toList();
                analytics.put(o.id(), new Analytic(StixIds.attackId(o), o.name(), o.description(),
                        nonNull(o.xMitrePlatforms()), List.copyOf(logSources), mutable, StixIds.attackUrl(o)));
            }
        }

        private List<DetectionStrategy> linkDetections() {
            List<DetectionStrategy> list = new ArrayList<>();
            for (StixObject o : objects.values()) {
                if (!"x-mitre-detection-strategy".equals(o.type())) continue;
                List<Analytic> its = nonNull(o.xMitreAnalyticRefs()).stream()
                        .map(analytics::get).filter(Objects::nonNull).toList();
                List<String> techniqueIds = attackIds(detectsByStrategy.get(o.id()));
                var strategy = new DetectionStrategy(StixIds.attackId(o), o.name(), status(o), nonNull(o.xMitreDomains()),
                        its, techniqueIds, StixIds.attackUrl(o), o.xMitreVersion(), o.created(), o.modified(), o.id());
                strategies.put(o.id(), strategy);
                list.add(strategy);
            }
            list.sort(Comparator.comparing(DetectionStrategy::id, BY_ATTACK_ID));
            return List.copyOf(list);
        }

        private Technique technique(StixObject o) {
            List<TacticRef> tacticRefs = nonNull(o.killChainPhases()).stream()
                    .map(k -> tactics.get(StixIds.KILL_CHAIN_DOMAINS.get(k.killChainName()) + "/" + k.phaseName()))
                    .filter(Objects::nonNull)
                    .distinct()
                    .sorted(Comparator.comparingInt(Tactic::order))
                    .map(Tactic::ref)
                    .toList();
            StixObject parent = objects.get(parentOf.get(o.id()));
            List<TechniqueRef> subs = nonNull(childrenOf.get(o.id())).stream()
                    .map(objects::get)
                    .map(c -> new TechniqueRef(StixIds.attackId(c), c.name()))
                    .sorted(Comparator.comparing(TechniqueRef::id, BY_ATTACK_ID))
                    .toList();
            List<MitigationUse> mitigationUses = nonNull(mitigatesByTechnique.get(o.id())).stream()
                    .map(r -> {
                        StixObject m = objects.get(r.sourceRef());
                        return new MitigationUse(StixIds.attackId(m), m.name(), m.description(), r.description(),
                                StixIds.citations(r.externalReferences()));
                    })
                    .sorted(Comparator.comparing(MitigationUse::id, BY_ATTACK_ID))
                    .toList();
            List<DetectionStrategy> detections = nonNull(strategiesByTechnique.get(o.id())).stream()
                    .map(strategies::get)
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(DetectionStrategy::id, BY_ATTACK_ID))
                    .toList();
            Set<String> components = new TreeSet<>(nonNull(componentsByTechnique.get(o.id())));
            for (DetectionStrategy d : detections) {
                for (Analytic a : d.analytics()) {
                    a.logSources().stream().map(LogSource::dataComponent).filter(Objects::nonNull).forEach(components::add);
                }
            }
            List<Procedure> procedures = nonNull(usesByTechnique.get(o.id())).stream()
                    .map(r -> {
                        StixObject actor = objects.get(r.sourceRef());
                        return new Procedure(StixIds.attackId(actor), actorType(actor), actor.name(), r.description(),
                                StixIds.citations(r.externalReferences()));
                    })
                    .sorted(Comparator.comparing(Procedure::sourceId, BY_ATTACK_ID))
                    .toList();
            List<String> platforms = nonNull(o.xMitrePlatforms()).stream().filter(p -> !"None".equals(p)).toList();
            return new Technique(StixIds.attackId(o), o.name(), o.description(), status(o), replacement(o.id()),
                    nonNull(o.xMitreDomains()), tacticRefs, platforms, Boolean.TRUE.equals(o.xMitreIsSubtechnique()),
                    parent == null ? null : new TechniqueRef(StixIds.attackId(parent), parent.name()), subs,
                    mitigationUses, detections, List.copyOf(components), procedures,
                    nonNull(assetsByTechnique.get(o.id())).stream().sorted().distinct().toList(), List.of(), null,
                    StixIds.attackUrl(o), o.xMitreVersion(), o.created(), o.modified(),
                    StixIds.citations(o.externalReferences()), o.id(), List.of());
        }

        private Mitigation mitigation(StixObject o) {
            return new Mitigation(StixIds.attackId(o), o.name(), o.description(), status(o),
                    nonNull(o.xMitreDomains()), techniqueUses(mitigatesByMitigation.get(o.id())),
                    StixIds.attackUrl(o), o.xMitreVersion(), o.created(), o.modified(),
                    StixIds.citations(o.externalReferences()), o.id());
        }

        private Actor actor(StixObject o, EntityType type) {
            List<String> aliases = new ArrayList<>(new LinkedHashSet<>(
                    nonNull(type == EntityType.SOFTWARE ? o.xMitreAliases() : o.aliases())));
            aliases.remove(o.name()); // STIX lists the name itself as the first alias
            return new Actor(type, StixIds.attackId(o), o.name(), o.description(), List.copyOf(aliases), status(o),
                    replacement(o.id()), nonNull(o.xMitreDomains()), nonNull(o.xMitrePlatforms()),
                    type == EntityType.SOFTWARE ? o.type() : null, o.firstSeen(), o.lastSeen(),
                    techniqueUses(usesByActor.get(o.id())), StixIds.attackUrl(o), o.xMitreVersion(),
                    o.created(), o.modified(), StixIds.citations(o.externalReferences()), o.id(),
                    nonNull(associated.get(o.id())).stream()
                            .sorted(Comparator.comparing(ActorLink::relation).thenComparing(ActorLink::id, BY_ATTACK_ID))
                            .toList());
        }

        private List<TechniqueUse> techniqueUses(List<StixObject> rels) {
            return nonNull(rels).stream()
                    .map(r -> {
                        StixObject t = objects.get(r.targetRef());
                        return new TechniqueUse(StixIds.attackId(t), t.name(), r.description(),
                                StixIds.citations(r.externalReferences()));
                    })
                    .sorted(Comparator.comparing(TechniqueUse::techniqueId, BY_ATTACK_ID))
                    .toList();
        }

        /** The ATT&CK ID of what finally replaced a revoked object, following chains of revocations. */
        private String replacement(String stixId) {
            String current = revokedBy.get(stixId);
            if (current == null) return null;
            Set<String> seen = new HashSet<>(Set.of(stixId));
            while (revokedBy.containsKey(current) && seen.add(current)) current = revokedBy.get(current);
            StixObject target = objects.get(current);
            return target == null ? null : StixIds.attackId(target);
        }

        private List<String> attackIds(List<String> stixIds) {
            return nonNull(stixIds).stream().map(objects::get).map(StixIds::attackId).sorted(BY_ATTACK_ID).toList();
        }
    }

    private static EntityType actorType(StixObject o) {
        return switch (o.type()) {
            case "intrusion-set" -> EntityType.GROUP;
            case "campaign" -> EntityType.CAMPAIGN;
            default -> EntityType.SOFTWARE;
        };
    }

    private static Status status(StixObject o) {
        return Status.of(o.isRevoked(), o.isDeprecated());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String first(List<String> list) {
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
