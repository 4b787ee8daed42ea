package attackkb.ingest;

import attackkb.model.KnowledgeBase;
import java.util.List;

/** The result of reading every source: the linked knowledge base, and a record of each source read or skipped. */
public record Ingested(KnowledgeBase knowledgeBase, List<SourceRecord> sources) {}
