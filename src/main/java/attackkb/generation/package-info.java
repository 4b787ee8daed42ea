/**
 * One built index generation, or the search index of an older release it holds, opened for reading
 * ({@link attackkb.generation.IndexGeneration}) and the tables made
 * from it once, when it opens, for every request: hit records, ID order and facet ordinals ({@code DocTable}), the
 * prose fields' postings in memory ({@code TermDocs}), term look-ups and doc values, and a memo for what the
 * layers above make of it once ({@code GenerationMemo}). Uses {@code index} and
 * {@code urls}; knows nothing of queries or HTTP.
 */
package attackkb.generation;
