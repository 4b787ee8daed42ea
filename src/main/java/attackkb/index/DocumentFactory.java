package attackkb.index;

import static attackkb.index.IndexSchema.*;

import attackkb.Json;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Actor;
import attackkb.model.Analytic;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.LogSource;
import attackkb.model.Mitigation;
import attackkb.model.MitigationUse;
import attackkb.model.Procedure;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.releases.ObjectState;
import attackkb.releases.ReleaseSnapshot;
import attackkb.text.PlainText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns domain records into Lucene documents, one per searchable entity, following {@link IndexSchema}: the current
 * release's, or an older release's, whose documents are searched alike but lead to the current release's objects.
 */
final class DocumentFactory {
    private final FacetsConfig facets = IndexSchema.facetsConfig();
    /** Older names by STIX ID: searchable, so that people who learnt the old name still find the object. */
    private final Map<String, List<String>> formerNames;
    /** For an older release, the current one: what became of each object. Null for the current release. */
    private final ReleaseSnapshot current;

    /** The current release's documents. */
    DocumentFactory(Map<String, List<String>> formerNames) {
        this(formerNames, null);
    }

    private DocumentFactory(Map<String, List<String>> formerNames, ReleaseSnapshot current) {
        this.formerNames = formerNames;
        this.current = current;
    }

    /**
     * An older release's documents: its own names and text only, and in each hit record what became of the object
     * in {@code current}. Without the stored record, which only the current release's pages read.
     */
    static DocumentFactory olderRelease(ReleaseSnapshot current) {
        return new DocumentFactory(Map.of(), current);
    }

    /** What became of the object with this STIX ID in the current release. */
    static HitRecord.Current currentOf(ReleaseSnapshot current, String stixId) {
        ObjectState now = current.byStixId(stixId);
        if (now == null) return new HitRecord.Current(HitRecord.Current.REMOVED, null, null, null, null);
        ObjectState successor = now.revoked() ? current.byId(now.type(), now.successor()) : null;
        return new HitRecord.Current(now.status(), now.id(), now.name(), successor == null ? null : successor.id(),
                successor == null ? null : successor.name());
    }

    Document technique(Technique t) {
        var doc = new Builder(EntityType.TECHNIQUE, t.id(), t.name(), t.status(), t.domains());
        doc.formerNames(formerNames.get(t.stixId()));
        if (t.parent() != null) doc.parent(t.parent().id(), t.parent().name());
        doc.keyword(REVOKED_BY, t.revokedBy());
        doc.platforms(t.platforms());
        doc.tactics(t.tactics().stream().map(TacticRef::shortname).toList());
        doc.facetKeyword(DATA_COMPONENT, t.dataComponents());
        doc.statement(PlainText.of(t.description()));
        doc.snippetText(MITIGATION, mitigationText(t.mitigations()));
        doc.snippetText(PROCEDURES, procedureText(t.procedures()));
        var detection = new StringJoiner("\n");
        t.detections().forEach(s -> detection.add(detectionText(s)));
        doc.snippetText(DETECTION, detection.toString());
        doc.text(ALIASES, String.join(" ; ", t.assets()));
        doc.facetKeyword(CONTROL, t.controls().stream().map(ControlLink::id).toList());
        doc.facetKeyword(FRAMEWORK, t.controls().stream().map(ControlLink::framework).distinct().toList());
        doc.facetKeyword(FAMILY, t.controls().stream().filter(l -> FrameworkNames.NIST_800_53.equals(l.framework()))
                .map(ControlLink::family).distinct().toList());
        return doc.build(t, t.stixId());
    }

    Document control(Control c) {
        var doc = new Builder(EntityType.CONTROL, c.id(), c.title(), Status.ACTIVE, List.of());
        doc.framework = c.framework();
        doc.facetKeyword(CONTROL, List.of(c.id()));
        doc.facetKeyword(FRAMEWORK, List.of(c.framework()));
        // The family facet is SP 800-53's; other frameworks' groups are searchable words.
        if (FrameworkNames.NIST_800_53.equals(c.framework())) doc.facetKeyword(FAMILY, List.of(c.family()));
        else doc.text(ALIASES, c.family());
        var text = new StringJoiner("\n");
        for (String part : new String[] {c.statement(), c.guidance(), c.discussion()}) {
            if (part != null && !part.isBlank()) text.add(part);
        }
        doc.statement(text.toString());
        var rationale = new StringJoiner("\n");
        c.techniques().forEach(u -> rationale.add(u.techniqueName() + ": " + (u.comments() == null ? "" : u.comments())));
        doc.snippetText(MITIGATION, rationale.toString());
        return doc.build(c, null);
    }

    Document tactic(Tactic t) {
        var doc = new Builder(EntityType.TACTIC, t.id(), t.name(), Status.ACTIVE, listOf(t.domain()));
        doc.formerNames(formerNames.get(t.stixId()));
        doc.tactics(listOf(t.shortname()));
        doc.statement(PlainText.of(t.description()));
        return doc.build(t, t.stixId());
    }

    Document mitigation(Mitigation m) {
        var doc = new Builder(EntityType.MITIGATION, m.id(), m.name(), m.status(), m.domains());
        doc.formerNames(formerNames.get(m.stixId()));
        doc.statement(PlainText.of(m.description()));
        var guidance = new StringJoiner("\n");
        m.techniques().forEach(u -> guidance.add(PlainText.of(u.description())));
        doc.snippetText(MITIGATION, guidance.toString());
        return doc.build(m, m.stixId());
    }

    Document detection(DetectionStrategy s) {
        var doc = new Builder(EntityType.DETECTION, s.id(), s.name(), s.status(), s.domains());
        Set<String> platforms = new LinkedHashSet<>();
        Set<String> components = new LinkedHashSet<>();
        for (Analytic a : s.analytics()) {
            a.platforms().stream().filter(p -> !"None".equals(p)).forEach(platforms::add); // ICS analytics say "None"
            a.logSources().stream().map(LogSource::dataComponent).filter(c -> c != null).forEach(components::add);
        }
        doc.platforms(List.copyOf(platforms));
        doc.facetKeyword(DATA_COMPONENT, components);
        doc.snippetText(DETECTION, detectionText(s));
        return doc.build(s, s.stixId());
    }

    Document actor(Actor a) {
        var doc = new Builder(a.type(), a.id(), a.name(), a.status(), a.domains());
        doc.formerNames(formerNames.get(a.stixId()));
        doc.keyword(REVOKED_BY, a.revokedBy());
        doc.platforms(a.platforms());
        doc.text(ALIASES, String.join(" ; ", a.aliases()));
        a.aliases().forEach(alias -> doc.keyword(NAME_EXACT, alias));
        doc.statement(PlainText.of(a.description()));
        return doc.build(a, a.stixId());
    }

    private static String mitigationText(List<MitigationUse> uses) {
        var text = new StringJoiner("\n");
        for (MitigationUse u : uses) {
            text.add(u.name() + ": " + PlainText.of(u.guidance()));
        }
        return text.toString();
    }

    private static String procedureText(List<Procedure> procedures) {
        var text = new StringJoiner("\n");
        for (Procedure p : procedures) text.add(PlainText.of(p.description()));
        return text.toString();
    }

    static String detectionText(DetectionStrategy s) {
        var text = new StringJoiner("\n");
        text.add(s.name());
        for (Analytic a : s.analytics()) {
            text.add(PlainText.of(a.description()));
            for (LogSource ls : a.logSources()) {
                text.add(join(" ", ls.dataComponent(), ls.name(), ls.channel()));
            }
        }
        return text.toString();
    }

    private static String join(String sep, String... parts) {
        var j = new StringJoiner(sep);
        for (String p : parts) if (p != null && !p.isBlank()) j.add(p);
        return j.toString();
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** The start of a text, cut at a word, for hits that have no better snippet. */
    static String lead(String text) {
        if (text.length() <= LEAD_LENGTH) return text;
        int end = text.lastIndexOf(' ', LEAD_LENGTH);
        return text.substring(0, end > 0 ? end : LEAD_LENGTH) + " …";
    }

    /**
     * Adds fields by purpose, so each call site says what a value is for rather than how Lucene keeps it, and
     * gathers the {@link HitRecord} written with the document.
     */
    private final class Builder {
        private final Document doc = new Document();
        private final EntityType type;
        private final String id;
        private final String name;
        private final Status status;
        private final List<String> domains;
        private List<String> tactics = List.of();
        private List<String> platforms = List.of();
        private String parentId;
        private String parentName;
        private String lead = "";
        private String framework;
        private List<String> formerNames;

        Builder(EntityType type, String id, String name, Status status, List<String> domains) {
            this.type = type;
            this.id = id;
            this.name = name;
            this.status = status;
            this.domains = domains;
            keyword(ID, id);
            if (id != null) doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(id)));
            keyword(STATUS, status.key());
            keyword(NAME_EXACT, name);
            facetKeyword(TYPE, List.of(type.key()));
            facetKeyword(DOMAIN, domains);
            text(NAME, name);
        }

        void formerNames(List<String> names) {
            if (names == null || names.isEmpty()) return;
            text(FORMER_NAMES, String.join(" ; ", names));
            names.forEach(n -> keyword(FORMER_NAME_EXACT, n));
            formerNames = names;
        }

        void parent(String id, String name) {
            keyword(PARENT_ID, id);
            parentId = id;
            parentName = name;
        }

        void tactics(List<String> shortnames) {
            facetKeyword(TACTIC, shortnames);
            tactics = shortnames;
        }

        void platforms(List<String> values) {
            facetKeyword(PLATFORM, values);
            platforms = values;
        }

        void statement(String text) {
            snippetText(STATEMENT, text);
            lead = lead(text);
        }

        void keyword(String field, String value) {
            if (value != null && !value.isBlank()) doc.add(new Field(field, value, KEYWORD));
        }

        /** A filterable keyword that is also a facet dimension. */
        void facetKeyword(String field, Collection<String> values) {
            for (String value : values) {
                if (value == null || value.isBlank()) continue;
                keyword(field, value);
                doc.add(new SortedSetDocValuesFacetField(field, value));
            }
        }

        void text(String field, String value) {
            if (value != null && !value.isBlank()) doc.add(new Field(field, value, TEXT));
        }

        /** Indexed prose, with the start of it kept in {@link SnippetTexts} for the snippets to be cut from. */
        void snippetText(String field, String value) {
            if (value == null || value.isBlank()) return;
            doc.add(new Field(field, value, snippetFieldType(field)));
        }

        /** The document, with its hit record and, for the current release, its stored {@code record}. */
        Document build(Object record, String stixId) {
            NORMED_FIELDS.forEach((field, fieldType) -> {
                if (doc.getField(field) != null) return;
                doc.add(new Field(field, "", fieldType));
            });
            try {
                var hit = new HitRecord(id, type.key(), name, status.key(), domains, tactics, platforms, parentId,
                        parentName, framework, lead, formerNames, current == null ? null : currentOf(current, stixId));
                doc.add(new BinaryDocValuesField(HIT, new BytesRef(Json.MAPPER.writeValueAsBytes(hit))));
                if (current == null) {
                    doc.add(new BinaryDocValuesField(SOURCE, new BytesRef(Json.MAPPER.writeValueAsBytes(record))));
                }
                return facets.build(doc);
            } catch (IOException e) { // writing JSON to memory or building facets: neither does I/O
                throw new UncheckedIOException(e);
            }
        }
    }
}
