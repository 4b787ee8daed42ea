/**
 * What the server answers from: the generation being served and the services built over it
 * ({@link attackkb.serving.ServedGeneration}, counted by references like a Lucene reader), the swap to a newly
 * published one while requests hold the old one ({@link attackkb.serving.CurrentGeneration}, on Lucene's
 * {@code ReferenceManager}), search answers with their kept results and JSON
 * ({@link attackkb.serving.SearchResponses}), and the older releases a generation holds, searched on request, one
 * open at a time ({@link attackkb.serving.SearchedRelease}). Uses {@code search}, {@code records} and {@code generation}; knows
 * nothing of HTTP.
 */
package attackkb.serving;
