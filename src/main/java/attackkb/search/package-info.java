/**
 * Searching one generation: {@link attackkb.search.SearchService} takes a {@link attackkb.search.SearchRequest} and
 * returns a {@link attackkb.search.SearchResult}. The text is read into a query in {@code search.query}, its matches
 * scored and paged in {@code search.scoring}, and the hits' snippets cut in {@code search.snippets}; facets are
 * counted here. Uses {@code generation} and {@code index} (and {@code mapping} and {@code releases} for the forms of
 * control IDs and release numbers); knows nothing of HTTP, caching or JSON.
 */
package attackkb.search;
