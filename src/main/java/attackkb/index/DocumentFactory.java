package attackkb.index;

import static attackkb.index.IndexSchema.*;

import attackkb.Json;
import attackkb.model.Actor;
import attackkb.model.Analytic;
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
import attackkb.text.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** Turns domain records into Lucene documents, one per searchable entity, following {@link IndexSchema}. */
final class DocumentFactory {
    private final FacetsConfig facets = IndexSchema.facetsConfig();

    Document technique(Technique t) {
        var doc = new Builder(EntityType.TECHNIQUE, t.id(), t.name(), t.status(), t.domains(), t.attackUrl());
        if (t.parent() != null) {
            doc.keyword(PARENT_ID, t.parent().id(), true);
            doc.stored(PARENT_NAME, t.parent().name());
        }
        doc.keyword(REVOKED_BY, t.revokedBy(), true);
        doc.facetKeyword(PLATFORM, t.platforms());
        doc.facetKeyword(TACTIC, t.tactics().stream().map(TacticRef::shortname).toList());
        doc.facetKeyword(DATA_COMPONENT, t.dataComponents());
        doc.snippetText(STATEMENT, PlainText.of(t.description()));
        doc.snippetText(MITIGATION, mitigationText(t.mitigations()));
        doc.snippetText(PROCEDURES, procedureText(t.procedures()));
        var detection = new StringJoiner("\n");
        t.detections().forEach(s -> detection.add(detectionText(s)));
        doc.snippetText(DETECTION, detection.toString());
        doc.text(ALIASES, String.join(" ; ", t.assets()));
        doc.source(t);
        return doc.build();
    }

    Document tactic(Tactic t) {
        var doc = new Builder(EntityType.TACTIC, t.id(), t.name(), Status.ACTIVE, listOf(t.domain()), t.attackUrl());
        doc.facetKeyword(TACTIC, listOf(t.shortname()));
        doc.snippetText(STATEMENT, PlainText.of(t.description()));
        doc.source(t);
        return doc.build();
    }

    Document mitigation(Mitigation m) {
        var doc = new Builder(EntityType.MITIGATION, m.id(), m.name(), m.status(), m.domains(), m.attackUrl());
        doc.snippetText(STATEMENT, PlainText.of(m.description()));
        var guidance = new StringJoiner("\n");
        m.techniques().forEach(u -> guidance.add(PlainText.of(u.description())));
        doc.snippetText(MITIGATION, guidance.toString());
        doc.source(m);
        return doc.build();
    }

    Document detection(DetectionStrategy s) {
        var doc = new Builder(EntityType.DETECTION, s.id(), s.name(), s.status(), s.domains(), s.attackUrl());
        Set<String> platforms = new LinkedHashSet<>();
        Set<String> components = new LinkedHashSet<>();
        for (Analytic a : s.analytics()) {
            platforms.addAll(a.platforms());
            a.logSources().stream().map(LogSource::dataComponent).filter(c -> c != null).forEach(components::add);
        }
        doc.facetKeyword(PLATFORM, platforms);
        doc.facetKeyword(DATA_COMPONENT, components);
        doc.snippetText(DETECTION, detectionText(s));
        doc.source(s);
        return doc.build();
    }

    Document actor(Actor a) {
        var doc = new Builder(a.type(), a.id(), a.name(), a.status(), a.domains(), a.attackUrl());
        doc.keyword(REVOKED_BY, a.revokedBy(), true);
        doc.facetKeyword(PLATFORM, a.platforms());
        doc.text(ALIASES, String.join(" ; ", a.aliases()));
        a.aliases().forEach(alias -> doc.keyword(NAME_EXACT, alias, false));
        doc.snippetText(STATEMENT, PlainText.of(a.description()));
        doc.source(a);
        return doc.build();
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

    /** Adds fields by purpose, so each call site says what a value is for rather than how Lucene stores it. */
    private final class Builder {
        private final Document doc = new Document();

        Builder(EntityType type, String id, String name, Status status, List<String> domains, String attackUrl) {
            keyword(ID, id, true);
            if (id != null) doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(id)));
            keyword(STATUS, status.key(), false);
            stored(STATUS_STORED, status.key());
            keyword(NAME_EXACT, name, false);
            facetKeyword(TYPE, List.of(type.key()));
            facetKeyword(DOMAIN, domains);
            if (name != null) {
                doc.add(new Field(NAME, name, IndexSchema.TEXT));
                doc.add(new StoredField(NAME, name));
            }
            stored(ATTACK_URL, attackUrl);
        }

        void keyword(String field, String value, boolean store) {
            if (value == null || value.isBlank()) return;
            doc.add(new Field(field, value, KEYWORD));
            if (store) doc.add(new StoredField(field, value));
        }

        /** A filterable keyword that is also a facet dimension, stored for display. */
        void facetKeyword(String field, Collection<String> values) {
            for (String value : values) {
                if (value == null || value.isBlank()) continue;
                keyword(field, value, true);
                doc.add(new SortedSetDocValuesFacetField(field, value));
            }
        }

        void text(String field, String value) {
            if (value != null && !value.isBlank()) doc.add(new Field(field, value, IndexSchema.TEXT));
        }

        void snippetText(String field, String value) {
            if (value != null && !value.isBlank()) doc.add(new Field(field, value, SNIPPET_TEXT));
        }

        void stored(String field, String value) {
            if (value != null) doc.add(new StoredField(field, value));
        }

        void source(Object record) {
            try {
                doc.add(new BinaryDocValuesField(SOURCE, new BytesRef(Records.compress(Json.MAPPER.writeValueAsBytes(record)))));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        Document build() {
            try {
                return facets.build(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
