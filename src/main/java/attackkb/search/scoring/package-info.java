/**
 * Scoring a query's matches into per-document sums and picking a page's keys: Lucene's collector API reduced to
 * {@code collect(doc, score)}, kept clauses' scores, and partial sorting. Uses Lucene only.
 */
package attackkb.search.scoring;
