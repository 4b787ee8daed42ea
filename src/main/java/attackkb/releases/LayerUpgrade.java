package attackkb.releases;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.model.Domains;
import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Upgrades an ATT&CK Navigator layer, or a plain list of technique IDs, written for an older release to the current
 * one: revoked techniques become their successors (entries that then coincide are merged), entries under a tactic
 * their technique left move to its new tactics, renamed tactic shortnames are rewritten, deprecated techniques are
 * flagged, and everything else the layer holds is kept as it was. Every change, and what the user should know though
 * nothing changed (a rename, an unknown ID), goes into the report.
 *
 * <p>What a revocation leads to is known from the current release alone; renames and tactic changes need the release
 * the layer was made for, and are left alone (and said so) when it is not held. One instance per release history:
 * it keeps the tactics and platforms of each release, looked up per layer.
 */
public final class LayerUpgrade {
    /** The layer format written: the Navigator's current one. */
    public static final String LAYER_FORMAT = "4.5";
    /** The Navigator version written when the layer names none, or one older than the first that reads 4.5. */
    public static final String NAVIGATOR_VERSION = "5.1.0";
    private static final String OLDEST_NAVIGATOR = "4.9.0";
    /** The name of the metadata entry that flags a deprecated technique in the Navigator's tooltip. */
    public static final String STATUS_METADATA = "ATT&CK status";

    private static final String TECHNIQUE = EntityType.TECHNIQUE.key();
    private static final String TACTIC = EntityType.TACTIC.key();
    /** The domains of layer formats before 4.0. */
    private static final Map<String, String> FORMER_DOMAINS = Map.of(
            "mitre-enterprise", "enterprise-attack", "mitre-mobile", "mobile-attack");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** "Defense Evasion" or "defense_evasion" as a tactic's shortname is written: defense-evasion. */
    private static final Pattern SPACES = Pattern.compile("[\\s_]+");

    private final ReleaseHistory history;
    private final ReleaseSnapshot current;
    private final Map<String, Map<String, TacticRef>> tactics = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> platforms = new ConcurrentHashMap<>();

    public LayerUpgrade(ReleaseHistory history) {
        this.history = history;
        this.current = history.current();
    }

    /** The release every layer is upgraded to. */
    public String currentRelease() {
        return current.version();
    }

    /**
     * Upgrades {@code input}: a layer when it starts with a brace or a bracket (JSON), else a list of IDs. {@code from}, when
     * not blank, is the release the input was made for, over what a layer says.
     *
     * @throws BadInputException when the input is empty, not JSON, not a layer, or {@code from} is not a release
     */
    public UpgradedLayer upgrade(String input, String from) {
        String text = withoutBom(input);
        if (text.isBlank()) throw new BadInputException("nothing to upgrade: the input is empty");
        char first = text.strip().charAt(0);
        return first == '{' || first == '[' ? upgradeLayer(text, from) : upgradeIds(text, from);
    }

    /** Upgrades a Navigator layer given as JSON. */
    public UpgradedLayer upgradeLayer(String json, String from) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(withoutBom(json));
        } catch (JacksonException e) {
            // Jackson's message without where the marker started: a location inside the input, named already.
            String why = e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "").replaceAll("\\s*at \\[Source.*", "");
            throw new BadInputException("not valid JSON" + where(e.getLocation()) + ": " + shorten(why, 200));
        }
        if (root == null || root.isMissingNode()) throw new BadInputException("nothing to upgrade: the input is empty");
        if (root.isArray()) {
            if (root.size() != 1) {
                throw new BadInputException("this file holds " + root.size() + " layers; upgrade them one at a time");
            }
            root = root.get(0);
        }
        if (!root.isObject()) throw new BadInputException("not an ATT&CK Navigator layer: the JSON is not an object");
        ObjectNode layer = (ObjectNode) root;
        if (!layer.has("techniques") && !layer.has("versions") && !layer.has("version") && !layer.has("domain")) {
            throw new BadInputException("not an ATT&CK Navigator layer: it has no \"techniques\", \"domain\" or \"versions\"");
        }
        JsonNode techniques = layer.path("techniques");
        if (!techniques.isMissingNode() && !techniques.isNull() && !techniques.isArray()) {
            throw new BadInputException("not an ATT&CK Navigator layer: \"techniques\" is not a list");
        }
        return new Run(UpgradeBasis.of(history, from, layer), false).layer(layer);
    }

    /** Upgrades a list of IDs, one a line; {@code #} comments and blank lines are skipped. */
    public UpgradedLayer upgradeIds(String text, String from) {
        List<TechniqueIds.Line> lines = TechniqueIds.lines(withoutBom(text));
        if (lines.isEmpty()) throw new BadInputException("nothing to upgrade: the list holds only blank lines and comments");
        if (lines.stream().allMatch(l -> l.ids().isEmpty())) {
            throw new BadInputException("no technique ID in the input: neither a Navigator layer (JSON) nor a list of IDs such as T1059.001");
        }
        return new Run(UpgradeBasis.of(history, from, null), true).list(lines);
    }

    /** A release's tactics by domain and shortname ("enterprise-attack/defense-evasion"), from its techniques. */
    private Map<String, TacticRef> tactics(ReleaseSnapshot release) {
        return tactics.computeIfAbsent(release.version(), v -> {
            Map<String, String> domainOf = new HashMap<>();
            for (ObjectState o : release.objects()) {
                if (TACTIC.equals(o.type()) && !o.domains().isEmpty()) domainOf.put(o.id(), o.domains().get(0));
            }
            Map<String, TacticRef> byName = new HashMap<>();
            for (ObjectState o : release.objects()) {
                if (!TECHNIQUE.equals(o.type())) continue;
                for (TacticRef t : o.tactics()) {
                    String domain = domainOf.get(t.id());
                    for (String d : domain != null ? List.of(domain) : o.domains()) byName.putIfAbsent(d + "/" + t.shortname(), t);
                }
            }
            return Map.copyOf(byName);
        });
    }

    /** The platforms of the current release's techniques in a domain. */
    private Set<String> platforms(String domain) {
        return platforms.computeIfAbsent(domain, d -> {
            Set<String> names = new HashSet<>();
            for (ObjectState o : current.objects()) {
                if (TECHNIQUE.equals(o.type()) && o.active() && o.domains().contains(d)) names.addAll(o.platforms());
            }
            return Set.copyOf(names);
        });
    }

    /** What one technique ID is: in the layer's release ({@code before}), in the current one, and what replaces it. */
    private record Resolved(ObjectState before, ObjectState after, ObjectState now) {
        boolean replaced() {
            return after.revoked() && now != null;
        }

        /** The name the layer knew it by. */
        String oldName() {
            return (before != null ? before : after).name();
        }

        /** The tactics the layer's entries were placed by: the technique's in the layer's release, or null if unknown. */
        List<TacticRef> basisTactics() {
            if (before != null) return before.tactics();
            return after.revoked() ? after.tactics() : null;
        }
    }

    /** One technique entry of the layer on its way through the upgrade. */
    private static final class Entry {
        final int position;
        final String written;
        ObjectNode node;
        /** The ID the layer gave, in ATT&CK's form (or as written when it is not a technique ID). */
        String inputId;
        /** The technique ID the entry has now, or null when what the layer holds is not one. */
        String id;
        boolean changed;

        Entry(int position, String written, ObjectNode node) {
            this.position = position;
            this.written = written;
            this.inputId = written;
            this.node = node;
        }

        String tactic() {
            JsonNode t = node.get("tactic");
            return t != null && t.isTextual() && !t.asText().isBlank() ? t.asText() : null;
        }

        String key() {
            String tactic = tactic();
            return (id != null ? id : "?" + written) + "\u0000" + (tactic == null ? "" : tactic);
        }
    }

    /** A report line and where it came from, for the order of the report. */
    private record Line(UpgradeChange change, int position) {}

    /** One upgrade: the state of a single request. */
    private final class Run {
        private final UpgradeBasis basis;
        private final ReleaseSnapshot then;
        private final boolean list;
        private final Map<String, Resolved> resolved = new LinkedHashMap<>();
        private final Map<String, Integer> firstSeen = new HashMap<>();
        private final Map<String, Line> lines = new LinkedHashMap<>();
        private final Set<String> moved = new HashSet<>();
        private final List<String> notes = new ArrayList<>();
        private String domain;

        Run(UpgradeBasis basis, boolean list) {
            this.basis = basis;
            this.then = basis.then();
            this.list = list;
            this.notes.addAll(basis.notes());
        }

        UpgradedLayer layer(ObjectNode layer) {
            List<Entry> entries = new ArrayList<>();
            JsonNode techniques = layer.path("techniques");
            for (int i = 0; i < techniques.size(); i++) {
                JsonNode t = techniques.get(i);
                if (!t.isObject()) throw new BadInputException("not an ATT&CK Navigator layer: techniques[" + i + "] is not an object");
                JsonNode id = t.get("techniqueID");
                if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
                    throw new BadInputException("not an ATT&CK Navigator layer: techniques[" + i + "] has no techniqueID");
                }
                // The tree was read for this upgrade alone: its entries are changed in place.
                entries.add(new Entry(i, id.asText(), (ObjectNode) t));
            }
            domain = domain(layer.get("domain"), entries);
            List<Entry> out = upgrade(entries);
            checkPlatforms(layer.path("filters").path("platforms"));
            return new UpgradedLayer(rewrite(layer, out), report("layer", entries.size(), out.size()), ids(out));
        }

        UpgradedLayer list(List<TechniqueIds.Line> listed) {
            List<Entry> entries = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (TechniqueIds.Line line : listed) {
                if (line.ids().isEmpty()) {
                    add(UpgradeChange.of(shorten(line.text()), UpgradeAction.UNKNOWN,
                            "line " + line.number() + " holds no technique ID; left out"), entries.size());
                }
                for (String id : line.ids()) {
                    ObjectNode node = NODES.objectNode().put("techniqueID", id).put("score", 1);
                    entries.add(new Entry(entries.size(), id, node));
                    ids.add(id);
                }
            }
            domain = majorityDomain(ids);
            List<Entry> out = upgrade(entries);
            ObjectNode layer = NODES.objectNode();
            layer.put("name", "Technique list upgraded to ATT&CK " + current.version());
            layer.set("versions", versions(null));
            layer.put("domain", domain);
            layer.put("description", out.size() + " techniques" + (basis.declared() == null ? "" : " listed for ATT&CK "
                    + basis.declared()) + ", upgraded to ATT&CK " + current.version() + " by attack-kb.");
            ArrayNode techniques = layer.putArray("techniques");
            out.forEach(e -> techniques.add(e.node));
            layer.set("gradient", NODES.objectNode().<ObjectNode>set("colors", NODES.arrayNode().add("#ffffff").add("#66b1ff"))
                    .put("minValue", 0).put("maxValue", 1));
            layer.set("layout", NODES.objectNode().put("layout", "side").put("showID", true).put("showName", true)
                    .put("expandedSubtechniques", "annotated"));
            return new UpgradedLayer(layer, report("id_list", entries.size(), out.size()), ids(out));
        }

        /** The layer's domain: as it says (in today's name), else the domain of most of its techniques. */
        private String domain(JsonNode written, List<Entry> entries) {
            if (written == null || written.isNull() || (written.isTextual() && written.asText().isBlank())) {
                String inferred = majorityDomain(entries.stream().map(e -> TechniqueIds.normalise(e.written))
                        .filter(Objects::nonNull).toList());
                notes.add("The layer names no domain: " + inferred + ", the domain of most of its techniques, is written.");
                return inferred;
            }
            String name = written.asText().strip();
            String renamed = FORMER_DOMAINS.get(name);
            if (renamed != null) {
                notes.add("The domain \"" + name + "\" of older layer formats is \"" + renamed + "\" now.");
                return renamed;
            }
            if (!Domains.labels().containsKey(name)) {
                throw new BadInputException("domain must be one of " + String.join(", ", Domains.labels().keySet())
                        + ", got \"" + shorten(name) + "\"");
            }
            return name;
        }

        private String majorityDomain(List<String> ids) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Domains.labels().keySet().forEach(d -> counts.put(d, 0));
            for (String id : ids) {
                ObjectState o = current.byId(TECHNIQUE, id);
                if (o != null) o.domains().forEach(d -> counts.computeIfPresent(d, (k, n) -> n + 1));
            }
            // ties go to the earlier domain: Enterprise, then Mobile, then ICS
            return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow().getKey();
        }

        /** Every entry resolved, re-placed and merged: the entries of the upgraded layer, in the layer's order. */
        private List<Entry> upgrade(List<Entry> entries) {
            List<Entry> placed = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                placed.add(e);
                placed.addAll(process(e));
            }
            reportTacticChanges();
            return merge(placed);
        }

        /** Resolves one entry and re-places it; answers the copies made when it moves to more than one tactic. */
        private List<Entry> process(Entry e) {
            String id = TechniqueIds.normalise(e.written);
            if (id == null) {
                add(UpgradeChange.of(shorten(e.written), UpgradeAction.UNKNOWN, "not an ATT&CK technique ID; kept as it is"), e.position);
                return List.of();
            }
            e.id = id;
            e.inputId = id;
            if (!id.equals(e.written)) {
                e.node.put("techniqueID", id);
                e.changed = true;
                add(UpgradeChange.of(e.written, UpgradeAction.NORMALISED, "written \"" + e.written + "\" in the layer; "
                        + id + " is its ATT&CK form"), e.position);
            }
            Resolved r = resolved.computeIfAbsent(id, this::resolve);
            firstSeen.putIfAbsent(id, e.position);
            if (r.after() == null) {
                add(UpgradeChange.of(id, UpgradeAction.UNKNOWN, r.before() != null
                        ? "in ATT&CK " + then.version() + " but not in " + current.version() + "; kept as it is"
                        : "no technique " + id + " in ATT&CK " + current.version()
                                + (then != null && then != current ? " or " + then.version() : "") + "; kept as it is"), e.position);
                return List.of();
            }
            if (!r.after().domains().contains(domain)) {
                add(UpgradeChange.of(id, UpgradeAction.OTHER_DOMAIN, id + " is a technique of "
                        + String.join(" and ", r.after().domains().stream().map(Domains::label).toList())
                        + " ATT&CK, not of " + Domains.label(domain) + "; the Navigator does not show it in this layer"), e.position);
            }
            if (r.after().revoked()) {
                if (r.now() == null) {
                    add(UpgradeChange.of(id, UpgradeAction.REVOKED, "revoked in ATT&CK " + current.version()
                            + " with no successor named; kept as it is"), e.position);
                    return List.of();
                }
                e.id = r.now().id();
                e.node.put("techniqueID", e.id);
                e.changed = true;
                add(new UpgradeChange(id, UpgradeAction.REPLACED, null, r.now().id(), r.oldName(), r.now().name(),
                        null, null, null, since(r.after(), "revoked") + "; " + r.now().id() + " replaces it"), e.position);
            } else if (r.before() != null && !Objects.equals(r.before().name(), r.now().name())) {
                add(new UpgradeChange(id, UpgradeAction.RENAMED, null, null, r.before().name(), r.now().name(), null, null,
                        null, "same ID, new name since ATT&CK " + then.version()), e.position);
            }
            if (r.now().deprecated()) flagDeprecated(e, id, r);
            return place(e, id, r);
        }

        private Resolved resolve(String id) {
            ObjectState before = then == null ? null : then.byId(TECHNIQUE, id);
            ObjectState after = before == null ? null : current.byStixId(before.stixId());
            if (after == null) after = current.byId(TECHNIQUE, id);
            if (after == null) return new Resolved(before, null, null);
            ObjectState now = after.revoked() ? (after.successor() == null ? null : current.byId(TECHNIQUE, after.successor())) : after;
            return new Resolved(before, after, now);
        }

        /** When a technique became revoked or deprecated ({@code status}), as far as the releases held tell. */
        private String since(ObjectState state, String status) {
            List<ReleaseSnapshot> releases = history.releases();
            for (int i = 0; i < releases.size(); i++) {
                ObjectState held = releases.get(i).byStixId(state.stixId());
                if (held != null && status.equals(held.status())) {
                    // Already so in the oldest release held: it may have been so long before.
                    return (i == 0 && releases.size() > 1 ? "already " + status + " in ATT&CK " : status + " in ATT&CK ")
                            + releases.get(i).version();
                }
            }
            return status + " in ATT&CK " + current.version();
        }

        private void flagDeprecated(Entry e, String id, Resolved r) {
            JsonNode metadata = e.node.get("metadata");
            if (metadata == null || metadata.isNull()) metadata = e.node.putArray("metadata");
            if (metadata.isArray()) {
                boolean flagged = false;
                for (JsonNode m : metadata) flagged |= STATUS_METADATA.equals(m.path("name").asText(null));
                if (!flagged) {
                    ((ArrayNode) metadata).addObject().put("name", STATUS_METADATA).put("value", "deprecated as of ATT&CK " + current.version());
                }
            }
            add(new UpgradeChange(id, UpgradeAction.FLAGGED_DEPRECATED, null, r.replaced() ? r.now().id() : null, null,
                    r.now().name(), null, null, null, since(r.now(), "deprecated") + "; kept, with a metadata entry \""
                    + STATUS_METADATA + "\" saying so"), e.position);
        }

        /**
         * Puts an entry written for one tactic under the tactic it belongs to now: the same tactic under its new
         * shortname, else the tactics its technique gained (all of its tactics if it gained none). Answers the copies
         * made for the second and further tactics.
         */
        private List<Entry> place(Entry e, String id, Resolved r) {
            String written = e.tactic();
            if (written == null) return List.of();
            String shortname = SPACES.matcher(written.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
            List<TacticRef> nowTactics = r.now().tactics();
            String successor = r.replaced() ? r.now().id() : null;
            TacticRef was = tactic(shortname);
            if (was == null) {
                if (nowTactics.stream().anyMatch(t -> t.shortname().equals(written))) return List.of();
                add(new UpgradeChange(id, UpgradeAction.TACTIC_UNRESOLVED, written, successor, null, null, null, nowTactics, null,
                        then == null ? notHeld() + ", so which tactic \"" + written + "\" was cannot be told; kept as it is"
                                : "no tactic \"" + written + "\" in " + Domains.label(domain) + " ATT&CK; kept as it is"), e.position);
                return List.of();
            }
            TacticRef same = nowTactics.stream().filter(t -> t.id().equals(was.id())).findFirst().orElse(null);
            if (same != null) {
                if (!same.shortname().equals(written)) {
                    e.node.put("tactic", same.shortname());
                    e.changed = true;
                    add(new UpgradeChange(id, UpgradeAction.TACTIC_RENAMED, written, successor, null, null, List.of(was),
                            List.of(same), null, was.name().equals(same.name())
                                    ? same.name() + " (" + same.id() + ") is written \"" + same.shortname() + "\" now"
                                    : was.name() + " (" + was.id() + ") is " + same.name() + " now, written \"" + same.shortname() + "\""),
                            e.position);
                }
                return List.of();
            }
            List<TacticRef> basisTactics = r.basisTactics();
            String name = r.now().id() + " " + r.now().name();
            if (basisTactics == null) {
                add(new UpgradeChange(id, UpgradeAction.TACTIC_UNRESOLVED, written, successor, null, null, List.of(was),
                        nowTactics, null, name + " is not under " + was.name() + " now; " + notHeld()
                        + ", so where the entry belongs cannot be told; kept as it is"), e.position);
                return List.of();
            }
            Set<String> before = tacticIds(basisTactics);
            if (!before.contains(was.id()) && !r.replaced()) {
                add(new UpgradeChange(id, UpgradeAction.TACTIC_UNRESOLVED, written, null, null, null, List.of(was), nowTactics,
                        null, name + " was not under " + was.name() + " in ATT&CK " + then.version()
                        + " either; kept as it is"), e.position);
                return List.of();
            }
            if (nowTactics.isEmpty()) {
                add(new UpgradeChange(id, UpgradeAction.TACTIC_UNRESOLVED, written, successor, null, null, List.of(was),
                        nowTactics, null, name + " is under no tactic now; kept as it is"), e.position);
                return List.of();
            }
            List<TacticRef> targets = nowTactics.stream().filter(t -> !before.contains(t.id())).toList();
            if (targets.isEmpty()) targets = nowTactics;
            e.node.put("tactic", targets.get(0).shortname());
            e.changed = true;
            List<Entry> copies = new ArrayList<>();
            for (TacticRef t : targets.subList(1, targets.size())) {
                Entry copy = new Entry(e.position, e.written, e.node.deepCopy().put("tactic", t.shortname()));
                copy.inputId = e.inputId;
                copy.id = e.id;
                copy.changed = true;
                copies.add(copy);
            }
            moved.add(id);
            add(new UpgradeChange(id, UpgradeAction.TACTIC_MOVED, written, successor, null, null, List.of(was), targets, null,
                    name + " is not under " + was.name() + " now; the entry goes under "
                            + String.join(" and ", targets.stream().map(TacticRef::name).toList())), e.position);
            return copies;
        }

        private String notHeld() {
            return basis.declared() == null ? "the layer's ATT&CK release is not known" : "ATT&CK " + basis.declared() + " is not held here";
        }

        /** A tactic by the shortname a layer gives: the layer's release's, else the current one's, else an older one's. */
        private TacticRef tactic(String shortname) {
            String key = domain + "/" + shortname;
            if (then != null) {
                TacticRef t = tactics(then).get(key);
                if (t != null) return t;
            }
            List<ReleaseSnapshot> releases = history.releases();
            for (int i = releases.size() - 1; i >= 0; i--) {
                TacticRef t = tactics(releases.get(i)).get(key);
                if (t != null) return t;
            }
            return null;
        }

        /** Techniques whose tactics changed though no entry had to move: the user should know (T1112 gained Persistence). */
        private void reportTacticChanges() {
            for (var e : resolved.entrySet()) {
                Resolved r = e.getValue();
                if (r.before() == null || r.now() == null || r.replaced() || moved.contains(e.getKey())) continue;
                if (r.before().tacticIds().equals(r.now().tacticIds())) continue;
                Set<String> before = tacticIds(r.before().tactics());
                Set<String> now = tacticIds(r.now().tactics());
                if (before.equals(now)) continue;
                List<String> gained = r.now().tactics().stream().filter(t -> !before.contains(t.id())).map(TacticRef::name).toList();
                List<String> lost = r.before().tactics().stream().filter(t -> !now.contains(t.id())).map(TacticRef::name).toList();
                String note = (gained.isEmpty() ? "" : "now also under " + String.join(" and ", gained))
                        + (gained.isEmpty() || lost.isEmpty() ? "" : "; ")
                        + (lost.isEmpty() ? "" : "no longer under " + String.join(" and ", lost))
                        + " since ATT&CK " + then.version() + "; the layer's entries stay where they are";
                add(new UpgradeChange(e.getKey(), UpgradeAction.TACTICS_CHANGED, null, null, null, null, r.before().tactics(),
                        r.now().tactics(), null, note), firstSeen.get(e.getKey()));
            }
        }

        /**
         * Entries that now share a technique and tactic become one (when the upgrade made them so, or always for a
         * list of IDs): the higher score, the colour that goes with it, comments joined, metadata and links of all.
         */
        private List<Entry> merge(List<Entry> placed) {
            Map<String, List<Entry>> groups = new HashMap<>(placed.size() * 2);
            List<List<Entry>> groupOf = new ArrayList<>(placed.size());
            for (Entry e : placed) groupOf.add(groups.computeIfAbsent(e.key(), k -> new ArrayList<>(1)));
            for (int i = 0; i < placed.size(); i++) groupOf.get(i).add(placed.get(i));
            List<Entry> out = new ArrayList<>(groups.size());
            for (int i = 0; i < placed.size(); i++) {
                Entry e = placed.get(i);
                List<Entry> group = groupOf.get(i);
                if (group.size() == 1 || !(list || group.stream().anyMatch(g -> g.changed))) {
                    out.add(e);
                } else if (group.get(0) == e) {
                    out.add(merged(group));
                }
            }
            return out;
        }

        private Entry merged(List<Entry> group) {
            Entry first = group.get(0);
            EntryMerge.Merged merged = EntryMerge.of(group.stream().map(g -> g.node).toList());
            Entry out = new Entry(first.position, first.written, merged.node());
            out.inputId = first.inputId;
            out.id = first.id;
            out.changed = true;
            List<String> from = group.stream().map(g -> g.inputId).distinct().toList();
            String what = from.size() == 1 ? group.size() + " entries for " + from.get(0)
                    : String.join(" and ", from) + " now lead to " + (first.id != null ? first.id : first.written);
            add(new UpgradeChange(first.id != null ? first.id : first.written, UpgradeAction.MERGED, first.tactic(), null, null, null,
                    null, null, from, what + (first.tactic() == null ? "" : " under " + first.tactic()) + ": one entry"
                    + (merged.notes().isEmpty() ? "" : "; " + String.join(", ", merged.notes()))), first.position);
            return out;
        }

        private void checkPlatforms(JsonNode filtered) {
            if (!filtered.isArray() || filtered.isEmpty()) return;
            Set<String> known = platforms(domain);
            if (known.isEmpty()) return;
            for (JsonNode p : filtered) {
                if (p.isTextual() && !known.contains(p.asText())) {
                    add(UpgradeChange.of(p.asText(), UpgradeAction.PLATFORM_UNKNOWN, "the layer filters by platform \""
                            + shorten(p.asText()) + "\", which no " + Domains.label(domain) + " technique of ATT&CK "
                            + current.version() + " has; kept as it is"), -1);
                }
            }
        }

        /** The layer with its techniques upgraded and its versions the current release's; every other field as it was. */
        private ObjectNode rewrite(ObjectNode layer, List<Entry> entries) {
            ObjectNode out = NODES.objectNode();
            boolean versioned = layer.path("versions").isObject() || layer.has("version");
            ArrayNode techniques = NODES.arrayNode();
            entries.forEach(e -> techniques.add(e.node));
            var fields = layer.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                switch (f.getKey()) {
                    case "versions" -> out.set("versions", versions(f.getValue()));
                    case "version" -> {
                        if (!layer.path("versions").isObject()) out.set("versions", versions(null));
                    }
                    case "domain" -> out.put("domain", domain);
                    case "techniques" -> out.set("techniques", techniques);
                    default -> out.set(f.getKey(), f.getValue());
                }
                if (f.getKey().equals("name") && !versioned) out.set("versions", versions(null));
            }
            if (!out.has("versions")) out.set("versions", versions(null));
            if (!out.has("domain")) out.put("domain", domain);
            return out;
        }

        private List<String> ids(List<Entry> entries) {
            Set<String> ids = new LinkedHashSet<>();
            for (Entry e : entries) if (e.id != null) ids.add(e.id);
            return List.copyOf(ids);
        }

        private UpgradeReport report(String input, int entriesIn, int entriesOut) {
            List<Line> sorted = new ArrayList<>(lines.values());
            sorted.sort(Comparator.comparing((Line l) -> l.change().action()).thenComparingInt(Line::position));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (UpgradeAction a : UpgradeAction.values()) {
                int n = (int) sorted.stream().filter(l -> l.change().action() == a).count();
                if (n > 0) counts.put(a.key(), n);
            }
            return new UpgradeReport(input, basis.declared(), basis.source(), then == null ? null : then.version(),
                    current.version(), domain, entriesIn, entriesOut, counts,
                    sorted.stream().map(Line::change).toList(), List.copyOf(notes));
        }

        /** Adds a line to the report, once per technique, action and tactic however many entries share them. */
        private void add(UpgradeChange change, int position) {
            String key = change.action() + "\u0000" + change.id() + "\u0000" + change.tactic() + "\u0000" + change.merged();
            lines.putIfAbsent(key, new Line(change, position));
        }
    }

    /** A layer's {@code versions}: the current release's major, format 4.5, and a Navigator version that reads it. */
    private ObjectNode versions(JsonNode old) {
        ObjectNode v = NODES.objectNode();
        v.put("attack", ReleaseOrder.isRelease(current.version()) ? ReleaseOrder.major(current.version()) : current.version());
        String navigator = old == null ? null : old.path("navigator").asText(null);
        boolean reads = navigator != null && ReleaseOrder.isRelease(navigator)
                && ReleaseOrder.OLDEST_FIRST.compare(navigator, OLDEST_NAVIGATOR) >= 0;
        v.put("navigator", reads ? navigator : NAVIGATOR_VERSION);
        v.put("layer", LAYER_FORMAT);
        if (old != null && old.isObject()) old.fields().forEachRemaining(f -> v.putIfAbsent(f.getKey(), f.getValue()));
        return v;
    }

    private static Set<String> tacticIds(List<TacticRef> tactics) {
        Set<String> ids = new HashSet<>();
        for (TacticRef t : tactics) ids.add(t.id());
        return ids;
    }

    private static String withoutBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s == null ? "" : s;
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** A value from the input, cut short enough to quote in a message. */
    static String shorten(String s) {
        return shorten(s, 80);
    }

    private static String shorten(String s, int max) {
        if (s == null) return "";
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
