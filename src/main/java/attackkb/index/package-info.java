/**
 * Building an index generation and publishing it: {@link attackkb.index.IndexSchema} (every field name, analyzer
 * and facet), documents made from the knowledge base, the snippet files written beside Lucene's, the numbering of
 * postings those files share with the postings a generation holds in memory
 * ({@link attackkb.index.NumberedPostings}), the crash-safe publish of a new generation
 * ({@link attackkb.index.IndexStore}), and the search index of each older release a generation holds, written by the
 * same code beside it ({@link attackkb.index.IndexBuilder.Build}). Uses {@code ingest}, {@code releases} and
 * {@code model}; never anything that serves.
 */
package attackkb.index;
