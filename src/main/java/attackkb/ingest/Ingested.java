package attackkb.ingest;

import attackkb.mapping.MappingReport;
import attackkb.model.KnowledgeBase;
import java.util.List;

/**
 * The result of reading every source: the linked knowledge base, a record of each source, and what became of the
 * rows of each control mapping.
 */
public record Ingested(KnowledgeBase knowledgeBase, List<SourceRecord> sources, List<MappingReport> mappings) {}
