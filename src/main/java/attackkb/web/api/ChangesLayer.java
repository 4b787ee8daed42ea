package attackkb.web.api;

import attackkb.model.Domains;
import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import attackkb.releases.Change;
import attackkb.releases.ChangeCategory;
import attackkb.releases.ObjectState;
import attackkb.web.http.ChangeQuery;
import attackkb.web.http.ReleaseChanges;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The techniques of one domain that changed between two releases, as a Navigator layer of the newer release: each
 * cell coloured by its change's first category, its comment saying what changed. A revoked technique is not in the
 * newer matrix, so it is told on its successor's cell; a deprecated or removed one is only counted in the description.
 */
final class ChangesLayer {
    private static final Set<ChangeCategory> GONE = EnumSet.of(ChangeCategory.REVOKED, ChangeCategory.SUCCESSOR_CHANGED,
            ChangeCategory.DEPRECATED, ChangeCategory.REMOVED);

    /** A technique's cells, gathered before they are written: a successor's may gain comments after its own. */
    private static final class Cell {
        final ObjectState state;
        final ChangeCategory colour;
        /** Whether the technique changed itself (its sentences then already name what it replaces). */
        final boolean own;
        final List<String> comments = new ArrayList<>();
        final List<String> labels = new ArrayList<>();

        Cell(ObjectState state, ChangeCategory colour, boolean own) {
            this.state = state;
            this.colour = colour;
            this.own = own;
        }
    }

    private ChangesLayer() {}

    /** The layer of {@code query}'s changes in {@code domain}, of the techniques among them. */
    static Map<String, Object> of(ReleaseChanges changes, ChangeQuery query, String domain) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        Map<ChangeCategory, Integer> notShown = new EnumMap<>(ChangeCategory.class);
        String technique = EntityType.TECHNIQUE.key();
        List<ReleaseChanges.Entry> gone = new ArrayList<>();
        for (ReleaseChanges.Entry e : changes.select(query)) {
            Change c = e.change();
            if (!technique.equals(c.type()) || !e.domains().contains(domain)) continue;
            if (GONE.contains(c.primary())) {
                gone.add(e);
                continue;
            }
            ObjectState state = changes.to().byStixId(c.stixId());
            if (state == null) continue;
            Cell cell = new Cell(state, c.primary(), true);
            if (c.primary() == ChangeCategory.ADDED) cell.comments.add("New in ATT&CK " + changes.to().version());
            cell.comments.add(e.plain("\n"));
            c.categories().forEach(k -> cell.labels.add(k.label()));
            cells.put(state.id(), cell);
        }
        for (ReleaseChanges.Entry e : gone) {
            Change c = e.change();
            ObjectState successor = c.successor() == null ? null : changes.to().byId(technique, c.successor());
            if (successor == null || !successor.active() || !successor.domains().contains(domain)) {
                notShown.merge(c.primary(), 1, Integer::sum);
                continue;
            }
            Cell cell = cells.computeIfAbsent(successor.id(), id -> new Cell(successor, c.primary(), false));
            if (cell.own && c.primary() == ChangeCategory.REVOKED) continue;
            cell.comments.add(c.primary() == ChangeCategory.REVOKED
                    ? "Replaces " + c.id() + " " + c.name() + ", revoked in ATT&CK " + changes.to().version()
                    : "Now also replaces " + c.id() + " " + c.name() + ", revoked earlier (it led to "
                            + c.successorBefore() + " in ATT&CK " + changes.from().version() + ")");
            cell.labels.add(c.primary() == ChangeCategory.REVOKED ? "Replaces a revoked technique" : "Replaces a technique revoked earlier");
        }

        String label = Domains.label(domain);
        StringBuilder description = new StringBuilder("Techniques of ATT&CK ").append(label).append(" changed from ")
                .append(changes.from().version()).append(" to ").append(changes.to().version())
                .append(", coloured by their first change; each comment says what changed. Revoked techniques are told on their successors.");
        if (!notShown.isEmpty()) {
            description.append(" Not shown, no longer in the matrix: ").append(String.join(", ", notShown.entrySet().stream()
                    .map(n -> n.getValue() + " " + n.getKey().label().toLowerCase(java.util.Locale.ROOT)).toList())).append('.');
        }
        if (query.filtered()) description.append(" Filters: ").append(query.filterParameters()).append('.');
        description.append(" Exported from attack-kb.");
        var layer = new NavigatorLayer("ATT&CK " + label + " changes " + changes.from().version() + " → " + changes.to().version(),
                description.toString(), domain, changes.to().version());
        Set<ChangeCategory> used = EnumSet.noneOf(ChangeCategory.class);
        for (Cell cell : cells.values()) {
            used.add(cell.colour);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("changes", String.join("; ", cell.labels));
            metadata.put("compared", changes.from().version() + " → " + changes.to().version());
            for (TacticRef tactic : cell.state.tactics()) {
                layer.technique(cell.state.id(), tactic.shortname(), null, cell.colour.colour(),
                        String.join("\n", cell.comments.stream().filter(s -> !s.isEmpty()).toList()), metadata, List.of());
            }
        }
        used.forEach(c -> layer.legend(legendLabel(c), c.colour()));
        return layer.toMap();
    }

    private static String legendLabel(ChangeCategory c) {
        return switch (c) {
            case REVOKED -> "Successor of a revoked technique";
            case SUCCESSOR_CHANGED -> "New successor of a technique revoked earlier";
            default -> c.label();
        };
    }

    /** The download's name: {@code attack-changes-16.1-18.1-enterprise-layer.json}. */
    static String fileName(ChangeQuery query, String domain) {
        return query.with(List.of(domain), null, null).fileName() + "-layer.json";
    }
}
