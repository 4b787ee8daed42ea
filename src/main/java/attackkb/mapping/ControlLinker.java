package attackkb.mapping;

import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.KnowledgeBase;
import attackkb.model.MappingSource;
import attackkb.model.Status;
import attackkb.model.Technique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Links control mappings to the techniques of the knowledge base. Mappings are made for an older ATT&CK release
 * than the one indexed (the SP 800-53 mappings are for 16.1), so a row naming a technique revoked since then is
 * linked to its replacement, and a row naming a technique that no longer exists is counted and listed, not lost.
 */
public final class ControlLinker {
    /** The knowledge base with controls linked, and a report per mapping file. */
    public record Linked(KnowledgeBase knowledgeBase, List<MappingReport> reports) {}

    private ControlLinker() {}

    public static Linked link(KnowledgeBase kb, ControlSources sources) {
        if (sources.isEmpty() && sources.catalog().isEmpty()) return new Linked(kb, List.of());
        Map<String, Technique> byId = new HashMap<>();
        for (Technique t : kb.techniques()) {
            // An ID can belong to one active and one revoked object; the active one wins.
            byId.merge(t.id(), t, (a, b) -> a.active() ? a : b);
        }
        Map<String, Map<String, ControlLink>> linksByTechnique = new HashMap<>();
        Map<String, String> mappingStatus = new HashMap<>();
        Map<String, Map<String, ControlTechnique>> techniquesByControl = new LinkedHashMap<>();
        Map<String, ControlSources.Row> firstRowOfControl = new HashMap<>();
        Map<String, MappingSource> sourceOfControl = new HashMap<>();
        List<MappingReport> reports = new ArrayList<>();

        for (ControlSources.MappingFile file : sources.mappings()) {
            int mapped = 0;
            int followed = 0;
            int nonMappable = 0;
            int incomplete = 0;
            TreeSet<String> unresolved = new TreeSet<>();
            for (ControlSources.Row row : file.rows()) {
                Technique t = resolve(byId, row.techniqueId());
                if ("non_mappable".equals(row.status())) {
                    nonMappable++;
                    if (t != null) mappingStatus.putIfAbsent(t.id(), "non_mappable");
                    continue;
                }
                if (row.techniqueId() == null || row.controlId() == null) {
                    incomplete++;
                    continue;
                }
                if (t == null) {
                    unresolved.add(row.techniqueId());
                    continue;
                }
                if (!t.id().equals(row.techniqueId())) followed++;
                mapped++;
                mappingStatus.put(t.id(), "mapped");
                firstRowOfControl.putIfAbsent(row.controlId(), row);
                sourceOfControl.putIfAbsent(row.controlId(), file.source());
                var catalog = sources.catalog().get(row.controlId());
                String family = Control.familyLabel(familyId(row.controlId(), catalog), familyName(catalog, row));
                var link = new ControlLink(row.controlId(), title(row.controlId(), sources, row), family,
                        row.mappingType(), row.comments(), file.source());
                linksByTechnique.computeIfAbsent(t.id(), k -> new LinkedHashMap<>()).merge(link.id(), link, ControlLinker::mergeLinks);
                var use = new ControlTechnique(t.id(), t.name(), t.tactics(), row.mappingType(), row.comments());
                techniquesByControl.computeIfAbsent(row.controlId(), k -> new LinkedHashMap<>()).merge(t.id(), use, ControlLinker::mergeUses);
            }
            reports.add(new MappingReport(file.origin(), file.source().framework(), file.source().revision(),
                    file.source().attackVersion(), file.rows().size(), mapped, followed, nonMappable, incomplete, unresolved.size(),
                    List.copyOf(unresolved)));
        }

        List<Technique> techniques = new ArrayList<>(kb.techniques().size());
        for (Technique t : kb.techniques()) {
            Map<String, ControlLink> links = linksByTechnique.get(t.id());
            String status = t.active() ? mappingStatus.get(t.id()) : null;
            if (links == null && status == null) {
                techniques.add(t);
                continue;
            }
            List<ControlLink> sorted = links == null ? List.of() : links.values().stream()
                    .sorted(Comparator.comparing(ControlLink::id, ControlId.ORDER)).toList();
            techniques.add(t.withControls(sorted, status));
        }

        Map<String, Control> controls = new LinkedHashMap<>();
        for (var c : sources.catalog().values()) {
            controls.put(c.id(), control(c.id(), sources, firstRowOfControl.get(c.id()), techniquesByControl.get(c.id()),
                    sourceOfControl.get(c.id())));
        }
        firstRowOfControl.forEach((id, row) -> controls.computeIfAbsent(id,
                k -> control(id, sources, row, techniquesByControl.get(id), sourceOfControl.get(id))));
        List<Control> sortedControls = controls.values().stream()
                .sorted(Comparator.comparing(Control::id, ControlId.ORDER)).toList();
        return new Linked(kb.withControls(techniques, sortedControls), List.copyOf(reports));
    }

    private static Technique resolve(Map<String, Technique> byId, String id) {
        Technique t = id == null ? null : byId.get(id);
        if (t == null) return null;
        if (t.status() == Status.REVOKED && t.revokedBy() != null) t = byId.get(t.revokedBy());
        return t != null && t.active() ? t : null;
    }

    private static Control control(String id, ControlSources sources, ControlSources.Row row,
            Map<String, ControlTechnique> techniques, MappingSource source) {
        var catalog = sources.catalog().get(id);
        List<ControlTechnique> uses = techniques == null ? List.of() : techniques.values().stream()
                .sorted(Comparator.comparing(ControlTechnique::techniqueId)).toList();
        return new Control(id, title(id, sources, row), familyId(id, catalog), familyName(catalog, row),
                catalog == null ? null : catalog.statement(), catalog == null ? null : catalog.guidance(),
                sources.descriptions().get(id), uses, source);
    }

    private static String title(String id, ControlSources sources, ControlSources.Row row) {
        var catalog = sources.catalog().get(id);
        if (catalog != null && catalog.title() != null) return catalog.title();
        return row == null ? id : row.controlTitle();
    }

    /** The catalog's family of a control, or the letters of its ID when no catalog names it. */
    private static String familyId(String id, ControlSources.CatalogControl catalog) {
        return catalog != null && catalog.familyId() != null ? catalog.familyId() : ControlId.family(id);
    }

    /** The catalog's family name, or the mapping's when the catalog gives none. */
    private static String familyName(ControlSources.CatalogControl catalog, ControlSources.Row row) {
        if (catalog != null && catalog.familyName() != null) return catalog.familyName();
        return row == null ? null : row.familyName();
    }

    /** Two rows map the same control to one technique: keep one link, with both rationales when they differ. */
    private static ControlLink mergeLinks(ControlLink a, ControlLink b) {
        String comments = joinComments(a.comments(), b.comments());
        return Objects.equals(comments, a.comments()) ? a
                : new ControlLink(a.id(), a.title(), a.family(), a.mappingType(), comments, a.source());
    }

    private static ControlTechnique mergeUses(ControlTechnique a, ControlTechnique b) {
        String comments = joinComments(a.comments(), b.comments());
        return Objects.equals(comments, a.comments()) ? a
                : new ControlTechnique(a.techniqueId(), a.techniqueName(), a.tactics(), a.mappingType(), comments);
    }

    /** Both rationales when they differ, else the first. */
    private static String joinComments(String first, String second) {
        if (second == null || second.equals(first)) return first;
        return first == null ? second : first + "\n\n" + second;
    }
}
