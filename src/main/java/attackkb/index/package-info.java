/**
 * Building an index generation and publishing it: {@link attackkb.index.IndexSchema} (every field name, analyzer
 * and facet), documents made from the knowledge base, the snippet files written beside Lucene's, the numbering of
 * postings those files share with the postings a generation holds in memory
 * ({@link attackkb.index.NumberedPostings}), and the crash-safe publish of a new generation
 * ({@link attackkb.index.IndexStore}). Uses {@code ingest} and {@code model}; never anything that serves.
 */
package attackkb.index;
