package attackkb.ingest;

import attackkb.mapping.MappingReport;
import attackkb.model.KnowledgeBase;
import attackkb.releases.ReleaseHistory;
import java.util.List;

/**
 * The result of reading every source: the linked knowledge base of the current release, a record of each source,
 * what became of the rows of each control mapping, and every release read (the current one last).
 */
public record Ingested(KnowledgeBase knowledgeBase, List<SourceRecord> sources, List<MappingReport> mappings,
        ReleaseHistory releases) {}
