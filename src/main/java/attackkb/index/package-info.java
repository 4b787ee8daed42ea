/**
 * Building an index generation and publishing it: {@link attackkb.index.IndexSchema} (every field name, analyzer
 * and facet), documents made from the knowledge base, the snippet files written beside Lucene's, and the crash-safe
 * publish of a new generation ({@link attackkb.index.IndexStore}). Uses {@code ingest} and {@code model}; never
 * anything that serves.
 */
package attackkb.index;
