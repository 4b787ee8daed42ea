/**
 * One knowledge base from all sources: the STIX bundles read and filed by release, the current release assembled and
 * the framework mappings linked to it, each older release handed on as soon as it is assembled
 * ({@link attackkb.ingest.OlderReleases}). Uses {@code source}, {@code stix}, {@code mapping}, {@code releases} and
 * {@code model}.
 */
package attackkb.ingest;
