package attackkb.ingest;

/** What the index manifest says of one source: where it came from, what it held, and its SHA-256. */
public record SourceRecord(String origin, String kind, String sha256, long bytes, int objects) {}
