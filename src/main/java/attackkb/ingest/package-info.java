/**
 * One knowledge base from all sources: the STIX bundles read, the framework mappings linked to them. Uses
 * {@code source}, {@code stix}, {@code mapping} and {@code model}.
 */
package attackkb.ingest;
